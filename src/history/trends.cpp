#include "history/trends.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace pvr::history {

std::vector<const model::RunDigest*> runs_up_to(const std::vector<model::RunDigest>& history,
                                                const model::RunDigest& current, std::size_t limit) {
    // One run per time: the later entry of `history` wins (std::map keeps the last assignment).
    std::map<std::int64_t, const model::RunDigest*> earlier;
    for (const auto& run : history) {
        if (run.generated_at < current.generated_at) {
            earlier[run.generated_at] = &run;
        }
    }
    std::vector<const model::RunDigest*> runs;
    runs.reserve(std::min(limit, earlier.size() + 1));
    const std::size_t keep = limit == 0 ? 0 : std::min(earlier.size(), limit - 1);
    auto it = earlier.begin();
    std::advance(it, static_cast<std::ptrdiff_t>(earlier.size() - keep));
    for (; it != earlier.end(); ++it) {
        runs.push_back(it->second);
    }
    if (limit > 0) {
        runs.push_back(&current);
    }
    return runs;
}

model::Trends compute_trends(const std::vector<model::RunDigest>& history, const model::RunDigest& current) {
    model::Trends trends;
    trends.window = static_cast<int>(trend_window);
    const auto runs = runs_up_to(history, current, trend_window);
    // Datastores sorted by (server, datastore); each series in run order.
    std::map<std::tuple<std::string, std::string>, model::DatastoreTrend> datastores;
    for (const model::RunDigest* run : runs) {
        model::TrendPoint point;
        point.generated_at = run->generated_at;
        point.coverage_percent = run->coverage_percent;
        point.guests_not_backed_up = run->guests_not_backed_up;
        point.failed_backups = run->failed_backups;
        point.overdue_backups = run->overdue_backups;
        point.anomalies_critical = run->anomalies_critical;
        point.anomalies_warning = run->anomalies_warning;
        point.anomalies_info = run->anomalies_info;
        trends.points.push_back(point);
        for (const auto& store : run->datastores) {
            if (!store.used || !store.total) {
                continue; // not collected in that run: a gap, never a zero
            }
            auto& series = datastores[{store.server, store.datastore}];
            series.server = store.server;
            series.datastore = store.datastore;
            if (!series.points.empty() && series.points.back().generated_at == run->generated_at) {
                continue; // listed twice in one run
            }
            series.points.push_back({run->generated_at, *store.used, *store.total});
        }
    }
    for (auto& [key, series] : datastores) {
        trends.datastores.push_back(std::move(series));
    }
    return trends;
}

} // namespace pvr::history
