// Trends over the kept reports (issue 11): coverage over the last 30 and 90 reports, guests not
// backed up / failed / overdue, anomalies by severity, and each PBS datastore's used and total
// space, as line charts. With fewer than two reports: one sentence instead of empty charts.

#include "document/line_chart.hpp"
#include "document/sections.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace pvr::document {
namespace {

using Points = std::vector<model::TrendPoint>;

LineSeries series_of(std::string name, Tone tone, bool dashed, const Points& points, std::size_t first,
                     const std::function<double(const model::TrendPoint&)>& value) {
    LineSeries series;
    series.name = std::move(name);
    series.tone = tone;
    series.dashed = dashed;
    for (std::size_t i = first; i < points.size(); ++i) {
        const double y = value(points[i]);
        if (std::isfinite(y)) { // a corrupt kept report cannot break the drawing
            series.points.push_back({points[i].generated_at, y});
        }
    }
    return series;
}

LineChart coverage_chart(const BuildContext& ctx, const Points& points, std::size_t last, Msg title) {
    LineChart chart;
    chart.title = ctx.tr.format(title, ctx.fmt.integer(static_cast<std::int64_t>(last)));
    chart.y_title = ctx.text(Msg::axis_percent);
    chart.series.push_back(series_of(ctx.text(Msg::series_coverage), Tone::good, false, points, points.size() - last,
                                     [](const model::TrendPoint& p) { return p.coverage_percent; }));
    set_time_axis(chart, ctx.fmt);
    set_percent_axis(chart, ctx.fmt);
    return chart;
}

double count(std::int64_t value) { return static_cast<double>(value); }

} // namespace

std::optional<Section> trends_section(const BuildContext& ctx) {
    if (!ctx.data.trends) {
        return std::nullopt; // the history was not read: nothing to show (the log says why)
    }
    const model::Trends& trends = *ctx.data.trends;
    Section section = make_section(ctx, anchors::trends, Msg::sec_trends);
    section.new_page = false; // right after the summary and the capacity forecast
    const Points& points = trends.points;
    if (points.size() < 2) {
        section.blocks.emplace_back(muted(ctx.text(Msg::trends_single_run)));
        return section;
    }
    const auto n = static_cast<std::int64_t>(points.size());
    section.blocks.emplace_back(
        muted(ctx.tr.format_n(Msg::trends_intro, n, ctx.fmt.integer(n), ctx.fmt.date(points.front().generated_at),
                              ctx.fmt.date(points.back().generated_at), ctx.fmt.integer(trends.window))));
    const std::size_t short_window = std::min<std::size_t>(30, points.size());
    section.blocks.emplace_back(coverage_chart(ctx, points, short_window, Msg::chart_coverage_30));
    if (points.size() > short_window) {
        section.blocks.emplace_back(coverage_chart(ctx, points, points.size(), Msg::chart_coverage_90));
    }

    LineChart problems;
    problems.title = ctx.text(Msg::chart_problems);
    problems.y_title = ctx.text(Msg::axis_count);
    problems.series.push_back(series_of(ctx.text(Msg::series_not_backed_up), Tone::critical, false, points, 0,
                                        [](const model::TrendPoint& p) { return count(p.guests_not_backed_up); }));
    problems.series.push_back(series_of(ctx.text(Msg::series_failed), Tone::warning, true, points, 0,
                                        [](const model::TrendPoint& p) { return count(p.failed_backups); }));
    problems.series.push_back(series_of(ctx.text(Msg::series_overdue), Tone::info, true, points, 0,
                                        [](const model::TrendPoint& p) { return count(p.overdue_backups); }));
    set_time_axis(problems, ctx.fmt);
    set_count_axis(problems, ctx.fmt);
    section.blocks.emplace_back(std::move(problems));

    LineChart anomalies;
    anomalies.title = ctx.text(Msg::chart_anomalies);
    anomalies.y_title = ctx.text(Msg::axis_count);
    anomalies.series.push_back(series_of(ctx.text(Msg::severity_critical), Tone::critical, false, points, 0,
                                         [](const model::TrendPoint& p) { return count(p.anomalies_critical); }));
    anomalies.series.push_back(series_of(ctx.text(Msg::severity_warning), Tone::warning, true, points, 0,
                                         [](const model::TrendPoint& p) { return count(p.anomalies_warning); }));
    anomalies.series.push_back(series_of(ctx.text(Msg::severity_info), Tone::info, true, points, 0,
                                         [](const model::TrendPoint& p) { return count(p.anomalies_info); }));
    set_time_axis(anomalies, ctx.fmt);
    set_count_axis(anomalies, ctx.fmt);
    section.blocks.emplace_back(std::move(anomalies));

    for (const auto& store : trends.datastores) {
        if (store.points.size() < 2) {
            section.blocks.emplace_back(muted(ctx.tr.format(Msg::datastore_no_series, store.datastore, store.server)));
            continue;
        }
        LineChart space;
        space.title = ctx.tr.format(Msg::chart_datastore, store.datastore, store.server);
        LineSeries used;
        used.name = ctx.text(Msg::series_used);
        used.tone = Tone::info;
        LineSeries total;
        total.name = ctx.text(Msg::series_total);
        total.tone = Tone::neutral;
        total.dashed = true;
        for (const auto& p : store.points) {
            used.points.push_back({p.generated_at, static_cast<double>(std::max<std::int64_t>(p.used, 0))});
            total.points.push_back({p.generated_at, static_cast<double>(std::max<std::int64_t>(p.total, 0))});
        }
        space.series = {std::move(used), std::move(total)};
        set_time_axis(space, ctx.fmt);
        const std::string unit = set_bytes_axis(space, ctx.fmt, ctx.tr);
        space.y_title = ctx.tr.format(Msg::axis_space, unit);
        section.blocks.emplace_back(std::move(space));
    }
    return section;
}

} // namespace pvr::document
