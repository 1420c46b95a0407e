#pragma once
// GET /version.

#include <optional>
#include <string>
#include <string_view>

namespace pvr::collect {

struct VersionInfo {
    std::string version;                // "8.2.4"
    std::optional<std::string> release; // "8.2"
    std::optional<int> major;           // from release, else from version
    std::optional<int> minor;

    /// True when the version is known to be >= major.minor; `if_unknown` otherwise.
    [[nodiscard]] bool at_least(int want_major, int want_minor, bool if_unknown = true) const;
};

/// Throws Error(invalid_response) when the body is not a PVE /version answer.
[[nodiscard]] VersionInfo parse_version(std::string_view body);

} // namespace pvr::collect
