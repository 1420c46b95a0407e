#pragma once
// Wording shared by the retention and freshness sentences.

#include <cstdint>
#include <string>

namespace pvr::analysis {

/// "45 minutes", "1 hour", "30 hours", "3 days": minutes below one hour, hours below 48 hours,
/// whole days beyond (rounded down). Negative durations read as "0 minutes".
[[nodiscard]] std::string describe_duration(std::int64_t seconds);

/// "storage pbs-main (datastore store1, namespace prod)"; "root namespace" for "".
[[nodiscard]] std::string describe_pbs_location(const std::string& storage, const std::string& datastore,
                                                const std::string& ns);

} // namespace pvr::analysis
