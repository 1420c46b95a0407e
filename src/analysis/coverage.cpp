#include "analysis/coverage.hpp"

#include "analysis/facts.hpp"
#include "analysis/wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace pvr::analysis {

namespace {

/// The rule by which `analyzed` includes a guest: a fact of constant size (no VMID list).
model::CoverageRule inclusion_rule(const AnalyzedJob& analyzed) {
    const auto& job = analyzed.job;
    model::CoverageRule rule;
    rule.job = job.id;
    rule.enabled = job.enabled;
    rule.node = job.node;
    rule.storage = job.storage;
    switch (analyzed.inclusion.mode) {
    case SelectionMode::pool:
        rule.selection = model::RuleSelection::pool;
        rule.pool = job.selection.pool;
        break;
    case SelectionMode::all:
        rule.selection = model::RuleSelection::all;
        rule.excluded_count = job.selection.exclude.size();
        break;
    case SelectionMode::vmid:
    case SelectionMode::none:
        rule.selection = model::RuleSelection::vmid;
        break;
    }
    return rule;
}

/// "Included by enabled job backup-daily (listed by VMID) to pbs1.": names each rule, never a VMID list.
std::string included_reason(const std::vector<model::CoverageRule>& rules) {
    std::vector<std::string> parts;
    for (const auto& rule : rules) {
        if (rule.enabled) {
            parts.push_back(fmt::format("{} ({}) to {}", rule.job, describe_rule(rule),
                                        rule.storage ? *rule.storage : std::string("the default storage")));
        }
    }
    return fmt::format("Included by enabled {} {}.", plural_noun(parts.size(), "job", "jobs"), join_words(parts));
}

/// Why no job includes the guest, naming the jobs that name it but drop or exclude it.
std::string not_included_reason(const model::Guest& guest, const std::vector<AnalyzedJob>& jobs, model::Fact& fact) {
    std::vector<std::string> notes;
    std::vector<std::string> node_jobs;
    std::vector<std::string> job_nodes;
    std::vector<std::string> excluded_by;
    for (const auto& analyzed : jobs) {
        const auto& inclusion = analyzed.inclusion;
        if (std::binary_search(inclusion.dropped_by_node.begin(), inclusion.dropped_by_node.end(), guest.vmid)) {
            notes.push_back(fmt::format("job {} only runs on node {} but the guest is on {}", analyzed.job.id,
                                        analyzed.job.node.value_or(""), guest.node));
            node_jobs.push_back(analyzed.job.id);
            job_nodes.push_back(analyzed.job.node.value_or(""));
        } else if (std::binary_search(inclusion.excluded.begin(), inclusion.excluded.end(), guest.vmid)) {
            notes.push_back(fmt::format("job {} excludes it", analyzed.job.id));
            excluded_by.push_back(analyzed.job.id);
        }
    }
    fact = make_fact("reason_not_included", notes.empty() ? "plain" : "explained");
    fact.add_text("node", guest.node);
    if (!node_jobs.empty()) {
        add_list(fact, "node_jobs", node_jobs);
        add_list(fact, "job_nodes", job_nodes);
    }
    if (!excluded_by.empty()) {
        add_list(fact, "excluded_by", excluded_by);
    }
    if (notes.empty()) {
        return "No backup job includes it.";
    }
    return fmt::format("No backup job includes it: {}.", join_words(notes));
}

} // namespace

std::string describe_volume(const model::Volume& volume) {
    return volume.reason.empty() ? volume.key : fmt::format("{} ({})", volume.key, volume.reason);
}

std::string job_list_issue(const std::vector<model::CollectionIssue>& issues) {
    for (const auto& issue : issues) {
        if (issue.endpoint &&
            (*issue.endpoint == "/cluster/backup" || issue.endpoint->rfind("/cluster/backup/", 0) == 0)) {
            // The collector words it "backup jobs could not be read: <why>": keep the why.
            constexpr std::string_view marker = " could not be read: ";
            const auto at = issue.message.find(marker);
            std::string why = at == std::string::npos ? issue.message : issue.message.substr(at + marker.size());
            while (!why.empty() && (why.back() == '.' || why.back() == ' ')) {
                why.pop_back();
            }
            return why;
        }
    }
    return {};
}

