#include "analysis/job_inclusion.hpp"

#include "analysis/facts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace pvr::analysis {

namespace {

bool contains_sorted(const std::vector<std::int64_t>& sorted, std::int64_t vmid) {
    return std::binary_search(sorted.begin(), sorted.end(), vmid);
}

bool on_job_node(const model::BackupJob& job, const std::string& node) { return !job.node || *job.node == node; }

/// Guests a pool job might include when its members are unknown: those on the job's node whose
/// pool (from /cluster/resources) is not known to be another one (a guest is in at most one pool).
std::vector<std::int64_t> possible_pool_members(const model::BackupJob& job, const std::string& pool,
                                                const GuestIndex& guests) {
    std::vector<std::int64_t> out;
    for (const auto& [vmid, node] : guests.node_by_vmid) {
        const auto known_pool = guests.pool_by_vmid.find(vmid);
        if (known_pool != guests.pool_by_vmid.end() && known_pool->second != pool) {
            continue;
        }
        if (on_job_node(job, node)) {
            out.push_back(vmid);
        }
    }
    return out;
}

JobInclusion undetermined(JobInclusion inclusion, std::string reason, std::vector<std::int64_t> possible,
                          const model::BackupJob& job, const char* cause) {
    inclusion.undetermined = true;
    inclusion.undetermined_reason = std::move(reason);
    inclusion.undetermined_fact = make_fact("undetermined_job", cause);
    inclusion.undetermined_fact.add_text("job", job.id);
    if (job.selection.pool) {
        inclusion.undetermined_fact.add_text("pool", *job.selection.pool);
    }
    inclusion.possibly_included = std::move(possible);
    return inclusion;
}

} // namespace

bool JobInclusion::includes(std::int64_t vmid) const { return contains_sorted(included, vmid); }

bool JobInclusion::may_include(std::int64_t vmid) const {
    return includes(vmid) || (undetermined && contains_sorted(possibly_included, vmid));
}

std::map<std::string, std::vector<std::int64_t>> JobInclusion::by_node(const GuestIndex& guests) const {
    std::map<std::string, std::vector<std::int64_t>> out;
    for (const auto vmid : included) {
        const auto found = guests.node_by_vmid.find(vmid);
        out[found == guests.node_by_vmid.end() ? std::string() : found->second].push_back(vmid);
    }
    for (const auto vmid : unknown_vmids) {
        out[""].push_back(vmid);
    }
    for (auto& [node, vmids] : out) {
        std::sort(vmids.begin(), vmids.end());
    }
    return out;
}

SelectionMode selection_mode(const model::JobSelection& selection) {
    if (selection.pool && !selection.pool->empty()) {
        return SelectionMode::pool;
    }
    if (!selection.vmids.empty()) {
        return SelectionMode::vmid;
    }
    if (selection.all) {
        return SelectionMode::all;
    }
    return SelectionMode::none;
}

JobInclusion included_guests(const model::BackupJob& job, const GuestIndex& guests, const PoolIndex& pools) {
    JobInclusion inclusion;
    inclusion.mode = selection_mode(job.selection);
    if (inclusion.mode == SelectionMode::none) {
        return inclusion; // PVE returns an empty map: `exclude` without `all` selects nothing
    }
    if (!guests.collected) {
        std::vector<std::int64_t> everyone;
        for (const auto& [vmid, node] : guests.node_by_vmid) {
            everyone.push_back(vmid);
        }
        return undetermined(
            std::move(inclusion),
            fmt::format("The guest list could not be read, so the guests job {} includes are unknown.", job.id),
            std::move(everyone), job, "guests_unread");
    }

    std::set<std::int64_t> candidates;
    switch (inclusion.mode) {
    case SelectionMode::pool: {
        const auto& pool = *job.selection.pool;
        if (!pools.collected) {
            return undetermined(
                std::move(inclusion),
                fmt::format("Job {} selects pool {} but the pool list could not be read.", job.id, pool),
                possible_pool_members(job, pool, guests), job, "pools_unread");
        }
        const auto found = pools.members_by_pool.find(pool);
        if (found == pools.members_by_pool.end()) {
            return undetermined(std::move(inclusion),
                                fmt::format("Job {} selects pool {}, which was not found (deleted, or not visible "
                                            "to the API token).",
                                            job.id, pool),
                                possible_pool_members(job, pool, guests), job, "pool_missing");
        }
        if (!found->second) {
            return undetermined(std::move(inclusion),
                                fmt::format("Job {} selects pool {} whose members could not be read.", job.id, pool),
                                possible_pool_members(job, pool, guests), job, "pool_members_unread");
        }
        for (const auto vmid : *found->second) {
            if (guests.exists(vmid)) { // PVE skips members that no longer exist
                candidates.insert(vmid);
            }
        }
        break;
    }
    case SelectionMode::vmid:
        candidates.insert(job.selection.vmids.begin(), job.selection.vmids.end());
        break;
    case SelectionMode::all: {
        const std::set<std::int64_t> exclude(job.selection.exclude.begin(), job.selection.exclude.end());
        for (const auto& [vmid, node] : guests.node_by_vmid) {
            if (exclude.count(vmid) > 0) {
                inclusion.excluded.push_back(vmid);
            } else {
                candidates.insert(vmid);
            }
        }
        break;
    }
    case SelectionMode::none:
        break;
    }

    for (const auto vmid : candidates) {
        const auto found = guests.node_by_vmid.find(vmid);
        if (found == guests.node_by_vmid.end()) {
            inclusion.unknown_vmids.push_back(vmid);
        } else if (!on_job_node(job, found->second)) {
            inclusion.dropped_by_node.push_back(vmid);
        } else {
            inclusion.included.push_back(vmid);
        }
    }
    return inclusion;
}

std::vector<AnalyzedJob> analyze_jobs(const std::vector<model::BackupJob>& jobs, const GuestIndex& guests,
                                      const PoolIndex& pools) {
    std::vector<AnalyzedJob> out;
    out.reserve(jobs.size());
    for (const auto& job : jobs) {
        out.push_back({job, included_guests(job, guests, pools)});
    }
    return out;
}

} // namespace pvr::analysis
