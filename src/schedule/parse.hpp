#pragma once
// Parsing Proxmox calendar events with the exact grammar of proxmox-time's `CalendarEvent::from_str`.

#include "schedule/calendar_event.hpp"

#include <string_view>

namespace pvr::schedule {

/// The crate's parser, byte for byte: no trimming (a leading blank is an error, a trailing one is
/// accepted only after a weekday list or a date), `UTC` suffix, keywords, the `24:00` quirk
/// (an invalid hour list is re-read as MINUTES:SECONDS). Throws CalendarEventError.
[[nodiscard]] CalendarEvent parse_calendar_event(std::string_view text);

/// What PVE does before calling the crate: trim leading/trailing whitespace, reject an empty
/// string ("event is empty"), then parse_calendar_event (errors then quote the trimmed text).
[[nodiscard]] CalendarEvent parse_pve_calendar_event(std::string_view text);

/// parse_calendar_event without the exception.
[[nodiscard]] bool is_valid_calendar_event(std::string_view text) noexcept;

} // namespace pvr::schedule
