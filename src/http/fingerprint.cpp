#include "http/classify.hpp"

#include <cctype>

namespace pvr::http {

std::optional<std::string> normalize_fingerprint(std::string_view text) {
    std::string hex;
    for (const char c : text) {
        if (c == ':' || c == ' ') {
            continue;
        }
        if (std::isxdigit(static_cast<unsigned char>(c)) == 0) {
            return std::nullopt;
        }
        hex += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (hex.size() != 64) {
        return std::nullopt;
    }
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        if (i > 0) {
            out += ':';
        }
        out += hex.substr(i, 2);
    }
    return out;
}

std::string format_fingerprint(const unsigned char* digest, std::size_t size) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        if (i > 0) {
            out += ':';
        }
        out += digits[digest[i] >> 4U];
        out += digits[digest[i] & 0x0FU];
    }
    return out;
}

} // namespace pvr::http
