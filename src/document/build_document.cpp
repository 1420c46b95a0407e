#include "document/build_document.hpp"

#include "core/error.hpp"
#include "document/sections.hpp"

#include <fmt/format.h>

namespace pvr::document {

namespace {

Metadata metadata(const BuildContext& ctx) {
    Metadata meta;
    const std::string cluster = cluster_display_name(ctx);
    meta.title = ctx.tr.format(Msg::doc_title, cluster);
    meta.subject = ctx.text(Msg::doc_subject);
    meta.author = ctx.tr.format(Msg::doc_author, ctx.data.tool_version);
    meta.keywords = ctx.text(Msg::doc_keywords);
    if (ctx.data.archive && ctx.data.archive->own_sha256) {
        meta.keywords += ", report-data-sha256:" + *ctx.data.archive->own_sha256;
    }
    meta.lang = to_code(ctx.tr.lang());
    meta.created = ctx.data.generated_at;
    meta.header_left = cluster;
    meta.header_right = ctx.fmt.date_time(ctx.data.generated_at);
    meta.footer_page_format = ctx.text(Msg::footer_page_format);
    meta.contents_title = ctx.text(Msg::contents_title);
    return meta;
}

// Every string of the document is valid UTF-8 without control characters (data from the APIs
// could carry anything; Pango and HTML need clean text).
void clean(std::string& text) { text = clean_text(text); }

struct Cleaner {
    void operator()(Heading& b) const { clean(b.text); }
    void operator()(Paragraph& b) const { clean(b.text); }
    void operator()(KeyFigures& b) const {
        for (auto& f : b.figures) {
            clean(f.label);
            clean(f.value);
            clean(f.detail);
        }
    }
    void operator()(Verdict& b) const {
        clean(b.title);
        clean(b.text);
    }
    void operator()(Table& b) const {
        for (auto& c : b.columns) {
            clean(c.title);
        }
        for (auto& row : b.rows) {
            for (auto& cell : row) {
                clean(cell.text);
            }
        }
        clean(b.empty_text);
        clean(b.caption);
    }
    void operator()(BarChart& b) const {
        clean(b.title);
        for (auto& bar : b.bars) {
            clean(bar.label);
            clean(bar.value_text);
        }
    }
    void operator()(ProportionChart& b) const {
        clean(b.title);
        clean(b.center_text);
        for (auto& s : b.segments) {
            clean(s.label);
            clean(s.value_text);
        }
    }
    void operator()(LineChart& b) const {
        clean(b.title);
        clean(b.y_title);
        for (auto& tick : b.y_ticks) {
            clean(tick.label);
        }
        for (auto& tick : b.x_ticks) {
            clean(tick.label);
        }
        for (auto& series : b.series) {
            clean(series.name);
        }
    }
    void operator()(PageBreak&) const {}
};

void clean(Document& doc) {
    for (auto* text : {&doc.meta.title, &doc.meta.header_left, &doc.meta.header_right, &doc.meta.author}) {
        clean(*text);
    }
    for (auto& section : doc.sections) {
        clean(section.title);
        for (auto& block : section.blocks) {
            std::visit(Cleaner{}, block);
        }
    }
}

} // namespace

Document build_document(const model::ReportData& data, const DocumentOptions& options) {
    const auto lang = parse_lang(options.lang);
    if (!lang) {
        throw Error(ErrorKind::config,
                    fmt::format("Unknown report language \"{}\": use \"en\" or \"fr\".", options.lang));
    }
    const Translator tr(*lang);
    const BuildContext ctx{data, options, tr, Formatter(tr, find_time_zone(options.time_zone))};

    Document doc;
    doc.meta = metadata(ctx);
    doc.sections.push_back(summary_section(ctx));
    for (auto history : {capacity_section(ctx), trends_section(ctx)}) { // early: on the first pages
        if (history) {
            doc.sections.push_back(std::move(*history));
        }
    }
    doc.sections.push_back(pbs_storages_section(ctx));
    doc.sections.push_back(storage_usage_section(ctx));
    doc.sections.push_back(retention_policies_section(ctx));
    doc.sections.push_back(backup_jobs_section(ctx));
    doc.sections.push_back(without_backup_section(ctx));
    doc.sections.push_back(coverage_section(ctx));
    doc.sections.push_back(guest_retention_section(ctx));
    doc.sections.push_back(anomalies_section(ctx));
    if (!data.exceptions.empty()) { // only when EXCEPTIONS_FILE or EXEMPT_TAG is in use
        doc.sections.push_back(exceptions_section(ctx));
    }
    doc.sections.push_back(collection_issues_section(ctx));
    if (auto note = archive_note(ctx)) { // on the last page
        doc.sections.back().blocks.emplace_back(std::move(*note));
    }
    clean(doc);
    return doc;
}

} // namespace pvr::document
