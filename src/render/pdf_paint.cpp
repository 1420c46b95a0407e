#include "render/pdf_paint.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

namespace pvr::render {
namespace {

namespace doc = pvr::document;

/// A Cairo tag attribute string value: single-quoted, with \ and ' escaped.
std::string quoted(const std::string& value) {
    std::string out = "'";
    for (const char ch : value) {
        if (ch == '\\' || ch == '\'') {
            out += '\\';
        }
        out += ch;
    }
    out += '\'';
    return out;
}

std::string page_text(const std::string& format, std::size_t page, std::size_t pages) {
    std::string out = format.empty() ? std::string("Page {page} of {pages}") : format;
    const auto replace = [&out](const std::string& key, const std::string& value) {
        for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size())) {
            out.replace(at, key.size(), value);
        }
    };
    replace("{pages}", std::to_string(pages));
    replace("{page}", std::to_string(page));
    return out;
}

Rgb darker(const Rgb& c, double k) { return {c.r * k, c.g * k, c.b * k}; }

} // namespace

PdfPainter::PdfPainter(cairo_surface_t* surface, cairo_t* cr, PdfText& text, const LayoutSettings& settings,
                       const document::Document& doc, const PagePlan& plan, bool debug_boxes)
    : m_surface(surface), m_cr(cr), m_text(text), m_settings(settings), m_theme(settings.theme), m_doc(doc),
      m_plan(plan), m_debug_boxes(debug_boxes) {
    // Destination names: section anchors (made unique), then heading anchors.
    std::set<std::string> used;
    const auto unique = [&used](std::string name) {
        std::string candidate = name;
        for (int n = 2; used.count(candidate) != 0; ++n) {
            candidate = name + "-" + std::to_string(n);
        }
        used.insert(candidate);
        return candidate;
    };
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const doc::Section& section = doc.sections[s];
        const std::string name = unique(section.anchor.empty() ? "section-" + std::to_string(s + 1) : section.anchor);
        m_section_dests.push_back(name);
        if (!section.anchor.empty()) {
            m_link_targets.insert(section.anchor);
        }
    }
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& blocks = doc.sections[s].blocks;
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            if (const auto* heading = std::get_if<doc::Heading>(&blocks[b])) {
                const bool named = !heading->anchor.empty() && used.count(heading->anchor) == 0;
                m_heading_dests[{s, b}] =
                    unique(named ? heading->anchor : fmt::format("{}-{}", m_section_dests[s], b + 1));
                if (named) {
                    m_link_targets.insert(heading->anchor);
                }
            }
        }
    }
    m_section_outline.assign(doc.sections.size(), CAIRO_PDF_OUTLINE_ROOT);
}

void PdfPainter::paint() {
    // Cairo 1.16 gives every link annotation a /StructParent whose structure element it writes only
    // in a tagged document: without an enclosing structure tag the PDF has a dangling reference
    // (qpdf --check: "object N 0 not found"). A Document element makes it a valid tagged PDF.
    cairo_tag_begin(m_cr, "Document", nullptr);
    for (std::size_t i = 0; i < m_plan.pages.size(); ++i) {
        if (i > 0) {
            cairo_show_page(m_cr);
        }
        paint_page(i);
    }
    cairo_tag_end(m_cr, "Document");
}

void PdfPainter::paint_page(std::size_t index) {
    const Page& page = m_plan.pages[index];
    // Only on a size change, and never on the first page (created at its size): Cairo 1.16 breaks
    // the tagged structure (dangling objects, an assertion at finish) when set_size follows a tag.
    if (index > 0 && (page.size.width != m_plan.pages[index - 1].size.width ||
                      page.size.height != m_plan.pages[index - 1].size.height)) {
        cairo_pdf_surface_set_size(m_surface, page.size.width, page.size.height);
    }
    paint_running(page, index);
    for (const Item& item : page.items) {
        paint_item(item);
        if (m_debug_boxes) {
            cairo_save(m_cr);
            cairo_set_source_rgb(m_cr, 0.9, 0.1, 0.7);
            cairo_set_line_width(m_cr, 0.3);
            cairo_rectangle(m_cr, item.rect.x, item.rect.y, item.rect.w, item.rect.h);
            cairo_stroke(m_cr);
            cairo_restore(m_cr);
        }
    }
    if (m_debug_boxes) {
        const Rect body = m_settings.body(page.landscape);
        cairo_save(m_cr);
        cairo_set_source_rgb(m_cr, 0.1, 0.6, 0.9);
        cairo_set_line_width(m_cr, 0.3);
        cairo_rectangle(m_cr, body.x, body.y, body.w, body.h);
        cairo_stroke(m_cr);
        cairo_restore(m_cr);
    }
}

