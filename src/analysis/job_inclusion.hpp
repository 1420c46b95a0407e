#pragma once
// Which guests one backup job includes: a faithful port of PVE's `PVE::VZDump::get_included_guests`
// (reference pve-api.md 5.1), plus what our analysis needs when the inputs are incomplete.

#include "analysis/indexes.hpp"
#include "model/backup_job.hpp"
#include "model/fact.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pvr::analysis {

/// The selection PVE uses: the first of pool, vmid, all that is set.
enum class SelectionMode { pool, vmid, all, none };

struct JobInclusion {
    SelectionMode mode = SelectionMode::none;
    /// Existing guests the job includes (after the node restriction), sorted.
    std::vector<std::int64_t> included;
    /// VMIDs the job names that do not exist (PVE's "" node group, kept whatever `node` says), sorted.
    std::vector<std::int64_t> unknown_vmids;
    /// Existing candidates dropped because they live on another node than the job's `node`, sorted.
    std::vector<std::int64_t> dropped_by_node;
    /// Existing guests removed by `exclude` (only with `all`), sorted.
    std::vector<std::int64_t> excluded;
    /// The inclusion depends on data that could not be collected; `included` is then empty.
    bool undetermined = false;
    /// One sentence naming the job: "Job backup-77c1 selects pool prod/db whose members could not be read."
    std::string undetermined_reason;
    /// The same as a fact: kind "undetermined_job", case guests_unread|pools_unread|pool_missing|
    /// pool_members_unread, job, pool.
    model::Fact undetermined_fact;
    /// When undetermined: the existing guests the job might include, sorted.
    std::vector<std::int64_t> possibly_included;

    [[nodiscard]] bool includes(std::int64_t vmid) const;
    /// Included, or possibly included while undetermined.
    [[nodiscard]] bool may_include(std::int64_t vmid) const;
    /// PVE's answer shape: node -> sorted VMIDs, unknown VMIDs under "".
    [[nodiscard]] std::map<std::string, std::vector<std::int64_t>> by_node(const GuestIndex& guests) const;
};

[[nodiscard]] SelectionMode selection_mode(const model::JobSelection& selection);

/// Port of `get_included_guests`. Does not look at `enabled`, the schedule or the storage.
[[nodiscard]] JobInclusion included_guests(const model::BackupJob& job, const GuestIndex& guests,
                                           const PoolIndex& pools);

/// A collected job with its inclusion.
struct AnalyzedJob {
    model::BackupJob job;
    JobInclusion inclusion;
};

[[nodiscard]] std::vector<AnalyzedJob> analyze_jobs(const std::vector<model::BackupJob>& jobs, const GuestIndex& guests,
                                                    const PoolIndex& pools);

} // namespace pvr::analysis
