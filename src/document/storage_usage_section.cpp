// PBS storage usage: one bar per storage whose usage was collected, with the free-space thresholds.

#include "document/sections.hpp"

#include <algorithm>

namespace pvr::document {

namespace {

Tone usage_tone(const BuildContext& ctx, double fraction) {
    if (fraction >= ctx.options.storage_critical) {
        return Tone::critical;
    }
    if (fraction >= ctx.options.storage_warn) {
        return Tone::warning;
    }
    return Tone::good;
}

} // namespace

Section storage_usage_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::storage_usage, Msg::sec_storage_usage);
    section.new_page = false;
    const auto& storages = ctx.data.pbs_storages;
    if (storages.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_storage_usage)));
        return section;
    }
    BarChart chart;
    chart.title = ctx.text(Msg::usage_chart_title);
    chart.thresholds = {ctx.options.storage_warn, ctx.options.storage_critical};
    Table table;
    table.columns = {column(ctx.text(Msg::col_storage), 1.5), column(ctx.text(Msg::col_used), 1.0, Align::right, true),
                     column(ctx.text(Msg::col_total), 1.0, Align::right, true),
                     column(ctx.text(Msg::col_free), 1.0, Align::right, true),
                     column(ctx.text(Msg::col_usage), 1.0, Align::right, true)};
    std::vector<std::string> missing;
    for (const auto& report : storages) {
        if (!report.usage) {
            missing.push_back(report.storage.id);
            continue;
        }
        const auto& usage = *report.usage;
        const double total = static_cast<double>(std::max<std::int64_t>(usage.total, 0));
        const double used = static_cast<double>(std::max<std::int64_t>(usage.used, 0));
        const double fraction = total > 0 ? used / total : 0.0;
        const Tone tone = usage_tone(ctx, fraction);
        const std::string percent = ctx.fmt.percent(fraction * 100.0);
        Bar bar;
        bar.label = report.storage.id;
        bar.value = used;
        bar.max = total;
        bar.tone = tone;
        bar.value_text = ctx.tr.format(Msg::usage_value, ctx.fmt.size(usage.used), ctx.fmt.size(usage.total), percent,
                                       ctx.fmt.size(usage.avail));
        chart.bars.push_back(std::move(bar));
        table.rows.push_back({mono_cell(report.storage.id), text_cell(ctx.fmt.size(usage.used)),
                              text_cell(ctx.fmt.size(usage.total)), text_cell(ctx.fmt.size(usage.avail)),
                              label_cell(percent, tone)});
    }
    if (!chart.bars.empty()) {
        section.blocks.emplace_back(std::move(chart));
        section.blocks.emplace_back(
            muted(ctx.tr.format(Msg::usage_thresholds, ctx.fmt.fraction_percent(ctx.options.storage_warn),
                                ctx.fmt.fraction_percent(ctx.options.storage_critical))));
        section.blocks.emplace_back(std::move(table));
    }
    if (missing.size() == storages.size()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::usage_not_collected_all)));
    } else if (!missing.empty()) {
        section.blocks.emplace_back(muted(ctx.tr.format(Msg::usage_not_collected_some, ctx.tr.join_words(missing))));
    }
    return section;
}

} // namespace pvr::document
