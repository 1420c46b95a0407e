// VM/CT coverage: every guest, one short row each (the table may hold 10,000 guests).

#include "document/sections.hpp"

#include "core/strings.hpp"

namespace pvr::document {

namespace {

Cell state_cell(const BuildContext& ctx, const std::string& status) {
    if (status == "running") {
        return text_cell(ctx.text(Msg::guest_running));
    }
    if (status == "stopped") {
        return text_cell(ctx.text(Msg::guest_stopped));
    }
    if (status == "paused") {
        return text_cell(ctx.text(Msg::guest_paused));
    }
    if (status.empty() || status == "unknown") {
        Cell cell = text_cell(ctx.text(Msg::guest_unknown));
        cell.tone = Tone::muted;
        return cell;
    }
    return text_cell(status);
}

// PBS's newest snapshot when known, else the latest vzdump result from PVE's task history; an
// overdue guest (freshness analysis) is critical and says so in words (greyscale prints).
Cell last_backup_cell(const BuildContext& ctx, const model::GuestReport& report) {
    const bool overdue = report.freshness.overdue.value_or(false);
    Cell cell;
    if (report.last_backup) {
        const auto t = report.last_backup->time;
        cell = text_cell(ctx.tr.format(Msg::last_backup_cell, ctx.fmt.date_time_short(t),
                                       ctx.fmt.relative(t, ctx.data.generated_at)));
    } else if (report.last_task) {
        const auto& task = *report.last_task;
        const bool failed = task.outcome == model::BackupOutcome::failed;
        cell = text_cell(ctx.tr.format(Msg::last_task_cell, ctx.fmt.date_time_short(task.time),
                                       ctx.fmt.relative(task.time, ctx.data.generated_at),
                                       ctx.text(failed ? Msg::task_failed : Msg::task_ok)));
        if (failed) {
            cell.tone = Tone::critical;
        }
    } else {
        cell = text_cell(ctx.text(Msg::backup_none_seen));
        cell.tone = Tone::muted;
    }
    if (overdue) {
        cell.text = ctx.tr.format(Msg::overdue_mark, cell.text);
        cell.tone = Tone::critical;
    }
    return cell;
}

Cell notes_cell(const BuildContext& ctx, const model::Guest& guest) {
    if (!guest.config_collected) {
        Cell cell = text_cell(ctx.text(Msg::notes_not_read));
        cell.tone = Tone::muted;
        return cell;
    }
    return text_cell(guest.notes ? excerpt(*guest.notes, ctx.options.notes_excerpt_chars) : std::string());
}

} // namespace

Section coverage_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::coverage, Msg::sec_coverage);
    section.landscape = true;
    const auto& guests = ctx.data.guests;
    if (guests.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_coverage)));
        return section;
    }
    Table table;
    const auto count = static_cast<std::int64_t>(guests.size());
    table.caption = ctx.tr.format_n(Msg::coverage_caption, count, ctx.fmt.integer(count), ctx.fmt.zone_name());
    table.columns = {column(ctx.text(Msg::col_vmid), 0.6, Align::right, true),
                     column(ctx.text(Msg::col_name), 1.4),
                     column(ctx.text(Msg::col_type), 0.7, Align::left, true),
                     column(ctx.text(Msg::col_node), 0.8),
                     column(ctx.text(Msg::col_guest_state), 0.8, Align::left, true),
                     column(ctx.text(Msg::col_coverage), 1.3, Align::left, true),
                     column(ctx.text(Msg::col_jobs), 1.2),
                     column(ctx.text(Msg::col_last_backup), 1.6),
                     column(ctx.text(Msg::col_notes), 2.2)};
    table.rows.reserve(guests.size());
    for (const auto& report : guests) {
        const auto& guest = report.guest;
        std::vector<Cell> row;
        row.reserve(table.columns.size());
        row.push_back(mono_cell(std::to_string(guest.vmid)));
        row.push_back(text_cell(guest_name(guest)));
        row.push_back(text_cell(guest_type_text(ctx, guest)));
        row.push_back(text_cell(guest.node));
        row.push_back(state_cell(ctx, guest.status));
        row.push_back(coverage_status_cell(ctx, report.coverage.status));
        row.push_back(report.coverage.jobs.empty() ? none_cell() : mono_cell(join(report.coverage.jobs, ", ")));
        row.push_back(last_backup_cell(ctx, report));
        row.push_back(notes_cell(ctx, guest));
        table.rows.push_back(std::move(row));
    }
    section.blocks.emplace_back(std::move(table));
    return section;
}

} // namespace pvr::document
