// The real renderer (Pango + Cairo), checked from the outside with qpdf and poppler-utils, as an
// auditor's tools would see the file.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "render/pdf_fonts.hpp"
#include "render/pdf_renderer.hpp"
#include "render/pdf_text.hpp"
#include "support/process.hpp"

// LeakSanitizer: fontconfig's caches, owned by Pango's font map, live until exit. Freeing them at
// exit (pango_cairo_font_map_set_default(nullptr), cairo_debug_reset_static_data(), FcFini()) is not
// reliable with Pango 1.50: fonts still referenced by its background fontset sorting make Cairo or
// fontconfig abort on an assertion (cairo-hash.c "live_entries == 0", fccache.c "fcCacheChains")
// in about half the runs of a single test. Every leak report comes from libfontconfig.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace pvr::render {
namespace {

namespace doc = pvr::document;

const char* const k_unicode_name = "Frédéric-数据库-😀";

doc::Cell text_cell(std::string text, doc::Tone tone = doc::Tone::neutral) {
    doc::Cell cell;
    cell.text = std::move(text);
    cell.tone = tone;
    return cell;
}

doc::Cell label_cell(std::string text, doc::Tone tone) {
    doc::Cell cell = text_cell(std::move(text), tone);
    cell.as_label = true;
    return cell;
}

doc::Cell mono_cell(std::string text) {
    doc::Cell cell = text_cell(std::move(text));
    cell.monospace = true;
    return cell;
}

std::string guest_id(std::size_t i) {
    std::string digits = std::to_string(i);
    return "vm-" + std::string(5 - std::min<std::size_t>(5, digits.size()), '0') + digits;
}

doc::Table coverage_table(std::size_t rows) {
    doc::Table table;
    table.caption = "Every guest and its last backup";
    table.columns = {{"Guest ID", 1.1, doc::Align::left, true},     {"Name", 2.6, doc::Align::left, false},
                     {"Node", 1.1, doc::Align::left, false},        {"Status", 1.4, doc::Align::left, false},
                     {"Last backup", 1.5, doc::Align::left, false}, {"Reference", 1.2, doc::Align::right, true}};
    const doc::Tone tones[] = {doc::Tone::good, doc::Tone::warning, doc::Tone::critical, doc::Tone::muted};
    const char* const statuses[] = {"Backed up", "Outdated", "Not backed up", "Excluded"};
    for (std::size_t r = 0; r < rows; ++r) {
        std::string name = r == 1 ? std::string(k_unicode_name) : "guest-" + std::to_string(r) + ".example.org";
        if (r % 97 == 5) {
            name += " with a rather long description that needs to wrap over several lines of the cell";
        }
        const std::size_t k = r % 4;
        doc::Cell reference = text_cell("ref-" + guest_id(r).substr(3));
        reference.link_anchor = "anomalies";
        table.rows.push_back({mono_cell(guest_id(r)), text_cell(name),
                              text_cell("pve-node-" + std::to_string(r % 3 + 1)), label_cell(statuses[k], tones[k]),
                              text_cell(k == 2 ? "never" : "2024-05-31 22:0" + std::to_string(r % 10)), reference});
    }
    return table;
}

doc::Document sample_document(std::size_t rows) {
    doc::Document d;
    d.meta.title = "Backup report — pve-prod";
    d.meta.subject = "Proxmox VE backup coverage and retention";
    d.meta.author = "pve-backup-report 0.1.0";
    d.meta.keywords = "backup, proxmox, audit";
    d.meta.lang = "en";
    d.meta.created = 1717243200; // 2024-06-01T12:00:00Z
    d.meta.header_left = "Cluster pve-prod";
    d.meta.header_right = "Report of 2024-06-01";
    d.meta.footer_page_format = "Page {page} of {pages}";

    doc::Section summary;
    summary.anchor = "summary";
    summary.title = "Summary";
    summary.blocks.emplace_back(doc::Verdict{
        "Backups are incomplete", "10 guests are not backed up and 3 backups are outdated.", doc::Tone::critical});
    summary.blocks.emplace_back(doc::KeyFigures{{{"Guests", "42", "3 templates", doc::Tone::neutral, "coverage"},
                                                 {"Backed up", "29", "69 %", doc::Tone::good, "coverage"},
                                                 {"Not backed up", "10", "", doc::Tone::critical, "coverage"},
                                                 {"Anomalies", "7", "2 critical", doc::Tone::warning, "anomalies"},
                                                 {"Storage", "3", "1 above 90 %", doc::Tone::info, "storage"}}});
    summary.blocks.emplace_back(doc::ProportionChart{"Coverage",
                                                     "69 %",
                                                     {{"Backed up: 29", 29, doc::Tone::good},
                                                      {"Outdated: 3", 3, doc::Tone::warning},
                                                      {"Not backed up: 10", 10, doc::Tone::critical},
                                                      {"Excluded: 2", 2, doc::Tone::muted}}});
    summary.blocks.emplace_back(
        doc::Paragraph{"Figures are computed from the PVE and PBS APIs at the time of the report.", doc::Tone::muted});

    doc::Section coverage;
    coverage.anchor = "coverage";
    coverage.title = "Backup coverage";
    coverage.blocks.emplace_back(
        doc::Paragraph{"Guests without a recent backup are listed first.", doc::Tone::neutral});
    coverage.blocks.emplace_back(coverage_table(rows));

    doc::Section anomalies;
    anomalies.anchor = "anomalies";
    anomalies.title = "Anomalies";
    anomalies.landscape = true;
    doc::Table tasks;
    tasks.columns = {{"Task", 4.0, doc::Align::left, false}, {"Severity", 1.0}, {"Guest", 1.0}};
    doc::Cell guest = text_cell("vm-00001");
    guest.link_anchor = "coverage";
    tasks.rows.push_back({mono_cell("UPID:pve-node-1:0000A1B2:00C3D4E5:665B1A2C:vzdump:101:root@pam:"),
                          label_cell("Critical", doc::Tone::critical), guest});
    anomalies.blocks.emplace_back(doc::Heading{2, "Failed backup tasks", "failed-tasks"});
    anomalies.blocks.emplace_back(tasks);
    anomalies.blocks.emplace_back(
        doc::Paragraph{"Two jobs exclude guests that no other job covers.", doc::Tone::warning});

    doc::Section storage;
    storage.anchor = "storage";
    storage.title = "Storage";
    storage.blocks.emplace_back(doc::BarChart{"Datastore usage",
                                              {{"pbs-main", 7.4, 8, "7.4 TiB of 8 TiB (92 %)", doc::Tone::critical},
                                               {"pbs-offsite", 3.2, 8, "3.2 TiB of 8 TiB (40 %)", doc::Tone::good},
                                               {"local", 0, 0, "unknown", doc::Tone::muted}},
                                              {0.8, 0.9}});
    doc::Table empty;
    empty.columns = {{"Job"}};
    empty.caption = "Disabled jobs";
    empty.empty_text = "No backup job is disabled.";
    storage.blocks.emplace_back(empty);

    d.sections = {summary, coverage, anomalies, storage};
    return d;
}

std::string tool(const std::string& name) {
    const std::string path = "/usr/bin/" + name;
    return std::filesystem::exists(path) ? path : std::string();
}

#define REQUIRE_TOOL(name)                                                                                             \
    if (tool(name).empty()) {                                                                                          \
        GTEST_SKIP() << name << " is not installed";                                                                   \
    }

/// Renders into a temporary directory; the file lives as long as the object.
class RenderedPdf {
public:
    explicit RenderedPdf(const doc::Document& d, const PdfOptions& options = {}) {
        bytes = render_pdf(d, options, info);
        path = dir.path() + "/report.pdf";
        std::ofstream(path, std::ios::binary) << bytes;
        // PVR_PDF_TEST_OUT=<dir> keeps a copy of every rendered PDF, to look at.
        if (const char* keep = std::getenv("PVR_PDF_TEST_OUT")) {
            const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
            std::ofstream(std::string(keep) + "/" + test->name() + ".pdf", std::ios::binary) << bytes;
        }
    }
    [[nodiscard]] test::ProcessResult run(const std::string& name, std::vector<std::string> args) const {
        for (auto& a : args) {
            if (a == "@") {
                a = path;
            }
        }
        return test::run_process(tool(name), args, {{"LC_ALL", "C.UTF-8"}});
    }
    /// pdftotext, one string per page.
    [[nodiscard]] std::vector<std::string> pages_text(bool layout = false) const {
        std::vector<std::string> args = {"-enc", "UTF-8"};
        if (layout) {
            args.emplace_back("-layout");
        }
        args.insert(args.end(), {"@", "-"});
        const auto result = run("pdftotext", args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        std::vector<std::string> pages;
        std::size_t start = 0;
        for (std::size_t at = result.out.find('\f'); at != std::string::npos; at = result.out.find('\f', start)) {
            pages.push_back(result.out.substr(start, at - start));
            start = at + 1;
        }
        return pages;
    }

    test::TempDir dir;
    PdfRenderInfo info;
    std::string bytes;
    std::string path;
};

TEST(PdfRender, PassesQpdfCheck) {
    REQUIRE_TOOL("qpdf");
    const RenderedPdf pdf(sample_document(60));
    const auto result = pdf.run("qpdf", {"--check", "@"});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("No syntax or stream encoding errors"), std::string::npos) << result.out;
}

TEST(PdfRender, EmbedsEveryFont) {
    REQUIRE_TOOL("pdffonts");
    const RenderedPdf pdf(sample_document(60));
    const auto result = pdf.run("pdffonts", {"@"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::istringstream lines(result.out);
    std::string line;
    int fonts = 0;
    std::set<std::string> names;
    for (int n = 0; std::getline(lines, line); ++n) {
        if (n < 2 || line.empty()) {
            continue;
        }
        ++fonts;
        names.insert(line.substr(0, line.find(' ')));
        // name type encoding emb sub uni object ID: "emb" is the 5th field from the end.
        std::istringstream fields(line);
        std::vector<std::string> f{std::istream_iterator<std::string>(fields), {}};
        ASSERT_GE(f.size(), 6U) << line;
        EXPECT_EQ(f[f.size() - 5], "yes") << "not embedded: " << line;
        EXPECT_EQ(line.find("Type 3"), std::string::npos) << "bitmap font: " << line;
    }
    EXPECT_GE(fonts, 3) << result.out; // sans, bold, mono at least
    const std::string all = result.out;
    EXPECT_NE(all.find("DejaVuSans"), std::string::npos) << all;
    EXPECT_NE(all.find("WenQuanYi"), std::string::npos) << "no CJK fallback font embedded:\n" << all;
    EXPECT_NE(all.find("Symbola"), std::string::npos) << "no emoji fallback font embedded:\n" << all;
}

TEST(PdfRender, TextHasTitlesRunningHeaderFooterAndUnicode) {
    REQUIRE_TOOL("pdftotext");
    const doc::Document d = sample_document(60);
    const RenderedPdf pdf(d);
    const auto pages = pdf.pages_text();
    ASSERT_EQ(static_cast<int>(pages.size()), pdf.info.pages);
    ASSERT_GE(pages.size(), 4U);
    std::string all;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const std::string footer = "Page " + std::to_string(p + 1) + " of " + std::to_string(pages.size());
        EXPECT_NE(pages[p].find(footer), std::string::npos) << "page " << p + 1 << ":\n" << pages[p];
        EXPECT_NE(pages[p].find("Cluster pve-prod"), std::string::npos) << "page " << p + 1;
        EXPECT_NE(pages[p].find("Report of 2024-06-01"), std::string::npos) << "page " << p + 1;
        all += pages[p];
    }
    for (const auto& section : d.sections) {
        EXPECT_NE(all.find(section.title), std::string::npos) << section.title;
    }
    EXPECT_NE(all.find("Frédéric"), std::string::npos);
    EXPECT_NE(all.find("数据库"), std::string::npos);
    EXPECT_NE(all.find("😀"), std::string::npos);
    EXPECT_NE(all.find("Backups are incomplete"), std::string::npos);
    EXPECT_NE(all.find("No backup job is disabled."), std::string::npos);
    EXPECT_NE(all.find("7.4 TiB of 8 TiB (92 %)"), std::string::npos);
    EXPECT_EQ(all.find("[U+"), std::string::npos) << "a character fell back to a placeholder";
}

TEST(PdfRender, PdfInfoShowsMetadataAndPageSizes) {
    REQUIRE_TOOL("pdfinfo");
    const RenderedPdf pdf(sample_document(60));
    const std::string last = std::to_string(pdf.info.pages);
    const auto result = pdf.run("pdfinfo", {"-f", "1", "-l", last, "@"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string& out = result.out;
    EXPECT_NE(out.find("Title:           Backup report — pve-prod"), std::string::npos) << out;
    EXPECT_NE(out.find("Subject:         Proxmox VE backup coverage and retention"), std::string::npos) << out;
    EXPECT_NE(out.find("Author:          pve-backup-report 0.1.0"), std::string::npos) << out;
    EXPECT_NE(out.find("Keywords:        backup, proxmox, audit"), std::string::npos) << out;
    EXPECT_NE(out.find("CreationDate:    Sat Jun  1 12:00:00 2024"), std::string::npos) << out;
    EXPECT_NE(out.find("Pages:           " + last), std::string::npos) << out;
    EXPECT_NE(out.find("Page    1 size:  595.276 x 841.89 pts (A4)"), std::string::npos) << out;
    // The anomalies section is landscape.
    EXPECT_NE(out.find("size:  841.89 x 595.276 pts (A4)"), std::string::npos) << out;
}

TEST(PdfRender, LetterPaper) {
    REQUIRE_TOOL("pdfinfo");
    PdfOptions options;
    options.paper = PdfOptions::Paper::letter;
    const RenderedPdf pdf(sample_document(10), options);
    const auto result = pdf.run("pdfinfo", {"@"});
    EXPECT_NE(result.out.find("Page size:       612 x 792 pts (letter)"), std::string::npos) << result.out;
}

TEST(PdfRender, OutlineListsEverySectionAndLinksResolve) {
    REQUIRE_TOOL("qpdf");
    const doc::Document d = sample_document(60);
    const RenderedPdf pdf(d);
    const auto outlines = pdf.run("qpdf", {"--json", "--json-key=outlines", "@"});
    ASSERT_EQ(outlines.exit_code, 0) << outlines.err;
    for (const auto& section : d.sections) {
        EXPECT_NE(outlines.out.find("\"title\": \"" + section.title + "\""), std::string::npos) << section.title << "\n"
                                                                                                << outlines.out;
    }
    EXPECT_NE(outlines.out.find("\"title\": \"Failed backup tasks\""), std::string::npos) << outlines.out;
    // Internal links (key figure tiles, linked cells) to named destinations that exist.
    const auto qdf = pdf.run("qpdf", {"--qdf", "--object-streams=disable", "@", "-"});
    ASSERT_EQ(qdf.exit_code, 0) << qdf.err;
    EXPECT_NE(qdf.out.find("/Subtype /Link"), std::string::npos);
    for (const char* anchor : {"summary", "coverage", "anomalies", "storage", "failed-tasks"}) {
        EXPECT_NE(qdf.out.find(std::string("/Dest (") + anchor + ")"), std::string::npos) << "no link to " << anchor;
        EXPECT_NE(qdf.out.find(std::string("(") + anchor + ")\n"), std::string::npos) << "no destination " << anchor;
    }
}

TEST(PdfRender, LargeTableRepeatsHeaderAndSplitsNoRow) {
    REQUIRE_TOOL("pdftotext");
    constexpr std::size_t rows = 5000;
    const RenderedPdf pdf(sample_document(rows));
    const auto pages = pdf.pages_text(true);
    ASSERT_EQ(static_cast<int>(pages.size()), pdf.info.pages);
    const std::regex id_pattern("vm-(\\d{5})");
    std::map<std::string, std::size_t> page_of_id;
    std::size_t table_pages = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const std::string& text = pages[p];
        std::smatch first;
        if (!std::regex_search(text, first, id_pattern) || text.find("Reference") == std::string::npos) {
            continue; // not a coverage page (the anomalies page mentions vm-00001 only)
        }
        ++table_pages;
        const std::size_t header = text.find("Guest ID");
        ASSERT_NE(header, std::string::npos) << "no header row on page " << p + 1;
        EXPECT_LT(header, static_cast<std::size_t>(first.position(0))) << "header after a row on page " << p + 1;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), id_pattern); it != std::sregex_iterator(); ++it) {
            const std::string id = (*it)[1];
            EXPECT_EQ(page_of_id.count(id), 0U) << "row " << id << " appears twice";
            page_of_id[id] = p;
            // The row's last cell is on the same page: the row is not split.
            EXPECT_NE(text.find("ref-" + id), std::string::npos) << "row " << id << " split on page " << p + 1;
        }
    }
    EXPECT_EQ(page_of_id.size(), rows);
    EXPECT_GT(table_pages, 50U);
}

