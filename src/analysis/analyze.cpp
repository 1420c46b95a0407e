#include "analysis/analyze.hpp"

#include "analysis/anomalies.hpp"
#include "analysis/coverage.hpp"
#include "analysis/exceptions.hpp"
#include "analysis/freshness.hpp"
#include "analysis/indexes.hpp"
#include "analysis/job_inclusion.hpp"
#include "analysis/pbs_context.hpp"
#include "analysis/pbs_storage_checks.hpp"
#include "analysis/retention_guest.hpp"
#include "analysis/retention_policies.hpp"
#include "analysis/retention_simulation.hpp"
#include "analysis/summary.hpp"
#include "analysis/verdict.hpp"

#include <algorithm>

namespace pvr::analysis {

model::ReportData analyze(const model::Inventory& inventory, const AnalysisOptions& options) {
    model::ReportData report;
    report.generated_at = options.now;
    report.tool_version = options.tool_version;
    report.cluster = inventory.cluster;
    report.collection_issues = inventory.issues;
    report.pbs_storages = pbs_storages(inventory);

    const auto guest_index = make_guest_index(inventory.guests, inventory.guests_collected);
    const auto pool_index = make_pool_index(inventory.pools, inventory.pools_collected);
    std::optional<std::vector<AnalyzedJob>> jobs;
    if (inventory.jobs) {
        jobs = analyze_jobs(*inventory.jobs, guest_index, pool_index);
        report.backup_jobs = *inventory.jobs;
        report.retention_policies = pve_retention_policies(*inventory.jobs, inventory.storages);
    } else {
        report.retention_policies = pve_retention_policies({}, inventory.storages);
    }
    auto pbs_policies = pbs_retention_policies(inventory);
    report.retention_policies.insert(report.retention_policies.end(), pbs_policies.begin(), pbs_policies.end());

    const auto jobs_issue = job_list_issue(inventory.issues);
    report.guests.reserve(inventory.guests.size());
    for (const auto& guest : inventory.guests) {
        model::GuestReport guest_report;
        guest_report.guest = guest;
        guest_report.coverage = guest_coverage(guest, jobs, jobs_issue);
        const auto result = inventory.last_results.find(guest.vmid);
        if (result != inventory.last_results.end()) {
            guest_report.last_task = result->second;
        }
        report.guests.push_back(std::move(guest_report));
    }
    std::stable_sort(
        report.guests.begin(), report.guests.end(),
        [](const model::GuestReport& a, const model::GuestReport& b) { return a.guest.vmid < b.guest.vmid; });

    report.anomalies = find_anomalies(inventory, jobs, report.guests);

    // PBS: retention, last backup and freshness per guest; orphan groups; storage findings.
    const PbsContext context(inventory, jobs, options.now);
    RetentionSimulator simulator(options.now);
    FreshnessEvaluator freshness(context, {options.stale_grace_hours, options.verify_max_age_days});
    std::vector<model::Anomaly> pbs_anomalies;
    for (auto& guest_report : report.guests) {
        const auto storages = guest_storages(context, guest_report);
        guest_report.retention = guest_retention(context, simulator, guest_report, storages, pbs_anomalies);
        guest_report.last_backup = last_backup(context, guest_report.guest, storages);
        guest_report.freshness = freshness.evaluate(guest_report, storages, pbs_anomalies);
    }
    report.pbs_orphan_groups = pbs_orphan_groups(context);
    auto storage_anomalies = pbs_storage_anomalies(context, report.pbs_orphan_groups);
    report.anomalies.insert(report.anomalies.end(), pbs_anomalies.begin(), pbs_anomalies.end());
    report.anomalies.insert(report.anomalies.end(), storage_anomalies.begin(), storage_anomalies.end());
    apply_exceptions(report, options.exceptions, options.exempt_tag, options.now);
    sort_anomalies(report.anomalies);
    report.summary = summarize(report);
    report.verdict = decide_verdict(report);
    return report;
}

} // namespace pvr::analysis
