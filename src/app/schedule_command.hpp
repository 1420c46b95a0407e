#pragma once
// `pve-backup-report schedule [--from TIME] [--count N] [--tz ZONE] EXPR`: prints the next
// occurrences of a Proxmox calendar event, one ISO 8601 time (with the zone's offset) per line.

#include "core/time.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace pvr::schedule {
class TimeZone;
} // namespace pvr::schedule

namespace pvr::app {

/// `args` are the words after `schedule`. Several EXPR words are joined with one space
/// (`schedule mon..fri 02:00`). Exit codes: 0 (also when the event never fires again: nothing on
/// `out`, a note on `err`; and for --help), 2 for an invalid expression
/// (`schedule: invalid calendar event '...': <why>`) or a bad option (message names the option).
/// Defaults: --from now, --count 5, --tz TimeZone::local().
[[nodiscard]] int run_schedule_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The same with "now" and the default zone injected (tests).
[[nodiscard]] int run_schedule_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                                       EpochSeconds now, const schedule::TimeZone& default_zone);

} // namespace pvr::app
