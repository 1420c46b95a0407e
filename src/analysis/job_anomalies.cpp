// Anomalies about backup jobs: disabled, selecting nothing or unknown guests, unusable node or storage.

#include "analysis/anomalies.hpp"
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

    void add(std::string kind, Severity severity, const model::BackupJob& job, std::string message) {
        m_out.push_back({std::move(kind), severity, subject(job), std::move(message)});
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
        add("job_disabled", Severity::info, job, std::move(message));
    }

    void includes_nothing(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        const auto& inclusion = analyzed.inclusion;
        if (inclusion.undetermined || !inclusion.included.empty()) {
            return;
        }
        std::string why;
        switch (inclusion.mode) {
        case SelectionMode::none:
            why = job.selection.exclude.empty()
                      ? std::string("it selects no pool, no VMID and not all guests")
                      : fmt::format("it has exclude {} without all, which Proxmox VE counts as selecting nothing "
                                    "(a manual run would back up every other guest)",
                                    vmid_list(job.selection.exclude));
            break;
        case SelectionMode::pool:
            why = fmt::format("pool {} has no existing guest as direct member", *job.selection.pool);
            break;
        case SelectionMode::vmid:
            why = "none of the VMIDs it names exists";
            break;
        case SelectionMode::all:
            why = inclusion.excluded.empty() ? std::string("the cluster has no guest")
                                             : std::string("every guest is excluded");
            break;
        }
        if (!inclusion.dropped_by_node.empty()) {
            std::vector<std::string> elsewhere;
            for (const auto vmid : inclusion.dropped_by_node) {
                elsewhere.push_back(fmt::format("{} on {}", label(vmid), node_of(vmid)));
            }
            why = fmt::format("it only runs on node {} but its guests live elsewhere ({})", job.node.value_or(""),
                              guest_labels(elsewhere));
        }
        add("job_includes_nothing", Severity::warning, job,
            fmt::format("Job {} includes no existing guest: {}.", job.id, why));
    }

    void unknown_vmids(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        const auto& unknown = analyzed.inclusion.unknown_vmids;
        if (unknown.empty()) {
            return;
        }
        const std::string where = job.node ? fmt::format("on node {}", *job.node) : std::string("on every node");
        add("job_unknown_vmid", Severity::warning, job,
            fmt::format("Job {} names {} that {} not exist ({}); each run reports an error for {} {}.", job.id,
                        plural_noun(unknown.size(), "a VMID", "VMIDs"), plural_noun(unknown.size(), "does", "do"),
                        vmid_list(unknown), plural_noun(unknown.size(), "it", "them"), where));
    }

    void unknown_node(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        if (!job.node || m_nodes.empty() || m_nodes.count(*job.node) > 0) {
            return;
        }
        add("job_unknown_node", Severity::warning, job,
            fmt::format("Job {} is restricted to node {}, which is not a node of this cluster; it never runs.", job.id,
                        *job.node));
    }

    void unknown_pool(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        if (analyzed.inclusion.mode != SelectionMode::pool || !m_inventory.pools_collected ||
            m_inventory.pools.count(*job.selection.pool) > 0) {
            return;
        }
        add("job_pool_unknown", if_enabled(job, Severity::critical, Severity::warning), job,
            fmt::format("Job {} selects pool {}, which was not found (deleted, or not visible to the API token); "
                        "its runs fail and Proxmox VE's not-backed-up check returns an error.",
                        job.id, *job.selection.pool));
    }

    void storage(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        if (!job.storage || !m_inventory.storages_collected) {
            return; // no storage: vzdump.conf's default or `local`, not checked
        }
        const auto severity = if_enabled(job, Severity::critical, Severity::warning);
        const auto found = std::find_if(m_inventory.storages.begin(), m_inventory.storages.end(),
                                        [&](const model::Storage& s) { return s.id == *job.storage; });
        if (found == m_inventory.storages.end()) {
            add("job_storage_missing", severity, job,
                fmt::format("Job {} writes to storage {}, which does not exist (or is not visible to the API "
                            "token); its runs fail.",
                            job.id, *job.storage));
            return;
        }
        if (!found->enabled) {
            add("job_storage_disabled", severity, job,
                fmt::format("Job {} writes to storage {}, which is disabled; its runs fail.", job.id, *job.storage));
            return;
        }
        if (job.node) {
            if (!found->available_on(*job.node)) {
                add("job_storage_disabled", severity, job,
                    fmt::format("Job {} runs on node {}, where storage {} is not available; its runs fail.", job.id,
                                *job.node, *job.storage));
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
        add("job_storage_disabled", severity, job,
            fmt::format("Storage {} of job {} is not available on {} {}, so the backups of {} fail.", *job.storage,
                        job.id, plural_noun(nodes.size(), "node", "nodes"), join_words(nodes), join_words(parts)));
    }

    void uninterpretable(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        for (const auto& problem : job.problems) {
            add("job_uninterpretable", Severity::warning, job,
                fmt::format("Job {} has a setting that could not be interpreted ({}); the analysis ignores it.", job.id,
                            problem));
        }
    }

    void no_schedule(const AnalyzedJob& analyzed) {
        const auto& job = analyzed.job;
        if (!job.enabled || (job.schedule && !job.schedule->empty())) {
            return;
        }
        add("job_no_schedule", Severity::warning, job,
            fmt::format("Job {} has no schedule; it never runs automatically.", job.id));
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
