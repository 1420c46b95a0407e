#pragma once
// Findings about the cluster, for humans (contract: anomalies[]). One sentence each.

#include "analysis/job_inclusion.hpp"
#include "model/anomaly.hpp"
#include "model/inventory.hpp"
#include "model/report_data.hpp"

#include <optional>
#include <vector>

namespace pvr::analysis {

/// guest_not_backed_up, guest_only_disabled_jobs, volumes_excluded, backup_failed.
[[nodiscard]] std::vector<model::Anomaly> guest_anomalies(const std::vector<model::GuestReport>& guests);

/// job_disabled, job_includes_nothing, job_unknown_vmid, job_unknown_node, job_pool_unknown,
/// job_storage_missing, job_storage_disabled, job_uninterpretable, job_no_schedule.
[[nodiscard]] std::vector<model::Anomaly> job_anomalies(const model::Inventory& inventory,
                                                        const std::vector<AnalyzedJob>& jobs);

/// not_backed_up_mismatch: disagreements with PVE's own /cluster/backup-info/not-backed-up answer,
/// which counts every job (enabled or disabled) as coverage (reference 5.3).
[[nodiscard]] std::vector<model::Anomaly> not_backed_up_mismatches(const model::Inventory& inventory,
                                                                   const std::vector<AnalyzedJob>& jobs,
                                                                   const std::vector<model::GuestReport>& guests);

/// duplicate_vmid, duplicate_job, job_duplicate_vmid, duplicate_storage: entries the API listed
/// twice, counted once (Inventory::duplicates).
[[nodiscard]] std::vector<model::Anomaly> duplicate_anomalies(const model::Inventory& inventory);

/// Critical first, then warning, then info; then kind, subject, message.
void sort_anomalies(std::vector<model::Anomaly>& anomalies);

/// All of the above, sorted. `jobs` nullopt: the job list could not be read.
[[nodiscard]] std::vector<model::Anomaly> find_anomalies(const model::Inventory& inventory,
                                                         const std::optional<std::vector<AnalyzedJob>>& jobs,
                                                         const std::vector<model::GuestReport>& guests);

} // namespace pvr::analysis
