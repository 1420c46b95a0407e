#include "config/config.hpp"
#include "config/validators.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <cctype>

namespace pvr::config {
namespace {

bool is_host_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_';
}

bool is_ipv6_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isxdigit(u) != 0 || c == ':' || c == '.';
}

std::string single_quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

} // namespace

std::optional<std::string> normalize_https_url(std::string_view text, int default_port, std::string& problem) {
    const std::string trimmed = trim(text);
    const std::string expected = "expected https://host[:port], got " + single_quoted(trimmed);
    const auto scheme_end = trimmed.find("://");
    if (scheme_end == std::string::npos) {
        problem = expected;
        return std::nullopt;
    }
    const std::string scheme = to_lower(std::string_view(trimmed).substr(0, scheme_end));
    if (scheme != "https") {
        problem = expected;
        if (scheme == "http") {
            problem += " (plain HTTP is not supported: the Proxmox API only listens on HTTPS)";
        }
        return std::nullopt;
    }
    std::string_view rest = std::string_view(trimmed).substr(scheme_end + 3);
    const auto authority_end = rest.find_first_of("/?#");
    const std::string_view authority = rest.substr(0, authority_end);
    const std::string_view path = authority_end == std::string_view::npos ? "" : rest.substr(authority_end);
    if (authority.find('@') != std::string_view::npos) {
        // Do not echo: user information may hold a password.
        problem = "expected https://host[:port] without user information (user:password@); use the token variables";
        return std::nullopt;
    }
    if (!(path.empty() || path == "/" || path == "/api2/json" || path == "/api2/json/")) {
        problem = expected + " (only an optional trailing '/' or '/api2/json' may follow the port)";
        return std::nullopt;
    }
    const auto host_port = detail::normalize_host_port(authority, default_port, expected, problem);
    if (!host_port) {
        return std::nullopt;
    }
    return "https://" + *host_port;
}

} // namespace pvr::config

namespace pvr::config::detail {

std::optional<std::string> normalize_host_port(std::string_view authority, int default_port,
                                               const std::string& expected, std::string& problem) {
    std::string host;
    std::string_view port_text;
    bool has_port = false;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) {
            problem = expected + " (unterminated IPv6 address)";
            return std::nullopt;
        }
        const std::string_view address = authority.substr(1, close - 1);
        if (address.empty() || address.find(':') == std::string_view::npos ||
            !std::all_of(address.begin(), address.end(), is_ipv6_char)) {
            problem = expected + " (invalid IPv6 address)";
            return std::nullopt;
        }
        host = "[" + to_lower(address) + "]";
        const std::string_view after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') {
                problem = expected;
                return std::nullopt;
            }
            has_port = true;
            port_text = after.substr(1);
        }
    } else {
        const auto colon = authority.find(':');
        const std::string_view name = authority.substr(0, colon);
        if (name.empty() || !std::all_of(name.begin(), name.end(), is_host_char)) {
            problem = expected + (name.empty() ? " (no host name)" : " (invalid host name)");
            return std::nullopt;
        }
        host = to_lower(name);
        if (colon != std::string_view::npos) {
            has_port = true;
            port_text = authority.substr(colon + 1);
        }
    }
    int port = default_port;
    if (has_port) {
        const bool digits_only = !port_text.empty() && std::all_of(port_text.begin(), port_text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        });
        const auto value = digits_only && port_text.size() <= 5 ? parse_int(port_text) : std::nullopt;
        if (!value || *value < 1 || *value > 65535) {
            problem = expected + " (port must be a number between 1 and 65535)";
            return std::nullopt;
        }
        port = static_cast<int>(*value);
    }
    return host + ":" + std::to_string(port);
}

} // namespace pvr::config::detail
