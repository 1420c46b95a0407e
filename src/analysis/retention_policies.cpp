#include "analysis/retention_policies.hpp"

#include <algorithm>

namespace pvr::analysis {

namespace {

void set_pbs_target(model::RetentionPolicy& policy, const std::vector<model::Storage>& storages) {
    if (!policy.storage) {
        return;
    }
    const auto found = std::find_if(storages.begin(), storages.end(),
                                    [&](const model::Storage& s) { return s.id == *policy.storage; });
    if (found != storages.end() && found->is_pbs() && found->pbs) {
        policy.datastore = found->pbs->datastore;
        policy.ns = found->pbs->ns;
    }
}

} // namespace

std::vector<model::RetentionPolicy> pve_retention_policies(const std::vector<model::BackupJob>& jobs,
                                                           const std::vector<model::Storage>& storages) {
    std::vector<model::RetentionPolicy> out;
    for (const auto& job : jobs) {
        if (!job.prune_backups) {
            continue;
        }
        model::RetentionPolicy policy;
        policy.source = "pve-job";
        policy.id = job.id;
        policy.storage = job.storage;
        policy.schedule = job.schedule;
        policy.keep = *job.prune_backups;
        set_pbs_target(policy, storages);
        out.push_back(std::move(policy));
    }
    for (const auto& storage : storages) {
        if (!storage.prune_backups) {
            continue;
        }
        model::RetentionPolicy policy;
        policy.source = "pve-storage";
        policy.id = storage.id;
        policy.storage = storage.id;
        policy.keep = *storage.prune_backups;
        set_pbs_target(policy, storages);
        out.push_back(std::move(policy));
    }
    return out;
}

} // namespace pvr::analysis
