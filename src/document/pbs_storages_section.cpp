// PBS storages declared in PVE: where backups go and how they are kept.

#include "document/sections.hpp"

#include "core/strings.hpp"

#include <fmt/format.h>

namespace pvr::document {

Section pbs_storages_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::pbs_storages, Msg::sec_pbs_storages);
    if (ctx.data.pbs_storages.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_pbs_storages)));
        return section;
    }
    Table table;
    table.columns = {
        column(ctx.text(Msg::col_storage), 1.2),   column(ctx.text(Msg::col_state), 0.9, Align::left, true),
        column(ctx.text(Msg::col_server), 1.6),    column(ctx.text(Msg::col_datastore), 1.1),
        column(ctx.text(Msg::col_namespace), 1.0), column(ctx.text(Msg::col_nodes), 1.0),
        column(ctx.text(Msg::col_retention), 1.6), column(ctx.text(Msg::col_encryption), 1.0)};
    for (const auto& report : ctx.data.pbs_storages) {
        const auto& storage = report.storage;
        std::vector<Cell> row;
        row.push_back(mono_cell(storage.id));
        row.push_back(storage.enabled ? label_cell(ctx.text(Msg::storage_enabled), Tone::good)
                                      : label_cell(ctx.text(Msg::storage_disabled), Tone::muted));
        if (storage.pbs) {
            const auto& pbs = *storage.pbs;
            row.push_back(mono_cell(pbs.port == 8007 ? pbs.server : fmt::format("{}:{}", pbs.server, pbs.port)));
            row.push_back(mono_cell(pbs.datastore));
            row.push_back(text_cell(namespace_text(ctx, pbs.ns)));
        } else {
            row.push_back(none_cell());
            row.push_back(none_cell());
            row.push_back(none_cell());
        }
        if (storage.nodes) {
            row.push_back(
                text_cell(join(std::vector<std::string>(storage.nodes->begin(), storage.nodes->end()), ", ")));
        } else {
            row.push_back(text_cell(ctx.text(Msg::all_nodes)));
        }
        if (storage.prune_backups) {
            Cell cell = mono_cell(keep_text(ctx, *storage.prune_backups));
            row.push_back(std::move(cell));
        } else {
            Cell cell = text_cell(ctx.text(Msg::keep_not_set));
            cell.tone = Tone::muted;
            row.push_back(std::move(cell));
        }
        const bool encrypted = storage.pbs && storage.pbs->encrypted;
        row.push_back(text_cell(ctx.text(encrypted ? Msg::encrypted : Msg::not_encrypted)));
        table.rows.push_back(std::move(row));
    }
    section.blocks.emplace_back(std::move(table));
    return section;
}

} // namespace pvr::document
