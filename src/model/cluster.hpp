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
    /// Where the node list came from: "/nodes", or "/cluster/status" when /nodes could not be read.
    std::optional<std::string> node_source;
    /// Where the guest inventory came from: "/cluster/resources", or "/nodes/{node}/qemu+lxc" (the
    /// lists of every online node) when /cluster/resources could not be read.
    std::optional<std::string> inventory_source;
};

} // namespace pvr::model
