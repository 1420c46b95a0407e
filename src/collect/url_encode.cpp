#include "collect/url_encode.hpp"

namespace pvr::collect {

std::string url_encode(std::string_view segment) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(segment.size() * 3);
    for (const char ch : segment) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4U];
            out += hex[c & 0x0FU];
        }
    }
    return out;
}

} // namespace pvr::collect
