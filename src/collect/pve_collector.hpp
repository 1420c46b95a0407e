#pragma once
// Collects everything the report needs from the PVE API into a typed Inventory.
// Partial failures become CollectionIssues; only blocking errors throw.

#include "core/time.hpp"
#include "http/client.hpp"
#include "model/inventory.hpp"

#include <cstddef>
#include <functional>
#include <vector>

namespace pvr::collect {

struct PveCollectorOptions {
    std::size_t parallelism = 8;         // concurrent requests (per-node and per-guest calls)
    std::int64_t task_history_days = 31; // how far back /nodes/{node}/tasks is read
    Clock clock = system_clock();
    /// Called once, on the collecting thread, as soon as the storage list is final (duplicates
    /// removed) and every foundation of the report was read, before the pools, task histories
    /// and guest configurations are: the pipeline starts the PBS collection there, so both run
    /// at once. `collected` is false when /storage could not be read. Not called when the
    /// collection gives up before; an exception it throws ends the collection.
    std::function<void(const std::vector<model::Storage>& storages, bool collected)> on_storages;
};

/// Throws pvr::Error (from the http client) only for blocking errors:
///  - /version fails (PVE unreachable, TLS, not a PVE API) -> kind unreachable/tls/timeout/...;
///  - any 401 -> unauthenticated.
/// Everything else (a 403, a node answering 595, a malformed payload) becomes a CollectionIssue
/// naming the source and endpoint, and the collection goes on.
[[nodiscard]] model::Inventory collect_pve(http::Client& client, const PveCollectorOptions& options);

} // namespace pvr::collect
