#pragma once
// Retention policies configured on the PVE side (contract: retention_policies, sources
// "pve-job" and "pve-storage"; the PBS sources are added once PBS is read).

#include "model/backup_job.hpp"
#include "model/report_data.hpp"
#include "model/storage.hpp"

#include <vector>

namespace pvr::analysis {

/// One "pve-job" entry per job with `prune-backups` (in job order), then one "pve-storage" entry
/// per storage with `prune-backups` (in storage order). PBS targets give datastore and namespace.
[[nodiscard]] std::vector<model::RetentionPolicy> pve_retention_policies(const std::vector<model::BackupJob>& jobs,
                                                                         const std::vector<model::Storage>& storages);

} // namespace pvr::analysis
