#include "http/url.hpp"

namespace pvr::http {

std::string url_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                                u == '-' || u == '.' || u == '_' || u == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4U];
            out += hex[u & 0x0FU];
        }
    }
    return out;
}

std::string query_string(const Query& query) {
    std::string out;
    for (const auto& [key, value] : query) {
        out += out.empty() ? '?' : '&';
        out += url_encode(key);
        out += '=';
        out += url_encode(value);
    }
    return out;
}

std::string origin_of(std::string_view base_url) {
    const auto scheme = base_url.find("://");
    const auto start = scheme == std::string_view::npos ? 0 : scheme + 3;
    const auto slash = base_url.find('/', start);
    return std::string(base_url.substr(0, slash));
}

} // namespace pvr::http
