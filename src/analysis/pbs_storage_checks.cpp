#include "analysis/pbs_storage_checks.hpp"

#include "analysis/facts.hpp"
#include "analysis/retention_effective.hpp"
#include "analysis/retention_words.hpp"
#include "analysis/wording.hpp"
#include "core/time.hpp"

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

namespace pvr::analysis {

namespace {

/// The distinct PVE-side policies of the enabled jobs targeting `storage` (pruning ones only),
/// with the jobs applying each.
std::map<std::string, std::vector<std::string>> pve_pruning_policies(const PbsContext& context,
                                                                     const model::Storage& storage, bool& any_job) {
    std::map<std::string, std::vector<std::string>> out;
    any_job = false;
    const auto& jobs = context.inventory().jobs;
    if (!jobs) {
        return out;
    }
    for (const auto& job : *jobs) {
        if (!job.enabled || !job.storage || *job.storage != storage.id) {
            continue;
        }
        any_job = true;
        const auto policy = pve_side_policy(&job, storage);
        if (policy.prunes()) {
            out[describe_keep(policy.keep)].push_back(job.id);
        }
    }
    return out;
}

} // namespace

std::vector<model::PbsOrphanGroup> pbs_orphan_groups(const PbsContext& context) {
    std::vector<model::PbsOrphanGroup> out;
    const auto& inventory = context.inventory();
    if (!inventory.pbs_configured || !inventory.guests_collected) {
        return out;
    }
    std::set<GroupKey> guests;
    for (const auto& guest : inventory.guests) {
        guests.insert({backup_type_of(guest.type), std::to_string(guest.vmid)});
    }
    std::set<std::tuple<std::string, std::string, std::string, GroupKey>> seen;
    for (const model::Storage* storage : context.pbs_storages()) {
        if (context.collected_content(storage->id) == nullptr) {
            continue;
        }
        const model::PbsServer* server = context.server_for(storage->id);
        const std::string url = server != nullptr ? server->url : storage->pbs->server;
        for (const auto& [key, group] : context.groups(storage->id)) {
            if ((key.first != "vm" && key.first != "ct") || group->empty() || guests.count(key) > 0) {
                continue;
            }
            if (!seen.insert({url, storage->pbs->datastore, storage->pbs->ns, key}).second) {
                continue;
            }
            out.push_back({storage->id, storage->pbs->datastore, storage->pbs->ns, key.first, key.second,
                           static_cast<std::int64_t>(group->size()), group->back()->time});
        }
    }
    return out;
}

std::vector<model::Anomaly> pbs_storage_anomalies(const PbsContext& context,
                                                  const std::vector<model::PbsOrphanGroup>& orphans) {
    std::vector<model::Anomaly> out;
    for (const auto& orphan : orphans) {
        const bool numeric =
            !orphan.backup_id.empty() && orphan.backup_id.find_first_not_of("0123456789") == std::string::npos;
        auto fact = make_fact("pbs_orphan_group", numeric ? "no_guest" : "not_vmid");
        fact.add("backup_type", model::FactParam::Type::identifier, orphan.backup_type);
        fact.add_text("backup_id", orphan.backup_id);
        add_location(fact, orphan.storage, orphan.datastore, orphan.ns);
        fact.add_int("count", orphan.snapshots);
        fact.add_time("last", orphan.last_backup.value_or(0));
        out.push_back(
            {"pbs_orphan_group", model::Severity::info, "storage/" + orphan.storage,
             fmt::format("Group {}/{} on {} has {} backup{} (last {}) but {}; PVE's pruning after backups never "
                         "touches it.",
                         orphan.backup_type, orphan.backup_id,
                         describe_pbs_location(orphan.storage, orphan.datastore, orphan.ns), orphan.snapshots,
                         orphan.snapshots == 1 ? "" : "s", iso8601_utc(orphan.last_backup.value_or(0)),
                         numeric ? fmt::format("no {} {} exists in the cluster",
                                               orphan.backup_type == "vm" ? "VM" : "CT", orphan.backup_id)
                                 : std::string("its id is not a VMID")),
             std::nullopt, std::move(fact)});
    }
    if (!context.inventory().pbs_configured) {
        return out;
    }
    for (const model::Storage* storage : context.pbs_storages()) {
        const model::PbsServer* server = context.server_for(storage->id);
        const auto pbs_jobs = covering_prune_jobs(server, *storage);
        if (!pbs_jobs) {
            continue;
        }
        std::vector<const model::PbsPruneJob*> pbs_pruning;
        for (const auto* job : *pbs_jobs) {
            if (policy_prunes(job->keep)) {
                pbs_pruning.push_back(job);
            }
        }
        bool any_job = false;
        const auto pve = pve_pruning_policies(context, *storage, any_job);
        const auto where = describe_pbs_location(storage->id, storage->pbs->datastore, storage->pbs->ns);
        const bool holds_something = any_job || !context.groups(storage->id).empty();
        if (pve.empty() && pbs_pruning.empty() && storage->enabled && holds_something) {
            std::string pve_side;
            const char* variant = "node_default";
            if (!any_job) {
                variant = "no_job";
                pve_side = "no enabled backup job targets it, so PVE never prunes it";
            } else if (storage->prune_backups) {
                variant = "keeps_all";
                pve_side = "its PVE-side policy keeps everything";
            } else {
                pve_side = "no PVE-side prune-backups is set (the node default in vzdump.conf is unknown, assumed "
                           "keep-all)";
            }
            auto fact = make_fact("pbs_no_retention", variant);
            add_location(fact, storage->id, storage->pbs->datastore, storage->pbs->ns);
            out.push_back({"pbs_no_retention", model::Severity::info, "storage/" + storage->id,
                           fmt::format("Backups on {} are never pruned: {} and no PBS prune job covers the "
                                       "namespace; they accumulate until deleted by hand.",
                                       where, pve_side),
                           std::nullopt, std::move(fact)});
        }
        if (pve.empty() || pbs_pruning.empty()) {
            continue;
        }
        bool differ = pve.size() > 1;
        for (const auto* job : pbs_pruning) {
            differ = differ || describe_keep(job->keep) != pve.begin()->first;
        }
        if (!differ) {
            continue;
        }
        std::vector<std::string> pve_parts;
        for (const auto& [keep, jobs] : pve) {
            pve_parts.push_back(
                fmt::format("{} ({} {})", keep, plural_noun(jobs.size(), "job", "jobs"), join_words(jobs)));
        }
        std::vector<std::string> pbs_parts;
        auto fact = make_fact("pbs_policies_overlap");
        add_location(fact, storage->id, storage->pbs->datastore, storage->pbs->ns);
        std::vector<std::string> pve_items;
        for (const auto& [keep, jobs] : pve) {
            pve_items.push_back(fmt::format("{} ({})", keep, fmt::join(jobs, ", ")));
        }
        std::vector<std::string> pbs_items;
        for (const auto* job : pbs_pruning) {
            pbs_items.push_back(fmt::format("{} ({})", describe_keep(job->keep), prune_job_label(*job)));
        }
        add_list(fact, "pve_policies", pve_items);
        add_list(fact, "pbs_policies", pbs_items);
        for (const auto* job : pbs_pruning) {
            pbs_parts.push_back(fmt::format("{} ({} {})", describe_keep(job->keep),
                                            job->legacy_datastore_policy ? "datastore policy" : "prune job",
                                            prune_job_label(*job)));
        }
        out.push_back({"pbs_policies_overlap", model::Severity::info, "storage/" + storage->id,
                       fmt::format("The {} is pruned by both PVE ({}) and PBS ({}) with different options; the "
                                   "stricter pass decides what remains.",
                                   where, join_words(pve_parts), join_words(pbs_parts)),
                       std::nullopt, std::move(fact)});
    }
    return out;
}

} // namespace pvr::analysis
