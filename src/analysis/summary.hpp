#pragma once
// The summary block (contract: summary) and the PBS storage list.

#include "model/inventory.hpp"
#include "model/report_data.hpp"

#include <vector>

namespace pvr::analysis {

/// Counts from the finished guests, jobs, PBS storages and anomalies of `report`.
[[nodiscard]] model::ReportSummary summarize(const model::ReportData& report);

/// guests_scheduled / guests_total * 100, rounded to one decimal; 0 without guests.
[[nodiscard]] double coverage_percent(std::int64_t scheduled, std::int64_t total);

/// Every storage of type "pbs", in collected order (usage unknown until PBS is read).
[[nodiscard]] std::vector<model::PbsStorageReport> pbs_storages(const std::vector<model::Storage>& storages);

/// Every storage of type "pbs" with `usage` from its PBS server's datastore when collected (PBS
/// configured, the server serving the storage known and the datastore's usage read), else null.
[[nodiscard]] std::vector<model::PbsStorageReport> pbs_storages(const model::Inventory& inventory);

} // namespace pvr::analysis