TEST(PdfRender, RowTallerThanAPageIsCutWithAnEllipsis) {
    REQUIRE_TOOL("pdftotext");
    doc::Document d = sample_document(4);
    auto& table = std::get<doc::Table>(d.sections[1].blocks[1]);
    std::string notes;
    for (int i = 0; i < 3000; ++i) {
        notes += "word" + std::to_string(i) + " ";
    }
    table.rows[2][1].text = notes + "THE-END";
    const RenderedPdf pdf(d);
    EXPECT_EQ(pdf.run("qpdf", {"--check", "@"}).exit_code, 0);
    std::string all;
    for (const auto& page : pdf.pages_text()) {
        all += page;
    }
    EXPECT_NE(all.find("word0 word1"), std::string::npos);
    EXPECT_NE(all.find("ref-00003"), std::string::npos) << "the rows after the tall one are lost";
    // The cut row fills one page (its cell ends with "…"; Pango keeps the hidden text in the text
    // layer, so pdftotext still finds it): sample = summary, 3 coverage pages, anomalies, storage.
    EXPECT_EQ(pdf.info.pages, 6);
}

TEST(PdfRender, SameDocumentSameBytes) {
    const doc::Document d = sample_document(30);
    EXPECT_EQ(render_pdf(d), render_pdf(d));
}

