#include "app/pipeline.hpp"

#include "analysis/analyze.hpp"
#include "app/background_pbs.hpp"
#include "collect/pbs_override_check.hpp"
#include "collect/pve_collector.hpp"
#include "history/archive.hpp"
#include "history/enrich.hpp"

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
    collect::PbsCollectorOptions pbs_options;
    pbs_options.now = clock();
    pbs_options.parallelism = config.pbs_max_connections;
    BackgroundPbsCollection pbs(config, pbs_factory, pbs_options);
    collect::PveCollectorOptions options;
    options.clock = clock;
    options.parallelism = config.pve_max_connections;
    // PBS starts as soon as the storages are known and runs beside the rest of the PVE collection.
    options.on_storages = [&](const std::vector<model::Storage>& storages, bool collected) {
        // A per-storage PBS variable naming no PBS storage is a typo: exit 2 before any PBS request.
        if (collected) {
            collect::check_pbs_overrides(config, storages);
        }
        if (config.pbs_configured()) {
            pbs.start(storages);
        }
    };
    model::Inventory inventory = collect::collect_pve(pve, options);
    stats.collect_seconds = seconds_since(t0);
    stats.requests = pve.request_count();
    spdlog::info("collected {} guests, {} jobs, {} storages from PVE in {:.2f} s ({} requests, {} collection issues)",
                 inventory.guests.size(), inventory.jobs ? inventory.jobs->size() : 0, inventory.storages.size(),
                 stats.collect_seconds, stats.requests, inventory.issues.size());

    if (config.pbs_configured()) {
        if (!pbs.started()) { // collect_pve always announces the storages; this keeps PBS whatever it does
            if (inventory.storages_collected) {
                collect::check_pbs_overrides(config, inventory.storages);
            }
            pbs.start(inventory.storages);
        }
        stats.pbs_seconds = pbs.finish_into(inventory);
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
    // The history of this cluster (HISTORY_DIR): the hash-chain link and what the history adds.
    // Bounded however long the history is kept: the newest runs of the trends' window, and only the
    // previous report whole (the changes compare with it).
    const auto history = history::load_history(config.archive_dir(), history::cluster_key(data.cluster),
                                               history::LoadOptions{data.generated_at, history::history_window});
    history::enrich_with_history(data, history, history::EnrichOptions{config.capacity_warn.count()});
    return data;
}

} // namespace pvr::app
