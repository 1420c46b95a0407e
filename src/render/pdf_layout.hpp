#pragma once
// Pagination of a Document into a page plan: pure, given a TextMeasurer (Pango in the renderer, a
// fixed-width measurer in tests). The plan is plain data: the painter only follows it.

#include <cstddef>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "render/pdf_theme.hpp"

namespace pvr::render {

struct TextBox {
    double width = 0;  // widest line, points
    double height = 0; // all lines, points
};

/// Measures text as the painter will draw it.
class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    /// `width`: the box width in points (> 0). wrap = false: one line, ellipsized at `width`.
    [[nodiscard]] virtual TextBox measure(std::string_view text, TextStyle style, double width, bool wrap) = 0;
};

struct PageSize {
    double width = 0;
    double height = 0;
};

struct Rect {
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;
    [[nodiscard]] double bottom() const { return y + h; }
    [[nodiscard]] double right() const { return x + w; }
};

/// Page geometry (points) and the theme's spacing.
struct LayoutSettings {
    PageSize portrait{595.2756, 841.8898}; // A4
    double margin_left = 45.0;
    double margin_right = 45.0;
    double margin_top = 34.0;
    double margin_bottom = 30.0;
    double header_height = 26.0; // running header band, inside the top margin line
    double footer_height = 22.0; // running footer band, above the bottom margin line
    bool title_block = true;     // draw meta.title above the first section
    Theme theme;

    [[nodiscard]] PageSize page_size(bool landscape) const {
        return landscape ? PageSize{portrait.height, portrait.width} : portrait;
    }
    /// The area blocks are laid out in.
    [[nodiscard]] Rect body(bool landscape) const {
        const PageSize size = page_size(landscape);
        return {margin_left, margin_top + header_height, size.width - margin_left - margin_right,
                size.height - margin_top - header_height - footer_height - margin_bottom};
    }
};

enum class ItemKind : std::uint8_t {
    doc_title,     // meta.title
    section_title, // Section::title; section = index
    heading,
    paragraph,
    key_figures, // rows = tile rows; per_row tiles each
    verdict,
    caption,     // Table::caption, BarChart::title, ProportionChart::title or LineChart::title of `block`
    table_empty, // Table::empty_text
    table,       // header row + rows [first, first + rows.size())
    bar_chart,   // bars [first, first + rows.size())
    proportion_chart,
    line_chart, // LineChart of `block` (its title is the caption before it)
};

/// A vertical span on the page (absolute y).
struct Span {
    double y = 0;
    double h = 0;
};

struct Item {
    ItemKind kind = ItemKind::paragraph;
    std::size_t section = 0;
    std::size_t block = 0; // index in Section::blocks (unused for doc_title / section_title)
    Rect rect;             // the whole item on its page
    bool clipped = false;  // content taller than a page: cut at the page's end, text ellipsized

    // Tables, key figures and bar charts are split into rows; a page holds a contiguous slice.
    std::size_t first = 0;       // index of the first row / tile row / bar of this slice
    std::vector<Span> rows;      // one span per row of the slice
    double header_height = 0;    // table: the repeated header row, at rect.y
    std::vector<double> columns; // table: column widths; key figures: tile width (one entry)
    std::size_t per_row = 0;     // key figures: tiles per row
};

struct Page {
    PageSize size;
    bool landscape = false;
    std::size_t section = 0; // the section the page starts in
    std::vector<Item> items;
};

struct PagePlan {
    std::vector<Page> pages; // never empty
};

/// Column widths (points) of `table` in `width`: proportional to Column::weight (non-positive
/// weights count as 1).
[[nodiscard]] std::vector<double> column_widths(const document::Table& table, double width);

/// Column widths (points) that start from the weights and then move space from columns whose
/// content fits with room to spare to columns that would break words or wrap: first so that no
/// word of a header or cell is broken (if possible), then to unwrap the columns that need the
/// least extra width. The total stays `width`.
[[nodiscard]] std::vector<double> fit_column_widths(const document::Table& table, double width, TextMeasurer& measurer,
                                                    const Theme& theme);

/// Key figures: how many tiles per row for `count` tiles in `width` (rows balanced: 5 → 3 + 2).
[[nodiscard]] std::size_t tiles_per_row(std::size_t count, double width, const Theme& theme);

/// Lays the document out on pages. Guarantees: every table row appears exactly once, in order;
/// each page of a table repeats its header row; rows never split across pages (a row taller than
/// a page is clipped, `Item::clipped`); no item crosses the bottom of the body area; headings,
/// section titles and captions stay with what follows them.
[[nodiscard]] PagePlan paginate(const document::Document& doc, const LayoutSettings& settings, TextMeasurer& measurer);

} // namespace pvr::render
