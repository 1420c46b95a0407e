#pragma once
// GET /cluster/status: cluster name, quorum, node addresses and which node answered.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

struct ClusterStatusNode {
    std::string name;
    std::optional<std::string> ip;
    bool local = false;
    std::optional<bool> online;
};

struct ClusterStatus {
    std::optional<std::string> name; // absent on a standalone host
    std::optional<bool> quorate;
    std::vector<ClusterStatusNode> nodes;
};

/// Throws Error(invalid_response) when the answer is unusable; entries that cannot be read are
/// skipped and described in `warnings`.
[[nodiscard]] ClusterStatus parse_cluster_status(std::string_view body, std::vector<std::string>& warnings);

} // namespace pvr::collect
