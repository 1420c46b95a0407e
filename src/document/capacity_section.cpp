// PBS capacity forecast (issue 11): per datastore, when it will be full and on what basis. Placed
// right after the summary, so that it is on the first pages.

#include "document/sections.hpp"

#include <algorithm>
#include <cmath>

namespace pvr::document {
namespace {

std::string basis_text(const BuildContext& ctx, const model::CapacityForecast& f) {
    if (f.basis == "pbs_estimate") {
        return ctx.text(Msg::basis_pbs_estimate);
    }
    if (f.basis == "history_fit") {
        return ctx.tr.format(Msg::basis_history_fit, ctx.fmt.integer(f.samples));
    }
    if (f.basis == "not_growing") {
        return ctx.text(Msg::basis_not_growing);
    }
    if (f.basis == "insufficient_history") {
        return ctx.text(Msg::basis_insufficient);
    }
    return f.basis;
}

/// As the datastore_full_soon anomaly (history/forecast.hpp): critical within min(7, warn / 3) days.
Tone days_tone(std::int64_t days_left, std::int64_t warn_days) {
    if (days_left <= std::min<std::int64_t>(7, warn_days / 3)) {
        return Tone::critical;
    }
    return days_left < warn_days ? Tone::warning : Tone::good;
}

} // namespace

std::optional<Section> capacity_section(const BuildContext& ctx) {
    const auto& forecasts = ctx.data.capacity;
    if (forecasts.empty()) {
        return std::nullopt; // no PBS usage read, or the history stage did not run
    }
    Section section = make_section(ctx, anchors::capacity, Msg::sec_capacity);
    section.new_page = false;
    const std::int64_t warn = ctx.options.capacity_warn_days;
    section.blocks.emplace_back(muted(ctx.tr.format(Msg::capacity_intro, ctx.fmt.integer(warn))));
    Table table;
    table.columns = {column(ctx.text(Msg::col_datastore), 1.0),
                     column(ctx.text(Msg::col_server), 1.5),
                     column(ctx.text(Msg::col_used), 0.9, Align::right, true),
                     column(ctx.text(Msg::col_total), 0.9, Align::right, true),
                     column(ctx.text(Msg::col_full_in), 0.9, Align::right, true),
                     column(ctx.text(Msg::col_full_on), 1.0, Align::right, true),
                     column(ctx.text(Msg::col_basis), 1.3),
                     column(ctx.text(Msg::col_growth), 1.0, Align::right, true)};
    for (const auto& f : forecasts) {
        Cell name = mono_cell(f.datastore);
        Cell used = f.used ? text_cell(ctx.fmt.size(*f.used)) : none_cell();
        Cell total = f.total ? text_cell(ctx.fmt.size(*f.total)) : none_cell();
        Cell full_in = none_cell();
        if (f.days_left) {
            full_in = label_cell(*f.days_left == 0
                                     ? ctx.text(Msg::full_now)
                                     : ctx.tr.format_n(Msg::full_in_days, *f.days_left, ctx.fmt.integer(*f.days_left)),
                                 days_tone(*f.days_left, warn));
        }
        Cell full_on = f.full_at ? text_cell(ctx.fmt.date(*f.full_at)) : none_cell();
        Cell growth = none_cell();
        if (f.growth_bytes_per_day && std::isfinite(*f.growth_bytes_per_day)) {
            const auto bytes = static_cast<std::int64_t>(std::llround(*f.growth_bytes_per_day));
            growth = text_cell(ctx.tr.format(Msg::growth_per_day, (bytes > 0 ? "+" : "") + ctx.fmt.size(bytes)));
        }
        table.rows.push_back({std::move(name), mono_cell(f.server), std::move(used), std::move(total),
                              std::move(full_in), std::move(full_on), text_cell(basis_text(ctx, f)),
                              std::move(growth)});
    }
    section.blocks.emplace_back(std::move(table));
    return section;
}

} // namespace pvr::document
