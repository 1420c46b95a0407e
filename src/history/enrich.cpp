#include "history/enrich.hpp"

#include "history/archive.hpp"

namespace pvr::history {

void enrich_with_history(model::ReportData& report, const std::vector<model::RunDigest>& history,
                         const EnrichOptions& /*options*/) {
    // The hash chain: this run's record names the newest earlier record and its SHA-256.
    auto link = link_to_previous(history);
    if (report.archive) {
        link.pruned = std::move(report.archive->pruned);
    }
    report.archive = std::move(link);
}

} // namespace pvr::history
