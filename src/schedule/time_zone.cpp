#include "schedule/time_zone.hpp"

#include "core/error.hpp"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <exception>

namespace pvr::schedule {

TimeZone TimeZone::from_name(std::string_view name) {
    if (name == "UTC") {
        return utc();
    }
    try {
        const date::time_zone* zone = date::locate_zone(name);
        return TimeZone(zone, std::string(name));
    } catch (const std::exception&) {
        throw pvr::Error(ErrorKind::config, fmt::format("unknown time zone '{}'", name));
    }
}

TimeZone TimeZone::local() { return local(std::getenv("TZ")); } // NOLINT(concurrency-mt-unsafe)

TimeZone TimeZone::local(const char* tz_variable) {
    if (tz_variable != nullptr) {
        std::string_view name(tz_variable);
        if (name.empty()) {
            return utc(); // glibc: TZ set but empty means UTC
        }
        if (name.front() == ':') {
            name.remove_prefix(1);
        }
        for (const std::string_view prefix : {"/usr/share/zoneinfo/", "/usr/lib/zoneinfo/"}) {
            if (name.starts_with(prefix)) {
                name.remove_prefix(prefix.size());
            }
        }
        try {
            return from_name(name);
        } catch (const pvr::Error&) { // a POSIX TZ string or an unknown name: use the system zone
        }
    }
    try {
        const date::time_zone* zone = date::current_zone();
        if (zone != nullptr) {
            const std::string name(zone->name());
            if (name == "UTC" || name == "Etc/UTC") {
                return utc();
            }
            return TimeZone(zone, name);
        }
    } catch (const std::exception&) { // no /etc/localtime
    }
    return utc();
}

std::int64_t TimeZone::offset_at(std::int64_t epoch) const {
    if (m_zone == nullptr) {
        return 0;
    }
    const auto info = m_zone->get_info(date::sys_seconds{std::chrono::seconds{epoch}});
    return info.offset.count();
}

std::string format_iso8601(std::int64_t epoch, const TimeZone& tz) {
    const std::int64_t offset = tz.offset_at(epoch);
    const date::local_seconds wall{std::chrono::seconds{epoch + offset}};
    const auto day = date::floor<date::days>(wall);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss hms{wall - day};
    const std::int64_t abs = offset < 0 ? -offset : offset;
    std::string zone = fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', abs / 3600, (abs / 60) % 60);
    if (abs % 60 != 0) {
        zone += fmt::format(":{:02}", abs % 60);
    }
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count(), zone);
}

} // namespace pvr::schedule
