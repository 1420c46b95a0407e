#pragma once
// Legacy PVE backup jobs (vzdump.cron, PVE < 7.1): `starttime` + `dow` -> schedule string.
//
// The PVE API (pve-manager PVE/API2/Backup.pm) converts legacy jobs itself and returns the result
// as `schedule`, which parse_calendar_event reads like any other schedule. This conversion is for
// API answers that carry only the deprecated `starttime`/`dow` fields (older PVE versions).

#include <string>
#include <string_view>

namespace pvr::schedule {

/// `starttime` (1-2 digits ':' 1-2 digits, used verbatim) and `dow` (day names mon..sun separated
/// by commas, semicolons or blanks; empty = every day) -> `starttime`, or `<dow> <starttime>`
/// with the days re-joined by ',' unless they are exactly mon,tue,wed,thu,fri,sat,sun.
/// Examples: ("02:30", "") -> "02:30"; ("21:00", "mon,wed,fri") -> "mon,wed,fri 21:00".
/// Throws CalendarEventError for a starttime or day name the API would reject.
[[nodiscard]] std::string legacy_schedule(std::string_view starttime, std::string_view dow);

} // namespace pvr::schedule
