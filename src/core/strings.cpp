#include "core/strings.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace pvr {

std::string trim(std::string_view s) {
    const auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return std::string(s);
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::vector<std::string> split_any(std::string_view s, std::string_view separators) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto start = s.find_first_not_of(separators, pos);
        if (start == std::string_view::npos) {
            break;
        }
        auto end = s.find_first_of(separators, start);
        if (end == std::string_view::npos) {
            end = s.size();
        }
        out.emplace_back(s.substr(start, end - start));
        pos = end;
    }
    return out;
}

std::vector<std::string> split_list(std::string_view s) { return split_any(s, ",; \t\r\n"); }

std::optional<std::int64_t> parse_int(std::string_view s) {
    const std::string t = trim(s);
    if (t.empty()) {
        return std::nullopt;
    }
    std::string_view v = t;
    if (v.front() == '+') {
        v.remove_prefix(1);
    }
    std::int64_t value = 0;
    const auto* end = v.data() + v.size();
    const auto [ptr, ec] = std::from_chars(v.data(), end, value);
    if (ec != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

std::optional<bool> parse_bool(std::string_view s) {
    const std::string t = to_lower(trim(s));
    if (t == "1" || t == "true" || t == "yes" || t == "on") {
        return true;
    }
    if (t == "0" || t == "false" || t == "no" || t == "off") {
        return false;
    }
    return std::nullopt;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += parts[i];
    }
    return out;
}

} // namespace pvr
