#include "retention/prune_timezone.hpp"

#include "core/error.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <exception>

namespace pvr::retention {

PruneZone locate_prune_zone(std::string_view name) {
    if (!name.empty() && name.front() == ':') {
        name.remove_prefix(1);
    }
    constexpr std::string_view k_zoneinfo = "/usr/share/zoneinfo/";
    if (name.substr(0, k_zoneinfo.size()) == k_zoneinfo) {
        name.remove_prefix(k_zoneinfo.size());
    }
    if (name.empty() || name == "UTC" || name == "Etc/UTC") {
        return nullptr;
    }
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        throw Error(
            ErrorKind::config,
            fmt::format("unknown time zone '{}' (expected an IANA zone name such as Europe/Berlin or UTC)", name));
    }
}

std::string prune_zone_name(PruneZone zone) { return zone == nullptr ? std::string("UTC") : std::string(zone->name()); }

} // namespace pvr::retention
