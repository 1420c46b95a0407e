#include "config/validators.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace pvr::config::detail {
namespace {

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

} // namespace

std::string single_quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::optional<std::string> check_token_id(std::string_view value, std::string_view secret_variable, std::string& out) {
    const std::string text = trim(value);
    for (const char separator : {'=', ':'}) {
        if (text.find(separator) != std::string::npos) {
            // Probably "id=secret" (PVE) or "id:secret" (PBS) pasted whole: never echo it.
            return "expected user@realm!tokenname without the secret (the value contains '" +
                   std::string(1, separator) + "'; put the secret in " + std::string(secret_variable) + ")";
        }
    }
    const auto bang = text.rfind('!');
    const auto at = bang == std::string::npos ? std::string::npos : text.rfind('@', bang);
    const bool ok = bang != std::string::npos && at != std::string::npos && valid_user(text.substr(0, at)) &&
                    valid_name_part(text.substr(at + 1, bang - at - 1)) && valid_name_part(text.substr(bang + 1));
    if (!ok) {
        return "expected user@realm!tokenname (e.g. report@pve!coverage), got " + single_quoted(text);
    }
    out = text;
    return std::nullopt;
}

std::optional<std::string> check_secret(std::string_view value) {
    if (std::any_of(value.begin(), value.end(), [](char c) {
            return std::isspace(static_cast<unsigned char>(c)) != 0 || std::iscntrl(static_cast<unsigned char>(c)) != 0;
        })) {
        return std::string("contains white space or control characters (a stray space or newline?)");
    }
    return std::nullopt;
}

std::optional<std::string> check_ca_bundle(std::string_view value, ApplyContext& context, std::filesystem::path& out) {
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
    out = path;
    return std::nullopt;
}

std::optional<std::string> check_fingerprint(std::string_view value, std::string& out) {
    const std::string text = trim(value);
    std::string hex;
    bool ok = true;
    for (const char c : text) {
        if (c == ':') {
            continue;
        }
        if (std::isxdigit(static_cast<unsigned char>(c)) == 0) {
            ok = false;
            break;
        }
        hex += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (!ok || hex.size() != 64) {
        return "expected a SHA-256 certificate fingerprint: 32 hex bytes separated by ':' (e.g. "
               "64:D3:FF:...:1A, as shown by 'proxmox-backup-manager cert info'), got " +
               single_quoted(text);
    }
    out.clear();
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        if (i > 0) {
            out += ':';
        }
        out += hex.substr(i, 2);
    }
    return std::nullopt;
}

std::optional<std::string> check_bool(std::string_view value, bool& out) {
    const auto flag = parse_bool(value);
    if (!flag) {
        return "expected a boolean (1/0, true/false, yes/no, on/off), got " + single_quoted(trim(value));
    }
    out = *flag;
    return std::nullopt;
}

std::optional<std::string> check_int(std::string_view value, std::int64_t min, std::int64_t max, std::string_view unit,
                                     std::int64_t& out) {
    const auto number = parse_int(value);
    if (!number || *number < min || *number > max) {
        return "expected a whole number of " + std::string(unit) + " between " + std::to_string(min) + " and " +
               std::to_string(max) + ", got " + single_quoted(trim(value));
    }
    out = *number;
    return std::nullopt;
}

} // namespace pvr::config::detail
