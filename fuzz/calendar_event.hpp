#pragma once
// Fuzz target calendar_event: Proxmox calendar events (backup-job and prune-job schedules) and the
// legacy vzdump.cron `starttime`/`dow`, then when they fire. Input: a selector byte, the text, and
// optionally '\n' and the decimal epoch to search from. Selector modulo 3: 0 the crate's parser,
// 1 PVE's (trimmed), 2 legacy "<starttime>|<dow>"; (selector / 3) modulo 4 chooses the zone.
// Checked: parse and is_valid_calendar_event agree; next_event is
// after the start and is an occurrence (previous_event gives it back); next_matching_time is never
// later than next_event; occurrences are increasing and inside the window.

#include "core/strings.hpp"
#include "fuzz/support.hpp"
#include "schedule/calendar_event_error.hpp"
#include "schedule/legacy.hpp"
#include "schedule/next_event.hpp"
#include "schedule/parse.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::fuzz {

inline void check_calendar_event(const schedule::CalendarEvent& event, std::int64_t from,
                                 const schedule::TimeZone& tz) {
    const auto next = schedule::next_event(event, from, tz);
    if (next) {
        check(*next > from, "next_event is not after the start");
        const auto back = schedule::previous_event(event, *next, tz, schedule::Bound::inclusive);
        check(back == next, "previous_event(next_event(t)) != next_event(t) for '" + event.text + "'");
        const auto before = schedule::previous_event(event, *next, tz, schedule::Bound::exclusive);
        check(!before || *before < *next, "previous_event exclusive is not before");
    }
    const auto matching = schedule::next_matching_time(event, from, tz);
    if (matching && next) {
        check(*matching <= *next, "next_matching_time later than next_event for '" + event.text + "'");
    }
    constexpr std::int64_t window = 40LL * 86400;
    const auto runs = schedule::occurrences(event, from, from + window, tz, 32);
    check(runs.size() <= 32, "more occurrences than the limit");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        check(runs[i] >= from && runs[i] < from + window, "occurrence outside the window");
        check(i == 0 || runs[i - 1] < runs[i], "occurrences not increasing");
    }
}

inline void calendar_event(std::string_view input) {
    const Selected in = select(input);
    std::string_view text = in.rest;
    std::int64_t from = 1795000000; // 2026-11-18
    if (const auto newline = text.find('\n'); newline != std::string_view::npos) {
        if (const auto epoch = parse_int(text.substr(newline + 1))) {
            from = std::clamp<std::int64_t>(*epoch, 0, 7258118400); // 1970 .. 2200
        }
        text = text.substr(0, newline);
    }
    static const std::array<schedule::TimeZone, 4> zones{
        schedule::TimeZone::utc(), schedule::TimeZone::from_name("Europe/Paris"),
        schedule::TimeZone::from_name("America/New_York"), schedule::TimeZone::from_name("Australia/Lord_Howe")};
    const schedule::TimeZone& tz = zones[(in.selector / 3U) % zones.size()];

    expect_value_or_error([&] {
        switch (in.selector % 3) {
        case 0: {
            const bool valid = schedule::is_valid_calendar_event(text);
            std::optional<schedule::CalendarEvent> event;
            try {
                event = schedule::parse_calendar_event(text);
            } catch (const schedule::CalendarEventError&) {
                check(!valid, "is_valid_calendar_event accepts what parse_calendar_event rejects");
                return;
            }
            check(valid, "is_valid_calendar_event rejects what parse_calendar_event accepts");
            check_calendar_event(*event, from, tz);
            break;
        }
        case 1:
            check_calendar_event(schedule::parse_pve_calendar_event(text), from, tz);
            break;
        default: {
            // Like PVE, the conversion takes any "<digits>:<digits>" verbatim: "2:74" is only
            // rejected by the calendar event parser (a pvr::Error, as for any bad schedule).
            const auto bar = text.find('|');
            const std::string converted = schedule::legacy_schedule(
                text.substr(0, bar), bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1));
            check_calendar_event(schedule::parse_pve_calendar_event(converted), from, tz);
            break;
        }
        }
    });
}

} // namespace pvr::fuzz
