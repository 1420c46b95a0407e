#pragma once
// PVE task ids: UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>:

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::collect {

struct Upid {
    std::string node;
    std::uint64_t pid = 0;
    std::uint64_t pstart = 0; // 8 hex digits, 9 after ~497 days of uptime
    std::int64_t starttime = 0;
    std::string type; // "vzdump"
    std::string id;   // VMID for single-guest vzdump tasks, else ""
    std::string user; // "root@pam" or "user@realm!token"
};

/// nullopt unless the text splits on ':' into exactly 9 fields ("UPID", 7 fields, "") with hex
/// numbers. A PBS UPID (one more field) is rejected.
[[nodiscard]] std::optional<Upid> parse_upid(std::string_view text);

} // namespace pvr::collect
