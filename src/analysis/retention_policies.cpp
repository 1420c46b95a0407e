#include "analysis/retention_policies.hpp"

#include "analysis/pbs_context.hpp"

#include <algorithm>
#include <tuple>

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
        // Designated initializers: assigning the optionals one by one trips GCC 12's
        // -Wmaybe-uninitialized at -O3.
        model::RetentionPolicy policy{.source = "pve-job",
                                      .id = job.id,
                                      .storage = job.storage,
                                      .datastore = std::nullopt,
                                      .ns = std::nullopt,
                                      .schedule = job.schedule,
                                      .keep = *job.prune_backups,
                                      .enabled = job.enabled};
        set_pbs_target(policy, storages);
        out.push_back(std::move(policy));
    }
    for (const auto& storage : storages) {
        if (!storage.prune_backups) {
            continue;
        }
        model::RetentionPolicy policy{.source = "pve-storage",
                                      .id = storage.id,
                                      .storage = storage.id,
                                      .datastore = std::nullopt,
                                      .ns = std::nullopt,
                                      .schedule = std::nullopt,
                                      .keep = *storage.prune_backups,
                                      .enabled = storage.enabled};
        set_pbs_target(policy, storages);
        out.push_back(std::move(policy));
    }
    return out;
}

std::vector<model::RetentionPolicy> pbs_retention_policies(const model::Inventory& inventory) {
    std::vector<model::RetentionPolicy> out;
    if (!inventory.pbs_configured) {
        return out;
    }
    for (const auto& server : inventory.pbs_servers) {
        if (!server.prune_jobs) {
            continue;
        }
        std::vector<const model::PbsPruneJob*> jobs;
        for (const auto& job : *server.prune_jobs) {
            jobs.push_back(&job);
        }
        std::stable_sort(jobs.begin(), jobs.end(), [](const model::PbsPruneJob* a, const model::PbsPruneJob* b) {
            return std::tie(a->legacy_datastore_policy, a->id) < std::tie(b->legacy_datastore_policy, b->id);
        });
        for (const auto* job : jobs) {
            model::RetentionPolicy policy{.source = job->legacy_datastore_policy ? "pbs-datastore" : "pbs-prune-job",
                                          .id = job->legacy_datastore_policy ? job->store : job->id,
                                          .storage = std::nullopt,
                                          .datastore = job->store,
                                          .ns = job->ns,
                                          .schedule = job->schedule,
                                          .keep = job->keep,
                                          .server = server.url,
                                          .max_depth = job->max_depth,
                                          .enabled = job->enabled};
            for (const auto& storage : inventory.storages) {
                const bool served =
                    std::find(server.storages.begin(), server.storages.end(), storage.id) != server.storages.end();
                if (served && storage.is_pbs() && storage.pbs && storage.pbs->datastore == job->store &&
                    namespace_in_scope(job->ns, job->max_depth, storage.pbs->ns)) {
                    policy.storages.push_back(storage.id);
                }
            }
            std::sort(policy.storages.begin(), policy.storages.end());
            if (!policy.storages.empty()) {
                policy.storage = policy.storages.front();
            }
            out.push_back(std::move(policy));
        }
    }
    return out;
}

} // namespace pvr::analysis
