#pragma once
// Painting a page plan on a Cairo PDF surface: follows the plan, makes no layout decisions.

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <cairo-pdf.h>
#include <cairo.h>

#include "document/document.hpp"
#include "render/pdf_layout.hpp"
#include "render/pdf_text.hpp"

namespace pvr::render {

class PdfPainter {
public:
    PdfPainter(cairo_surface_t* surface, cairo_t* cr, PdfText& text, const LayoutSettings& settings,
               const document::Document& doc, const PagePlan& plan, bool debug_boxes);

    /// Paints every page of the plan (the first page's size is the surface's initial size).
    void paint();

private:
    void paint_page(std::size_t index);
    void paint_running(const Page& page, std::size_t index);
    void paint_item(const Item& item);

    void paint_doc_title(const Item& item);
    void paint_section_title(const Item& item);
    void paint_heading(const Item& item, const document::Heading& heading);
    void paint_paragraph(const Item& item, const document::Paragraph& paragraph);
    void paint_key_figures(const Item& item, const document::KeyFigures& figures);
    void paint_verdict(const Item& item, const document::Verdict& verdict);
    void paint_caption(const Item& item, const std::string& text);
    void paint_table_empty(const Item& item, const document::Table& table);
    void paint_table(const Item& item, const document::Table& table);
    void paint_cell(const document::Cell& cell, const document::Column& column, const Rect& box, bool clipped);
    void paint_bar_chart(const Item& item, const document::BarChart& chart);
    void paint_proportion_chart(const Item& item, const document::ProportionChart& chart);
    void paint_line_chart(const Item& item, const document::LineChart& chart);

    /// Draws `text` with its top-left corner at (x, y); returns its extents.
    TextBox draw_text(std::string_view text, TextStyle style, double x, double y, const TextOptions& options,
                      const Rgb& colour);
    void set_colour(const Rgb& colour);
    void fill_rect(const Rect& rect, const Rgb& colour);
    void rounded_rect(const Rect& rect, double radius);
    void link(const std::string& anchor, const Rect& rect);
    void dest(const std::string& name, double x, double y);
    [[nodiscard]] const document::Block& block_of(const Item& item) const;

    cairo_surface_t* m_surface;
    cairo_t* m_cr;
    PdfText& m_text;
    const LayoutSettings& m_settings;
    const Theme& m_theme;
    const document::Document& m_doc;
    const PagePlan& m_plan;
    bool m_debug_boxes;

    std::vector<std::string> m_section_dests;                                   // per section
    std::map<std::pair<std::size_t, std::size_t>, std::string> m_heading_dests; // (section, block)
    std::set<std::string> m_link_targets;                                       // anchors links may point to
    std::vector<int> m_section_outline;                                         // outline id per section
};

} // namespace pvr::render
