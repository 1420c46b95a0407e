#pragma once
// When a calendar event fires: proxmox-time's `compute_next_event`, plus the previous occurrence
// and enumeration.
//
// Semantics (all times are Unix epoch seconds; granularity one second):
//
// * Evaluation zone: `tz` (the Proxmox host's local zone), or UTC if the event has the `UTC` suffix.
// * next_event(ev, t) is the crate's algorithm, step for step: start at t + 1, check year, month,
//   day of month, weekday, hour, minute, second in this order; on a mismatch jump to the next
//   allowed value (resetting smaller fields) or carry into the next larger unit, re-check from the
//   top; give up after 1000 adjustments (that is how impossible dates such as `02-30` end).
//   Crate quirk kept on purpose: an open repetition whose step does not divide the field's range
//   can overshoot when carrying (`*/5:00` after 20:00 gives 05:00 the next day, not 00:00; `*/40`
//   after hh:40 gives hh+1:40, not hh+1:00), because the crate normalises "hour 25" or
//   "minute 80". Proxmox's own schedulers run exactly this chain, so next_event reproduces it.
// * DST, spring forward (a gap): wall times that do not exist never fire; the search continues at
//   the first wall time after the gap (`2:30` does not fire that day, `*:00` goes 01:00 -> 03:00).
//   Same as the crate.
// * DST, fall back (a repeated hour): a repeated wall time fires once, at its first occurrence
//   (summer time); the second pass of the repeated period never fires, and a search starting inside
//   the second pass continues after it. The crate's result there depends on glibc's mktime cache
//   (it can even be earlier than the start); this deterministic rule matches what the crate does
//   when the search approaches the night from before (`2:30` once; `*:00` 24 runs on a 25-hour day).
//   It never returns a time <= the start.
//
// Occurrence set M (used by previous_event): the instants whose wall time in the evaluation zone
// matches every field and that are the first occurrence of that wall time. next_event(t) is always
// in M and is min{m in M : m > t} except where the carry quirk above skips members of M.

#include "schedule/calendar_event.hpp"
#include "schedule/time_zone.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace pvr::schedule {

/// The crate's `compute_next_event(after_epoch)`: the next occurrence strictly after
/// `after_epoch`, or nullopt if none (no allowed year left, impossible date, > 1000 steps).
[[nodiscard]] std::optional<std::int64_t> next_event(const CalendarEvent& event, std::int64_t after_epoch,
                                                     const TimeZone& tz);

/// The exact min{m in M : m > after_epoch} (no carry quirk, no 1000-step cap; gives up after
/// year 9999). Equal to next_event whenever the quirk does not apply.
[[nodiscard]] std::optional<std::int64_t> next_matching_time(const CalendarEvent& event, std::int64_t after_epoch,
                                                             const TimeZone& tz);

enum class Bound : std::uint8_t {
    inclusive, // at or before
    exclusive, // strictly before
};

/// The latest m in M with m <= epoch (Bound::inclusive) or m < epoch (Bound::exclusive), or
/// nullopt if there is none (searched back to the earliest year the event allows, or 401 years
/// for an event without a year list, enough for any weekday/date combination to recur).
/// Guarantees: previous_event(next_event(t)) == next_event(t), and no m in M lies in
/// (previous_event(t), t]. Computed by a doubling window search and bisection over
/// next_matching_time (a few dozen searches), never by scanning.
/// For deciding "overdue": the last time the job should have started before `epoch`.
[[nodiscard]] std::optional<std::int64_t> previous_event(const CalendarEvent& event, std::int64_t epoch,
                                                         const TimeZone& tz, Bound bound = Bound::inclusive);

/// The chain Proxmox's schedule simulator shows: next_event from `from - 1`, fed back, keeping the
/// results in [from, to), at most `limit` of them.
[[nodiscard]] std::vector<std::int64_t> occurrences(const CalendarEvent& event, std::int64_t from, std::int64_t to,
                                                    const TimeZone& tz, std::size_t limit);

} // namespace pvr::schedule
