#include "collect/property_string.hpp"

#include "core/strings.hpp"

namespace pvr::collect {

std::optional<std::string> PropertyString::get(std::string_view key) const {
    std::optional<std::string> found;
    for (const auto& [k, v] : options) {
        if (k == key) {
            found = v;
        }
    }
    return found;
}

PropertyString parse_property_string(std::string_view text) {
    PropertyString out;
    bool first = true;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find(',', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string element = trim(text.substr(pos, end - pos));
        pos = end + 1;
        if (element.empty()) {
            continue;
        }
        const auto eq = element.find('=');
        if (eq == std::string::npos) {
            if (first) {
                out.positional = element;
            } else {
                out.options.emplace_back("", element);
            }
        } else {
            out.options.emplace_back(to_lower(trim(std::string_view(element).substr(0, eq))),
                                     trim(std::string_view(element).substr(eq + 1)));
        }
        first = false;
    }
    return out;
}

} // namespace pvr::collect
