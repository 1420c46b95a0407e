// VM/CT backup retention by PBS: expected versus actual versions, one row per guest and storage.

#include "document/sections.hpp"

namespace pvr::document {

namespace {

Cell count_cell(const BuildContext& ctx, const std::optional<std::int64_t>& value) {
    return value ? text_cell(ctx.fmt.integer(*value)) : none_cell();
}

Cell delta_cell(const BuildContext& ctx, const std::optional<std::int64_t>& delta) {
    if (!delta) {
        return none_cell();
    }
    Cell cell = text_cell(*delta > 0 ? "+" + ctx.fmt.integer(*delta) : ctx.fmt.integer(*delta));
    // Fewer versions than the policy promises: restore points are missing. More: pruning lags.
    cell.tone = *delta < 0 ? Tone::warning : *delta > 0 ? Tone::info : Tone::good;
    return cell;
}

} // namespace

Section guest_retention_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::guest_retention, Msg::sec_guest_retention);
    section.landscape = true;
    Table table;
    table.columns = {column(ctx.text(Msg::col_vmid), 0.6, Align::right, true),
                     column(ctx.text(Msg::col_name), 1.3),
                     column(ctx.text(Msg::col_storage), 1.0),
                     column(ctx.text(Msg::col_datastore), 1.0),
                     column(ctx.text(Msg::col_namespace), 0.9),
                     column(ctx.text(Msg::col_policy), 1.8),
                     column(ctx.text(Msg::col_expected), 0.8, Align::right, true),
                     column(ctx.text(Msg::col_actual), 0.8, Align::right, true),
                     column(ctx.text(Msg::col_delta), 0.7, Align::right, true)};
    bool unavailable = false;
    for (const auto& report : ctx.data.guests) {
        for (const auto& retention : report.retention) {
            unavailable = unavailable || !retention.expected_versions || !retention.actual_versions || !retention.delta;
            table.rows.push_back({mono_cell(std::to_string(report.guest.vmid)), text_cell(guest_name(report.guest)),
                                  mono_cell(retention.storage), mono_cell(retention.datastore),
                                  text_cell(namespace_text(ctx, retention.ns)),
                                  mono_cell(keep_text(ctx, retention.policy)),
                                  count_cell(ctx, retention.expected_versions),
                                  count_cell(ctx, retention.actual_versions), delta_cell(ctx, retention.delta)});
        }
    }
    if (table.rows.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_guest_retention)));
        return section;
    }
    section.blocks.emplace_back(muted(ctx.text(Msg::guest_retention_intro)));
    section.blocks.emplace_back(std::move(table));
    if (unavailable) {
        section.blocks.emplace_back(muted(ctx.text(Msg::retention_unavailable)));
    }
    return section;
}

} // namespace pvr::document
