// Pagination: blocks → unbreakable units (measured) → pages. No Cairo here.

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "render/pdf_layout.hpp"

namespace pvr::render {
namespace {

namespace doc = pvr::document;

constexpr double k_eps = 0.1; // fit tolerance, points

struct Unit {
    ItemKind kind = ItemKind::paragraph;
    std::size_t block = 0;
    std::size_t index = 0; // row / tile row / bar
    double height = 0;
    double space_before = 0;
    bool keep_with_next = false;
    bool page_break = false;
    double header_height = 0; // table rows: the header row drawn when a slice starts
};

bool is_row_kind(ItemKind kind) {
    return kind == ItemKind::table || kind == ItemKind::key_figures || kind == ItemKind::bar_chart;
}

bool is_lead_kind(ItemKind kind) {
    return kind == ItemKind::doc_title || kind == ItemKind::section_title || kind == ItemKind::heading ||
           kind == ItemKind::caption;
}

class Paginator {
public:
    Paginator(const doc::Document& document, const LayoutSettings& settings, TextMeasurer& measurer)
        : m_doc(document), m_settings(settings), m_theme(settings.theme), m_measurer(measurer) {}

    PagePlan run() {
        for (std::size_t s = 0; s < m_doc.sections.size(); ++s) {
            const doc::Section& section = m_doc.sections[s];
            start_section(s, section);
            m_columns.assign(section.blocks.size(), {});
            m_per_row.assign(section.blocks.size(), 0);
            std::vector<Unit> units;
            build_units(s, section, units);
            place(s, units);
        }
        if (m_plan.pages.empty()) {
            new_page(false, 0);
        }
        return std::move(m_plan);
    }

private:
    // ---- pages -------------------------------------------------------------------------------

    void new_page(bool landscape, std::size_t section) {
        Page page;
        page.landscape = landscape;
        page.size = m_settings.page_size(landscape);
        page.section = section;
        m_plan.pages.push_back(std::move(page));
        m_landscape = landscape;
        m_body = m_settings.body(landscape);
        m_y = m_body.y;
    }

    [[nodiscard]] bool at_top() const { return m_plan.pages.back().items.empty(); }
    [[nodiscard]] double remaining() const { return m_body.bottom() - m_y; }

    void start_section(std::size_t s, const doc::Section& section) {
        if (m_plan.pages.empty()) {
            new_page(section.landscape, s);
        } else if (section.landscape != m_landscape) {
            if (at_top()) {
                m_plan.pages.pop_back();
            }
            new_page(section.landscape, s);
        } else if (section.new_page && !at_top()) {
            new_page(section.landscape, s);
        }
    }

    // ---- units -------------------------------------------------------------------------------

    double text_height(std::string_view text, TextStyle style, double width, bool wrap = true) {
        return m_measurer.measure(text, style, std::max(1.0, width), wrap).height;
    }

    void build_units(std::size_t s, const doc::Section& section, std::vector<Unit>& out) {
        const double width = m_settings.body(section.landscape).w;
        if (s == 0 && m_settings.title_block && !m_doc.meta.title.empty()) {
            Unit u;
            u.kind = ItemKind::doc_title;
            u.height = text_height(m_doc.meta.title, TextStyle::doc_title, width) + 12.0;
            u.keep_with_next = true;
            out.push_back(u);
        }
        if (!section.title.empty()) {
            Unit u;
            u.kind = ItemKind::section_title;
            u.height = text_height(section.title, TextStyle::section_title, width) + m_theme.after_title;
            u.space_before = m_theme.section_gap;
            u.keep_with_next = true;
            out.push_back(u);
        }
        for (std::size_t b = 0; b < section.blocks.size(); ++b) {
            std::visit([&](const auto& block) { add_block(b, block, width, out); }, section.blocks[b]);
        }
        // A table's or a chart's introduction (a paragraph right before its first row or its title)
        // stays with it.
        for (std::size_t i = 0; i + 1 < out.size(); ++i) {
            const bool table = out[i + 1].kind == ItemKind::table && out[i + 1].index == 0;
            if (out[i].kind == ItemKind::paragraph && (table || out[i + 1].kind == ItemKind::caption)) {
                out[i].keep_with_next = true;
            }
        }
        // What follows a heading, a title or a caption sits right under it (their own gap suffices).
        for (std::size_t i = 1; i < out.size(); ++i) {
            if (!out[i - 1].page_break && is_lead_kind(out[i - 1].kind)) {
                out[i].space_before = 0;
            }
        }
    }

