#pragma once
// sample_report() with a run history: `runs` daily trend points ending at the report's time (a
// coverage dip, failures, a datastore filling up) and capacity forecasts of every basis. For the
// document builder and the PDF/HTML renderers.

#include "unit/document/sample_report.hpp"

#include <cmath>

namespace pvr::test {

inline model::ReportData with_history(model::ReportData data, std::size_t runs = 90) {
    constexpr std::int64_t day = 86400;
    const std::int64_t tib = std::int64_t{1} << 40;
    model::Trends trends;
    model::DatastoreTrend store1{"pbs1.example.lan:8007", "store1", {}};
    model::DatastoreTrend offsite{"pbs2.example.lan:8007", "offsite", {}};
    for (std::size_t i = 0; i < runs; ++i) {
        const auto k = static_cast<std::int64_t>(i);
        const std::int64_t at = data.generated_at - static_cast<std::int64_t>(runs - 1 - i) * day;
        model::TrendPoint p;
        p.generated_at = at;
        const bool dip = i + 20 >= runs && i + 10 < runs; // a job was disabled for ten days
        p.coverage_percent = dip ? 62.5 : 87.5 + 2.5 * std::sin(static_cast<double>(k) / 6.0);
        p.guests_not_backed_up = dip ? 3 : 1;
        p.failed_backups = k % 11 == 0 ? 2 : (k % 5 == 0 ? 1 : 0);
        p.overdue_backups = dip ? 2 : 0;
        p.anomalies_critical = p.guests_not_backed_up;
        p.anomalies_warning = 4 + k % 3;
        p.anomalies_info = 6;
        trends.points.push_back(p);
        // store1 fills from 5 TiB by 30 GiB a day; offsite is flat at 2 TiB of 6.
        store1.points.push_back({at, 5 * tib + k * 30 * (tib / 1024), 8 * tib});
        if (i % 2 == 0) {
            offsite.points.push_back({at, 2 * tib, 6 * tib});
        }
    }
    trends.datastores = {store1, offsite};
    data.trends = trends;

    model::CapacityForecast fit;
    fit.server = "pbs1.example.lan:8007";
    fit.datastore = "store1";
    fit.used = store1.points.back().used;
    fit.total = 8 * tib;
    fit.basis = "history_fit";
    fit.samples = 30;
    fit.growth_bytes_per_day = 30.0 * static_cast<double>(tib / 1024);
    fit.full_at = data.generated_at + 12 * day;
    fit.days_left = 12;
    model::CapacityForecast pbs;
    pbs.server = "pbs2.example.lan:8007";
    pbs.datastore = "offsite";
    pbs.used = 2 * tib;
    pbs.total = 6 * tib;
    pbs.basis = "pbs_estimate";
    pbs.full_at = data.generated_at + 400 * day;
    pbs.days_left = 400;
    model::CapacityForecast flat;
    flat.server = "pbs3.example.lan:8007";
    flat.datastore = "archive";
    flat.used = tib;
    flat.total = 4 * tib;
    flat.basis = "not_growing";
    flat.samples = 30;
    flat.growth_bytes_per_day = -1024.0 * 1024 * 1024;
    model::CapacityForecast young;
    young.server = "pbs3.example.lan:8007";
    young.datastore = "scratch";
    young.used = tib / 2;
    young.total = tib;
    young.basis = "insufficient_history";
    young.samples = 2;
    model::CapacityForecast full = fit;
    full.datastore = "tight";
    full.full_at = data.generated_at;
    full.days_left = 0;
    data.capacity = {fit, pbs, flat, young, full};
    return data;
}

} // namespace pvr::test
