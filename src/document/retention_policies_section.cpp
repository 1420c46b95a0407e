// PBS retention policies: every place a keep-* setting was found, in PVE and in PBS.

#include "document/sections.hpp"

namespace pvr::document {

namespace {

std::string source_text(const BuildContext& ctx, const std::string& source) {
    if (source == "pve-job") {
        return ctx.text(Msg::source_pve_job);
    }
    if (source == "pve-storage") {
        return ctx.text(Msg::source_pve_storage);
    }
    if (source == "pbs-prune-job") {
        return ctx.text(Msg::source_pbs_prune_job);
    }
    if (source == "pbs-datastore") {
        return ctx.text(Msg::source_pbs_datastore);
    }
    return source;
}

Cell optional_mono(const std::optional<std::string>& value) { return value ? mono_cell(*value) : none_cell(); }

} // namespace

Section retention_policies_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::retention_policies, Msg::sec_retention_policies);
    if (ctx.data.retention_policies.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_retention_policies)));
        return section;
    }
    section.blocks.emplace_back(muted(ctx.text(Msg::retention_policies_intro)));
    Table table;
    table.columns = {column(ctx.text(Msg::col_source), 1.3),    column(ctx.text(Msg::col_id), 1.2),
                     column(ctx.text(Msg::col_storage), 1.0),   column(ctx.text(Msg::col_datastore), 1.0),
                     column(ctx.text(Msg::col_namespace), 0.9), column(ctx.text(Msg::col_schedule), 1.0),
                     column(ctx.text(Msg::col_keep), 1.8)};
    for (const auto& policy : ctx.data.retention_policies) {
        table.rows.push_back({text_cell(source_text(ctx, policy.source)), mono_cell(policy.id),
                              optional_mono(policy.storage), optional_mono(policy.datastore),
                              policy.ns ? text_cell(namespace_text(ctx, *policy.ns)) : none_cell(),
                              optional_mono(policy.schedule), mono_cell(keep_text(ctx, policy.keep))});
    }
    section.blocks.emplace_back(std::move(table));
    return section;
}

} // namespace pvr::document
