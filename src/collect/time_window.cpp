#include "collect/time_window.hpp"

#include <limits>

namespace pvr::collect {

TimeWindow TimeWindow::around(EpochSeconds now) {
    TimeWindow window;
    window.earliest = year_2000;
    window.latest = now > std::numeric_limits<EpochSeconds>::max() - one_day ? std::numeric_limits<EpochSeconds>::max()
                                                                             : now + one_day;
    window.latest_is_run_time = true;
    return window;
}

std::optional<std::string> TimeWindow::problem(std::int64_t t) const {
    if (t < earliest) {
        return std::to_string(t) + " is before " + iso8601_utc(earliest) + ", not a plausible time";
    }
    if (t > latest) {
        return std::to_string(t) +
               (latest_is_run_time
                    ? " is more than a day after the time of the run (" + iso8601_utc(latest - one_day) + ")"
                    : " is after " + iso8601_utc(latest)) +
               ", not a plausible time";
    }
    return std::nullopt;
}

std::optional<EpochSeconds> read_time(ObjectReader& item, std::string_view key, const TimeWindow& window, Need need) {
    const auto value = item.read_int(key, need);
    if (!value) {
        return std::nullopt;
    }
    if (auto why = window.problem(*value)) {
        item.problem(key, std::move(*why), need);
        return std::nullopt;
    }
    return value;
}

} // namespace pvr::collect
