#include "render/html_renderer.hpp"

#include "render/html_charts.hpp"
#include "render/html_email_style.hpp"
#include "render/html_escape.hpp"
#include "render/html_style.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <string_view>

namespace pvr::render {

namespace {

using namespace document;

class HtmlWriter {
public:
    HtmlWriter(const Document& doc, const HtmlOptions& options) : m_doc(doc), m_options(options) {
        for (const auto& section : doc.sections) {
            m_anchors.insert(section.anchor);
            for (const auto& block : section.blocks) {
                if (const auto* heading = std::get_if<Heading>(&block); heading && !heading->anchor.empty()) {
                    m_anchors.insert(heading->anchor);
                }
            }
        }
    }

    std::string write() {
        m_out.reserve(64 * 1024);
        head();
        m_out += "<body";
        inline_style(email_body_style());
        m_out += ">\n<div class=\"report\">\n";
        header();
        toc();
        m_out += "<main>\n";
        for (const auto& section : m_doc.sections) {
            write_section(section);
        }
        m_out += "</main>\n";
        m_out += "<footer class=\"report-footer\"><p>";
        text(m_doc.meta.author);
        if (!m_doc.meta.header_right.empty()) {
            m_out += " · ";
            text(m_doc.meta.header_right);
        }
        m_out += "</p></footer>\n</div>\n</body>\n</html>\n";
        return std::move(m_out);
    }

private:
    const Document& m_doc;
    const HtmlOptions& m_options;
    std::set<std::string, std::less<>> m_anchors;
    std::string m_out;

    void text(std::string_view s) { append_escaped(m_out, s); }

    /// ` style="css"` in the e-mail variant only.
    void inline_style(std::string_view css) {
        if (m_options.inline_styles && !css.empty()) {
            m_out += " style=\"";
            text(css);
            m_out += "\"";
        }
    }

    /// Only anchors that exist become links: a link never points nowhere.
    [[nodiscard]] bool linkable(const std::string& anchor) const {
        return !anchor.empty() && m_anchors.count(anchor) > 0;
    }

    void head() {
        const auto& meta = m_doc.meta;
        m_out += "<!DOCTYPE html>\n<html lang=\"";
        text(meta.lang.empty() ? std::string_view("en") : std::string_view(meta.lang));
        m_out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
        m_out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        meta_tag("generator", meta.author);
        meta_tag("description", meta.subject);
        meta_tag("keywords", meta.keywords);
        m_out += "<title>";
        text(meta.title);
        m_out += "</title>\n<style>";
        m_out += html_style_sheet();
        m_out += "</style>\n</head>\n";
    }

    void meta_tag(std::string_view name, const std::string& content) {
        if (content.empty()) {
            return;
        }
        m_out += "<meta name=\"";
        text(name);
        m_out += "\" content=\"";
        text(content);
        m_out += "\">\n";
    }

    void header() {
        m_out += "<header class=\"report-header\">\n<h1>";
        text(m_doc.meta.title);
        m_out += "</h1>\n";
        if (!m_doc.meta.subject.empty() || !m_doc.meta.header_right.empty()) {
            m_out += "<p class=\"meta\">";
            text(m_doc.meta.subject);
            if (!m_doc.meta.subject.empty() && !m_doc.meta.header_right.empty()) {
                m_out += " · ";
            }
            text(m_doc.meta.header_right);
            m_out += "</p>\n";
        }
        m_out += "</header>\n";
    }

    void toc() {
        if (m_doc.sections.empty()) {
            return;
        }
        m_out += "<nav class=\"toc\"";
        if (!m_doc.meta.contents_title.empty()) {
            m_out += " aria-label=\"";
            text(m_doc.meta.contents_title);
            m_out += "\">\n<h2>";
            text(m_doc.meta.contents_title);
            m_out += "</h2>\n";
        } else {
            m_out += ">\n";
        }
        m_out += "<ol>\n";
        for (const auto& section : m_doc.sections) {
            m_out += "<li>";
            if (linkable(section.anchor)) {
                link_open(section.anchor);
                text(section.title);
                m_out += "</a>";
            } else {
                text(section.title);
            }
            m_out += "</li>\n";
        }
        m_out += "</ol>\n</nav>\n";
    }