TEST(PdfRender, CharacterWithoutAnyFontBecomesAVisiblePlaceholder) {
    REQUIRE_TOOL("pdftotext");
    doc::Document d = sample_document(3);
    d.sections[0].blocks.emplace_back(doc::Paragraph{"private \xF3\xB0\x80\x80 use", doc::Tone::neutral});
    const RenderedPdf pdf(d);
    std::string all;
    for (const auto& page : pdf.pages_text()) {
        all += page;
    }
    EXPECT_NE(all.find("private [U+F0000] use"), std::string::npos) << all;
}

TEST(PdfRender, InvalidUtf8AndControlCharactersDoNotBreakTheFile) {
    REQUIRE_TOOL("qpdf");
    doc::Document d = sample_document(3);
    d.sections[0].blocks.emplace_back(doc::Paragraph{"bad \xFF\xFE bytes \x01 and & <b>markup</b>", doc::Tone::info});
    const RenderedPdf pdf(d);
    EXPECT_EQ(pdf.run("qpdf", {"--check", "@"}).exit_code, 0);
    std::string all;
    for (const auto& page : pdf.pages_text()) {
        all += page;
    }
    EXPECT_NE(all.find("& <b>markup</b>"), std::string::npos) << all;
}

TEST(PdfRender, EveryGlyphOfTheSampleHasAFont) {
    const Theme theme;
    PdfText text(theme, "DejaVu Sans", "DejaVu Sans Mono");
    for (const char* sample : {"Frédéric", "数据库", "😀", "Ærøskøbing Straße Çağrı", "日本語のテスト", "한국어"}) {
        PangoLayout* layout = text.layout(sample, TextStyle::cell, TextOptions{200.0});
        EXPECT_EQ(pango_layout_get_unknown_glyphs_count(layout), 0) << sample;
        EXPECT_EQ(text.drawable_text(sample), sample);
    }
}

TEST(PdfRender, MissingFontFamilyIsAClearError) {
    PdfOptions options;
    options.font_family = "No Such Font Family";
    try {
        (void)render_pdf(sample_document(1), options);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output);
        EXPECT_NE(std::string(e.what()).find("No Such Font Family"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("fonts-dejavu-core"), std::string::npos) << e.what();
    }
}

TEST(PdfRender, EmptyDocumentIsAValidOnePagePdf) {
    REQUIRE_TOOL("qpdf");
    const RenderedPdf pdf(doc::Document{});
    EXPECT_EQ(pdf.info.pages, 1);
    EXPECT_EQ(pdf.run("qpdf", {"--check", "@"}).exit_code, 0);
}

} // namespace
} // namespace pvr::render
