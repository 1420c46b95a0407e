#include "schedule/wall_clock.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <chrono>

namespace pvr::schedule::detail {
namespace {

constexpr std::int64_t k_day = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
    // Howard Hinnant's algorithm; m in 1..12, any d (added linearly)
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (m + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + (d - 1);
}

} // namespace

WallClock::WallClock(const date::time_zone* zone, std::int64_t epoch) : m_zone(zone) {
    std::int64_t offset = 0;
    if (m_zone != nullptr) {
        const auto info = m_zone->get_info(date::sys_seconds{std::chrono::seconds{epoch}});
        offset = info.offset.count();
        if (info.begin > date::sys_seconds{std::chrono::seconds{k_min_epoch}}) {
            const auto before = m_zone->get_info(info.begin - std::chrono::seconds{1});
            const std::int64_t repeated = before.offset.count() - offset; // length of the repeated period
            const std::int64_t transition = info.begin.time_since_epoch().count();
            if (repeated > 0 && epoch < transition + repeated) {
                epoch = transition + repeated; // first wall time not seen before the transition
            }
        }
    }
    set_from_wall(epoch + offset);
}

int WallClock::day_num() const noexcept {
    const std::int64_t days = floor_div(m_wall, k_day);
    return static_cast<int>(((days + 3) % 7 + 7) % 7); // 1970-01-01 was a Thursday (3)
}

int WallClock::days_in_month() const noexcept {
    const std::int64_t next_y = m_month == 12 ? m_year + 1 : m_year;
    const std::int64_t next_m = m_month == 12 ? 1 : m_month + 1;
    return static_cast<int>(days_from_civil(next_y, next_m, 1) - days_from_civil(m_year, m_month, 1));
}

void WallClock::add_years(std::int64_t n) {
    m_month = 1;
    m_day = 1;
    m_hour = 0;
    m_minute = 0;
    m_second = 0;
    m_year += n;
    normalize();
}

void WallClock::add_months(std::int64_t n) {
    m_day = 1;
    m_hour = 0;
    m_minute = 0;
    m_second = 0;
    m_month += n;
    normalize();
}

void WallClock::add_days(std::int64_t n) {
    m_hour = 0;
    m_minute = 0;
    m_second = 0;
    m_day += n;
    normalize();
}

void WallClock::set_time(std::int64_t hour, std::int64_t minute, std::int64_t second) {
    m_hour = hour;
    m_minute = minute;
    m_second = second;
    normalize();
}

void WallClock::set_min_sec(std::int64_t minute, std::int64_t second) {
    m_minute = minute;
    m_second = second;
    normalize();
}

void WallClock::set_sec(std::int64_t second) {
    m_second = second;
    normalize();
}

void WallClock::normalize() {
    // like timegm: carry month overflow into the year, then add days/hours/... linearly
    const std::int64_t month0 = m_month - 1;
    const std::int64_t year = m_year + floor_div(month0, 12);
    const std::int64_t month = month0 - floor_div(month0, 12) * 12 + 1;
    std::int64_t wall =
        days_from_civil(year, month, 1) * k_day + (m_day - 1) * k_day + m_hour * 3600 + m_minute * 60 + m_second;
    if (m_zone != nullptr && wall > k_min_epoch && wall < k_max_epoch) {
        const auto info = m_zone->get_info(date::local_seconds{std::chrono::seconds{wall}});
        if (info.result == date::local_info::nonexistent) {
            // a skipped wall time (spring forward): continue at the first wall time after the gap
            wall = info.second.begin.time_since_epoch().count() + info.second.offset.count();
        }
    }
    set_from_wall(wall);
}

void WallClock::set_from_wall(std::int64_t wall) {
    m_wall = wall;
    const std::int64_t days = floor_div(wall, k_day);
    std::int64_t rest = wall - days * k_day;
    // civil_from_days (Howard Hinnant)
    const std::int64_t z = days + 719468;
    const std::int64_t era = floor_div(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    m_day = doy - (153 * mp + 2) / 5 + 1;
    m_month = mp < 10 ? mp + 3 : mp - 9;
    m_year = yoe + era * 400 + (m_month <= 2 ? 1 : 0);
    m_hour = rest / 3600;
    rest %= 3600;
    m_minute = rest / 60;
    m_second = rest % 60;
}

std::int64_t WallClock::to_epoch() const {
    if (m_zone == nullptr) {
        return m_wall;
    }
    const auto info = m_zone->get_info(date::local_seconds{std::chrono::seconds{m_wall}});
    switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous: // first occurrence
        return m_wall - info.first.offset.count();
    case date::local_info::nonexistent:
        return info.first.end.time_since_epoch().count();
    }
    return m_wall - info.first.offset.count();
}

} // namespace pvr::schedule::detail
