#pragma once
// PBS task ids: UPID:<node>:<pid>:<pstart>:<task id>:<starttime>:<type>:<worker id>:<authid>:
// (one field more than a PVE UPID: the task id before the start time).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::collect {

struct PbsUpid {
    std::string node;
    std::int64_t starttime = 0;
    std::string type;      // "verificationjob", "verify", "prunejob", ...
    std::string worker_id; // decoded: "store1:weekly-verify"
    std::string auth_id;   // "root@pam"
};

/// nullopt unless the text splits on ':' into exactly 10 fields ("UPID", 8 fields, "") with hex
/// numbers where PBS writes them. The worker id is decoded ('-' -> '/', then "\xHH").
[[nodiscard]] std::optional<PbsUpid> parse_pbs_upid(std::string_view text);

} // namespace pvr::collect
