// Backup jobs: schedule, next run, storage, mode and the selection in words.

#include "document/job_problem_wording.hpp"
#include "document/sections.hpp"

namespace pvr::document {

namespace {

Cell mode_cell(const BuildContext& ctx, const std::optional<std::string>& mode) {
    // vzdump's default mode is snapshot.
    const std::string value = mode.value_or("snapshot");
    if (value == "snapshot") {
        return text_cell(ctx.text(Msg::mode_snapshot));
    }
    if (value == "suspend") {
        return text_cell(ctx.text(Msg::mode_suspend));
    }
    if (value == "stop") {
        return text_cell(ctx.text(Msg::mode_stop));
    }
    return mono_cell(value);
}

Cell next_run_cell(const BuildContext& ctx, const model::BackupJob& job) {
    if (!job.enabled || !job.next_run) {
        return none_cell();
    }
    return text_cell(ctx.tr.format(Msg::last_backup_cell, ctx.fmt.date_time_short(*job.next_run),
                                   ctx.fmt.relative(*job.next_run, ctx.data.generated_at)));
}

} // namespace

Section backup_jobs_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::backup_jobs, Msg::sec_backup_jobs);
    section.landscape = true;
    const auto& jobs = ctx.data.backup_jobs;
    if (jobs.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_backup_jobs)));
        return section;
    }
    Table table;
    table.caption = ctx.tr.format(Msg::jobs_caption, ctx.fmt.zone_name());
    table.columns = {
        column(ctx.text(Msg::col_job), 1.3),       column(ctx.text(Msg::col_state), 0.9, Align::left, true),
        column(ctx.text(Msg::col_schedule), 1.0),  column(ctx.text(Msg::col_next_run), 1.5),
        column(ctx.text(Msg::col_storage), 1.0),   column(ctx.text(Msg::col_mode), 0.8),
        column(ctx.text(Msg::col_selection), 2.0), column(ctx.text(Msg::col_retention), 1.2),
        column(ctx.text(Msg::col_comment), 1.4)};
    std::vector<std::string> problems;
    for (const auto& job : jobs) {
        std::vector<Cell> row;
        row.push_back(mono_cell(job.id));
        row.push_back(job.enabled ? label_cell(ctx.text(Msg::job_enabled), Tone::good)
                                  : label_cell(ctx.text(Msg::job_disabled), Tone::muted));
        if (job.schedule) {
            row.push_back(mono_cell(*job.schedule));
        } else {
            Cell cell = text_cell(ctx.text(Msg::no_schedule));
            cell.tone = Tone::warning;
            row.push_back(std::move(cell));
        }
        row.push_back(next_run_cell(ctx, job));
        row.push_back(job.storage ? mono_cell(*job.storage) : text_cell(ctx.text(Msg::default_storage)));
        row.push_back(mode_cell(ctx, job.mode));
        row.push_back(text_cell(selection_text(ctx, job)));
        row.push_back(job.prune_backups ? mono_cell(keep_text(ctx, *job.prune_backups)) : none_cell());
        std::string comment = job.comment.value_or("");
        if (job.legacy) {
            comment = comment.empty() ? ctx.text(Msg::legacy_job) : comment + " (" + ctx.text(Msg::legacy_job) + ")";
        }
        row.push_back(comment.empty() ? none_cell() : text_cell(comment));
        table.rows.push_back(std::move(row));
        for (const auto& problem : job.problems) {
            problems.push_back(ctx.tr.format(Msg::job_problem_line, job.id, word_job_problem(ctx.tr, problem)));
        }
    }
    section.blocks.emplace_back(std::move(table));
    if (!problems.empty()) {
        section.blocks.emplace_back(Heading{2, ctx.text(Msg::jobs_problems_heading), ""});
        for (auto& line : problems) {
            section.blocks.emplace_back(Paragraph{std::move(line), Tone::warning});
        }
    }
    return section;
}

} // namespace pvr::document
