// Anomalies about backup jobs: disabled, selecting nothing or unknown guests, unusable node or storage.

#include "analysis/anomalies.hpp"
#include "analysis/facts.hpp"
#include "analysis/wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace pvr::analysis {

namespace {

using model::Anomaly;
using model::Severity;

class JobChecker {
public:
    JobChecker(const model::Inventory& inventory, std::vector<Anomaly>& out) : m_inventory(inventory), m_out(out) {
        for (const auto& guest : inventory.guests) {
            m_guests.emplace(guest.vmid, &guest);
        }
        for (const auto& node : inventory.cluster.nodes) {
            m_nodes.insert(node.name);
        }
    }

    void check(const AnalyzedJob& analyzed) {
        disabled(analyzed);
        includes_nothing(analyzed);
        unknown_vmids(analyzed);
        unknown_node(analyzed);
        unknown_pool(analyzed);
        storage(analyzed);
        uninterpretable(analyzed);
        no_schedule(analyzed);
    }

private:
    const model::Inventory& m_inventory;
    std::vector<Anomaly>& m_out;
    std::map<std::int64_t, const model::Guest*> m_guests;
    std::set<std::string> m_nodes;

    static std::string subject(const model::BackupJob& job) { return "job/" + job.id; }
    static Severity if_enabled(const model::BackupJob& job, Severity when_enabled, Severity when_disabled) {
        return job.enabled ? when_enabled : when_disabled;
    }

    void add(std::string kind, Severity severity, const model::BackupJob& job, std::string message, model::Fact fact) {
        m_out.push_back({std::move(kind), severity, subject(job), std::move(message), std::nullopt, std::move(fact)});
    }

    /// A fact about `job`: kind, case and the job id.
    static model::Fact job_fact(const char* kind, const model::BackupJob& job, const char* variant = "") {
        auto fact = make_fact(kind, variant);
        fact.add_text("job", job.id);
        return fact;
    }

    /// What the job selects (document: the job's selection in words): selection (pool|vmids|all|
    /// exclude_without_all|none), pool, vmids, exclude, job_node.
    static void add_selection(model::Fact& fact, const model::BackupJob& job) {
        const auto& selection = job.selection;
        const char* kind = "none";
        if (selection.pool && !selection.pool->empty()) {
            kind = "pool";
            fact.add_text("pool", *selection.pool);
        } else if (!selection.vmids.empty()) {
            kind = "vmids";
            add_list(fact, "vmids", selection.vmids);
        } else if (selection.all) {
            kind = "all";
        } else if (!selection.exclude.empty()) {
            kind = "exclude_without_all";
        }
        fact.add("selection", model::FactParam::Type::identifier, kind);
        if (!selection.exclude.empty()) {
            add_list(fact, "exclude", selection.exclude);
        }
        if (job.node) {
            fact.add_text("job_node", *job.node);
        }
    }

    [[nodiscard]] std::vector<std::string> fact_labels(const std::vector<std::int64_t>& vmids) const {
        std::vector<std::string> out;
        for (const auto vmid : vmids) {
            const auto found = m_guests.find(vmid);
            out.push_back(found == m_guests.end() ? fmt::format("VMID {}", vmid) : fact_guest_label(*found->second));
        }
        return out;
    }

    [[nodiscard]] std::string label(std::int64_t vmid) const {
        const auto found = m_guests.find(vmid);
        return found == m_guests.end() ? fmt::format("VMID {}", vmid) : guest_label(*found->second);
    }

    [[nodiscard]] std::vector<std::string> labels(const std::vector<std::int64_t>& vmids) const {
        std::vector<std::string> out;
        for (const auto vmid : vmids) {
            out.push_back(label(vmid));
        }
        return out;
    }

    [[nodiscard]] std::string node_of(std::int64_t vmid) const {
        const auto found = m_guests.find(vmid);
        return found == m_guests.end() ? std::string() : found->second->node;
    }

    void disabled(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        if (job.enabled) {
            return;
        }
        const auto& inclusion = analyzed.inclusion;
        std::string message;
        auto fact = job_fact("job_disabled", job,
                             inclusion.undetermined       ? "unknown"
                             : inclusion.included.empty() ? "nothing"
                                                          : "guests");
        if (inclusion.included.empty()) {
            add_selection(fact, job);
        } else {
            fact.add_int("count", static_cast<std::int64_t>(inclusion.included.size()));
            add_list(fact, "guests", fact_labels(inclusion.included));
            if (job.storage) {
                fact.add_text("storage", *job.storage);
            }
        }
        if (inclusion.undetermined) {
            message = fmt::format("Job {} ({}) is disabled; what it would back up is unknown.", job.id,
                                  describe_selection(job));
        } else if (inclusion.included.empty()) {
            message =
                fmt::format("Job {} ({}) is disabled and would back up no guest.", job.id, describe_selection(job));
        } else {
            message = fmt::format("Job {} is disabled; it would back up {} to {}.", job.id,
                                  guest_labels(labels(inclusion.included)), describe_storage(job));
        }
        add("job_disabled", Severity::info, job, std::move(message), std::move(fact));
    }

