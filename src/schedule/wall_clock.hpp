#pragma once
// Internal: the broken-down wall-clock time that the next-event search edits, the equivalent of
// proxmox-time's TmEditor (struct tm + timegm/mktime), evaluated in an explicit zone.

#include <cstdint>

namespace date {
class time_zone;
} // namespace date

namespace pvr::schedule::detail {

/// Earliest/latest instants the search handles (years 0 to 9999).
inline constexpr std::int64_t k_min_epoch = -62167219200; // 0000-01-01T00:00:00Z
inline constexpr std::int64_t k_max_epoch = 253402300799; // 9999-12-31T23:59:59Z

class WallClock {
public:
    /// The wall-clock time of `epoch` in `zone` (nullptr = UTC). If `epoch` lies in the second pass
    /// of a repeated (fall-back) period, its wall time was already seen: the clock starts at the
    /// first wall time after the repeated period instead.
    WallClock(const date::time_zone* zone, std::int64_t epoch);

    [[nodiscard]] std::int64_t year() const noexcept { return m_year; }
    [[nodiscard]] std::int64_t month() const noexcept { return m_month; }
    [[nodiscard]] std::int64_t day() const noexcept { return m_day; }
    [[nodiscard]] std::int64_t hour() const noexcept { return m_hour; }
    [[nodiscard]] std::int64_t minute() const noexcept { return m_minute; }
    [[nodiscard]] std::int64_t second() const noexcept { return m_second; }
    /// 0 = Monday ... 6 = Sunday.
    [[nodiscard]] int day_num() const noexcept;
    [[nodiscard]] int days_in_month() const noexcept;
    /// Wall-clock seconds since 1970-01-01T00:00:00 (local).
    [[nodiscard]] std::int64_t wall_seconds() const noexcept { return m_wall; }

    // Each of these resets the smaller fields like TmEditor and normalises (overflow carries).
    void add_years(std::int64_t n);
    void add_months(std::int64_t n);
    void add_days(std::int64_t n);
    void set_time(std::int64_t hour, std::int64_t minute, std::int64_t second);
    void set_min_sec(std::int64_t minute, std::int64_t second);
    void set_sec(std::int64_t second);

    /// The instant of the current wall time: its first occurrence if it is repeated.
    [[nodiscard]] std::int64_t to_epoch() const;

private:
    void normalize();
    void set_from_wall(std::int64_t wall);

    const date::time_zone* m_zone;
    std::int64_t m_year = 1970;
    std::int64_t m_month = 1;
    std::int64_t m_day = 1;
    std::int64_t m_hour = 0;
    std::int64_t m_minute = 0;
    std::int64_t m_second = 0;
    std::int64_t m_wall = 0;
};

} // namespace pvr::schedule::detail
