#include "history/forecast.hpp"

#include "analysis/anomalies.hpp"
#include "analysis/facts.hpp"
#include "analysis/verdict.hpp"
#include "core/time.hpp"
#include "history/trends.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace pvr::history {
namespace {

constexpr std::int64_t day = 86400;

/// Whole days from `now` to `at`, 0 when `at` is not after `now`.
std::int64_t days_until(std::int64_t now, std::int64_t at) { return at <= now ? 0 : (at - now) / day; }

/// The used space of `server`/`datastore` in the last ≤ fit_max_points runs (this one included).
std::vector<FitPoint> used_series(const std::vector<const model::RunDigest*>& runs, const std::string& server,
                                  const std::string& datastore, std::int64_t now, std::int64_t used_now) {
    std::vector<FitPoint> points;
    for (const model::RunDigest* run : runs) {
        if (run->generated_at >= now) {
            continue; // the current run's digest, if the caller passed one: its value comes below
        }
        for (const auto& store : run->datastores) {
            if (store.server == server && store.datastore == datastore && store.used) {
                points.push_back({run->generated_at, static_cast<double>(*store.used)});
                break;
            }
        }
    }
    points.push_back({now, static_cast<double>(used_now)});
    if (points.size() > fit_max_points) {
        points.erase(points.begin(), points.end() - static_cast<std::ptrdiff_t>(fit_max_points));
    }
    return points;
}

model::CapacityForecast forecast_one(const std::vector<const model::RunDigest*>& runs, const std::string& server,
                                     const std::string& datastore, const model::StorageUsage& usage, std::int64_t now) {
    model::CapacityForecast f;
    f.server = server;
    f.datastore = datastore;
    f.used = usage.used;
    f.total = usage.total;
    if (usage.estimated_full_date) {
        if (*usage.estimated_full_date > now) {
            f.basis = "pbs_estimate";
            f.full_at = *usage.estimated_full_date;
            f.days_left = days_until(now, *f.full_at);
        } else {
            f.basis = "not_growing";
        }
        return f;
    }
    const std::vector<FitPoint> points = used_series(runs, server, datastore, now, usage.used);
    f.samples = static_cast<std::int64_t>(points.size());
    const std::int64_t span = points.back().time - points.front().time;
    const auto fit = points.size() >= fit_min_points && span >= fit_min_span_seconds ? fit_line(points) : std::nullopt;
    if (!fit) {
        f.basis = "insufficient_history";
        return f;
    }
    f.growth_bytes_per_day = fit->slope * static_cast<double>(day);
    if (!(fit->slope > 0)) {
        f.basis = "not_growing";
        return f;
    }
    f.basis = "history_fit";
    // When the line reaches the current total (clamped to what an epoch can hold).
    const double seconds = (static_cast<double>(usage.total) - fit->intercept) / fit->slope;
    const double limit = 1.0e11; // about year 5138: "not in this report's lifetime"
    const double at = static_cast<double>(fit->origin) + std::clamp(seconds, -limit, limit);
    f.full_at = std::max(now, static_cast<std::int64_t>(std::llround(at)));
    f.days_left = days_until(now, *f.full_at);
    return f;
}

std::string size_text(std::int64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = static_cast<double>(std::max<std::int64_t>(bytes, 0));
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(units)) {
        value /= 1024.0;
        ++unit;
    }
    return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} {}", value, units[unit]);
}

} // namespace

std::optional<LinearFit> fit_line(const std::vector<FitPoint>& points) {
    if (points.size() < 2) {
        return std::nullopt;
    }
    // Centred on the first time, in seconds (doubles hold these exactly).
    LinearFit fit;
    fit.origin = points.front().time;
    const auto n = static_cast<double>(points.size());
    double mean_x = 0;
    double mean_y = 0;
    for (const auto& p : points) {
        mean_x += static_cast<double>(p.time - fit.origin);
        mean_y += p.value;
    }
    mean_x /= n;
    mean_y /= n;
    double sxx = 0;
    double sxy = 0;
    for (const auto& p : points) {
        const double dx = static_cast<double>(p.time - fit.origin) - mean_x;
        sxx += dx * dx;
        sxy += dx * (p.value - mean_y);
    }
    if (!(sxx > 0)) {
        return std::nullopt; // one time only
    }
    fit.slope = sxy / sxx;
    fit.intercept = mean_y - fit.slope * mean_x;
    return fit;
}