    void includes_nothing(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        const auto& inclusion = analyzed.inclusion;
        if (inclusion.undetermined || !inclusion.included.empty()) {
            return;
        }
        std::string why;
        const char* variant = "no_selection";
        switch (inclusion.mode) {
        case SelectionMode::none:
            variant = job.selection.exclude.empty() ? "no_selection" : "exclude_without_all";
            why = job.selection.exclude.empty()
                      ? std::string("it selects no pool, no VMID and not all guests")
                      : fmt::format("it has exclude {} without all, which Proxmox VE counts as selecting nothing "
                                    "(a manual run would back up every other guest)",
                                    vmid_list(job.selection.exclude));
            break;
        case SelectionMode::pool:
            variant = "empty_pool";
            why = fmt::format("pool {} has no existing guest as direct member", *job.selection.pool);
            break;
        case SelectionMode::vmid:
            variant = "vmids_missing";
            why = "none of the VMIDs it names exists";
            break;
        case SelectionMode::all:
            variant = inclusion.excluded.empty() ? "no_guest" : "all_excluded";
            why = inclusion.excluded.empty() ? std::string("the cluster has no guest")
                                             : std::string("every guest is excluded");
            break;
        }
        auto fact = job_fact("job_includes_nothing", job, variant);
        if (inclusion.mode == SelectionMode::pool) {
            fact.add_text("pool", *job.selection.pool);
        }
        if (!job.selection.exclude.empty() && inclusion.mode == SelectionMode::none) {
            add_list(fact, "exclude", job.selection.exclude);
        }
        if (!inclusion.dropped_by_node.empty()) {
            std::vector<std::string> elsewhere;
            std::vector<std::string> nodes;
            for (const auto vmid : inclusion.dropped_by_node) {
                elsewhere.push_back(fmt::format("{} on {}", label(vmid), node_of(vmid)));
                nodes.push_back(node_of(vmid));
            }
            fact = job_fact("job_includes_nothing", job, "other_nodes");
            fact.add_text("job_node", job.node.value_or(""));
            add_list(fact, "guests", fact_labels(inclusion.dropped_by_node));
            add_list(fact, "guest_nodes", nodes);
            why = fmt::format("it only runs on node {} but its guests live elsewhere ({})", job.node.value_or(""),
                              guest_labels(elsewhere));
        }
        add("job_includes_nothing", Severity::warning, job,
            fmt::format("Job {} includes no existing guest: {}.", job.id, why), std::move(fact));
    }

    void unknown_vmids(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        const auto& unknown = analyzed.inclusion.unknown_vmids;
        if (unknown.empty()) {
            return;
        }
        const std::string where = job.node ? fmt::format("on node {}", *job.node) : std::string("on every node");
        auto fact = job_fact("job_unknown_vmid", job, job.node ? "node" : "every_node");
        fact.add_int("count", static_cast<std::int64_t>(unknown.size()));
        add_list(fact, "vmids", unknown);
        if (job.node) {
            fact.add_text("job_node", *job.node);
        }
        add("job_unknown_vmid", Severity::warning, job,
            fmt::format("Job {} names {} that {} not exist ({}); each run reports an error for {} {}.", job.id,
                        plural_noun(unknown.size(), "a VMID", "VMIDs"), plural_noun(unknown.size(), "does", "do"),
                        vmid_list(unknown), plural_noun(unknown.size(), "it", "them"), where),
            std::move(fact));
    }

    void unknown_node(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        if (!job.node || m_nodes.empty() || m_nodes.count(*job.node) > 0) {
            return;
        }
        auto fact = job_fact("job_unknown_node", job);
        fact.add_text("job_node", *job.node);
        add("job_unknown_node", Severity::warning, job,
            fmt::format("Job {} is restricted to node {}, which is not a node of this cluster; it never runs.", job.id,
                        *job.node),
            std::move(fact));
    }

