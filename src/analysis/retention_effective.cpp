#include "analysis/retention_effective.hpp"

#include "retention/prune.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace pvr::analysis {

bool policy_prunes(const model::KeepOptions& keep) noexcept {
    return !keep.keep_all.value_or(false) && retention::keeps_something(keep);
}

std::string describe_keep(const model::KeepOptions& keep) {
    if (!policy_prunes(keep)) {
        return "keep-all";
    }
    std::vector<std::string> parts;
    for (const auto& [name, value] : keep.items()) {
        if (name != "keep-all" && value > 0) {
            parts.push_back(fmt::format("{}={}", name, value));
        }
    }
    return fmt::format("{}", fmt::join(parts, ", "));
}

PveSidePolicy pve_side_policy(const model::BackupJob* job, const model::Storage& storage) {
    if (job != nullptr && job->prune_backups) {
        return {*job->prune_backups, "pve-job"};
    }
    if (storage.prune_backups) {
        return {*storage.prune_backups, "pve-storage"};
    }
    return {model::KeepOptions{}, "node-default"};
}

std::optional<std::vector<const model::PbsPruneJob*>> covering_prune_jobs(const model::PbsServer* server,
                                                                          const model::Storage& storage) {
    if (server == nullptr || !server->prune_jobs || !storage.pbs) {
        return std::nullopt;
    }
    std::vector<const model::PbsPruneJob*> out;
    for (const auto& job : *server->prune_jobs) {
        if (job.enabled && job.store == storage.pbs->datastore &&
            namespace_in_scope(job.ns, job.max_depth, storage.pbs->ns)) {
            out.push_back(&job);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const model::PbsPruneJob* a, const model::PbsPruneJob* b) { return a->id < b->id; });
    return out;
}

std::string prune_job_label(const model::PbsPruneJob& job) { return job.legacy_datastore_policy ? job.store : job.id; }

} // namespace pvr::analysis
