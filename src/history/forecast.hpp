#pragma once
// Capacity forecast per PBS datastore (issue 11): when will it be full, and on what basis.
//
// For each datastore whose usage was read in this run (pbs_storages[].usage, one per server and
// datastore however many PVE storages point at it):
//   1. PBS's own estimate (`estimated-full-date` of /status/datastore-usage, a least-squares fit of
//      its last month of usage): a date after the run → basis "pbs_estimate"; 0 or a date at or
//      before the run → "not_growing" (PBS's way of saying usage is flat or shrinking).
//   2. Otherwise a least-squares line through the used space of the last ≤ 30 kept runs (this one
//      included), when there are at least 5 of them spanning at least 3 days: a positive slope →
//      "history_fit" (full when the line reaches the current total); otherwise "not_growing".
//   3. Otherwise "insufficient_history".
// days_left: whole days from the run to full_at (0 when already reached).
//
// Anomaly `datastore_full_soon` (subject "datastore/<server>/<datastore>") when days_left is known
// and below CAPACITY_WARN_DAYS: critical when at most min(7, CAPACITY_WARN_DAYS / 3) days are left
// (a week at most, and never more than a third of the warning window), warning otherwise.

#include "model/anomaly.hpp"
#include "model/history.hpp"
#include "model/report_data.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace pvr::history {

inline constexpr std::size_t fit_max_points = 30;
inline constexpr std::size_t fit_min_points = 5;
inline constexpr std::int64_t fit_min_span_seconds = 3 * 86400;
inline constexpr std::int64_t default_capacity_warn_days = 30;

struct FitPoint {
    std::int64_t time = 0; // epoch
    double value = 0;
};

/// value(t) = intercept + slope * (t - origin), by least squares; nullopt with fewer than 2
/// distinct times.
struct LinearFit {
    double slope = 0; // per second
    double intercept = 0;
    std::int64_t origin = 0;
    [[nodiscard]] double at(std::int64_t t) const { return intercept + slope * static_cast<double>(t - origin); }
};
[[nodiscard]] std::optional<LinearFit> fit_line(const std::vector<FitPoint>& points);

/// One forecast per datastore of `current.pbs_storages` with a usage, sorted by server and datastore.
/// `history`: the kept runs of the same cluster (RunDigest::datastores gives the used space).
[[nodiscard]] std::vector<model::CapacityForecast> forecast_capacity(const std::vector<model::RunDigest>& history,
                                                                     const model::ReportData& current);

/// The datastore's key in forecasts, trends and digests: "host:port" (RunDigest::datastores::server).
[[nodiscard]] std::string datastore_server(const model::PbsTarget& target);

/// `datastore_full_soon` anomalies for the forecasts with days_left < warn_days.
[[nodiscard]] std::vector<model::Anomaly> capacity_anomalies(const std::vector<model::CapacityForecast>& forecasts,
                                                             std::int64_t warn_days);

/// Stores `forecasts` in `report.capacity`, appends their anomalies (replacing those of an earlier
/// call), and decides the verdict and the summary's anomaly count again so that the new anomalies
/// count like any other.
void apply_capacity(model::ReportData& report, std::vector<model::CapacityForecast> forecasts, std::int64_t warn_days);

} // namespace pvr::history
