// Collection issues: what could not be seen, and why.

#include "document/issue_wording.hpp"
#include "document/sections.hpp"

namespace pvr::document {

Section collection_issues_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::collection_issues, Msg::sec_collection_issues);
    const auto& issues = ctx.data.collection_issues;
    if (issues.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_collection_issues)));
        return section;
    }
    section.blocks.emplace_back(Paragraph{ctx.text(Msg::collection_issues_intro), Tone::warning});
    Table table;
    table.columns = {column(ctx.text(Msg::col_severity), 1.3, Align::left, true),
                     column(ctx.text(Msg::col_source), 1.1), column(ctx.text(Msg::col_endpoint), 1.8),
                     column(ctx.text(Msg::col_message), 4.0)};
    for (const auto& issue : issues) {
        table.rows.push_back({issue.severity == model::IssueSeverity::error
                                  ? label_cell(ctx.text(Msg::issue_error), Tone::critical)
                                  : label_cell(ctx.text(Msg::severity_warning), Tone::warning),
                              mono_cell(issue.source), issue.endpoint ? mono_cell(*issue.endpoint) : none_cell(),
                              text_cell(word_collection_issue(issue, ctx.tr, ctx.fmt))});
    }
    section.blocks.emplace_back(std::move(table));
    return section;
}

} // namespace pvr::document
