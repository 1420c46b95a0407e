#include "history/trends_capacity.hpp"

#include "history/forecast.hpp"
#include "history/trends.hpp"

namespace pvr::history {

void add_trends_and_capacity(model::ReportData& report, const std::vector<model::RunDigest>& history,
                             const model::RunDigest& current, std::int64_t capacity_warn_days) {
    report.trends = compute_trends(history, current);
    apply_capacity(report, forecast_capacity(history, report), capacity_warn_days);
}

} // namespace pvr::history