model::Coverage guest_coverage(const model::Guest& guest, const std::optional<std::vector<AnalyzedJob>>& jobs,
                               const std::string& jobs_unavailable_detail) {
    model::Coverage coverage;
    if (!jobs) {
        coverage.status = model::CoverageStatus::undetermined;
        coverage.reason = jobs_unavailable_detail.empty()
                              ? std::string("The backup job list could not be read.")
                              : fmt::format("The backup job list could not be read ({}).", jobs_unavailable_detail);
        coverage.reason_fact = make_fact("reason_jobs_unread", jobs_unavailable_detail.empty() ? "plain" : "detail");
        if (!jobs_unavailable_detail.empty()) {
            coverage.reason_fact.add_text("detail", jobs_unavailable_detail);
        }
        return coverage;
    }

    std::vector<std::string> undetermined_reasons;
    std::vector<model::Fact> undetermined_facts;
    for (const auto& analyzed : *jobs) {
        const auto& inclusion = analyzed.inclusion;
        if (inclusion.includes(guest.vmid)) {
            coverage.rules.push_back(inclusion_rule(analyzed));
            if (analyzed.job.enabled) {
                coverage.jobs.push_back(analyzed.job.id);
            } else {
                coverage.disabled_jobs.push_back(analyzed.job.id);
            }
        } else if (analyzed.job.enabled && inclusion.may_include(guest.vmid)) {
            undetermined_reasons.push_back(inclusion.undetermined_reason);
            undetermined_facts.push_back(inclusion.undetermined_fact);
        }
    }
    std::sort(coverage.jobs.begin(), coverage.jobs.end());
    std::sort(coverage.disabled_jobs.begin(), coverage.disabled_jobs.end());
    std::stable_sort(coverage.rules.begin(), coverage.rules.end(),
                     [](const model::CoverageRule& a, const model::CoverageRule& b) { return a.job < b.job; });

    if (!coverage.jobs.empty()) {
        coverage.status = model::CoverageStatus::scheduled;
        coverage.reason = included_reason(coverage.rules);
        // The rules say how (guests[].coverage.rules): the fact names the jobs.
        coverage.reason_fact = make_fact("reason_included");
        coverage.reason_fact.add_int("count", static_cast<std::int64_t>(coverage.jobs.size()));
        add_list(coverage.reason_fact, "jobs", coverage.jobs);
    } else if (!undetermined_reasons.empty()) {
        coverage.status = model::CoverageStatus::undetermined;
        coverage.reason = fmt::format("{}", fmt::join(undetermined_reasons, " "));
        // One cause per job: parallel lists (jobs, causes, pools).
        std::vector<std::string> job_ids;
        std::vector<std::string> causes;
        std::vector<std::string> pools;
        for (const auto& cause : undetermined_facts) {
            job_ids.push_back(cause.text("job").value_or(""));
            causes.push_back(cause.text("case").value_or(""));
            pools.push_back(cause.text("pool").value_or(""));
        }
        coverage.reason_fact = make_fact("reason_undetermined");
        add_list(coverage.reason_fact, "jobs", job_ids);
        add_list(coverage.reason_fact, "causes", causes);
        add_list(coverage.reason_fact, "pools", pools);
    } else if (!coverage.disabled_jobs.empty()) {
        coverage.status = model::CoverageStatus::not_backed_up;
        coverage.reason =
            fmt::format("Only the disabled {} {} would back it up.",
                        plural_noun(coverage.disabled_jobs.size(), "job", "jobs"), join_words(coverage.disabled_jobs));
        coverage.reason_fact = make_fact("reason_only_disabled");
        coverage.reason_fact.add_int("count", static_cast<std::int64_t>(coverage.disabled_jobs.size()));
        add_list(coverage.reason_fact, "jobs", coverage.disabled_jobs);
    } else {
        coverage.status = model::CoverageStatus::not_backed_up;
        coverage.reason = not_included_reason(guest, *jobs, coverage.reason_fact);
    }

    const bool included_somewhere = !coverage.jobs.empty() || !coverage.disabled_jobs.empty();
    if (included_somewhere && guest.config_collected) {
        for (const auto& volume : guest.volumes) {
            if (!volume.included) {
                coverage.excluded_volumes.push_back(volume.key);
            }
        }
    }
    return coverage;
}

} // namespace pvr::analysis
