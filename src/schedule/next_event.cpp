#include "schedule/next_event.hpp"

#include "schedule/wall_clock.hpp"

#include <algorithm>
#include <limits>

namespace pvr::schedule {
namespace {

using detail::WallClock;

enum class Mode : std::uint8_t {
    crate, // proxmox-time's find_next with overshooting carries, 1000-step cap
    exact, // carries bounded by the field range
};

constexpr std::int64_t k_day = 86400;

std::optional<std::uint32_t> find_next(const ValueList& list, std::int64_t value, std::uint32_t limit, Mode mode) {
    const auto v = static_cast<std::uint32_t>(value);
    return mode == Mode::crate ? list_find_next(list, v) : list_find_next_below(list, v, limit);
}

/// `stop_wall`: give up once the wall time passes it (bounded searches of previous_event).
std::optional<std::int64_t> search(const CalendarEvent& ev, std::int64_t last, const TimeZone& tz, Mode mode,
                                   std::optional<std::int64_t> stop_wall = std::nullopt) {
    if (last < detail::k_min_epoch || last >= detail::k_max_epoch) {
        return std::nullopt;
    }
    WallClock t(ev.utc ? nullptr : tz.zone(), last + 1);
    const int max_steps = mode == Mode::crate ? 1000 : std::numeric_limits<int>::max();
    for (int count = 0;; ++count) {
        if (count > max_steps || t.year() > 9999 || t.year() < 0) {
            return std::nullopt;
        }
        if (stop_wall && t.wall_seconds() > *stop_wall) {
            return std::nullopt;
        }
        if (!ev.years.empty() && !list_contains(ev.years, static_cast<std::uint32_t>(t.year()))) {
            const auto n = list_find_next(ev.years, static_cast<std::uint32_t>(t.year()));
            if (!n) {
                return std::nullopt;
            }
            t.add_years(*n - t.year());
            continue;
        }
        if (!ev.months.empty() && !list_contains(ev.months, static_cast<std::uint32_t>(t.month()))) {
            if (const auto n = find_next(ev.months, t.month(), 13, mode)) {
                t.add_months(*n - t.month());
            } else {
                t.add_years(1);
            }
            continue;
        }
        if (!ev.days.empty() && !list_contains(ev.days, static_cast<std::uint32_t>(t.day()))) {
            const auto limit = static_cast<std::uint32_t>(t.days_in_month() + 1);
            if (const auto n = find_next(ev.days, t.day(), limit, mode)) {
                t.add_days(*n - t.day());
            } else {
                t.add_months(1);
            }
            continue;
        }
        if (!ev.every_weekday()) {
            const int day_num = t.day_num();
            if (!ev.has_weekday(day_num)) {
                int n = day_num + 1;
                while (n < 7 && !ev.has_weekday(n)) {
                    ++n;
                }
                t.add_days(n - day_num); // n == 7: next Monday
                continue;
            }
        }
        if (!ev.hours.empty() && !list_contains(ev.hours, static_cast<std::uint32_t>(t.hour()))) {
            if (const auto n = find_next(ev.hours, t.hour(), 24, mode)) {
                t.set_time(*n, 0, 0);
            } else {
                t.add_days(1);
            }
            continue;
        }
        if (!ev.minutes.empty() && !list_contains(ev.minutes, static_cast<std::uint32_t>(t.minute()))) {
            if (const auto n = find_next(ev.minutes, t.minute(), 60, mode)) {
                t.set_min_sec(*n, 0);
            } else {
                t.set_time(t.hour() + 1, 0, 0);
            }
            continue;
        }
        if (!ev.seconds.empty() && !list_contains(ev.seconds, static_cast<std::uint32_t>(t.second()))) {
            if (const auto n = find_next(ev.seconds, t.second(), 60, mode)) {
                t.set_sec(*n);
            } else {
                t.set_min_sec(t.minute() + 1, 0);
            }
            continue;
        }
        return t.to_epoch();
    }
}

/// The earliest instant an occurrence can have.
std::int64_t search_floor(const CalendarEvent& ev, std::int64_t target) {
    if (ev.years.empty()) {
        return std::max(detail::k_min_epoch + 2 * k_day, target - 401 * 366 * k_day);
    }
    std::uint32_t min_year = std::numeric_limits<std::uint32_t>::max();
    for (const auto& item : ev.years) {
        min_year = std::min(min_year, item.start);
    }
    WallClock start(nullptr, 0);
    start.add_years(static_cast<std::int64_t>(min_year) - 1970);
    return std::max(detail::k_min_epoch + 2 * k_day, start.wall_seconds() - 2 * k_day);
}

} // namespace

std::optional<std::int64_t> next_event(const CalendarEvent& event, std::int64_t after_epoch, const TimeZone& tz) {
    return search(event, after_epoch, tz, Mode::crate);
}

std::optional<std::int64_t> next_matching_time(const CalendarEvent& event, std::int64_t after_epoch,
                                               const TimeZone& tz) {
    return search(event, after_epoch, tz, Mode::exact);
}

std::optional<std::int64_t> previous_event(const CalendarEvent& event, std::int64_t epoch, const TimeZone& tz,
                                           Bound bound) {
    const std::int64_t target = bound == Bound::inclusive ? epoch : epoch - 1;
    if (target >= detail::k_max_epoch) {
        return std::nullopt;
    }
    const std::int64_t floor = search_floor(event, target);
    if (floor > target) {
        return std::nullopt;
    }
    // wall time never exceeds the instant by more than a day; stop searches just beyond `target`
    const std::int64_t stop_wall = target + 2 * k_day;
    const auto first_at_or_after = [&](std::int64_t from) -> std::optional<std::int64_t> {
        auto m = search(event, from - 1, tz, Mode::exact, stop_wall);
        if (m && *m <= target) {
            return m;
        }
        return std::nullopt;
    };
    // 1. doubling window [target - width, target] until it holds an occurrence
    std::optional<std::int64_t> best;
    for (std::int64_t width = 60;; width *= 2) {
        const std::int64_t lo = std::max(floor, target - width);
        best = first_at_or_after(lo);
        if (best || lo == floor) {
            break;
        }
    }
    if (!best) {
        return std::nullopt;
    }
    // 2. bisection: best is an occurrence <= target, none lies in [hi, target]
    std::int64_t hi = target + 1;
    while (hi - *best > 1) {
        const std::int64_t mid = *best + (hi - *best) / 2;
        if (auto m = first_at_or_after(mid)) {
            best = m;
        } else {
            hi = mid;
        }
    }
    return best;
}

std::vector<std::int64_t> occurrences(const CalendarEvent& event, std::int64_t from, std::int64_t to,
                                      const TimeZone& tz, std::size_t limit) {
    std::vector<std::int64_t> out;
    std::int64_t last = from - 1;
    while (out.size() < limit) {
        const auto next = next_event(event, last, tz);
        if (!next || *next >= to) {
            break;
        }
        out.push_back(*next);
        last = *next;
    }
    return out;
}

} // namespace pvr::schedule