    void add_block(std::size_t b, const doc::Heading& heading, double width, std::vector<Unit>& out) {
        Unit u;
        u.kind = ItemKind::heading;
        u.block = b;
        const TextStyle style = heading.level <= 1 ? TextStyle::heading : TextStyle::subheading;
        u.height = text_height(heading.text, style, width) + m_theme.after_heading;
        u.space_before = m_theme.heading_gap;
        u.keep_with_next = true;
        out.push_back(u);
    }

    void add_block(std::size_t b, const doc::Paragraph& paragraph, double width, std::vector<Unit>& out) {
        Unit u;
        u.kind = ItemKind::paragraph;
        u.block = b;
        u.space_before = m_theme.block_gap;
        if (paragraph.tone == doc::Tone::neutral) {
            u.height = text_height(paragraph.text, TextStyle::body, width);
        } else if (paragraph.tone == doc::Tone::muted) {
            u.height = text_height(paragraph.text, TextStyle::note, width);
        } else {
            const double inner = width - 2 * m_theme.box_pad - m_theme.box_accent;
            u.height = text_height(paragraph.text, TextStyle::body, inner) + 2 * m_theme.box_pad;
        }
        out.push_back(u);
    }

    void add_block(std::size_t b, const doc::KeyFigures& figures, double width, std::vector<Unit>& out) {
        const std::size_t count = figures.figures.size();
        if (count == 0) {
            return;
        }
        const std::size_t per_row = tiles_per_row(count, width, m_theme);
        const double tile_w =
            (width - static_cast<double>(per_row - 1) * m_theme.tile_gap) / static_cast<double>(per_row);
        m_columns[b] = {tile_w};
        m_per_row[b] = per_row;
        const double inner = tile_w - 2 * m_theme.tile_pad - m_theme.tile_accent;
        for (std::size_t row = 0; row * per_row < count; ++row) {
            double height = 0;
            for (std::size_t i = row * per_row; i < std::min(count, (row + 1) * per_row); ++i) {
                const doc::KeyFigure& f = figures.figures[i];
                double h = 2 * m_theme.tile_pad + text_height(f.label, TextStyle::tile_label, inner) + 2.0 +
                           text_height(f.value, TextStyle::tile_value, inner);
                if (!f.detail.empty()) {
                    h += 2.0 + text_height(f.detail, TextStyle::tile_detail, inner);
                }
                height = std::max(height, h);
            }
            Unit u;
            u.kind = ItemKind::key_figures;
            u.block = b;
            u.index = row;
            u.height = height;
            u.space_before = row == 0 ? m_theme.block_gap : m_theme.tile_gap;
            out.push_back(u);
        }
    }

    void add_block(std::size_t b, const doc::Verdict& verdict, double width, std::vector<Unit>& out) {
        const double inner = width - 2 * m_theme.box_pad - m_theme.box_accent;
        double h = 2 * m_theme.box_pad + text_height(verdict.title, TextStyle::verdict_title, inner);
        if (!verdict.text.empty()) {
            h += 3.0 + text_height(verdict.text, TextStyle::body, inner);
        }
        Unit u;
        u.kind = ItemKind::verdict;
        u.block = b;
        u.height = h;
        u.space_before = m_theme.block_gap;
        out.push_back(u);
    }

    void add_caption(std::size_t b, const std::string& text, double width, std::vector<Unit>& out) {
        if (text.empty()) {
            return;
        }
        Unit u;
        u.kind = ItemKind::caption;
        u.block = b;
        u.height = text_height(text, TextStyle::caption, width) + m_theme.after_caption;
        u.space_before = m_theme.block_gap;
        u.keep_with_next = true;
        out.push_back(u);
    }

    double cell_height(const doc::Cell& cell, const doc::Column& column, double column_width) {
        const double inner = column_width - 2 * m_theme.cell_pad_x;
        if (cell.as_label) {
            return text_height(cell.text, TextStyle::label, inner - 2 * m_theme.label_pad_x, !column.nowrap) +
                   2 * m_theme.label_pad_y;
        }
        return text_height(cell.text, cell.monospace ? TextStyle::cell_mono : TextStyle::cell, inner, !column.nowrap);
    }