    void link_open(const std::string& anchor, std::string_view css_class = {}, std::string_view style = {}) {
        m_out += "<a href=\"#";
        text(anchor);
        m_out += "\"";
        if (!css_class.empty()) {
            m_out += " class=\"";
            text(css_class);
            m_out += "\"";
        }
        if (!style.empty()) {
            m_out += " style=\"";
            text(style);
            m_out += "\"";
        }
        m_out += ">";
    }

    void write_section(const Section& section) {
        m_out += "<section";
        if (!section.anchor.empty()) {
            m_out += " id=\"";
            text(section.anchor);
            m_out += "\"";
        }
        m_out += " class=\"section";
        if (section.new_page) {
            m_out += " new-page";
        }
        if (section.landscape) {
            m_out += " landscape";
        }
        m_out += "\">\n<h2>";
        text(section.title);
        m_out += "</h2>\n";
        for (const auto& block : section.blocks) {
            std::visit([this](const auto& b) { write_block(b); }, block);
        }
        m_out += "</section>\n";
    }

    void write_block(const Heading& heading) {
        const std::string_view tag = heading.level <= 1 ? "h2" : "h3";
        m_out += "<";
        m_out += tag;
        if (!heading.anchor.empty()) {
            m_out += " id=\"";
            text(heading.anchor);
            m_out += "\"";
        }
        m_out += ">";
        text(heading.text);
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }

    void write_block(const Paragraph& paragraph) {
        switch (paragraph.tone) {
        case Tone::neutral:
            m_out += "<p>";
            break;
        case Tone::muted:
            m_out += "<p class=\"note\">";
            break;
        default:
            m_out += "<p class=\"callout tone-";
            m_out += tone_name(paragraph.tone);
            m_out += "\" style=\"padding:8px 12px;";
            m_out += tone_box_style(paragraph.tone);
            m_out += "\">";
            break;
        }
        text(paragraph.text);
        m_out += "</p>\n";
    }

    void write_block(const Verdict& verdict) {
        m_out += "<div class=\"verdict tone-";
        m_out += tone_name(verdict.tone);
        m_out += "\" role=\"status\" style=\"";
        m_out += tone_box_style(verdict.tone);
        m_out += "\">\n<p class=\"verdict-title\"><strong>";
        text(verdict.title);
        m_out += "</strong></p>\n<p>";
        text(verdict.text);
        m_out += "</p>\n</div>\n";
    }

    void write_block(const KeyFigures& figures) {
        m_out += "<div class=\"tiles\">\n";
        for (const auto& figure : figures.figures) {
            const std::string css = fmt::format("tile tone-{}", tone_name(figure.tone));
            const bool link = linkable(figure.link_anchor);
            const std::string tile_style = m_options.inline_styles ? email_tile_style(figure.tone) : std::string();
            if (link) {
                link_open(figure.link_anchor, css, tile_style);
            } else {
                m_out += "<div class=\"";
                text(css);
                m_out += "\"";
                inline_style(tile_style);
                m_out += ">";
            }
            m_out += "<span class=\"tile-value\"";
            inline_style("display:block;font-size:26px;font-weight:bold;line-height:1.2;");
            m_out += ">";
            text(figure.value);
            m_out += "</span><span class=\"tile-label\"";
            inline_style("display:block;font-weight:bold;");
            m_out += ">";
            text(figure.label);
            m_out += "</span>";
            if (!figure.detail.empty()) {
                m_out += "<span class=\"tile-detail\"";
                inline_style("display:block;color:#5f6368;font-size:12px;");
                m_out += ">";
                text(figure.detail);
                m_out += "</span>";
            }
            m_out += link ? "</a>\n" : "</div>\n";
        }
        m_out += "</div>\n";
    }