void PdfPainter::paint_running(const Page& page, std::size_t index) {
    const double left = m_settings.margin_left;
    const double width = page.size.width - m_settings.margin_left - m_settings.margin_right;
    const Rgb& muted = m_theme.colours.muted_text;

    TextOptions half;
    half.width = width * 0.49;
    half.wrap = false;
    const double top = m_settings.margin_top;
    const TextBox lh = draw_text(m_doc.meta.header_left, TextStyle::running, left, top, half, muted);
    half.align = doc::Align::right;
    const TextBox rh =
        draw_text(m_doc.meta.header_right, TextStyle::running, left + width - half.width, top, half, muted);
    const double rule_y = top + std::max(lh.height, rh.height) + 3.0;
    cairo_set_line_width(m_cr, 0.6);
    set_colour(m_theme.colours.rule);
    cairo_move_to(m_cr, left, rule_y);
    cairo_line_to(m_cr, left + width, rule_y);
    cairo_stroke(m_cr);

    const double band = page.size.height - m_settings.margin_bottom - m_settings.footer_height;
    const double footer_rule = band + 8.0;
    cairo_move_to(m_cr, left, footer_rule);
    cairo_line_to(m_cr, left + width, footer_rule);
    cairo_stroke(m_cr);
    TextOptions footer;
    footer.width = width * 0.64;
    footer.wrap = false;
    draw_text(m_doc.meta.title, TextStyle::running, left, footer_rule + 4.0, footer, muted);
    footer.width = width * 0.34;
    footer.align = doc::Align::right;
    draw_text(page_text(m_doc.meta.footer_page_format, index + 1, m_plan.pages.size()), TextStyle::running,
              left + width - footer.width, footer_rule + 4.0, footer, muted);
}

const document::Block& PdfPainter::block_of(const Item& item) const {
    return m_doc.sections[item.section].blocks[item.block];
}

void PdfPainter::paint_item(const Item& item) {
    switch (item.kind) {
    case ItemKind::doc_title:
        paint_doc_title(item);
        return;
    case ItemKind::section_title:
        paint_section_title(item);
        return;
    case ItemKind::heading:
        paint_heading(item, std::get<doc::Heading>(block_of(item)));
        return;
    case ItemKind::paragraph:
        paint_paragraph(item, std::get<doc::Paragraph>(block_of(item)));
        return;
    case ItemKind::key_figures:
        paint_key_figures(item, std::get<doc::KeyFigures>(block_of(item)));
        return;
    case ItemKind::verdict:
        paint_verdict(item, std::get<doc::Verdict>(block_of(item)));
        return;
    case ItemKind::caption: {
        const doc::Block& block = block_of(item);
        if (const auto* table = std::get_if<doc::Table>(&block)) {
            paint_caption(item, table->caption);
        } else if (const auto* bars = std::get_if<doc::BarChart>(&block)) {
            paint_caption(item, bars->title);
        } else if (const auto* proportion = std::get_if<doc::ProportionChart>(&block)) {
            paint_caption(item, proportion->title);
        } else if (const auto* line = std::get_if<doc::LineChart>(&block)) {
            paint_caption(item, line->title);
        }
        return;
    }
    case ItemKind::table_empty:
        paint_table_empty(item, std::get<doc::Table>(block_of(item)));
        return;
    case ItemKind::table:
        paint_table(item, std::get<doc::Table>(block_of(item)));
        return;
    case ItemKind::bar_chart:
        paint_bar_chart(item, std::get<doc::BarChart>(block_of(item)));
        return;
    case ItemKind::proportion_chart:
        paint_proportion_chart(item, std::get<doc::ProportionChart>(block_of(item)));
        return;
    case ItemKind::line_chart:
        paint_line_chart(item, std::get<doc::LineChart>(block_of(item)));
        return;
    }
}

// ---- text blocks -------------------------------------------------------------------------------

void PdfPainter::paint_doc_title(const Item& item) {
    TextOptions options;
    options.width = item.rect.w;
    draw_text(m_doc.meta.title, TextStyle::doc_title, item.rect.x, item.rect.y, options, m_theme.colours.accent);
}

