#include "config/config.hpp"

#include "core/strings.hpp"

namespace pvr::config {

const char* to_string(FailOn fail_on) noexcept {
    switch (fail_on) {
    case FailOn::never:
        return "never";
    case FailOn::warning:
        return "warning";
    case FailOn::critical:
        return "critical";
    }
    return "never";
}

std::optional<FailOn> parse_fail_on(std::string_view text) {
    const std::string value = to_lower(trim(text));
    for (const auto fail_on : {FailOn::never, FailOn::warning, FailOn::critical}) {
        if (value == to_string(fail_on)) {
            return fail_on;
        }
    }
    return std::nullopt;
}

} // namespace pvr::config
