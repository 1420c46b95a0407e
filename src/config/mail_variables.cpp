#include "config/mail_variables.hpp"

#include "config/resolve.hpp"
#include "config/validators.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <cctype>

namespace pvr::config {
namespace {

/// RFC 5322 atext: the characters of a dot-atom local part besides '.'.
bool is_atext(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
        return false;
    }
    return std::isalnum(u) != 0 || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool valid_local_part(std::string_view local) {
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos) {
        return false;
    }
    return std::all_of(local.begin(), local.end(), [](char c) { return c == '.' || is_atext(c); });
}

bool valid_domain(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) {
        return false;
    }
    std::size_t start = 0;
    while (true) {
        const auto dot = domain.find('.', start);
        const std::string_view label = domain.substr(start, dot == std::string_view::npos ? dot : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-' ||
            !std::all_of(label.begin(), label.end(), [](char c) {
                return (static_cast<unsigned char>(c) < 0x80 && std::isalnum(static_cast<unsigned char>(c)) != 0) ||
                       c == '-';
            })) {
            return false;
        }
        if (dot == std::string_view::npos) {
            return true;
        }
        start = dot + 1;
    }
}

bool has_control(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f;
    });
}

std::string expected_address(std::string_view text) {
    return detail::single_quoted(text) + " is not an e-mail address (expected local@domain or Name <local@domain>)";
}

} // namespace

std::optional<std::string> normalize_smtp_url(std::string_view text, std::string& problem) {
    const std::string trimmed = trim(text);
    const std::string expected = "expected smtp://host[:port] (STARTTLS) or smtps://host[:port] (implicit TLS), got " +
                                 detail::single_quoted(trimmed);
    const auto scheme_end = trimmed.find("://");
    const std::string scheme =
        scheme_end == std::string::npos ? std::string() : to_lower(std::string_view(trimmed).substr(0, scheme_end));
    if (scheme != "smtp" && scheme != "smtps") {
        problem = expected;
        return std::nullopt;
    }
    const std::string_view rest = std::string_view(trimmed).substr(scheme_end + 3);
    const auto authority_end = rest.find_first_of("/?#");
    const std::string_view authority = rest.substr(0, authority_end);
    const std::string_view path = authority_end == std::string_view::npos ? "" : rest.substr(authority_end);
    if (authority.find('@') != std::string_view::npos) {
        // Never echoed: user information may hold a password.
        problem = "expected " + scheme +
                  "://host[:port] without user information (user:password@); use SMTP_USER and SMTP_PASSWORD";
        return std::nullopt;
    }
    if (!(path.empty() || path == "/")) {
        problem = expected + " (nothing may follow the port)";
        return std::nullopt;
    }
    const auto host_port = detail::normalize_host_port(authority, scheme == "smtps" ? 465 : 25, expected, problem);
    if (!host_port) {
        return std::nullopt;
    }
    return scheme + "://" + *host_port;
}

std::optional<MailAddress> parse_mail_address(std::string_view text, std::string& problem) {
    const std::string trimmed = trim(text);
    if (has_control(trimmed)) {
        problem = "an address contains control characters";
        return std::nullopt;
    }
    MailAddress out;
    std::string spec = trimmed;
    const auto open = trimmed.rfind('<');
    if (open != std::string::npos) {
        if (trimmed.back() != '>') {
            problem = expected_address(trimmed);
            return std::nullopt;
        }
        spec = trimmed.substr(open + 1, trimmed.size() - open - 2);
        std::string name = trim(std::string_view(trimmed).substr(0, open));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
            std::string unquoted;
            for (std::size_t i = 1; i + 1 < name.size(); ++i) {
                if (name[i] == '\\' && i + 2 < name.size()) {
                    ++i;
                }
                unquoted += name[i];
            }
            name = unquoted;
        } else if (name.find_first_of("\"<>") != std::string::npos) {
            problem = expected_address(trimmed) + " (put a display name with special characters in double quotes)";
            return std::nullopt;
        }
        out.display_name = name;
    }
    const auto at = spec.rfind('@');
    if (at == std::string::npos || !valid_local_part(std::string_view(spec).substr(0, at)) ||
        !valid_domain(std::string_view(spec).substr(at + 1)) || spec.size() > 254) {
        problem = expected_address(trimmed);
        if (std::any_of(spec.begin(), spec.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
            problem += " (non-ASCII addresses are not supported)";
        }
        return std::nullopt;
    }
    out.address = spec;
    return out;
}

std::optional<std::vector<MailAddress>> parse_mail_address_list(std::string_view text, std::string& problem) {
    std::vector<std::string> items(1);
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
        }
        if (c == ',' && !quoted) {
            items.emplace_back();
        } else {
            items.back() += c;
        }
    }
    std::vector<MailAddress> out;
    for (const auto& item : items) {
        if (trim(item).empty()) {
            continue;
        }
        auto address = parse_mail_address(item, problem);
        if (!address) {
            return std::nullopt;
        }
        const bool duplicate = std::any_of(out.begin(), out.end(), [&](const MailAddress& a) {
            return to_lower(a.address) == to_lower(address->address);
        });
        if (!duplicate) {
            out.push_back(std::move(*address));
        }
    }
    if (out.empty()) {
        problem = "expected at least one e-mail address (comma-separated), got " + detail::single_quoted(trim(text));
        return std::nullopt;
    }
    return out;
}

} // namespace pvr::config

