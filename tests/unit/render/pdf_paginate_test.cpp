// Pagination without Cairo: a fixed measurer (6 pt per character, 10 pt per line) makes every
// height exact, so the page plan's invariants can be checked directly.

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "render/pdf_layout.hpp"

namespace pvr::render {
namespace {

namespace doc = pvr::document;

constexpr double k_char_width = 6.0;
constexpr double k_line_height = 10.0;

class FixedMeasurer final : public TextMeasurer {
public:
    TextBox measure(std::string_view text, TextStyle /*style*/, double width, bool wrap) override {
        ++calls;
        std::size_t chars = 0;
        for (const char ch : text) {
            if ((static_cast<unsigned char>(ch) & 0xC0U) != 0x80U) {
                ++chars;
            }
        }
        const double natural = static_cast<double>(chars) * k_char_width;
        if (!wrap || natural <= width) {
            return {std::min(natural, width), k_line_height};
        }
        const double per_line = std::max(1.0, std::floor(width / k_char_width));
        const double lines = std::ceil(static_cast<double>(chars) / per_line);
        return {width, lines * k_line_height};
    }
    int calls = 0;
};

doc::Cell text_cell(std::string text) {
    doc::Cell cell;
    cell.text = std::move(text);
    return cell;
}

doc::Cell label_cell(std::string text, doc::Tone tone) {
    doc::Cell cell = text_cell(std::move(text));
    cell.tone = tone;
    cell.as_label = true;
    return cell;
}

LayoutSettings plain_settings() {
    LayoutSettings settings;
    settings.title_block = false;
    return settings;
}

doc::Table make_table(std::size_t rows, std::size_t long_every = 0) {
    doc::Table table;
    table.columns = {{"ID", 1.0, doc::Align::left, true},
                     {"Name", 3.0, doc::Align::left, false},
                     {"Status", 1.5, doc::Align::center, false}};
    for (std::size_t r = 0; r < rows; ++r) {
        std::string name = "guest-" + std::to_string(r);
        if (long_every != 0 && r % long_every == 0) {
            name += std::string(150, 'x'); // wraps to several lines
        }
        table.rows.push_back({text_cell(std::to_string(r)), text_cell(name), label_cell("OK", doc::Tone::good)});
    }
    return table;
}

doc::Document one_table_document(std::size_t rows, std::size_t long_every = 0) {
    doc::Document d;
    doc::Section section;
    section.anchor = "coverage";
    section.title = "Backup coverage";
    section.blocks.emplace_back(doc::Heading{2, "Guests", ""});
    section.blocks.emplace_back(make_table(rows, long_every));
    d.sections.push_back(std::move(section));
    return d;
}

/// Checks the plan's invariants for every table of the document; returns the number of rows seen.
void expect_invariants(const doc::Document& d, const LayoutSettings& settings, const PagePlan& plan) {
    ASSERT_FALSE(plan.pages.empty());
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> next_row;
    for (std::size_t p = 0; p < plan.pages.size(); ++p) {
        const Page& page = plan.pages[p];
        const Rect body = settings.body(page.landscape);
        double previous_bottom = body.y;
        for (const Item& item : page.items) {
            EXPECT_GE(item.rect.y, previous_bottom - 0.01) << "overlap on page " << p + 1;
            EXPECT_LE(item.rect.bottom(), body.bottom() + 0.1) << "item crosses the body on page " << p + 1;
            EXPECT_GE(item.rect.y, body.y - 0.01);
            previous_bottom = item.rect.bottom();
            if (item.kind != ItemKind::table) {
                continue;
            }
            const auto& table = std::get<doc::Table>(d.sections[item.section].blocks[item.block]);
            const bool titled = std::any_of(table.columns.begin(), table.columns.end(),
                                            [](const doc::Column& column) { return !column.title.empty(); });
            EXPECT_EQ(item.header_height > 0.0, titled) << "header row on page " << p + 1;
            double total = 0;
            for (const double w : item.columns) {
                total += w;
            }
            EXPECT_NEAR(total, item.rect.w, 0.01) << "columns do not fill the table on page " << p + 1;
            const auto key = std::make_pair(item.section, item.block);
            EXPECT_EQ(item.first, next_row[key]) << "rows skipped or repeated on page " << p + 1;
            next_row[key] = item.first + item.rows.size();
            double y = item.rect.y + item.header_height;
            for (const Span& span : item.rows) {
                EXPECT_NEAR(span.y, y, 0.01);
                EXPECT_LE(span.y + span.h, body.bottom() + 0.1);
                y = span.y + span.h;
            }
        }
    }
    for (std::size_t s = 0; s < d.sections.size(); ++s) {
        for (std::size_t b = 0; b < d.sections[s].blocks.size(); ++b) {
            if (const auto* table = std::get_if<doc::Table>(&d.sections[s].blocks[b])) {
                EXPECT_EQ((next_row[{s, b}]), table->rows.size()) << "section " << s << " block " << b;
            }
        }
    }
}

TEST(PdfPaginate, EveryRowExactlyOnceWithHeaderOnEveryPage) {
    const doc::Document d = one_table_document(800, 7);
    const LayoutSettings settings = plain_settings();
    FixedMeasurer measurer;
    const PagePlan plan = paginate(d, settings, measurer);
    ASSERT_GT(plan.pages.size(), 5U);
    expect_invariants(d, settings, plan);
    // Every continuation page starts with the table (its repeated header).
    for (std::size_t p = 1; p < plan.pages.size(); ++p) {
        ASSERT_FALSE(plan.pages[p].items.empty());
        EXPECT_EQ(plan.pages[p].items.front().kind, ItemKind::table) << "page " << p + 1;
    }
}

TEST(PdfPaginate, RandomTablesKeepInvariants) {
    std::mt19937 random(1234);
    for (int round = 0; round < 30; ++round) {
        doc::Document d;
        const int sections = 1 + static_cast<int>(random() % 3);
        for (int s = 0; s < sections; ++s) {
            doc::Section section;
            section.title = "Section " + std::to_string(s);
            section.landscape = random() % 3 == 0;
            section.new_page = random() % 2 == 0;
            const int blocks = 1 + static_cast<int>(random() % 4);
            for (int b = 0; b < blocks; ++b) {
                if (random() % 3 == 0) {
                    section.blocks.emplace_back(doc::Paragraph{std::string(random() % 2000, 'p'), doc::Tone::neutral});
                }
                section.blocks.emplace_back(doc::Heading{2, "Heading", ""});
                doc::Table table = make_table(random() % 300);
                for (auto& row : table.rows) {
                    row[1].text += std::string(random() % 400, 'n');
                }
                table.caption = random() % 2 == 0 ? "Caption" : "";
                section.blocks.emplace_back(std::move(table));
            }
            d.sections.push_back(std::move(section));
        }
        const LayoutSettings settings = plain_settings();
        FixedMeasurer measurer;
        const PagePlan plan = paginate(d, settings, measurer);
        SCOPED_TRACE("round " + std::to_string(round));
        expect_invariants(d, settings, plan);
    }
}

TEST(PdfPaginate, HeadingKeepsWithTheFirstTableRow) {
    const LayoutSettings settings = plain_settings();
    const Rect body = settings.body(false);
    // A paragraph that leaves ~40 pt: room for the heading (26 pt) but not for heading + header + row.
    const auto lines = static_cast<std::size_t>(std::floor((body.h - 40.0) / k_line_height));
    const auto per_line = static_cast<std::size_t>(std::floor(body.w / k_char_width));
    doc::Document d;
    doc::Section section;
    section.blocks.emplace_back(doc::Paragraph{std::string(lines * per_line, 'a'), doc::Tone::neutral});
    section.blocks.emplace_back(doc::Heading{2, "Guests", ""});
    section.blocks.emplace_back(make_table(3));
    d.sections.push_back(std::move(section));
    FixedMeasurer measurer;
    const PagePlan plan = paginate(d, settings, measurer);
    ASSERT_EQ(plan.pages.size(), 2U);
    ASSERT_EQ(plan.pages[0].items.size(), 1U);
    EXPECT_EQ(plan.pages[0].items[0].kind, ItemKind::paragraph);
    ASSERT_EQ(plan.pages[1].items.size(), 2U);
    EXPECT_EQ(plan.pages[1].items[0].kind, ItemKind::heading);
    EXPECT_EQ(plan.pages[1].items[1].kind, ItemKind::table);
    EXPECT_EQ(plan.pages[1].items[1].rows.size(), 3U);
}

TEST(PdfPaginate, SectionTitleNeverEndsAPage) {
    const LayoutSettings settings = plain_settings();
    const Rect body = settings.body(false);
    const auto lines = static_cast<std::size_t>(std::floor((body.h - 50.0) / k_line_height));
    const auto per_line = static_cast<std::size_t>(std::floor(body.w / k_char_width));
    doc::Document d;
    doc::Section first;
    first.title = "First";
    first.blocks.emplace_back(doc::Paragraph{std::string((lines - 2) * per_line, 'a'), doc::Tone::neutral});
    doc::Section second;
    second.title = "Second";
    second.new_page = false;
    second.blocks.emplace_back(doc::Paragraph{std::string(10 * per_line, 'b'), doc::Tone::neutral});
    d.sections.push_back(std::move(first));
    d.sections.push_back(std::move(second));
    FixedMeasurer measurer;
    const PagePlan plan = paginate(d, settings, measurer);
    ASSERT_EQ(plan.pages.size(), 2U);
    EXPECT_EQ(plan.pages[0].items.back().kind, ItemKind::paragraph);
    EXPECT_EQ(plan.pages[1].items.front().kind, ItemKind::section_title);
    EXPECT_EQ(plan.pages[1].items.front().section, 1U);
}

TEST(PdfPaginate, RowTallerThanAPageIsClippedToThePage) {
    doc::Document d = one_table_document(5);
    auto& table = std::get<doc::Table>(d.sections[0].blocks[1]);
    table.rows[2][1].text = std::string(200000, 'z');
    const LayoutSettings settings = plain_settings();
    FixedMeasurer measurer;
    const PagePlan plan = paginate(d, settings, measurer);
    expect_invariants(d, settings, plan);
    bool found = false;
    for (const Page& page : plan.pages) {
        for (const Item& item : page.items) {
            if (item.kind == ItemKind::table && item.first <= 2 && 2 < item.first + item.rows.size()) {
                found = true;
                EXPECT_TRUE(item.clipped);
                EXPECT_EQ(item.first, 2U);       // the tall row starts a page
                EXPECT_EQ(item.rows.size(), 1U); // and fills it
                EXPECT_NEAR(item.rect.bottom(), settings.body(false).bottom(), 0.01);
            }
        }
    }
    EXPECT_TRUE(found);
}

TEST(PdfPaginate, LandscapeSectionsAndPageBreaks) {
    doc::Document d;
    doc::Section a;
    a.title = "Portrait";
    a.blocks.emplace_back(doc::Paragraph{"one", doc::Tone::neutral});
    a.blocks.emplace_back(doc::PageBreak{});
    a.blocks.emplace_back(doc::Paragraph{"two", doc::Tone::neutral});
    doc::Section b;
    b.title = "Wide";
    b.landscape = true;
    b.new_page = false; // still a new page: the orientation changes
    b.blocks.emplace_back(make_table(3));
    doc::Section c;
    c.title = "Also wide";
    c.landscape = true;
    c.new_page = false; // continues on the same page
    c.blocks.emplace_back(doc::Paragraph{"three", doc::Tone::muted});
    d.sections = {a, b, c};
    const LayoutSettings settings = plain_settings();
    FixedMeasurer measurer;
    const PagePlan plan = paginate(d, settings, measurer);
    ASSERT_EQ(plan.pages.size(), 3U);
    EXPECT_FALSE(plan.pages[0].landscape);
    EXPECT_FALSE(plan.pages[1].landscape);
    EXPECT_TRUE(plan.pages[2].landscape);
    EXPECT_NEAR(plan.pages[2].size.width, 841.89, 0.01);
    EXPECT_NEAR(plan.pages[2].size.height, 595.28, 0.01);
    EXPECT_EQ(plan.pages[2].items.front().section, 1U);
    EXPECT_EQ(plan.pages[2].items.back().section, 2U);
    // The landscape table is laid out across the landscape body width.
    for (const Item& item : plan.pages[2].items) {
        EXPECT_NEAR(item.rect.w, settings.body(true).w, 0.01);
    }
    expect_invariants(d, settings, plan);
}

TEST(PdfPaginate, EmptyDocumentHasOnePage) {
    FixedMeasurer measurer;
    const PagePlan plan = paginate(doc::Document{}, plain_settings(), measurer);
    ASSERT_EQ(plan.pages.size(), 1U);
    EXPECT_TRUE(plan.pages[0].items.empty());
}

TEST(PdfPaginate, EmptyTableShowsItsEmptyText) {
    doc::Document d;
    doc::Section section;
    doc::Table table;
    table.columns = {{"ID"}};
    table.empty_text = "No anomalies.";
    table.caption = "Anomalies";
    section.blocks.emplace_back(table);
    d.sections.push_back(section);
    FixedMeasurer measurer;
    const PagePlan plan = paginate(d, plain_settings(), measurer);
    ASSERT_EQ(plan.pages[0].items.size(), 2U);
    EXPECT_EQ(plan.pages[0].items[0].kind, ItemKind::caption);
    EXPECT_EQ(plan.pages[0].items[1].kind, ItemKind::table_empty);
}

TEST(PdfPaginate, KeyFigureRowsAreBalanced) {
    const Theme theme;
    EXPECT_EQ(tiles_per_row(1, 505, theme), 1U);
    EXPECT_EQ(tiles_per_row(4, 505, theme), 4U);
    EXPECT_EQ(tiles_per_row(5, 505, theme), 3U);
    EXPECT_EQ(tiles_per_row(7, 505, theme), 4U);
    EXPECT_EQ(tiles_per_row(6, 200, theme), 1U);

    doc::Document d;
    doc::Section section;
    doc::KeyFigures figures;
    for (int i = 0; i < 5; ++i) {
        figures.figures.push_back({"Label", std::to_string(i), i % 2 == 0 ? "detail" : "", doc::Tone::good, ""});
    }
    section.blocks.emplace_back(figures);
    d.sections.push_back(section);
    FixedMeasurer measurer;
    const PagePlan plan = paginate(d, plain_settings(), measurer);
    ASSERT_EQ(plan.pages[0].items.size(), 1U);
    const Item& item = plan.pages[0].items[0];
    EXPECT_EQ(item.kind, ItemKind::key_figures);
    EXPECT_EQ(item.per_row, 3U);
    EXPECT_EQ(item.rows.size(), 2U);
}

TEST(PdfPaginate, FittedColumnsDoNotBreakWordsWhenThereIsRoom) {
    doc::Table table;
    // "Name" gets 1/4 of 400 pt = 100 pt by weight, but its host names need 30 chars × 6 pt + padding.
    table.columns = {{"Name", 1.0, doc::Align::left, false}, {"Notes", 3.0, doc::Align::left, false}};
    for (int r = 0; r < 20; ++r) {
        table.rows.push_back({text_cell("host-" + std::to_string(r) + ".a-long-domain.example"), text_cell("ok")});
    }
    FixedMeasurer measurer;
    const Theme theme;
    const auto widths = fit_column_widths(table, 400.0, measurer, theme);
    ASSERT_EQ(widths.size(), 2U);
    EXPECT_NEAR(widths[0] + widths[1], 400.0, 1e-9);
    const double longest =
        static_cast<double>(std::string("host-10.a-long-domain.example").size()) * k_char_width + 2 * theme.cell_pad_x;
    EXPECT_GE(widths[0], longest);
    EXPECT_GE(widths[1], 5.0 * k_char_width + 2 * theme.cell_pad_x); // "Notes" still fits
}

TEST(PdfPaginate, FittedColumnsKeepTheWeightsWithoutSlack) {
    doc::Table table;
    table.columns = {{"A", 1.0, doc::Align::left, false}, {"B", 1.0, doc::Align::left, false}};
    table.rows.push_back({text_cell(std::string(200, 'a')), text_cell(std::string(200, 'b'))});
    FixedMeasurer measurer;
    const auto widths = fit_column_widths(table, 300.0, measurer, Theme{});
    EXPECT_NEAR(widths[0], 150.0, 1e-9);
    EXPECT_NEAR(widths[1], 150.0, 1e-9);
}

TEST(PdfPaginate, KeyValueTableHasNoHeaderRow) {
    doc::Document d;
    doc::Section section;
    doc::Table table;
    table.columns = {{"", 1.0, doc::Align::left, false}, {"", 2.0, doc::Align::left, false}};
    table.rows.push_back({text_cell("Cluster"), text_cell("pve-prod")});
    section.blocks.emplace_back(table);
    d.sections.push_back(section);
    const LayoutSettings settings = plain_settings();
    FixedMeasurer measurer;
    const PagePlan plan = paginate(d, settings, measurer);
    ASSERT_EQ(plan.pages[0].items.size(), 1U);
    EXPECT_EQ(plan.pages[0].items[0].header_height, 0.0);
    expect_invariants(d, settings, plan);
}

TEST(PdfPaginate, ColumnWidthsFollowWeights) {
    doc::Table table;
    table.columns = {{"a", 1.0}, {"b", 3.0}, {"c", 0.0}};
    const auto widths = column_widths(table, 500.0);
    ASSERT_EQ(widths.size(), 3U);
    EXPECT_NEAR(widths[0], 100.0, 1e-9);
    EXPECT_NEAR(widths[1], 300.0, 1e-9);
    EXPECT_NEAR(widths[2], 100.0, 1e-9);
}

} // namespace
} // namespace pvr::render