    void unknown_pool(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        if (analyzed.inclusion.mode != SelectionMode::pool || !m_inventory.pools_collected ||
            m_inventory.pools.count(*job.selection.pool) > 0) {
            return;
        }
        auto fact = job_fact("job_pool_unknown", job);
        fact.add_text("pool", *job.selection.pool);
        add("job_pool_unknown", if_enabled(job, Severity::critical, Severity::warning), job,
            fmt::format("Job {} selects pool {}, which was not found (deleted, or not visible to the API token); "
                        "its runs fail and Proxmox VE's not-backed-up check returns an error.",
                        job.id, *job.selection.pool),
            std::move(fact));
    }

    void storage(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        if (!job.storage || !m_inventory.storages_collected) {
            return; // no storage: vzdump.conf's default or `local`, not checked
        }
        const auto severity = if_enabled(job, Severity::critical, Severity::warning);
        const auto found = std::find_if(m_inventory.storages.begin(), m_inventory.storages.end(),
                                        [&](const model::Storage& s) { return s.id == *job.storage; });
        auto fact = job_fact("job_storage_missing", job);
        fact.add_text("storage", *job.storage);
        if (found == m_inventory.storages.end()) {
            add("job_storage_missing", severity, job,
                fmt::format("Job {} writes to storage {}, which does not exist (or is not visible to the API "
                            "token); its runs fail.",
                            job.id, *job.storage),
                std::move(fact));
            return;
        }
        fact = job_fact("job_storage_disabled", job, "disabled");
        fact.add_text("storage", *job.storage);
        if (!found->enabled) {
            add("job_storage_disabled", severity, job,
                fmt::format("Job {} writes to storage {}, which is disabled; its runs fail.", job.id, *job.storage),
                std::move(fact));
            return;
        }
        if (job.node) {
            if (!found->available_on(*job.node)) {
                fact = job_fact("job_storage_disabled", job, "job_node");
                fact.add_text("storage", *job.storage);
                fact.add_text("job_node", *job.node);
                add("job_storage_disabled", severity, job,
                    fmt::format("Job {} runs on node {}, where storage {} is not available; its runs fail.", job.id,
                                *job.node, *job.storage),
                    std::move(fact));
            }
            return;
        }
        std::map<std::string, std::vector<std::string>> guests_by_node;
        for (const auto vmid : analyzed.inclusion.included) {
            const auto node = node_of(vmid);
            if (!found->available_on(node)) {
                guests_by_node[node].push_back(label(vmid));
            }
        }
        if (guests_by_node.empty()) {
            return;
        }
        std::vector<std::string> parts;
        for (const auto& [node, guests] : guests_by_node) {
            parts.push_back(fmt::format("{} on {}", guest_labels(guests, 5), node));
        }
        std::vector<std::string> nodes;
        for (const auto& [node, guests] : guests_by_node) {
            nodes.push_back(node);
        }
        fact = job_fact("job_storage_disabled", job, "guest_nodes");
        fact.add_text("storage", *job.storage);
        fact.add_int("count", static_cast<std::int64_t>(nodes.size()));
        add_list(fact, "nodes", nodes);
        std::vector<std::string> fact_guests;
        std::vector<std::string> fact_guest_nodes;
        for (const auto vmid : analyzed.inclusion.included) {
            const auto node = node_of(vmid);
            if (!found->available_on(node)) {
                fact_guests.push_back(fact_labels({vmid}).front());
                fact_guest_nodes.push_back(node);
            }
        }
        add_list(fact, "guests", fact_guests);
        add_list(fact, "guest_nodes", fact_guest_nodes);
        add("job_storage_disabled", severity, job,
            fmt::format("Storage {} of job {} is not available on {} {}, so the backups of {} fail.", *job.storage,
                        job.id, plural_noun(nodes.size(), "node", "nodes"), join_words(nodes), join_words(parts)),
            std::move(fact));
    }

    void uninterpretable(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        for (const auto& problem : job.problems) {
            auto fact = job_fact("job_uninterpretable", job);
            fact.add_text("problem", problem);
            add("job_uninterpretable", Severity::warning, job,
                fmt::format("Job {} has a setting that could not be interpreted ({}); the analysis ignores it.", job.id,
                            problem),
                std::move(fact));
        }
    }

    void no_schedule(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        if (!job.enabled || (job.schedule && !job.schedule->empty())) {
            return;
        }
        add("job_no_schedule", Severity::warning, job,
            fmt::format("Job {} has no schedule; it never runs automatically.", job.id),
            job_fact("job_no_schedule", job));
    }
};

} // namespace

std::vector<Anomaly> job_anomalies(const model::Inventory& inventory, const std::vector<AnalyzedJob>& jobs) {
    std::vector<Anomaly> out;
    JobChecker checker(inventory, out);
    for (const auto& analyzed : jobs) {
        checker.check(analyzed);
    }
    return out;
}

} // namespace pvr::analysis
