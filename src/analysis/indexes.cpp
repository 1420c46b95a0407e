#include "analysis/indexes.hpp"

namespace pvr::analysis {

GuestIndex make_guest_index(const std::vector<model::Guest>& guests, bool collected) {
    GuestIndex index;
    index.collected = collected;
    for (const auto& guest : guests) {
        index.node_by_vmid[guest.vmid] = guest.node;
        if (guest.pool) {
            index.pool_by_vmid[guest.vmid] = *guest.pool;
        }
    }
    return index;
}

PoolIndex make_pool_index(const std::map<std::string, model::Pool>& pools, bool collected) {
    PoolIndex index;
    index.collected = collected;
    for (const auto& [id, pool] : pools) {
        index.members_by_pool[id] = pool.members;
    }
    return index;
}

} // namespace pvr::analysis