void PdfPainter::paint_section_title(const Item& item) {
    const doc::Section& section = m_doc.sections[item.section];
    const std::string& name = m_section_dests[item.section];
    dest(name, item.rect.x, item.rect.y);
    m_section_outline[item.section] =
        cairo_pdf_surface_add_outline(m_surface, CAIRO_PDF_OUTLINE_ROOT, m_text.drawable_text(section.title).c_str(),
                                      ("dest=" + quoted(name)).c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    TextOptions options;
    options.width = item.rect.w;
    const TextBox box =
        draw_text(section.title, TextStyle::section_title, item.rect.x, item.rect.y, options, m_theme.colours.accent);
    const double rule_y = item.rect.y + box.height + 2.5;
    cairo_set_line_width(m_cr, 1.2);
    set_colour(m_theme.colours.accent);
    cairo_move_to(m_cr, item.rect.x, rule_y);
    cairo_line_to(m_cr, item.rect.right(), rule_y);
    cairo_stroke(m_cr);
}

void PdfPainter::paint_heading(const Item& item, const document::Heading& heading) {
    const std::string& name = m_heading_dests.at({item.section, item.block});
    dest(name, item.rect.x, item.rect.y);
    cairo_pdf_surface_add_outline(m_surface, m_section_outline[item.section],
                                  m_text.drawable_text(heading.text).c_str(), ("dest=" + quoted(name)).c_str(),
                                  static_cast<cairo_pdf_outline_flags_t>(0));
    TextOptions options;
    options.width = item.rect.w;
    draw_text(heading.text, heading.level <= 1 ? TextStyle::heading : TextStyle::subheading, item.rect.x, item.rect.y,
              options, m_theme.colours.accent);
}

void PdfPainter::paint_paragraph(const Item& item, const document::Paragraph& paragraph) {
    TextOptions options;
    options.width = item.rect.w;
    options.max_height = item.clipped ? item.rect.h : 0.0;
    if (paragraph.tone == doc::Tone::neutral) {
        draw_text(paragraph.text, TextStyle::body, item.rect.x, item.rect.y, options, m_theme.colours.text);
        return;
    }
    if (paragraph.tone == doc::Tone::muted) {
        draw_text(paragraph.text, TextStyle::note, item.rect.x, item.rect.y, options, m_theme.colours.muted_text);
        return;
    }
    const ToneColours tone = tone_colours(paragraph.tone);
    fill_rect(item.rect, tone.tint);
    fill_rect({item.rect.x, item.rect.y, m_theme.box_accent, item.rect.h}, tone.chart);
    options.width = item.rect.w - 2 * m_theme.box_pad - m_theme.box_accent;
    options.max_height = item.clipped ? item.rect.h - 2 * m_theme.box_pad : 0.0;
    draw_text(paragraph.text, TextStyle::body, item.rect.x + m_theme.box_accent + m_theme.box_pad,
              item.rect.y + m_theme.box_pad, options, m_theme.colours.text);
}

void PdfPainter::paint_verdict(const Item& item, const document::Verdict& verdict) {
    const ToneColours tone = tone_colours(verdict.tone);
    fill_rect(item.rect, tone.tint);
    fill_rect({item.rect.x, item.rect.y, m_theme.box_accent, item.rect.h}, tone.chart);
    cairo_set_line_width(m_cr, 0.6);
    set_colour(tone.chart);
    cairo_rectangle(m_cr, item.rect.x, item.rect.y, item.rect.w, item.rect.h);
    cairo_stroke(m_cr);
    TextOptions options;
    options.width = item.rect.w - 2 * m_theme.box_pad - m_theme.box_accent;
    const double x = item.rect.x + m_theme.box_accent + m_theme.box_pad;
    const Rgb title_colour = verdict.tone == doc::Tone::neutral ? m_theme.colours.text : darker(tone.chart, 0.75);
    const TextBox title =
        draw_text(verdict.title, TextStyle::verdict_title, x, item.rect.y + m_theme.box_pad, options, title_colour);
    if (!verdict.text.empty()) {
        draw_text(verdict.text, TextStyle::body, x, item.rect.y + m_theme.box_pad + title.height + 3.0, options,
                  m_theme.colours.text);
    }
}

void PdfPainter::paint_caption(const Item& item, const std::string& text) {
    TextOptions options;
    options.width = item.rect.w;
    draw_text(text, TextStyle::caption, item.rect.x, item.rect.y, options, m_theme.colours.text);
}

void PdfPainter::paint_table_empty(const Item& item, const document::Table& table) {
    fill_rect(item.rect, m_theme.colours.zebra);
    TextOptions options;
    options.width = item.rect.w - 2 * m_theme.box_pad;
    draw_text(table.empty_text, TextStyle::note, item.rect.x + m_theme.box_pad, item.rect.y + m_theme.box_pad, options,
              m_theme.colours.muted_text);
}

// ---- key figures -------------------------------------------------------------------------------

void PdfPainter::paint_key_figures(const Item& item, const document::KeyFigures& figures) {
    const double tile_w = item.columns.empty() ? item.rect.w : item.columns.front();
    const std::size_t per_row = std::max<std::size_t>(1, item.per_row);
    for (std::size_t r = 0; r < item.rows.size(); ++r) {
        const Span& span = item.rows[r];
        const std::size_t row = item.first + r;
        for (std::size_t k = 0; k < per_row; ++k) {
            const std::size_t i = row * per_row + k;
            if (i >= figures.figures.size()) {
                break;
            }
            const doc::KeyFigure& figure = figures.figures[i];
            const Rect tile{item.rect.x + static_cast<double>(k) * (tile_w + m_theme.tile_gap), span.y, tile_w, span.h};
            const ToneColours tone = tone_colours(figure.tone);
            fill_rect(tile, m_theme.colours.tile_fill);
            cairo_set_line_width(m_cr, 0.5);
            set_colour(m_theme.colours.rule);
            cairo_rectangle(m_cr, tile.x, tile.y, tile.w, tile.h);
            cairo_stroke(m_cr);
            fill_rect({tile.x, tile.y, m_theme.tile_accent, tile.h}, tone.chart);

            TextOptions options;
            options.width = tile.w - 2 * m_theme.tile_pad - m_theme.tile_accent;
            const double x = tile.x + m_theme.tile_accent + m_theme.tile_pad;
            double y = tile.y + m_theme.tile_pad;
            y += draw_text(figure.label, TextStyle::tile_label, x, y, options, m_theme.colours.muted_text).height + 2.0;
            const Rgb value_colour = figure.tone == doc::Tone::neutral || figure.tone == doc::Tone::muted
                                         ? m_theme.colours.text
                                         : darker(tone.chart, 0.8);
            y += draw_text(figure.value, TextStyle::tile_value, x, y, options, value_colour).height + 2.0;
            if (!figure.detail.empty()) {
                draw_text(figure.detail, TextStyle::tile_detail, x, y, options, m_theme.colours.muted_text);
            }
            link(figure.link_anchor, tile);
        }
    }
}

// ---- tables ------------------------------------------------------------------------------------

void PdfPainter::paint_table(const Item& item, const document::Table& table) {
    const std::size_t n = std::min(table.columns.size(), item.columns.size());
    // Header row, repeated on every page of the table.
    const Rect header{item.rect.x, item.rect.y, item.rect.w, item.header_height};
    if (item.header_height > 0) {
        fill_rect(header, m_theme.colours.header_fill);
        double x = item.rect.x;
        for (std::size_t c = 0; c < n; ++c) {
            TextOptions options;
            options.width = item.columns[c] - 2 * m_theme.cell_pad_x;
            options.align = table.columns[c].align;
            draw_text(table.columns[c].title, TextStyle::cell_header, x + m_theme.cell_pad_x,
                      item.rect.y + m_theme.cell_pad_y, options, m_theme.colours.header_text);
            x += item.columns[c];
        }
    }
    static const doc::Cell empty_cell;
    for (std::size_t r = 0; r < item.rows.size(); ++r) {
        const std::size_t row_index = item.first + r;
        const Span& span = item.rows[r];
        if (row_index % 2 == 1) {
            fill_rect({item.rect.x, span.y, item.rect.w, span.h}, m_theme.colours.zebra);
        }
        if (row_index >= table.rows.size()) {
            continue;
        }
        const auto& row = table.rows[row_index];
        double x = item.rect.x;
        for (std::size_t c = 0; c < n; ++c) {
            paint_cell(c < row.size() ? row[c] : empty_cell, table.columns[c], {x, span.y, item.columns[c], span.h},
                       item.clipped);
            x += item.columns[c];
        }
    }
    cairo_set_line_width(m_cr, 0.6);
    set_colour(m_theme.colours.rule);
    cairo_move_to(m_cr, item.rect.x, item.rect.bottom());
    cairo_line_to(m_cr, item.rect.right(), item.rect.bottom());
    cairo_stroke(m_cr);
}

void PdfPainter::paint_cell(const document::Cell& cell, const document::Column& column, const Rect& box, bool clipped) {
    const bool has_link = !cell.link_anchor.empty() && m_link_targets.count(cell.link_anchor) != 0;
    TextOptions options;
    options.width = box.w - 2 * m_theme.cell_pad_x;
    options.wrap = !column.nowrap;
    options.align = column.align;
    options.max_height = clipped ? box.h - 2 * m_theme.cell_pad_y : 0.0;
    if (clipped) {
        cairo_save(m_cr);
        cairo_rectangle(m_cr, box.x, box.y, box.w, box.h);
        cairo_clip(m_cr);
    }
    if (cell.as_label) {
        const ToneColours tone = tone_colours(cell.tone);
        options.width -= 2 * m_theme.label_pad_x;
        options.align = doc::Align::left;
        options.max_height = clipped ? options.max_height - 2 * m_theme.label_pad_y : 0.0;
        PangoLayout* layout = m_text.layout(cell.text, TextStyle::label, options);
        PangoRectangle logical{};
        pango_layout_get_extents(layout, nullptr, &logical);
        const double text_w = static_cast<double>(logical.width) / PANGO_SCALE;
        const double text_h = static_cast<double>(logical.height) / PANGO_SCALE;
        const double pill_w = text_w + 2 * m_theme.label_pad_x;
        const double pill_h = text_h + 2 * m_theme.label_pad_y;
        double x = box.x + m_theme.cell_pad_x;
        if (column.align == doc::Align::right) {
            x = box.right() - m_theme.cell_pad_x - pill_w;
        } else if (column.align == doc::Align::center) {
            x = box.x + (box.w - pill_w) / 2;
        }
        // The pill's text sits on the baseline of the row's other cells.
        const double shift = m_text.baseline(TextStyle::cell) - m_text.baseline(TextStyle::label) - m_theme.label_pad_y;
        const Rect pill{x, box.y + m_theme.cell_pad_y + std::max(shift, -m_theme.cell_pad_y + 0.5), pill_w, pill_h};
        rounded_rect(pill, std::min(pill_h / 2, 4.0));
        set_colour(tone.fill);
        if (tone.has_border) {
            cairo_fill_preserve(m_cr);
            set_colour(tone.border);
            cairo_set_line_width(m_cr, 0.6);
            if (tone.dashed_border) {
                const double dashes[] = {1.6, 1.2};
                cairo_set_dash(m_cr, dashes, 2, 0);
            }
            cairo_stroke(m_cr);
            cairo_set_dash(m_cr, nullptr, 0, 0);
        } else {
            cairo_fill(m_cr);
        }
        set_colour(tone.text);
        cairo_move_to(m_cr, pill.x + m_theme.label_pad_x - static_cast<double>(logical.x) / PANGO_SCALE,
                      pill.y + m_theme.label_pad_y);
        pango_cairo_show_layout(m_cr, layout);
    } else {
        Rgb colour = m_theme.colours.text;
        if (has_link) {
            colour = m_theme.colours.link;
        } else if (cell.tone == doc::Tone::muted) {
            colour = m_theme.colours.muted_text;
        } else if (cell.tone == doc::Tone::critical || cell.tone == doc::Tone::warning ||
                   cell.tone == doc::Tone::good) {
            colour = darker(tone_colours(cell.tone).chart, 0.7);
        }
        draw_text(cell.text, cell.monospace ? TextStyle::cell_mono : TextStyle::cell, box.x + m_theme.cell_pad_x,
                  box.y + m_theme.cell_pad_y, options, colour);
    }
    if (clipped) {
        cairo_restore(m_cr);
    }
    if (has_link) {
        link(cell.link_anchor, box);
    }
}

// ---- charts ------------------------------------------------------------------------------------

void PdfPainter::paint_bar_chart(const Item& item, const document::BarChart& chart) {
    const double label_w = item.rect.w * m_theme.bar_label_share;
    const double value_w = item.rect.w * m_theme.bar_value_share;
    const double track_x = item.rect.x + label_w;
    const double track_w = item.rect.w - label_w - value_w;
    for (std::size_t r = 0; r < item.rows.size(); ++r) {
        const std::size_t i = item.first + r;
        if (i >= chart.bars.size()) {
            break;
        }
        const doc::Bar& bar = chart.bars[i];
        const Span& span = item.rows[r];
        TextOptions label;
        label.width = label_w - 6.0;
        draw_text(bar.label, TextStyle::note, item.rect.x, span.y, label, m_theme.colours.text);
        const double bar_y = span.y + 0.5;
        fill_rect({track_x, bar_y, track_w, m_theme.bar_height}, m_theme.colours.track);
        const double fraction = bar.max > 0 ? std::clamp(bar.value / bar.max, 0.0, 1.0) : 0.0;
        fill_rect({track_x, bar_y, track_w * fraction, m_theme.bar_height}, tone_colours(bar.tone).chart);
        for (const double threshold : chart.thresholds) {
            if (threshold <= 0 || threshold > 1) {
                continue;
            }
            const double x = track_x + track_w * threshold;
            cairo_set_line_width(m_cr, 0.9);
            set_colour({0.15, 0.15, 0.15});
            cairo_move_to(m_cr, x, bar_y - 1.5);
            cairo_line_to(m_cr, x, bar_y + m_theme.bar_height + 1.5);
            cairo_stroke(m_cr);
        }
        TextOptions value;
        value.width = value_w - 6.0;
        draw_text(bar.value_text, TextStyle::note, track_x + track_w + 6.0, span.y, value, m_theme.colours.text);
    }
}

void PdfPainter::paint_proportion_chart(const Item& item, const document::ProportionChart& chart) {
    const double d = m_theme.donut_diameter;
    const double radius = d / 2;
    const double inner = radius * (1.0 - m_theme.donut_ring);
    const double cx = item.rect.x + radius + 2.0;
    const double cy = item.rect.y + radius + 2.0;
    double total = 0;
    for (const doc::Segment& segment : chart.segments) {
        total += std::max(0.0, segment.value);
    }
    const auto ring = [&](double from, double to) {
        cairo_new_path(m_cr);
        cairo_arc(m_cr, cx, cy, radius, from, to);
        cairo_arc_negative(m_cr, cx, cy, inner, to, from);
        cairo_close_path(m_cr);
    };
    constexpr double pi = std::numbers::pi;
    if (total <= 0) {
        ring(0, 2 * pi);
        set_colour(m_theme.colours.track);
        cairo_fill(m_cr);
    } else {
        double angle = -pi / 2;
        for (const doc::Segment& segment : chart.segments) {
            if (segment.value <= 0) {
                continue;
            }
            const double sweep = 2 * pi * segment.value / total;
            ring(angle, angle + sweep);
            set_colour(tone_colours(segment.tone).chart);
            cairo_fill_preserve(m_cr);
            set_colour({1, 1, 1});
            cairo_set_line_width(m_cr, 1.2);
            cairo_stroke(m_cr);
            angle += sweep;
        }
    }
    if (!chart.center_text.empty()) {
        TextOptions options;
        options.width = 2 * inner - 4.0;
        options.align = doc::Align::center;
        options.wrap = false;
        const TextBox box = m_text.measure(chart.center_text, TextStyle::verdict_title, options);
        draw_text(chart.center_text, TextStyle::verdict_title, cx - inner + 2.0, cy - box.height / 2, options,
                  m_theme.colours.text);
    }
    // Legend at the right of the donut, vertically centred on it.
    const double legend_x = item.rect.x + d + 24.0;
    TextOptions options;
    options.width = item.rect.w - d - 24.0 - m_theme.legend_swatch - 6.0;
    double legend_h = 0;
    for (const doc::Segment& segment : chart.segments) {
        legend_h += std::max(m_theme.legend_swatch, m_text.measure(segment.label, TextStyle::body, options).height) +
                    m_theme.legend_gap;
    }
    double y = item.rect.y + std::max(0.0, (d + 4.0 - legend_h) / 2);
    for (const doc::Segment& segment : chart.segments) {
        const TextBox box = m_text.measure(segment.label, TextStyle::body, options);
        const double swatch_y = y + (std::min(box.height, 12.0) - m_theme.legend_swatch) / 2;
        fill_rect({legend_x, swatch_y, m_theme.legend_swatch, m_theme.legend_swatch}, tone_colours(segment.tone).chart);
        cairo_set_line_width(m_cr, 0.5);
        set_colour(m_theme.colours.muted_text);
        cairo_rectangle(m_cr, legend_x, swatch_y, m_theme.legend_swatch, m_theme.legend_swatch);
        cairo_stroke(m_cr);
        draw_text(segment.label, TextStyle::body, legend_x + m_theme.legend_swatch + 6.0, y, options,
                  m_theme.colours.text);
        y += std::max(m_theme.legend_swatch, box.height) + m_theme.legend_gap;
    }
}

void PdfPainter::paint_line_chart(const Item& item, const document::LineChart& chart) {
    TextOptions one_line;
    one_line.width = item.rect.w;
    one_line.wrap = false;
    const double note_h = m_text.measure("0", TextStyle::note, one_line).height;
    double y = item.rect.y;
    if (!chart.y_title.empty()) {
        draw_text(chart.y_title, TextStyle::note, item.rect.x, y, one_line, m_theme.colours.muted_text);
        y += note_h + 3.0;
    }
    // Plot area: y tick labels at its left, x tick labels below.
    double label_w = 0;
    for (const auto& tick : chart.y_ticks) {
        label_w = std::max(label_w, m_text.measure(tick.label, TextStyle::note, one_line).width);
    }
    const Rect plot{item.rect.x + label_w + 6.0, y + note_h / 2, item.rect.w - label_w - 6.0 - 8.0,
                    m_theme.line_plot_height - note_h / 2};
    const double y_span = chart.y_max > chart.y_min ? chart.y_max - chart.y_min : 1.0;
    const double x_span = chart.x_max > chart.x_min ? static_cast<double>(chart.x_max - chart.x_min) : 1.0;
    const auto px = [&](double x) {
        return plot.x + plot.w * std::clamp((x - static_cast<double>(chart.x_min)) / x_span, 0.0, 1.0);
    };
    const auto py = [&](double v) { return plot.bottom() - plot.h * std::clamp((v - chart.y_min) / y_span, 0.0, 1.0); };

    // Grid lines and y labels (right-aligned to the plot).
    cairo_set_line_width(m_cr, 0.5);
    for (const auto& tick : chart.y_ticks) {
        const double ty = py(tick.value);
        set_colour(m_theme.colours.rule);
        cairo_move_to(m_cr, plot.x, ty);
        cairo_line_to(m_cr, plot.right(), ty);
        cairo_stroke(m_cr);
        TextOptions right;
        right.width = label_w;
        right.align = doc::Align::right;
        right.wrap = false;
        draw_text(tick.label, TextStyle::note, item.rect.x, ty - note_h / 2, right, m_theme.colours.muted_text);
    }
    // x ticks: a short mark and the date centred under it (kept inside the chart's width).
    for (const auto& tick : chart.x_ticks) {
        const double tx = px(tick.value);
        set_colour(m_theme.colours.muted_text);
        cairo_move_to(m_cr, tx, plot.bottom());
        cairo_line_to(m_cr, tx, plot.bottom() + 3.0);
        cairo_stroke(m_cr);
        const double w = m_text.measure(tick.label, TextStyle::note, one_line).width;
        const double lx = std::clamp(tx - w / 2, item.rect.x, item.rect.right() - w);
        draw_text(tick.label, TextStyle::note, lx, plot.bottom() + 4.0, one_line, m_theme.colours.muted_text);
    }
    // Axes.
    cairo_set_line_width(m_cr, 0.8);
    set_colour(m_theme.colours.muted_text);
    cairo_move_to(m_cr, plot.x, plot.y);
    cairo_line_to(m_cr, plot.x, plot.bottom());
    cairo_line_to(m_cr, plot.right(), plot.bottom());
    cairo_stroke(m_cr);

    // Series: lines (dashed ones dashed), and a dot for a lone point.
    cairo_save(m_cr);
    cairo_rectangle(m_cr, plot.x - 2, plot.y - 2, plot.w + 4, plot.h + 4);
    cairo_clip(m_cr);
    cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_ROUND);
    for (const auto& series : chart.series) {
        const Rgb colour = tone_colours(series.tone).chart;
        set_colour(series.tone == doc::Tone::neutral ? darker(colour, 0.8) : colour);
        cairo_set_line_width(m_cr, m_theme.line_width);
        const double dash[] = {4.0, 2.5};
        cairo_set_dash(m_cr, dash, series.dashed ? 2 : 0, 0);
        if (series.points.size() == 1) {
            cairo_arc(m_cr, px(static_cast<double>(series.points[0].x)), py(series.points[0].y), 1.8, 0,
                      2 * std::numbers::pi);
            cairo_fill(m_cr);
            continue;
        }
        bool first = true;
        for (const auto& p : series.points) {
            const double x = px(static_cast<double>(p.x));
            const double v = py(p.y);
            if (first) {
                cairo_move_to(m_cr, x, v);
                first = false;
            } else {
                cairo_line_to(m_cr, x, v);
            }
        }
        cairo_stroke(m_cr);
    }
    cairo_set_dash(m_cr, nullptr, 0, 0);
    cairo_restore(m_cr);

    // Legend: a line sample (with its dash) and the name, on one line below the dates.
    double lx = plot.x;
    const double ly = plot.bottom() + 4.0 + note_h + 6.0;
    for (const auto& series : chart.series) {
        const Rgb colour = tone_colours(series.tone).chart;
        set_colour(series.tone == doc::Tone::neutral ? darker(colour, 0.8) : colour);
        cairo_set_line_width(m_cr, m_theme.line_width + 0.4);
        const double dash[] = {4.0, 2.5};
        cairo_set_dash(m_cr, dash, series.dashed ? 2 : 0, 0);
        cairo_move_to(m_cr, lx, ly + note_h / 2);
        cairo_line_to(m_cr, lx + 18.0, ly + note_h / 2);
        cairo_stroke(m_cr);
        cairo_set_dash(m_cr, nullptr, 0, 0);
        const TextBox box = draw_text(series.name, TextStyle::note, lx + 22.0, ly, one_line, m_theme.colours.text);
        lx += 22.0 + box.width + 14.0;
    }
}

