#include "emulator/token_check.hpp"

#include <cctype>
#include <string>

namespace pvr::emulator {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::string url_unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            const int hi = hex_value(s[i + 1]);
            const int lo = hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(s[i]);
    }
    return out;
}

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
        s.remove_suffix(1);
    }
    return s;
}

} // namespace

AuthCheck check_token_header(std::string_view header, std::string_view keyword, char separator,
                             const std::vector<Token>& tokens) {
    header = trim_blanks(header);
    if (header.empty()) {
        return AuthCheck::missing;
    }
    if (header.substr(0, keyword.size()) != keyword || header.size() == keyword.size()) {
        return AuthCheck::not_a_token;
    }
    const char after = header[keyword.size()];
    if (after != '=' && after != ' ') {
        return AuthCheck::not_a_token;
    }
    std::string_view value = header.substr(keyword.size() + 1);
    // A secret may hold any character (also the separator, ';' or '%'): the exact text
    // "<id><separator><secret>" of a known token is accepted as sent, or as cpp-httplib hands it
    // over (it URL-decodes header values).
    const std::string_view whole = trim_blanks(value);
    for (const auto& known : tokens) {
        if (known.secret.empty()) {
            continue;
        }
        const std::string expected = known.id + separator + known.secret;
        if (whole == expected || whole == url_unescape(expected)) {
            return AuthCheck::ok;
        }
    }
    if (const auto semicolon = value.find(';'); semicolon != std::string_view::npos) {
        value = value.substr(0, semicolon);
    }
    const std::string token = url_unescape(trim_blanks(value));
    const auto split = token.rfind(separator);
    if (split == std::string::npos || split == 0) {
        return AuthCheck::invalid;
    }
    const std::string id = token.substr(0, split);
    const std::string secret = token.substr(split + 1);
    for (const auto& known : tokens) {
        if (known.id == id && known.secret == secret && !secret.empty()) {
            return AuthCheck::ok;
        }
    }
    return AuthCheck::invalid;
}

} // namespace pvr::emulator
