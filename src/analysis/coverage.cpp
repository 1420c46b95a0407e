#include "analysis/coverage.hpp"

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
std::string not_included_reason(const model::Guest& guest, const std::vector<AnalyzedJob>& jobs) {
    std::vector<std::string> notes;
    for (const auto& analyzed : jobs) {
        const auto& inclusion = analyzed.inclusion;
        if (std::binary_search(inclusion.dropped_by_node.begin(), inclusion.dropped_by_node.end(), guest.vmid)) {
            notes.push_back(fmt::format("job {} only runs on node {} but the guest is on {}", analyzed.job.id,
                                        analyzed.job.node.value_or(""), guest.node));
        } else if (std::binary_search(inclusion.excluded.begin(), inclusion.excluded.end(), guest.vmid)) {
            notes.push_back(fmt::format("job {} excludes it", analyzed.job.id));
        }
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
        return coverage;
    }

    std::vector<std::string> undetermined_reasons;
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
        }
    }
    std::sort(coverage.jobs.begin(), coverage.jobs.end());
    std::sort(coverage.disabled_jobs.begin(), coverage.disabled_jobs.end());
    std::stable_sort(coverage.rules.begin(), coverage.rules.end(),
                     [](const model::CoverageRule& a, const model::CoverageRule& b) { return a.job < b.job; });

    if (!coverage.jobs.empty()) {
        coverage.status = model::CoverageStatus::scheduled;
        coverage.reason = included_reason(coverage.rules);
    } else if (!undetermined_reasons.empty()) {
        coverage.status = model::CoverageStatus::undetermined;
        coverage.reason = fmt::format("{}", fmt::join(undetermined_reasons, " "));
    } else if (!coverage.disabled_jobs.empty()) {
        coverage.status = model::CoverageStatus::not_backed_up;
        coverage.reason =
            fmt::format("Only the disabled {} {} would back it up.",
                        plural_noun(coverage.disabled_jobs.size(), "job", "jobs"), join_words(coverage.disabled_jobs));
    } else {
        coverage.status = model::CoverageStatus::not_backed_up;
        coverage.reason = not_included_reason(guest, *jobs);
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