    void add_block(std::size_t b, const doc::Table& table, double width, std::vector<Unit>& out) {
        add_caption(b, table.caption, width, out);
        if (table.rows.empty() || table.columns.empty()) {
            Unit u;
            u.kind = ItemKind::table_empty;
            u.block = b;
            u.height =
                text_height(table.empty_text, TextStyle::note, width - 2 * m_theme.box_pad) + 2 * m_theme.box_pad;
            u.space_before = m_theme.block_gap;
            out.push_back(u);
            return;
        }
        const std::vector<double> widths = fit_column_widths(table, width, m_measurer, m_theme);
        double header = 0;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            header = std::max(header, text_height(table.columns[c].title, TextStyle::cell_header,
                                                  widths[c] - 2 * m_theme.cell_pad_x));
        }
        const bool untitled = std::all_of(table.columns.begin(), table.columns.end(),
                                          [](const doc::Column& column) { return column.title.empty(); });
        header = untitled ? 0.0 : header + 2 * m_theme.cell_pad_y; // key/value tables have no header row
        static const doc::Cell empty_cell;
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const auto& row = table.rows[r];
            double height = 0;
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                const doc::Cell& cell = c < row.size() ? row[c] : empty_cell;
                height = std::max(height, cell_height(cell, table.columns[c], widths[c]));
            }
            Unit u;
            u.kind = ItemKind::table;
            u.block = b;
            u.index = r;
            u.height = height + 2 * m_theme.cell_pad_y;
            u.space_before = r == 0 ? m_theme.block_gap : 0.0;
            u.header_height = header;
            out.push_back(u);
        }
        // Orphan and widow control: a table never leaves its first or its last row alone on a page.
        const std::size_t n = table.rows.size();
        if (n >= 2) {
            out[out.size() - n].keep_with_next = true;
            out[out.size() - 2].keep_with_next = true;
        }
        m_columns[b] = widths;
    }

    void add_block(std::size_t b, const doc::BarChart& chart, double width, std::vector<Unit>& out) {
        add_caption(b, chart.title, width, out);
        const double label_w = width * m_theme.bar_label_share - 6.0;
        const double value_w = width * m_theme.bar_value_share - 6.0;
        for (std::size_t i = 0; i < chart.bars.size(); ++i) {
            const doc::Bar& bar = chart.bars[i];
            Unit u;
            u.kind = ItemKind::bar_chart;
            u.block = b;
            u.index = i;
            u.height = std::max({text_height(bar.label, TextStyle::note, label_w),
                                 text_height(bar.value_text, TextStyle::note, value_w), m_theme.bar_height}) +
                       m_theme.bar_row_gap;
            u.space_before = i == 0 ? m_theme.block_gap : 0.0;
            out.push_back(u);
        }
    }

    void add_block(std::size_t b, const doc::ProportionChart& chart, double width, std::vector<Unit>& out) {
        add_caption(b, chart.title, width, out);
        const double legend_w = width - m_theme.donut_diameter - 24.0 - m_theme.legend_swatch - 6.0;
        double legend = 0;
        for (const doc::Segment& segment : chart.segments) {
            legend += std::max(m_theme.legend_swatch, text_height(segment.label, TextStyle::body, legend_w)) +
                      m_theme.legend_gap;
        }
        Unit u;
        u.kind = ItemKind::proportion_chart;
        u.block = b;
        u.height = std::max(m_theme.donut_diameter, legend) + 4.0;
        u.space_before = m_theme.block_gap;
        out.push_back(u);
    }

    void add_block(std::size_t b, const doc::LineChart& chart, double width, std::vector<Unit>& out) {
        add_caption(b, chart.title, width, out);
        const double note = text_height("0", TextStyle::note, width);
        Unit u;
        u.kind = ItemKind::line_chart;
        u.block = b;
        // y title, plot, x tick labels, legend (one line: the painter shrinks nothing, names are short)
        u.height = (chart.y_title.empty() ? 0.0 : note + 3.0) + m_theme.line_plot_height + 4.0 + note + 6.0 +
                   std::max(note, m_theme.legend_swatch) + 2.0;
        u.space_before = m_theme.block_gap;
        out.push_back(u);
    }

    void add_block(std::size_t b, const doc::PageBreak& /*page_break*/, double /*width*/, std::vector<Unit>& out) {
        Unit u;
        u.block = b;
        u.page_break = true;
        out.push_back(u);
    }

    // ---- placement ---------------------------------------------------------------------------

    /// Whether `u` continues the table / tiles / bars slice that ends the current page.
    [[nodiscard]] bool continues_slice(std::size_t s, const Unit& u) const {
        if (!is_row_kind(u.kind) || at_top()) {
            return false;
        }
        const Item& last = m_plan.pages.back().items.back();
        return last.kind == u.kind && last.section == s && last.block == u.block &&
               last.first + last.rows.size() == u.index;
    }

    [[nodiscard]] static double need(const Unit& u, bool continues, bool top) {
        return (top ? 0.0 : u.space_before) + u.height + (is_row_kind(u.kind) && !continues ? u.header_height : 0.0);
    }

    /// Height of `units[i]` and the units it keeps with (up to the first one that does not keep).
    [[nodiscard]] double chain_need(const std::vector<Unit>& units, std::size_t i, bool continues) const {
        double total = need(units[i], continues, at_top());
        for (std::size_t j = i + 1; j < units.size() && units[j - 1].keep_with_next; ++j) {
            if (units[j].page_break) {
                break;
            }
            const bool same_slice = is_row_kind(units[j].kind) && units[j - 1].kind == units[j].kind &&
                                    units[j - 1].block == units[j].block;
            total += need(units[j], same_slice, false);
        }
        return total;
    }

    void place(std::size_t s, const std::vector<Unit>& units) {
        const std::size_t n = units.size();
        for (std::size_t i = 0; i < n; ++i) {
            const Unit& u = units[i];
            if (u.page_break) {
                if (!at_top()) {
                    new_page(m_landscape, s);
                }
                continue;
            }
            bool continues = continues_slice(s, u);
            double needed = need(u, continues, at_top());
            if (u.keep_with_next) {
                const double chain = chain_need(units, i, continues);
                if (chain <= m_body.h + k_eps) {
                    needed = chain;
                }
            }
            if (needed > remaining() + k_eps && !at_top()) {
                new_page(m_landscape, s);
                continues = false;
            }
            put(s, u, continues);
        }
    }

    void put(std::size_t s, const Unit& u, bool continues) {
        std::vector<Item>& items = m_plan.pages.back().items;
        const double space = at_top() ? 0.0 : u.space_before;
        const double header = is_row_kind(u.kind) && !continues ? u.header_height : 0.0;
        const double top = m_y + space + header;
        double height = u.height;
        bool clipped = false;
        if (top + height > m_body.bottom() + k_eps) { // only at the top of a page: taller than a page
            height = std::max(0.0, m_body.bottom() - top);
            clipped = true;
        }
        if (continues) {
            Item& item = items.back();
            item.rows.push_back({top, height});
            item.rect.h = top + height - item.rect.y;
            item.clipped = item.clipped || clipped;
            m_y = item.rect.bottom();
            return;
        }
        Item item;
        item.kind = u.kind;
        item.section = s;
        item.block = u.block;
        item.rect = {m_body.x, m_y + space, m_body.w, header + height};
        item.clipped = clipped;
        if (is_row_kind(u.kind)) {
            item.first = u.index;
            item.rows.push_back({top, height});
            item.header_height = header;
            item.columns = m_columns[u.block];
            item.per_row = m_per_row[u.block];
        }
        m_y = item.rect.bottom();
        items.push_back(std::move(item));
    }

    const doc::Document& m_doc;
    const LayoutSettings& m_settings;
    const Theme& m_theme;
    TextMeasurer& m_measurer;
    PagePlan m_plan;
    bool m_landscape = false;
    Rect m_body;
    double m_y = 0;
    std::vector<std::vector<double>> m_columns; // per block of the current section
    std::vector<std::size_t> m_per_row;
};

} // namespace

