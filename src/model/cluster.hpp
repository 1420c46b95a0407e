#pragma once
// The cluster as PVE describes it: /version, /cluster/status, /nodes.

#include <optional>
#include <string>
#include <vector>

namespace pvr::model {

struct ClusterNode {
    std::string name;
    std::string status; // "online", "offline", "unknown"
    std::optional<std::string> ip;
    bool local = false; // the node that answered the API
};

struct ClusterInfo {
    std::optional<std::string> name;        // null on a standalone host or when /cluster/status failed
    std::optional<std::string> pve_version; // "8.2.4"
    std::optional<std::string> pve_release; // "8.2"
    std::optional<bool> quorate;
    std::vector<ClusterNode> nodes;
};

} // namespace pvr::model
