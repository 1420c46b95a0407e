#pragma once
// guests[].retention and guests[].last_backup (contract: docs/report-data.md). The definitions
// below are the report's promise to auditors.
//
// * The storages a guest's backups go to: the PBS storages targeted by the ENABLED jobs that
//   include it (coverage.jobs) together with the PBS storages in whose namespace its group
//   (vm/<vmid> for qemu, ct/<vmid> for lxc) has finished snapshots. One retention entry per such
//   storage, sorted by storage id. Jobs without a storage (vzdump.conf default) are not PBS.
//   Without PBS collection configured nothing is known on the PBS side: no entries at all.
// * actual_versions: the finished snapshots of the group in the storage's datastore and namespace,
//   protected snapshots INCLUDED (they occupy space and are restore points; the note counts them).
//   Null (never 0) when the storage's snapshots could not be read.
// * policy: the PVE-side keep options (what vzdump prunes after each backup): the job's
//   `prune-backups`, else the storage's, else {} with policy_source "node-default" (the node's
//   vzdump.conf cannot be read: assumed keep-all). With several jobs, the first job's (by id) and
//   the note names the jobs whose policy differs. pbs_prune_jobs lists the PBS-side passes.
// * expected_versions: see retention_simulation.hpp. Null when neither side prunes ("keeps
//   everything"), when no enabled job with a valid schedule backs the guest up to the storage,
//   or when the PBS server's prune jobs are unknown.
// * delta = actual - expected, null if either is null.
// * retention_mismatch (warning) when |delta| > 1: a tolerance of one version because `now` may
//   fall between a backup and its prune, or just before/after a scheduled run the simulation
//   counted (a backup in progress, delayed or still queued behind other guests of the job), or a
//   prune job's run; only an offset of two or more versions is not explained by the position in
//   the schedule. A shortfall (actual < expected - 1) is only an anomaly when the group's oldest
//   snapshot is at least as old as the simulated steady state's oldest (steady_state_since);
//   otherwise the note says "history shorter than the policy".
// * last_backup: the newest finished snapshot over the guest's storages whose snapshots were
//   collected (ties: the first storage by id).

#include "analysis/pbs_context.hpp"
#include "analysis/retention_simulation.hpp"
#include "model/anomaly.hpp"
#include "model/report_data.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pvr::analysis {

/// A PBS storage a guest's backups go to, with the enabled jobs including the guest that target it.
struct GuestStorage {
    const model::Storage* storage = nullptr;
    std::vector<const ScheduledJob*> jobs; // sorted by id; empty: only existing snapshots
};

[[nodiscard]] std::vector<GuestStorage> guest_storages(const PbsContext& context, const model::GuestReport& report);

/// Retention entries of one guest, in guest_storages order; retention_mismatch anomalies go to `anomalies`.
[[nodiscard]] std::vector<model::GuestRetention>
guest_retention(const PbsContext& context, RetentionSimulator& simulator, const model::GuestReport& report,
                const std::vector<GuestStorage>& storages, std::vector<model::Anomaly>& anomalies);

[[nodiscard]] std::optional<model::LastBackup> last_backup(const PbsContext& context, const model::Guest& guest,
                                                           const std::vector<GuestStorage>& storages);

} // namespace pvr::analysis
