#include "config/variable_table.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <cctype>

namespace pvr::config::detail {
namespace {

std::string single_quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

bool valid_name_part(std::string_view s) {
    // PVE's realm and token-name format: a letter, then letters, digits, '.', '-', '_' (2+ chars).
    if (s.size() < 2 || std::isalpha(static_cast<unsigned char>(s.front())) == 0) {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_';
    });
}

bool valid_user(std::string_view s) {
    return !s.empty() && std::none_of(s.begin(), s.end(), [](char c) {
        return std::isspace(static_cast<unsigned char>(c)) != 0 || std::iscntrl(static_cast<unsigned char>(c)) != 0 ||
               c == ':' || c == '/';
    });
}

std::optional<std::string> apply_pve_url(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::string problem;
    auto url = normalize_https_url(value, 8006, problem);
    if (!url) {
        return problem;
    }
    config.pve_url = std::move(*url);
    return std::nullopt;
}

std::optional<std::string> apply_token_id(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string text = trim(value);
    if (text.find('=') != std::string::npos) {
        // Probably "id=secret" pasted whole: never echo it.
        return std::string("expected user@realm!tokenname without the secret (the value contains '='; "
                           "put the secret in PVE_TOKEN_SECRET)");
    }
    const auto bang = text.rfind('!');
    const auto at = bang == std::string::npos ? std::string::npos : text.rfind('@', bang);
    const bool ok = bang != std::string::npos && at != std::string::npos && valid_user(text.substr(0, at)) &&
                    valid_name_part(text.substr(at + 1, bang - at - 1)) && valid_name_part(text.substr(bang + 1));
    if (!ok) {
        return "expected user@realm!tokenname (e.g. report@pve!coverage), got " + single_quoted(text);
    }
    config.pve_token_id = text;
    return std::nullopt;
}

std::optional<std::string> apply_token_secret(std::string_view value, Config& config, ApplyContext& /*context*/) {
    if (std::any_of(value.begin(), value.end(), [](char c) {
            return std::isspace(static_cast<unsigned char>(c)) != 0 || std::iscntrl(static_cast<unsigned char>(c)) != 0;
        })) {
        return std::string("contains white space or control characters (a stray space or newline?)");
    }
    config.pve_token_secret = std::string(value);
    return std::nullopt;
}

std::optional<std::string> apply_verify_tls(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const auto flag = parse_bool(value);
    if (!flag) {
        return "expected a boolean (1/0, true/false, yes/no, on/off), got " + single_quoted(trim(value));
    }
    config.pve_verify_tls = *flag;
    return std::nullopt;
}

std::optional<std::string> apply_ca_bundle(std::string_view value, Config& config, ApplyContext& context) {
    const std::filesystem::path path(trim(value));
    const auto content = context.read_file(path);
    if (!content) {
        std::error_code ec;
        const bool exists = std::filesystem::exists(path, ec);
        return "cannot read " + single_quoted(path.string()) + (exists ? " (not a readable file)" : " (no such file)");
    }
    if (content->find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
        return single_quoted(path.string()) + " contains no PEM certificate (-----BEGIN CERTIFICATE-----)";
    }
    config.pve_ca_bundle = path;
    return std::nullopt;
}

std::optional<std::string> apply_timeout(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const auto seconds = parse_int(value);
    if (!seconds || *seconds < 1 || *seconds > 3600) {
        return "expected a whole number of seconds between 1 and 3600, got " + single_quoted(trim(value));
    }
    config.pve_timeout = std::chrono::seconds(*seconds);
    return std::nullopt;
}

std::optional<std::string> apply_output_dir(std::string_view value, Config& config, ApplyContext& /*context*/) {
    config.output_dir = std::filesystem::path(trim(value));
    return std::nullopt;
}

std::optional<std::string> apply_log_level(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string text = to_lower(trim(value));
    if (text == "trace") {
        config.log_level = LogLevel::trace;
    } else if (text == "debug") {
        config.log_level = LogLevel::debug;
    } else if (text == "info") {
        config.log_level = LogLevel::info;
    } else if (text == "warn" || text == "warning") {
        config.log_level = LogLevel::warn;
    } else if (text == "error") {
        config.log_level = LogLevel::error;
    } else {
        return "expected one of trace, debug, info, warn, error, got " + single_quoted(trim(value));
    }
    return std::nullopt;
}

std::optional<std::string> apply_report_lang(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string text = to_lower(trim(value));
    if (text != "en" && text != "fr") {
        return "expected en or fr, got " + single_quoted(trim(value));
    }
    config.report_lang = text;
    return std::nullopt;
}

} // namespace

const std::vector<VariableSpec>& variable_table() {
    static const std::vector<VariableSpec> table = {
        {"PVE_URL", "", "URL of a PVE node's API: https://host[:port] (port 8006 by default)", false, Need::pve,
         apply_pve_url},
        {"PVE_TOKEN_ID", "", "API token id: user@realm!tokenname (e.g. report@pve!coverage)", false, Need::pve,
         apply_token_id},
        {"PVE_TOKEN_SECRET", "", "API token secret (UUID); or PVE_TOKEN_SECRET_FILE", true, Need::pve,
         apply_token_secret},
        {"PVE_VERIFY_TLS", "true", "verify the server's TLS certificate (true/false)", false, Need::optional,
         apply_verify_tls},
        {"PVE_CA_BUNDLE", "", "PEM file with the CA (or certificate) to trust for the PVE API", false, Need::optional,
         apply_ca_bundle},
        {"PVE_TIMEOUT", "30", "timeout of one API request, in seconds (1..3600)", false, Need::optional, apply_timeout},
        {"OUTPUT_DIR", "reports", "directory where the reports are written", false, Need::optional, apply_output_dir},
        {"LOG_LEVEL", "info", "log level on stderr: trace, debug, info, warn, error", false, Need::optional,
         apply_log_level},
        {"REPORT_LANG", "en", "language of the reports: en or fr", false, Need::optional, apply_report_lang},
    };
    return table;
}

} // namespace pvr::config::detail

namespace pvr::config {

const std::vector<VariableDoc>& documented_variables() {
    static const std::vector<VariableDoc> docs = [] {
        std::vector<VariableDoc> out;
        for (const auto& spec : detail::variable_table()) {
            out.push_back({spec.name, spec.default_value, spec.description, spec.secret});
            if (spec.secret) {
                out.push_back({std::string(spec.name) + std::string(detail::file_suffix), "",
                               std::string("file containing ") + spec.name +
                                   " (e.g. a Docker secret); one trailing newline is ignored",
                               false});
            }
        }
        return out;
    }();
    return docs;
}

const char* to_string(LogLevel level) noexcept {
    switch (level) {
    case LogLevel::trace:
        return "trace";
    case LogLevel::debug:
        return "debug";
    case LogLevel::info:
        return "info";
    case LogLevel::warn:
        return "warn";
    case LogLevel::error:
        return "error";
    }
    return "info";
}

std::string pve_authorization(const Config& config) {
    return "PVEAPIToken=" + config.pve_token_id + "=" + config.pve_token_secret;
}

} // namespace pvr::config
