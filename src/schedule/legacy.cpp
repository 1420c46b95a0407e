#include "schedule/legacy.hpp"

#include "schedule/calendar_event_error.hpp"

#include <fmt/format.h>

#include <array>
#include <vector>

namespace pvr::schedule {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool valid_starttime(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos) {
        return false;
    }
    const auto digits = [](std::string_view part) {
        if (part.empty() || part.size() > 2) {
            return false;
        }
        for (const char c : part) {
            if (!is_digit(c)) {
                return false;
            }
        }
        return true;
    };
    return digits(s.substr(0, colon)) && digits(s.substr(colon + 1));
}

bool is_separator(char c) { return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

} // namespace

std::string legacy_schedule(std::string_view starttime, std::string_view dow) {
    const std::string context = fmt::format("starttime={} dow={}", starttime, dow);
    if (!valid_starttime(starttime)) {
        throw CalendarEventError(context, fmt::format("invalid legacy starttime '{}' (expected H:M)", starttime));
    }
    static constexpr std::array<std::string_view, 7> k_days{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::vector<std::string_view> days;
    std::size_t i = 0;
    while (i < dow.size()) {
        while (i < dow.size() && is_separator(dow[i])) {
            ++i;
        }
        std::size_t j = i;
        while (j < dow.size() && !is_separator(dow[j])) {
            ++j;
        }
        if (j > i) {
            const std::string_view day = dow.substr(i, j - i);
            bool known = false;
            for (const auto d : k_days) {
                known = known || d == day;
            }
            if (!known) {
                throw CalendarEventError(context, fmt::format("invalid legacy day of week '{}'", day));
            }
            days.push_back(day);
        }
        i = j;
    }
    if (days.empty()) {
        return std::string(starttime);
    }
    const std::string joined = fmt::format("{}", fmt::join(days, ","));
    if (joined == "mon,tue,wed,thu,fri,sat,sun") {
        return std::string(starttime);
    }
    return fmt::format("{} {}", joined, starttime);
}

} // namespace pvr::schedule