    void write_cell(const Cell& cell, const Column& column) {
        m_out += "<td";
        std::string css;
        if (column.align == Align::right) {
            css += "align-right";
        } else if (column.align == Align::center) {
            css += "align-center";
        }
        if (column.nowrap) {
            css += css.empty() ? "nowrap" : " nowrap";
        }
        if (!cell.as_label && cell.tone != Tone::neutral) {
            css += css.empty() ? "text-" : " text-";
            css += tone_name(cell.tone);
        }
        if (!css.empty()) {
            m_out += " class=\"";
            text(css);
            m_out += "\"";
        }
        if (m_options.inline_styles) {
            inline_style(email_cell_style(column, cell));
        }
        m_out += ">";
        const bool link = linkable(cell.link_anchor);
        if (link) {
            link_open(cell.link_anchor);
        }
        if (cell.as_label) {
            m_out += "<span class=\"label tone-";
            m_out += tone_name(cell.tone);
            m_out += "\"";
            inline_style(email_label_style(cell.tone));
            m_out += ">";
        }
        if (cell.monospace) {
            m_out += "<code>";
        }
        text(cell.text);
        if (cell.monospace) {
            m_out += "</code>";
        }
        if (cell.as_label) {
            m_out += "</span>";
        }
        if (link) {
            m_out += "</a>";
        }
        m_out += "</td>";
    }

    void write_block(const Table& table) {
        if (table.rows.empty()) {
            if (!table.empty_text.empty()) {
                m_out += "<p class=\"note\">";
                text(table.empty_text);
                m_out += "</p>\n";
            }
            return;
        }
        const bool has_header =
            std::any_of(table.columns.begin(), table.columns.end(), [](const Column& c) { return !c.title.empty(); });
        m_out += "<div class=\"table-wrap\">\n<table class=\"data";
        if (!has_header) {
            m_out += " facts";
        }
        m_out += "\"";
        if (m_options.inline_styles) {
            m_out += " cellspacing=\"0\" cellpadding=\"4\"";
            inline_style(has_header ? "width:100%;border-collapse:collapse;font-size:13px;"
                                    : "border-collapse:collapse;font-size:13px;");
        }
        m_out += ">\n";
        if (!table.caption.empty()) {
            m_out += "<caption>";
            text(table.caption);
            m_out += "</caption>\n";
        }
        if (has_header) {
            const double total =
                std::accumulate(table.columns.begin(), table.columns.end(), 0.0,
                                [](double sum, const Column& c) { return sum + std::max(0.0, c.weight); });
            m_out += "<colgroup>";
            for (const auto& column : table.columns) {
                const double share = total > 0 ? 100.0 * std::max(0.0, column.weight) / total : 0.0;
                m_out += fmt::format("<col style=\"width:{:.1f}%\">", share);
            }
            m_out += "</colgroup>\n<thead><tr>";
            for (const auto& column : table.columns) {
                m_out += "<th scope=\"col\"";
                if (column.align == Align::right) {
                    m_out += " class=\"align-right\"";
                } else if (column.align == Align::center) {
                    m_out += " class=\"align-center\"";
                }
                inline_style(email_header_style(column));
                m_out += ">";
                text(column.title);
                m_out += "</th>";
            }
            m_out += "</tr></thead>\n";
        }
        m_out += "<tbody>\n";
        static const Column default_column;
        for (const auto& row : table.rows) {
            m_out += "<tr>";
            for (std::size_t i = 0; i < row.size(); ++i) {
                write_cell(row[i], i < table.columns.size() ? table.columns[i] : default_column);
            }
            m_out += "</tr>\n";
        }
        m_out += "</tbody>\n</table>\n</div>\n";
    }

    void write_block(const BarChart& chart) { append_bar_chart(m_out, chart); }
    void write_block(const ProportionChart& chart) { append_proportion_chart(m_out, chart, m_options.inline_styles); }
    void write_block(const LineChart& chart) { append_line_chart(m_out, chart); }
    void write_block(const PageBreak&) { m_out += "<div class=\"page-break\"></div>\n"; }
};

} // namespace

std::string render_html(const document::Document& doc, const HtmlOptions& options) {
    return HtmlWriter(doc, options).write();
}

} // namespace pvr::render
