#include "analysis/retention_words.hpp"

#include <fmt/format.h>

namespace pvr::analysis {

namespace {

std::string count_of(std::int64_t n, const char* unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); }

} // namespace

std::string describe_duration(std::int64_t seconds) {
    if (seconds < 0) {
        seconds = 0;
    }
    if (seconds < 3600) {
        return count_of(seconds / 60, "minute");
    }
    if (seconds < 48 * 3600) {
        return count_of(seconds / 3600, "hour");
    }
    return count_of(seconds / 86400, "day");
}

std::string describe_pbs_location(const std::string& storage, const std::string& datastore, const std::string& ns) {
    return fmt::format("storage {} (datastore {}, {})", storage, datastore,
                       ns.empty() ? std::string("root namespace") : fmt::format("namespace {}", ns));
}

} // namespace pvr::analysis