namespace pvr::config::detail {

std::optional<std::string> apply_smtp_url(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::string problem;
    auto url = normalize_smtp_url(value, problem);
    if (!url) {
        return problem;
    }
    config.mail.smtp_url = std::move(*url);
    return std::nullopt;
}

std::optional<std::string> apply_smtp_tls(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string text = to_lower(trim(value));
    if (text == "required") {
        config.mail.smtp_tls = true;
    } else if (text == "none") {
        config.mail.smtp_tls = false;
    } else {
        return "expected required or none, got " + single_quoted(trim(value));
    }
    return std::nullopt;
}

std::optional<std::string> apply_smtp_user(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string text = trim(value);
    if (has_control(text)) {
        return std::string("contains control characters");
    }
    config.mail.smtp_user = text;
    return std::nullopt;
}

std::optional<std::string> apply_smtp_password(std::string_view value, Config& config, ApplyContext& /*context*/) {
    // Spaces are legitimate in a password; line breaks would end the SMTP command.
    if (has_control(value)) {
        return std::string("contains control characters (a stray newline?)");
    }
    config.mail.smtp_password = std::string(value);
    return std::nullopt;
}

std::optional<std::string> apply_smtp_ca_bundle(std::string_view value, Config& config, ApplyContext& context) {
    std::filesystem::path path;
    if (auto problem = check_ca_bundle(value, context, path)) {
        return problem;
    }
    config.mail.smtp_ca_bundle = path;
    return std::nullopt;
}

std::optional<std::string> apply_mail_from(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::string problem;
    auto address = parse_mail_address(value, problem);
    if (!address) {
        return problem;
    }
    config.mail.from = std::move(*address);
    return std::nullopt;
}

std::optional<std::string> apply_mail_to(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::string problem;
    auto addresses = parse_mail_address_list(value, problem);
    if (!addresses) {
        return problem;
    }
    config.mail.to = std::move(*addresses);
    return std::nullopt;
}

std::optional<std::string> apply_mail_when(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string text = to_lower(trim(value));
    if (text == "always") {
        config.mail.when = MailWhen::always;
    } else if (text == "problems") {
        config.mail.when = MailWhen::problems;
    } else {
        return "expected always or problems (verdict warning or critical), got " + single_quoted(trim(value));
    }
    return std::nullopt;
}

void check_mail_settings(const EnvMap& env, Config& config, std::vector<std::string>& problems) {
    MailConfig& mail = config.mail;
    const auto is_set = [&env](std::string_view name) { return lookup(env, name).has_value(); };
    if (!mail.enabled()) {
        if (is_set("SMTP_URL")) {
            return; // SMTP_URL itself is invalid: already reported
        }
        for (const char* name : {"MAIL_FROM", "MAIL_TO", "MAIL_WHEN", "SMTP_TLS", "SMTP_USER", "SMTP_PASSWORD",
                                 "SMTP_PASSWORD_FILE", "SMTP_CA_BUNDLE"}) {
            if (is_set(name)) {
                config.warnings.push_back(std::string(name) +
                                          ": ignored because SMTP_URL is not set (no e-mail is sent)");
            }
        }
        return;
    }
    if (mail.from.address.empty() && !is_set("MAIL_FROM")) {
        problems.emplace_back(
            "MAIL_FROM: required when SMTP_URL is set (the sender, e.g. pve-backup-report@example.com)");
    }
    if (mail.to.empty() && !is_set("MAIL_TO")) {
        problems.emplace_back("MAIL_TO: required when SMTP_URL is set (the recipients, comma-separated)");
    }
    const bool implicit_tls = mail.smtp_url.rfind("smtps://", 0) == 0;
    if (implicit_tls && !mail.smtp_tls) {
        problems.emplace_back("SMTP_TLS: 'none' contradicts SMTP_URL " + mail.smtp_url +
                              " (smtps:// is TLS from the first byte); use smtp://host:port for a server without TLS");
    }
    const bool password_set = is_set("SMTP_PASSWORD") || is_set("SMTP_PASSWORD_FILE");
    if (!mail.smtp_user.empty() && !password_set) {
        problems.emplace_back("SMTP_PASSWORD: required when SMTP_USER is set (or SMTP_PASSWORD_FILE)");
    }
    if (mail.smtp_user.empty() && password_set && !is_set("SMTP_USER")) {
        problems.emplace_back("SMTP_USER: required when SMTP_PASSWORD is set (the SMTP login)");
    }
    if (!mail.smtp_tls && !implicit_tls) {
        config.warnings.emplace_back("SMTP_TLS=none: the e-mail is sent to " + mail.smtp_url + " without TLS" +
                                     (password_set ? ", the SMTP password in clear text" : ""));
        if (mail.smtp_ca_bundle) {
            config.warnings.emplace_back("SMTP_CA_BUNDLE: ignored because SMTP_TLS=none");
        }
    }
}

} // namespace pvr::config::detail
