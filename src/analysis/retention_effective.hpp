#pragma once
// The effective retention policy of a guest's group in a PBS storage, from both sides
// (reference pbs-api.md 5.1-5.3). The two sides are independent deletion passes:
//
// * PVE side: right after each successful backup, vzdump prunes that guest's group in the
//   storage's namespace with the job's `prune-backups`, else the storage's `prune-backups`, else
//   the node's /etc/vzdump.conf default, else keep-all. The report cannot read vzdump.conf: that
//   case is "node default (vzdump.conf) unknown, assumed keep-all". Each job applies its own
//   policy, so several jobs backing a guest up to one storage may prune differently.
// * PBS side: every ENABLED prune job of the storage's PBS server whose `store` is the storage's
//   datastore and whose scope (`ns`, `max-depth`) covers the storage's namespace, and the legacy
//   datastore-level policy (PBS < 2.2.2) the same way; each runs on its own schedule, in the PBS
//   server's time zone.
//
// A policy "prunes" when keep-all is not set and some keep-* value is > 0 (PBS keeps_something).

#include "analysis/pbs_context.hpp"
#include "model/keep_options.hpp"
#include "model/pbs.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pvr::analysis {

/// keep-all not set and some keep-* > 0.
[[nodiscard]] bool policy_prunes(const model::KeepOptions& keep) noexcept;

/// "keep-last=3, keep-daily=7"; "keep-all" for an empty or keep-all policy.
[[nodiscard]] std::string describe_keep(const model::KeepOptions& keep);

struct PveSidePolicy {
    model::KeepOptions keep; // {} for the node default
    std::string source;      // "pve-job", "pve-storage", "node-default"
    [[nodiscard]] bool prunes() const noexcept { return policy_prunes(keep); }
};

/// The policy vzdump applies after a backup by `job` (nullptr: no job, storage or default only)
/// to `storage`.
[[nodiscard]] PveSidePolicy pve_side_policy(const model::BackupJob* job, const model::Storage& storage);

/// The PBS-side passes over a storage's namespace: the enabled prune jobs covering it, sorted by
/// id. nullopt when the server is unknown or its prune jobs could not be read.
[[nodiscard]] std::optional<std::vector<const model::PbsPruneJob*>> covering_prune_jobs(const model::PbsServer* server,
                                                                                        const model::Storage& storage);

/// The id shown for a PBS pass: the job id, or the datastore name for the legacy policy.
[[nodiscard]] std::string prune_job_label(const model::PbsPruneJob& job);

} // namespace pvr::analysis
