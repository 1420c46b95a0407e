#pragma once
// The time zone a schedule is evaluated in (the PVE node's / PBS server's local zone), over
// Howard Hinnant's date library (system tzdata in /usr/share/zoneinfo).
//
// Limitation: with USE_OS_TZDB the date library reads only the transitions listed in the TZif
// files (Debian's go up to 2037) and ignores the POSIX rule string for later years, so after 2037
// zones stay on their last offset (no DST) while glibc, and thus Proxmox, keep applying the rule.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace date {
class time_zone;
} // namespace date

namespace pvr::schedule {

class TimeZone {
public:
    /// UTC (also what a default-constructed TimeZone is).
    TimeZone() = default;
    [[nodiscard]] static TimeZone utc() { return TimeZone(); }

    /// An IANA zone name (`Europe/Paris`); `UTC` gives utc(). Throws pvr::Error(config)
    /// `unknown time zone 'Foo/Bar'` for a name the zone database does not know.
    [[nodiscard]] static TimeZone from_name(std::string_view name);

    /// This machine's zone: the `TZ` environment variable if it names a zone (`Europe/Paris`,
    /// `:Europe/Paris`, `:/usr/share/zoneinfo/Europe/Paris`; empty means UTC as in glibc), else
    /// /etc/localtime, else UTC. Unlike date::current_zone(), honours TZ.
    [[nodiscard]] static TimeZone local();
    /// local() with the value of TZ given explicitly (nullptr = unset); for tests.
    [[nodiscard]] static TimeZone local(const char* tz_variable);

    [[nodiscard]] const std::string& name() const noexcept { return m_name; }
    [[nodiscard]] bool is_utc() const noexcept { return m_zone == nullptr; }
    /// nullptr for UTC.
    [[nodiscard]] const date::time_zone* zone() const noexcept { return m_zone; }

    /// UTC offset in seconds (east positive) at the instant `epoch`.
    [[nodiscard]] std::int64_t offset_at(std::int64_t epoch) const;

    friend bool operator==(const TimeZone& a, const TimeZone& b) noexcept { return a.m_zone == b.m_zone; }

private:
    TimeZone(const date::time_zone* zone, std::string name) : m_zone(zone), m_name(std::move(name)) {}

    const date::time_zone* m_zone = nullptr;
    std::string m_name = "UTC";
};

/// `2026-11-28T02:00:00+01:00`: the instant as wall-clock time in `tz` with its offset
/// (`+00:00` for UTC; an offset with seconds, as in historic LMT, is written `+00:09:21`).
[[nodiscard]] std::string format_iso8601(std::int64_t epoch, const TimeZone& tz);

} // namespace pvr::schedule
