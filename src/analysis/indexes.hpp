#pragma once
// Lookup tables built from the Inventory: where each guest lives, which guests each pool holds.

#include "model/guest.hpp"
#include "model/pool.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pvr::analysis {

/// The cluster's guest list as PVE's `get_vmlist` sees it: VMID -> current node.
struct GuestIndex {
    std::map<std::int64_t, std::string> node_by_vmid;
    /// The pool each guest is a direct member of (from /cluster/resources), when known.
    std::map<std::int64_t, std::string> pool_by_vmid;
    /// false: the guest list could not be read, so no job's selection can be resolved.
    bool collected = true;

    [[nodiscard]] bool exists(std::int64_t vmid) const { return node_by_vmid.count(vmid) > 0; }
};

/// Pools by id with their direct guest members (nullopt: members could not be read).
struct PoolIndex {
    std::map<std::string, std::optional<std::vector<std::int64_t>>> members_by_pool;
    /// false: the pool list could not be read.
    bool collected = true;
};

[[nodiscard]] GuestIndex make_guest_index(const std::vector<model::Guest>& guests, bool collected);
[[nodiscard]] PoolIndex make_pool_index(const std::map<std::string, model::Pool>& pools, bool collected);

} // namespace pvr::analysis
