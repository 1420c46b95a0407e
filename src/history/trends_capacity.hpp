#pragma once
// The one call the pipeline's history hook makes for trends and capacity (issue 11).

#include "model/history.hpp"
#include "model/report_data.hpp"

#include <cstdint>
#include <vector>

namespace pvr::history {

/// report.trends = compute_trends(history, current); report.capacity = forecast_capacity(history,
/// report), with the datastore_full_soon anomalies below `capacity_warn_days` (CAPACITY_WARN_DAYS)
/// and the verdict decided again. `history`: the kept runs of the report's cluster (other clusters
/// already left out); `current`: this run's digest.
void add_trends_and_capacity(model::ReportData& report, const std::vector<model::RunDigest>& history,
                             const model::RunDigest& current, std::int64_t capacity_warn_days);

} // namespace pvr::history
