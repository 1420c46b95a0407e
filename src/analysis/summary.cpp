#include "analysis/summary.hpp"

#include <algorithm>
#include <cmath>

namespace pvr::analysis {

double coverage_percent(std::int64_t scheduled, std::int64_t total) {
    if (total <= 0) {
        return 0.0;
    }
    return std::round(static_cast<double>(scheduled) * 1000.0 / static_cast<double>(total)) / 10.0;
}

model::ReportSummary summarize(const model::ReportData& report) {
    model::ReportSummary summary;
    summary.guests_total = static_cast<std::int64_t>(report.guests.size());
    for (const auto& guest : report.guests) {
        switch (guest.coverage.status) {
        case model::CoverageStatus::scheduled:
            ++summary.guests_scheduled;
            break;
        case model::CoverageStatus::not_backed_up:
            ++summary.guests_not_backed_up;
            break;
        case model::CoverageStatus::undetermined:
            ++summary.guests_undetermined;
            break;
        }
    }
    summary.coverage_percent = coverage_percent(summary.guests_scheduled, summary.guests_total);
    summary.backup_jobs_total = static_cast<std::int64_t>(report.backup_jobs.size());
    for (const auto& job : report.backup_jobs) {
        if (job.enabled) {
            ++summary.backup_jobs_enabled;
        }
    }
    summary.pbs_storages = static_cast<std::int64_t>(report.pbs_storages.size());
    summary.anomalies = static_cast<std::int64_t>(report.anomalies.size());
    return summary;
}

std::vector<model::PbsStorageReport> pbs_storages(const std::vector<model::Storage>& storages) {
    std::vector<model::PbsStorageReport> out;
    for (const auto& storage : storages) {
        if (storage.is_pbs()) {
            out.push_back({storage, std::nullopt});
        }
    }
    return out;
}

std::vector<model::PbsStorageReport> pbs_storages(const model::Inventory& inventory) {
    auto out = pbs_storages(inventory.storages);
    if (!inventory.pbs_configured) {
        return out;
    }
    for (auto& report : out) {
        if (!report.storage.pbs) {
            continue;
        }
        for (const auto& server : inventory.pbs_servers) {
            if (std::find(server.storages.begin(), server.storages.end(), report.storage.id) == server.storages.end()) {
                continue;
            }
            const auto datastore = server.datastores.find(report.storage.pbs->datastore);
            if (datastore != server.datastores.end()) {
                report.usage = datastore->second.usage;
            }
            break;
        }
    }
    return out;
}

} // namespace pvr::analysis