std::string datastore_server(const model::PbsTarget& target) {
    const bool ipv6 = target.server.find(':') != std::string::npos;
    return ipv6 ? fmt::format("[{}]:{}", target.server, target.port) : fmt::format("{}:{}", target.server, target.port);
}

std::vector<model::CapacityForecast> forecast_capacity(const std::vector<model::RunDigest>& history,
                                                       const model::ReportData& current) {
    model::RunDigest now;
    now.generated_at = current.generated_at;
    const auto runs = runs_up_to(history, now, fit_max_points);
    std::map<std::tuple<std::string, std::string>, model::CapacityForecast> out;
    for (const auto& storage : current.pbs_storages) {
        if (!storage.usage || !storage.storage.pbs) {
            continue;
        }
        const std::string server = datastore_server(*storage.storage.pbs);
        const std::string& datastore = storage.storage.pbs->datastore;
        const auto key = std::make_tuple(server, datastore);
        if (out.count(key) == 0) {
            out.emplace(key, forecast_one(runs, server, datastore, *storage.usage, current.generated_at));
        }
    }
    std::vector<model::CapacityForecast> forecasts;
    for (auto& [key, forecast] : out) {
        forecasts.push_back(std::move(forecast));
    }
    return forecasts;
}

std::vector<model::Anomaly> capacity_anomalies(const std::vector<model::CapacityForecast>& forecasts,
                                               std::int64_t warn_days) {
    std::vector<model::Anomaly> anomalies;
    const std::int64_t critical_days = std::min<std::int64_t>(7, warn_days / 3);
    for (const auto& f : forecasts) {
        if (!f.days_left || !f.full_at || *f.days_left >= warn_days) {
            continue;
        }
        model::Anomaly a;
        a.kind = "datastore_full_soon";
        a.severity = *f.days_left <= critical_days ? model::Severity::critical : model::Severity::warning;
        a.subject = "datastore/" + f.server + "/" + f.datastore;
        const std::string basis =
            f.basis == "pbs_estimate" ? "PBS's own estimate" : fmt::format("fit of the last {} runs", f.samples);
        const std::string when = *f.days_left == 0   ? std::string("now")
                                 : *f.days_left == 1 ? std::string("in 1 day")
                                                     : fmt::format("in {} days", *f.days_left);
        a.message = fmt::format("Datastore {} on PBS {} will be full {} ({}, {}); {} of {} used, warning below {} days "
                                "(CAPACITY_WARN_DAYS).",
                                f.datastore, f.server, when, iso8601_utc(*f.full_at).substr(0, 10), basis,
                                size_text(f.used.value_or(0)), size_text(f.total.value_or(0)), warn_days);
        a.fact = analysis::make_fact("datastore_full_soon", f.basis == "pbs_estimate" ? "pbs_estimate" : "fit");
        a.fact.add_text("datastore", f.datastore)
            .add_text("server", f.server)
            .add_int("count", *f.days_left)
            .add_time("full_at", *f.full_at)
            .add_int("warn_days", warn_days)
            .add_int("samples", static_cast<std::int64_t>(f.samples))
            .add("used", model::FactParam::Type::bytes, std::to_string(f.used.value_or(0)))
            .add("total", model::FactParam::Type::bytes, std::to_string(f.total.value_or(0)));
        anomalies.push_back(std::move(a));
    }
    return anomalies;
}

void apply_capacity(model::ReportData& report, std::vector<model::CapacityForecast> forecasts, std::int64_t warn_days) {
    // Idempotent: the anomalies of an earlier call (e.g. without history) are replaced.
    std::erase_if(report.anomalies, [](const model::Anomaly& a) { return a.kind == "datastore_full_soon"; });
    for (auto& anomaly : capacity_anomalies(forecasts, warn_days)) {
        report.anomalies.push_back(std::move(anomaly));
    }
    analysis::sort_anomalies(report.anomalies); // severity first, as the analysis leaves them
    report.capacity = std::move(forecasts);
    report.summary.anomalies = static_cast<std::int64_t>(report.anomalies.size());
    report.verdict = analysis::decide_verdict(report);
}

} // namespace pvr::history
