#include "model/verdict.hpp"

namespace pvr::model {

const char* to_string(VerdictLevel level) noexcept {
    switch (level) {
    case VerdictLevel::good:
        return "good";
    case VerdictLevel::info:
        return "info";
    case VerdictLevel::warning:
        return "warning";
    case VerdictLevel::critical:
        return "critical";
    }
    return "critical";
}

std::optional<VerdictLevel> verdict_level_from(std::string_view text) noexcept {
    for (const auto level : {VerdictLevel::good, VerdictLevel::info, VerdictLevel::warning, VerdictLevel::critical}) {
        if (text == to_string(level)) {
            return level;
        }
    }
    return std::nullopt;
}

} // namespace pvr::model
