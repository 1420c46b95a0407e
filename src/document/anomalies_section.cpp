// Anomalies, in the order the analysis gives them, severity as a label.

#include "document/fact_wording.hpp"
#include "document/sections.hpp"

namespace pvr::document {

Section anomalies_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::anomalies, Msg::sec_anomalies);
    section.landscape = true;
    const auto& anomalies = ctx.data.anomalies;
    if (anomalies.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_anomalies)));
        return section;
    }
    std::int64_t info = 0;
    std::int64_t warning = 0;
    std::int64_t critical = 0;
    Table table;
    table.columns = {column(ctx.text(Msg::col_severity), 1.0, Align::left, true), column(ctx.text(Msg::col_kind), 1.4),
                     column(ctx.text(Msg::col_subject), 1.2), column(ctx.text(Msg::col_message), 5.0)};
    for (const auto& anomaly : anomalies) {
        info += anomaly.severity == model::Severity::info ? 1 : 0;
        warning += anomaly.severity == model::Severity::warning ? 1 : 0;
        critical += anomaly.severity == model::Severity::critical ? 1 : 0;
        // The analysis' fact in the report language (its English message when it has none).
        const std::string message = word_fact_or(ctx.tr, ctx.fmt, anomaly.fact, anomaly.message);
        table.rows.push_back(
            {severity_cell(ctx, anomaly.severity), text_cell(anomaly_kind_text(ctx, anomaly.kind)),
             mono_cell(anomaly.subject),
             text_cell(anomaly.accepted_by ? ctx.tr.format(Msg::accepted_by, *anomaly.accepted_by) + " " + message
                                           : message)});
    }
    section.blocks.emplace_back(muted(ctx.tr.format(Msg::anomalies_counts, ctx.fmt.integer(critical),
                                                    ctx.fmt.integer(warning), ctx.fmt.integer(info))));
    section.blocks.emplace_back(std::move(table));
    return section;
}

} // namespace pvr::document
