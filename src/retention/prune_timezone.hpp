#pragma once
// The time zone in which the PBS prune algorithm computes its hourly, daily, weekly, monthly and
// yearly periods: the PBS host's local zone (libc `localtime_r` in the proxy process). It is a
// plain `const date::time_zone*` from Howard Hinnant's date-tz (OS tz database), nullptr = UTC, so
// that another wrapper (e.g. a future `pvr::schedule::TimeZone`) can hand over the same pointer.
//
// Known limit: date-tz's reader of /usr/share/zoneinfo ignores the POSIX rule at the end of a
// TZif file, so after a zone's last listed transition (2037 with Debian's tzdata) it applies no
// DST, while glibc (and so PBS) still does. Up to 2037 the periods agree with glibc (tested).

#include <string>
#include <string_view>

namespace date {
class time_zone;
} // namespace date

namespace pvr::retention {

/// nullptr means UTC.
using PruneZone = const date::time_zone*;

/// Looks up an IANA zone name ("Europe/Berlin"). "", "UTC", "Etc/UTC" give nullptr (UTC) without
/// touching the tz database; a leading ':' and a "/usr/share/zoneinfo/" prefix (TZ variable
/// styles) are ignored. Throws pvr::Error(ErrorKind::config) for an unknown name.
[[nodiscard]] PruneZone locate_prune_zone(std::string_view name);

/// The zone's IANA name; "UTC" for nullptr.
[[nodiscard]] std::string prune_zone_name(PruneZone zone);

} // namespace pvr::retention
