#pragma once
// PBS findings that are not about one guest (contract: pbs_orphan_groups, anomalies).
//
// * Orphan group: a vm/ct group with finished snapshots in a PBS storage's namespace (collected
//   through that storage) that matches no guest of the cluster (no guest with that VMID and
//   type; a non-numeric id never matches). Only computed when the guest list was collected.
//   Several PVE storages pointing at the same server, datastore and namespace list it once (first
//   storage by id). Host groups are never orphans. Anomaly pbs_orphan_group (info): listed, not a
//   failure; PVE's per-guest pruning never touches it.
// * pbs_no_retention (info), per enabled PBS storage whose PBS prune jobs are known and that an
//   enabled job targets or whose collected namespace holds some group: no enabled
//   job targeting it prunes on the PVE side (job prune-backups > storage prune-backups > node
//   default, assumed keep-all) and no enabled PBS prune job covering its namespace prunes.
// * pbs_policies_overlap (info), per PBS storage: both sides prune it (a PVE-side policy of an
//   enabled job targeting it, and a covering PBS prune job) with different keep options.

#include "analysis/pbs_context.hpp"
#include "model/anomaly.hpp"
#include "model/report_data.hpp"

#include <vector>

namespace pvr::analysis {

[[nodiscard]] std::vector<model::PbsOrphanGroup> pbs_orphan_groups(const PbsContext& context);

/// pbs_orphan_group (one per orphan), pbs_no_retention, pbs_policies_overlap.
[[nodiscard]] std::vector<model::Anomaly> pbs_storage_anomalies(const PbsContext& context,
                                                                const std::vector<model::PbsOrphanGroup>& orphans);

} // namespace pvr::analysis