// ---- primitives --------------------------------------------------------------------------------

TextBox PdfPainter::draw_text(std::string_view text, TextStyle style, double x, double y, const TextOptions& options,
                              const Rgb& colour) {
    if (text.empty()) {
        return m_text.measure(text, style, options);
    }
    PangoLayout* layout = m_text.layout(text, style, options);
    PangoRectangle logical{};
    pango_layout_get_extents(layout, nullptr, &logical);
    set_colour(colour);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, layout);
    return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
}

void PdfPainter::set_colour(const Rgb& colour) { cairo_set_source_rgb(m_cr, colour.r, colour.g, colour.b); }

void PdfPainter::fill_rect(const Rect& rect, const Rgb& colour) {
    set_colour(colour);
    cairo_rectangle(m_cr, rect.x, rect.y, rect.w, rect.h);
    cairo_fill(m_cr);
}

void PdfPainter::rounded_rect(const Rect& rect, double radius) {
    constexpr double pi = std::numbers::pi;
    const double r = std::min({radius, rect.w / 2, rect.h / 2});
    cairo_new_sub_path(m_cr);
    cairo_arc(m_cr, rect.right() - r, rect.y + r, r, -pi / 2, 0);
    cairo_arc(m_cr, rect.right() - r, rect.bottom() - r, r, 0, pi / 2);
    cairo_arc(m_cr, rect.x + r, rect.bottom() - r, r, pi / 2, pi);
    cairo_arc(m_cr, rect.x + r, rect.y + r, r, pi, 3 * pi / 2);
    cairo_close_path(m_cr);
}

void PdfPainter::link(const std::string& anchor, const Rect& rect) {
    if (anchor.empty() || m_link_targets.count(anchor) == 0) {
        return;
    }
    const std::string attributes =
        fmt::format("dest={} rect=[{:.2f} {:.2f} {:.2f} {:.2f}]", quoted(anchor), rect.x, rect.y, rect.w, rect.h);
    cairo_tag_begin(m_cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(m_cr, CAIRO_TAG_LINK);
}

void PdfPainter::dest(const std::string& name, double x, double y) {
    const std::string attributes = fmt::format("name={} x={:.2f} y={:.2f}", quoted(name), x, y);
    cairo_tag_begin(m_cr, CAIRO_TAG_DEST, attributes.c_str());
    cairo_tag_end(m_cr, CAIRO_TAG_DEST);
}

} // namespace pvr::render
