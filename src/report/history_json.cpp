#include "report/history_json.hpp"

#include "core/time.hpp"

#include <cmath>

namespace pvr::report {
namespace {

using nlohmann::ordered_json;

template <typename T>
ordered_json opt(const std::optional<T>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

/// One decimal, as summary.coverage_percent.
double one_decimal(double value) { return std::isfinite(value) ? std::round(value * 10.0) / 10.0 : 0.0; }

} // namespace

ordered_json trends_json(const std::optional<model::Trends>& trends) {
    if (!trends) {
        return nullptr;
    }
    ordered_json points = ordered_json::array();
    for (const auto& p : trends->points) {
        points.push_back({{"generated_at", iso8601_utc(p.generated_at)},
                          {"coverage_percent", one_decimal(p.coverage_percent)},
                          {"guests_not_backed_up", p.guests_not_backed_up},
                          {"failed_backups", p.failed_backups},
                          {"overdue_backups", p.overdue_backups},
                          {"anomalies_critical", p.anomalies_critical},
                          {"anomalies_warning", p.anomalies_warning},
                          {"anomalies_info", p.anomalies_info}});
    }
    ordered_json datastores = ordered_json::array();
    for (const auto& d : trends->datastores) {
        ordered_json series = ordered_json::array();
        for (const auto& p : d.points) {
            series.push_back({{"generated_at", iso8601_utc(p.generated_at)}, {"used", p.used}, {"total", p.total}});
        }
        datastores.push_back({{"server", d.server}, {"datastore", d.datastore}, {"points", std::move(series)}});
    }
    return {{"window", trends->window}, {"points", std::move(points)}, {"datastores", std::move(datastores)}};
}

ordered_json capacity_json(const std::vector<model::CapacityForecast>& capacity) {
    ordered_json out = ordered_json::array();
    for (const auto& f : capacity) {
        ordered_json growth = nullptr;
        if (f.growth_bytes_per_day && std::isfinite(*f.growth_bytes_per_day)) {
            growth = static_cast<std::int64_t>(std::llround(*f.growth_bytes_per_day));
        }
        out.push_back({{"server", f.server},
                       {"datastore", f.datastore},
                       {"used", opt(f.used)},
                       {"total", opt(f.total)},
                       {"basis", f.basis},
                       {"full_at", f.full_at ? ordered_json(iso8601_utc(*f.full_at)) : ordered_json(nullptr)},
                       {"days_left", opt(f.days_left)},
                       {"samples", f.samples},
                       {"growth_bytes_per_day", growth}});
    }
    return out;
}

} // namespace pvr::report
