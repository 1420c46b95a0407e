#include "history/enrich.hpp"

#include "history/archive.hpp"
#include "history/changes.hpp"
#include "history/digest.hpp"
#include "history/forecast.hpp"
#include "history/trends.hpp"

namespace pvr::history {

void enrich_with_history(model::ReportData& report, const std::vector<model::RunDigest>& history,
                         const EnrichOptions& options) {
    // The hash chain: this run's record names the newest earlier record and its SHA-256.
    auto link = link_to_previous(history);
    if (report.archive) {
        link.pruned = std::move(report.archive->pruned);
    }
    report.archive = std::move(link);

    // Capacity first: its datastore_full_soon anomalies are part of this run's anomalies, which
    // the trends count and the changes compare with the previous run's.
    apply_capacity(report, forecast_capacity(history, report), options.capacity_warn_days.value_or(30));
    const model::RunDigest current = digest_of(report);
    report.trends = compute_trends(history, current);
    report.changes = compute_changes(history, current);
}

} // namespace pvr::history
