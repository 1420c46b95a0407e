// VM/CT backup retention by PBS: expected versus actual versions, one row per guest and storage,
// with the newest backup and its verification; then the orphan groups found on PBS.

#include "document/fact_wording.hpp"
#include "document/sections.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <cstdlib>

namespace pvr::document {

namespace {

// Analysis notes are cut to this many characters in the table.
constexpr std::size_t k_note_chars = 110;

Cell count_cell(const BuildContext& ctx, const std::optional<std::int64_t>& value) {
    return value ? text_cell(ctx.fmt.integer(*value)) : none_cell();
}

Cell delta_cell(const BuildContext& ctx, const std::optional<std::int64_t>& delta) {
    if (!delta) {
        return none_cell();
    }
    Cell cell = text_cell(*delta > 0 ? "+" + ctx.fmt.integer(*delta) : ctx.fmt.integer(*delta));
    // One version either way is the rhythm of backups and pruning; more: restore points are missing
    // (negative) or pruning lags (positive).
    cell.tone = std::llabs(*delta) > 1 ? Tone::warning : Tone::good;
    return cell;
}

Cell policy_cell(const BuildContext& ctx, const model::GuestRetention& retention) {
    std::string text = retention.policy_source == "node-default" ? ctx.text(Msg::policy_node_default)
                                                                 : keep_text(ctx, retention.policy);
    if (!retention.pbs_prune_jobs.empty()) {
        text = ctx.tr.format(Msg::policy_with_pbs, text,
                             ctx.tr.format(Msg::policy_pbs_jobs, join(retention.pbs_prune_jobs, ", ")));
    }
    return text_cell(std::move(text));
}

Cell date_cell(const BuildContext& ctx, const std::optional<std::int64_t>& t) {
    return t ? text_cell(ctx.fmt.date(*t)) : none_cell();
}

/// The newest backup on this storage: the guest's last backup when it is on this storage, or the
/// freshness' newest snapshot when the guest has this storage only.
std::optional<std::int64_t> last_backup_on(const model::GuestReport& report, const model::GuestRetention& retention) {
    if (report.last_backup && report.last_backup->storage == retention.storage) {
        return report.last_backup->time;
    }
    if (report.retention.size() == 1) {
        return report.freshness.last_success;
    }
    return std::nullopt;
}

Cell last_backup_cell(const BuildContext& ctx, const model::GuestReport& report,
                      const model::GuestRetention& retention) {
    const auto& overdue = report.freshness.overdue_storages;
    const bool is_overdue = report.freshness.overdue.value_or(false) &&
                            std::find(overdue.begin(), overdue.end(), retention.storage) != overdue.end();
    const auto t = last_backup_on(report, retention);
    Cell cell = t ? text_cell(ctx.tr.format(Msg::last_backup_cell, ctx.fmt.date(*t),
                                            ctx.fmt.relative(*t, ctx.data.generated_at)))
                  : none_cell();
    if (is_overdue) {
        cell.text = t ? ctx.tr.format(Msg::overdue_mark, cell.text) : ctx.text(Msg::overdue_alone);
        cell.tone = Tone::critical;
    }
    return cell;
}

Cell verification_cell(const BuildContext& ctx, const model::GuestReport& report,
                       const model::GuestRetention& retention) {
    // Nothing to verify without a backup on this storage.
    if (!last_backup_on(report, retention)) {
        return none_cell();
    }
    const bool on_storage = report.last_backup && report.last_backup->storage == retention.storage;
    const std::optional<std::string> state =
        on_storage ? report.last_backup->verification : report.freshness.last_verification;
    if (state == "ok") {
        Cell cell = text_cell(ctx.text(Msg::verification_ok));
        cell.tone = Tone::good;
        return cell;
    }
    Cell cell = text_cell(ctx.text(state == "failed" ? Msg::verification_failed : Msg::verification_none));
    cell.tone = state == "failed" ? Tone::critical : Tone::muted;
    if (report.freshness.last_verified) {
        cell.text = ctx.tr.format(Msg::verification_last_ok, cell.text,
                                  ctx.fmt.relative(*report.freshness.last_verified, ctx.data.generated_at));
    }
    return cell;
}

Cell note_cell(const BuildContext& ctx, const model::GuestRetention& retention) {
    if (retention.note.empty()) {
        return text_cell("");
    }
    Cell cell = text_cell(excerpt(word_notes(ctx.tr, ctx.fmt, retention.note_facts, retention.note), k_note_chars));
    cell.tone = Tone::muted;
    return cell;
}

Table retention_table(const BuildContext& ctx, bool& unavailable) {
    Table table;
    table.caption = ctx.tr.format(Msg::guest_retention_caption, ctx.fmt.zone_name());
    table.columns = {column(ctx.text(Msg::col_vmid), 0.5, Align::right, true),
                     column(ctx.text(Msg::col_name), 1.1),
                     column(ctx.text(Msg::col_storage), 0.95),
                     column(ctx.text(Msg::col_policy), 1.9),
                     column(ctx.text(Msg::col_expected), 0.9, Align::right, true),
                     column(ctx.text(Msg::col_actual), 0.75, Align::right, true),
                     column(ctx.text(Msg::col_delta), 0.55, Align::right, true),
                     column(ctx.text(Msg::col_oldest_snapshot), 1.0),
                     column(ctx.text(Msg::col_last_backup), 1.3),
                     column(ctx.text(Msg::col_verification), 1.2),
                     column(ctx.text(Msg::col_notes), 1.75)};
    for (const auto& report : ctx.data.guests) {
        for (const auto& retention : report.retention) {
            unavailable = unavailable || !retention.expected_versions || !retention.actual_versions || !retention.delta;
            table.rows.push_back({mono_cell(std::to_string(report.guest.vmid)), text_cell(guest_name(report.guest)),
                                  mono_cell(retention.storage), policy_cell(ctx, retention),
                                  count_cell(ctx, retention.expected_versions),
                                  count_cell(ctx, retention.actual_versions), delta_cell(ctx, retention.delta),
                                  date_cell(ctx, retention.oldest_snapshot), last_backup_cell(ctx, report, retention),
                                  verification_cell(ctx, report, retention), note_cell(ctx, retention)});
        }
    }
    return table;
}

void add_orphans(const BuildContext& ctx, Section& section) {
    section.blocks.emplace_back(Heading{2, ctx.text(Msg::orphans_heading), ""});
    const auto& orphans = ctx.data.pbs_orphan_groups;
    if (orphans.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_orphans)));
        return;
    }
    section.blocks.emplace_back(muted(ctx.text(Msg::orphans_intro)));
    Table table;
    table.columns = {column(ctx.text(Msg::col_storage), 1.0),
                     column(ctx.text(Msg::col_datastore), 1.0),
                     column(ctx.text(Msg::col_namespace), 1.0),
                     column(ctx.text(Msg::col_group), 1.0, Align::left, true),
                     column(ctx.text(Msg::col_snapshots), 0.8, Align::right, true),
                     column(ctx.text(Msg::col_last_backup), 1.6)};
    for (const auto& orphan : orphans) {
        table.rows.push_back(
            {mono_cell(orphan.storage), mono_cell(orphan.datastore), text_cell(namespace_text(ctx, orphan.ns)),
             mono_cell(orphan.backup_type + "/" + orphan.backup_id), text_cell(ctx.fmt.integer(orphan.snapshots)),
             orphan.last_backup ? text_cell(ctx.tr.format(Msg::last_backup_cell, ctx.fmt.date(*orphan.last_backup),
                                                          ctx.fmt.relative(*orphan.last_backup, ctx.data.generated_at)))
                                : none_cell()});
    }
    section.blocks.emplace_back(std::move(table));
}

} // namespace

Section guest_retention_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::guest_retention, Msg::sec_guest_retention);
    section.landscape = true;
    bool unavailable = false;
    Table table = retention_table(ctx, unavailable);
    if (table.rows.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_guest_retention)));
        if (!ctx.data.pbs_orphan_groups.empty()) {
            add_orphans(ctx, section);
        }
        return section;
    }
    section.blocks.emplace_back(muted(ctx.text(Msg::guest_retention_intro)));
    section.blocks.emplace_back(std::move(table));
    if (unavailable) {
        section.blocks.emplace_back(muted(ctx.text(Msg::retention_unavailable)));
    }
    add_orphans(ctx, section);
    return section;
}

} // namespace pvr::document
