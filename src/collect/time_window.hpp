#pragma once
// Which times read from the API are plausible: not before 2000-01-01, not more than a day after
// the run's own time. A backup time of INT64_MAX or -1e18 is a broken answer, not a backup: such
// an element is rejected with a warning naming endpoint, index and field, so that no absurd time
// reaches the analysis (where it would overflow, or look like a fresh backup).

#include "collect/json_fields.hpp"
#include "core/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pvr::collect {

struct TimeWindow {
    static constexpr EpochSeconds year_1 = -62135596800;    // 0001-01-01T00:00:00Z
    static constexpr EpochSeconds year_2000 = 946684800;    // 2000-01-01T00:00:00Z
    static constexpr EpochSeconds year_9999 = 253402300799; // 9999-12-31T23:59:59Z
    static constexpr EpochSeconds one_day = 86400;

    // Without a run time (parsers called on their own): only what calendar arithmetic can hold.
    EpochSeconds earliest = year_1;
    EpochSeconds latest = year_9999;
    bool latest_is_run_time = false; // latest = now + one day (for messages)

    /// What the collectors use: [2000-01-01, now + 1 day].
    [[nodiscard]] static TimeWindow around(EpochSeconds now);
    [[nodiscard]] bool contains(std::int64_t t) const noexcept { return t >= earliest && t <= latest; }
    /// nullopt when `t` is plausible, else why not: "is before 2000-01-01", "is more than a day
    /// after the time of the run (2026-11-27T07:00:00Z)".
    [[nodiscard]] std::optional<std::string> problem(std::int64_t t) const;
};

/// The time in field `key` of `item` (epoch seconds, an integer), nullopt when absent or null.
/// A value that is no integer or not in `window` is recorded as a problem of `item` naming the
/// field ("GET /x: data[3].backup-time: 9223372036854775807 is more than a day after ...") with
/// the given need (required: the element is skipped), and read as nullopt.
[[nodiscard]] std::optional<EpochSeconds> read_time(ObjectReader& item, std::string_view key, const TimeWindow& window,
                                                    Need need);

} // namespace pvr::collect
