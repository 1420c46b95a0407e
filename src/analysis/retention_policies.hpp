#pragma once
// Retention policies configured on the PVE side (contract: retention_policies, sources
// "pve-job" and "pve-storage") and on the PBS servers ("pbs-prune-job", "pbs-datastore").

#include "model/backup_job.hpp"
#include "model/inventory.hpp"
#include "model/report_data.hpp"
#include "model/storage.hpp"

#include <vector>

namespace pvr::analysis {

/// One "pve-job" entry per job with `prune-backups` (in job order), then one "pve-storage" entry
/// per storage with `prune-backups` (in storage order). PBS targets give datastore and namespace.
[[nodiscard]] std::vector<model::RetentionPolicy> pve_retention_policies(const std::vector<model::BackupJob>& jobs,
                                                                         const std::vector<model::Storage>& storages);

/// The PBS side: one "pbs-prune-job" entry per prune job of every PBS server (servers in
/// collected order, jobs by id), one "pbs-datastore" entry per legacy datastore-level policy (id =
/// datastore name). `server` is the PBS URL, `enabled` and `max_depth` the job's; `storages` the
/// PVE PBS storages of that server whose datastore and namespace the job covers (sorted), and
/// `storage` the first of them (null when none).
[[nodiscard]] std::vector<model::RetentionPolicy> pbs_retention_policies(const model::Inventory& inventory);

} // namespace pvr::analysis