std::vector<double> column_widths(const document::Table& table, double width) {
    double total = 0;
    for (const auto& column : table.columns) {
        total += column.weight > 0 ? column.weight : 1.0;
    }
    std::vector<double> widths;
    widths.reserve(table.columns.size());
    for (const auto& column : table.columns) {
        widths.push_back(width * (column.weight > 0 ? column.weight : 1.0) / total);
    }
    return widths;
}

std::vector<double> fit_column_widths(const document::Table& table, double width, TextMeasurer& measurer,
                                      const Theme& theme) {
    std::vector<double> widths = column_widths(table, width);
    const std::size_t n = widths.size();
    constexpr double k_unbounded = 1e6;
    const auto natural = [&measurer](std::string_view text, TextStyle style) {
        return measurer.measure(text, style, k_unbounded, false).width;
    };
    const auto longest_word = [&natural](std::string_view text, TextStyle style) {
        double longest = 0;
        while (!text.empty()) {
            const std::size_t end = std::min(text.find_first_of(" \n\t"), text.size());
            if (end > 0) {
                longest = std::max(longest, natural(text.substr(0, end), style));
            }
            text.remove_prefix(std::min(end + 1, text.size()));
        }
        return longest;
    };
    // Content widths, padding included: min = longest word, max = longest cell on one line.
    std::vector<double> min_w(n, 0.0);
    std::vector<double> max_w(n, 0.0);
    const double cap_min = width * 0.35;
    for (std::size_t c = 0; c < n; ++c) {
        const doc::Column& column = table.columns[c];
        const double pad = 2 * theme.cell_pad_x + 0.5;
        min_w[c] = longest_word(column.title, TextStyle::cell_header) + pad;
        max_w[c] = natural(column.title, TextStyle::cell_header) + pad;
        for (const auto& row : table.rows) {
            if (c >= row.size()) {
                continue;
            }
            const doc::Cell& cell = row[c];
            const TextStyle style =
                cell.as_label ? TextStyle::label : (cell.monospace ? TextStyle::cell_mono : TextStyle::cell);
            const double extra = pad + (cell.as_label ? 2 * theme.label_pad_x : 0.0);
            const double full = natural(cell.text, style) + extra;
            max_w[c] = std::max(max_w[c], full);
            min_w[c] = std::max(min_w[c], column.nowrap ? full : longest_word(cell.text, style) + extra);
        }
        min_w[c] = std::min(min_w[c], cap_min);
        max_w[c] = std::min(std::max(max_w[c], min_w[c]), width);
    }
    // Space a column can give while keeping all its content on one line.
    std::vector<double> slack(n, 0.0);
    double total_slack = 0;
    for (std::size_t c = 0; c < n; ++c) {
        slack[c] = std::max(0.0, widths[c] - max_w[c]);
        total_slack += slack[c];
    }
    if (total_slack <= 0) {
        return widths;
    }
    std::vector<double> grant(n, 0.0);
    double available = total_slack;
    // 1. No broken words (proportionally to the deficits if the slack does not cover them all).
    double min_deficit = 0;
    for (std::size_t c = 0; c < n; ++c) {
        min_deficit += std::max(0.0, min_w[c] - widths[c]);
    }
    if (min_deficit > 0) {
        const double share = std::min(1.0, available / min_deficit);
        for (std::size_t c = 0; c < n; ++c) {
            grant[c] = std::max(0.0, min_w[c] - widths[c]) * share;
        }
        available -= min_deficit * share;
    }
    // 2. Unwrap the columns that need the least, one by one.
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < n; ++c) {
        if (max_w[c] > widths[c] + grant[c]) {
            order.push_back(c);
        }
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return max_w[a] - widths[a] - grant[a] < max_w[b] - widths[b] - grant[b];
    });
    for (const std::size_t c : order) {
        const double need = max_w[c] - widths[c] - grant[c];
        if (available <= 0) {
            break;
        }
        const double given = std::min(need, available);
        grant[c] += given;
        available -= given;
    }
    // The givers shrink in proportion to their slack.
    const double taken = total_slack - available;
    for (std::size_t c = 0; c < n; ++c) {
        widths[c] += grant[c] - slack[c] * (taken / total_slack);
    }
    return widths;
}

std::size_t tiles_per_row(std::size_t count, double width, const Theme& theme) {
    if (count == 0) {
        return 1;
    }
    const auto fit =
        static_cast<std::size_t>(std::floor((width + theme.tile_gap) / (theme.tile_min_width + theme.tile_gap)));
    const std::size_t max_per_row = std::clamp<std::size_t>(fit, 1, std::max<std::size_t>(1, theme.tile_max_per_row));
    const std::size_t rows = (count + max_per_row - 1) / max_per_row;
    return (count + rows - 1) / rows;
}

PagePlan paginate(const document::Document& doc, const LayoutSettings& settings, TextMeasurer& measurer) {
    return Paginator(doc, settings, measurer).run();
}

} // namespace pvr::render
