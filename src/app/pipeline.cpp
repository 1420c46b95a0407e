#include "app/pipeline.hpp"

#include "analysis/analyze.hpp"
#include "collect/pbs_override_check.hpp"
#include "collect/pve_collector.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

namespace pvr::app {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

model::ReportData build_report(http::Client& pve, const config::Config& config,
                               const collect::PbsClientFactory& pbs_factory, const Clock& clock, PipelineStats& stats) {
    const auto t0 = std::chrono::steady_clock::now();
    collect::PveCollectorOptions options;
    options.clock = clock;
    model::Inventory inventory = collect::collect_pve(pve, options);
    stats.collect_seconds = seconds_since(t0);
    stats.requests = pve.request_count();
    spdlog::info("collected {} guests, {} jobs, {} storages from PVE in {:.2f} s ({} requests, {} collection issues)",
                 inventory.guests.size(), inventory.jobs ? inventory.jobs->size() : 0, inventory.storages.size(),
                 stats.collect_seconds, stats.requests, inventory.issues.size());

    // A per-storage PBS variable naming no PBS storage is a typo: exit 2 before any PBS request.
    if (inventory.storages_collected) {
        collect::check_pbs_overrides(config, inventory.storages);
    }

    const auto tp = std::chrono::steady_clock::now();
    if (config.pbs_configured()) {
        collect::PbsCollectorOptions pbs_options;
        pbs_options.now = clock();
        collect::collect_pbs(inventory, config, pbs_factory, pbs_options);
        stats.pbs_seconds = seconds_since(tp);
        std::size_t snapshots = 0;
        for (const auto& [storage, content] : inventory.pbs_content) {
            snapshots += content.snapshots.size();
        }
        spdlog::info("collected {} snapshots from {} PBS server(s) in {:.2f} s", snapshots,
                     inventory.pbs_servers.size(), stats.pbs_seconds);
    } else {
        spdlog::info("PBS collection not configured (PBS_TOKEN_ID): last backups and retention are not reported");
    }

    const auto t1 = std::chrono::steady_clock::now();
    analysis::AnalysisOptions analysis_options;
    analysis_options.now = clock();
    analysis_options.tool_version = PVR_VERSION;
    analysis_options.stale_grace_hours = config.stale_grace.count();
    analysis_options.verify_max_age_days = config.verify_max_age.count();
    analysis_options.exceptions = config.exceptions;
    analysis_options.exempt_tag = config.exempt_tag;
    model::ReportData data = analysis::analyze(inventory, analysis_options);
    stats.analyze_seconds = seconds_since(t1);
    spdlog::info("coverage: {} scheduled, {} not backed up, {} undetermined of {} guests ({:.1f} %); {} anomalies",
                 data.summary.guests_scheduled, data.summary.guests_not_backed_up, data.summary.guests_undetermined,
                 data.summary.guests_total, data.summary.coverage_percent, data.summary.anomalies);
    if (!data.exceptions.empty()) {
        spdlog::info("accepted exceptions: {} guests not backed up and {} anomalies accepted, {} exceptions in use",
                     data.verdict.accepted_guests_not_backed_up,
                     data.verdict.accepted_critical_anomalies + data.verdict.accepted_warning_anomalies +
                         data.verdict.accepted_info_anomalies,
                     std::count_if(data.exceptions.begin(), data.exceptions.end(),
                                   [](const auto& use) { return use.status == "active"; }));
    }
    return data;
}

} // namespace pvr::app
