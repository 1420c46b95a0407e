// VM/CT without backup: the guests no enabled job includes, with why.

#include "document/fact_wording.hpp"
#include "document/sections.hpp"

#include "core/strings.hpp"

namespace pvr::document {

namespace {

/// The analysis' reason (its fact) in the report language; without a fact (older producers), the
/// English sentence in English, else a sentence built from the coverage fields.
std::string reason_text(const BuildContext& ctx, const model::Coverage& coverage) {
    if (auto worded = word_fact(ctx.tr, ctx.fmt, coverage.reason_fact)) {
        return excerpt(*worded, ctx.options.reason_excerpt_chars);
    }
    if (ctx.tr.lang() == Lang::en && !coverage.reason.empty()) {
        return excerpt(coverage.reason, ctx.options.reason_excerpt_chars);
    }
    if (!coverage.disabled_jobs.empty()) {
        return ctx.tr.format(Msg::reason_only_disabled, ctx.tr.join_words(coverage.disabled_jobs));
    }
    return ctx.text(Msg::reason_no_job);
}

/// "Accepted (tmpl-9001) " when an accepted exception takes the guest out of the verdict.
std::string accepted_text(const BuildContext& ctx, const model::GuestReport& report) {
    if (!report.exception || !report.exception->exception.accepts_not_backed_up()) {
        return {};
    }
    return ctx.tr.format(Msg::accepted_by, report.exception->exception.id) + " ";
}

} // namespace

Section without_backup_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::without_backup, Msg::sec_without_backup);
    Table table;
    table.columns = {column(ctx.text(Msg::col_vmid), 0.6, Align::right, true),
                     column(ctx.text(Msg::col_name), 1.4),
                     column(ctx.text(Msg::col_type), 0.8, Align::left, true),
                     column(ctx.text(Msg::col_node), 0.8),
                     column(ctx.text(Msg::col_disabled_jobs), 1.2),
                     column(ctx.text(Msg::col_reason), 3.2)};
    for (const auto& report : ctx.data.guests) {
        if (report.coverage.status != model::CoverageStatus::not_backed_up) {
            continue;
        }
        const auto& guest = report.guest;
        table.rows.push_back(
            {mono_cell(std::to_string(guest.vmid)), text_cell(guest_name(guest)),
             text_cell(guest_type_text(ctx, guest)), text_cell(guest.node),
             report.coverage.disabled_jobs.empty() ? none_cell() : mono_cell(join(report.coverage.disabled_jobs, ", ")),
             text_cell(accepted_text(ctx, report) + reason_text(ctx, report.coverage))});
    }
    if (table.rows.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_without_backup)));
        return section;
    }
    const auto count = static_cast<std::int64_t>(table.rows.size());
    section.blocks.emplace_back(
        Paragraph{ctx.tr.format_n(Msg::without_backup_intro, count, ctx.fmt.integer(count)), Tone::critical});
    section.blocks.emplace_back(std::move(table));
    return section;
}

} // namespace pvr::document
