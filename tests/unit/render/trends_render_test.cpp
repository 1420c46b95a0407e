// The trend line charts and the capacity table through the real renderers: a report with 90 kept
// runs as PDF (checked with qpdf and pdftotext: the forecast on the first pages, every chart with
// its dates, units and legend) and as HTML (inline SVG). PVR_PDF_TEST_OUT=<dir> keeps the PDFs, to
// look at them (pdftoppm -png -r 60), and the HTML.

#include "document/build_document.hpp"
#include "render/html_renderer.hpp"
#include "render/pdf_renderer.hpp"
#include "support/process.hpp"
#include "unit/document/history_sample.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

// (LeakSanitizer suppressions for fontconfig: pdf_render_test.cpp, same executable.)

using namespace pvr;

namespace {

document::Document trends_document(const std::string& lang, std::size_t runs = 90) {
    document::DocumentOptions options;
    options.lang = lang;
    options.time_zone = "Europe/Paris";
    return document::build_document(test::with_history(test::sample_report(), runs), options);
}

std::string tool(const std::string& name) {
    const std::string path = "/usr/bin/" + name;
    return std::filesystem::exists(path) ? path : std::string();
}

/// pdftotext of `bytes`, one string per page; the PDF is also kept under PVR_PDF_TEST_OUT.
std::vector<std::string> pdf_pages(const std::string& bytes, const std::string& name) {
    test::TempDir dir;
    const std::string path = dir.path() + "/report.pdf";
    std::ofstream(path, std::ios::binary) << bytes;
    if (const char* keep = std::getenv("PVR_PDF_TEST_OUT")) {
        std::ofstream(std::string(keep) + "/" + name + ".pdf", std::ios::binary) << bytes;
    }
    if (!tool("qpdf").empty()) {
        const auto check = test::run_process(tool("qpdf"), {"--check", path}, {{"LC_ALL", "C.UTF-8"}});
        EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    }
    const auto result =
        test::run_process(tool("pdftotext"), {"-enc", "UTF-8", "-layout", path, "-"}, {{"LC_ALL", "C.UTF-8"}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (std::size_t at = result.out.find('\f'); at != std::string::npos; at = result.out.find('\f', start)) {
        pages.push_back(result.out.substr(start, at - start));
        start = at + 1;
    }
    return pages;
}

std::size_t page_of(const std::vector<std::string>& pages, const std::string& text) {
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (pages[i].find(text) != std::string::npos) {
            return i + 1;
        }
    }
    return 0;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

TEST(TrendsPdf, ForecastEarlyAndChartsWithAxesAndLegends) {
    if (tool("pdftotext").empty()) {
        GTEST_SKIP() << "pdftotext is not installed";
    }
    render::PdfRenderInfo info;
    const auto bytes = render::render_pdf(trends_document("en"), {}, info);
    const auto pages = pdf_pages(bytes, "TrendsPdf_en");
    ASSERT_EQ(static_cast<int>(pages.size()), info.pages);
    const std::size_t capacity = page_of(pages, "PBS capacity forecast");
    ASSERT_GE(capacity, 1U);
    EXPECT_LE(capacity, 2U) << "the forecast belongs on the first pages";
    EXPECT_NE(page_of(pages, "pbs1.example.lan:8007"), 0U);
    EXPECT_NE(page_of(pages, "12 days"), 0U);
    const std::size_t trends = page_of(pages, "Coverage, last 30 reports");
    ASSERT_NE(trends, 0U);
    EXPECT_LE(trends, 3U);
    const std::string& page = pages[trends - 1];
    for (const char* text : {"Coverage (%)", "100%", "50%", "0%", "Coverage"}) {
        EXPECT_NE(page.find(text), std::string::npos) << text << " missing on page " << trends << ":\n" << page;
    }
    // Dates on the x axis: the report is dated 27 Nov 2026; 30 runs start on 29 Oct.
    EXPECT_NE(page.find("Nov"), std::string::npos) << page;
    for (const char* text : {"Coverage, last 90 reports", "Guests not backed up, failed and overdue backups",
                             "Anomalies by severity", "Not backed up", "Failed", "Overdue", "Critical", "Warning",
                             "Datastore store1 on pbs1.example.lan:8007: used and total space", "Space (TiB)", "Used",
                             "Total", "Datastore offsite on pbs2.example.lan:8007"}) {
        EXPECT_NE(page_of(pages, text), 0U) << text;
    }
}

TEST(TrendsPdf, FrenchAndGerman) {
    if (tool("pdftotext").empty()) {
        GTEST_SKIP() << "pdftotext is not installed";
    }
    const auto fr = pdf_pages(render::render_pdf(trends_document("fr")), "TrendsPdf_fr");
    EXPECT_NE(page_of(fr, "Prévision de capacité PBS"), 0U);
    EXPECT_NE(page_of(fr, "Couverture, 30 derniers rapports"), 0U);
    EXPECT_NE(page_of(fr, "nov."), 0U);
    const auto de = pdf_pages(render::render_pdf(trends_document("de")), "TrendsPdf_de");
    EXPECT_NE(page_of(de, "PBS-Kapazitätsprognose"), 0U);
    EXPECT_NE(page_of(de, "Anomalien nach Schweregrad"), 0U);
}

TEST(TrendsPdf, OneRunIsOneSentence) {
    if (tool("pdftotext").empty()) {
        GTEST_SKIP() << "pdftotext is not installed";
    }
    const auto pages = pdf_pages(render::render_pdf(trends_document("en", 1)), "TrendsPdf_one_run");
    EXPECT_NE(page_of(pages, "Trends appear from the second kept report on"), 0U);
    EXPECT_EQ(page_of(pages, "Coverage, last"), 0U);
}

TEST(TrendsHtml, InlineSvgLineCharts) {
    const std::string html = render::render_html(trends_document("en"));
    if (const char* keep = std::getenv("PVR_PDF_TEST_OUT")) {
        std::ofstream(std::string(keep) + "/TrendsHtml.html", std::ios::binary) << html;
    }
    EXPECT_EQ(count(html, "<figure class=\"chart line-chart\">"), 6U);
    EXPECT_EQ(count(html, "<polyline "), 12U); // 1 + 1 + 3 + 3 + 2 + 2 series
    EXPECT_NE(html.find(">100%</text>"), std::string::npos);
    EXPECT_NE(html.find("TiB</text>"), std::string::npos);
    EXPECT_NE(html.find("Nov</text>"), std::string::npos);
    EXPECT_NE(html.find("stroke-dasharray=\"6 4\""), std::string::npos);
    EXPECT_EQ(count(html, "<svg width=\"22\" height=\"10\""), 12U); // a legend entry per series
    EXPECT_NE(html.find("id=\"capacity\""), std::string::npos);
    EXPECT_NE(html.find("id=\"trends\""), std::string::npos);
    EXPECT_LT(html.find("id=\"capacity\""), html.find("id=\"pbs-storages\""));
    // Points stay inside the drawing (no NaN, nothing outside the viewBox).
    std::size_t checked = 0;
    for (auto at = html.find(" points=\""); at != std::string::npos; at = html.find(" points=\"", at + 1)) {
        const auto begin = at + 9;
        std::istringstream points(html.substr(begin, html.find('"', begin) - begin));
        std::string point;
        while (points >> point) {
            const auto comma = point.find(',');
            ASSERT_NE(comma, std::string::npos) << point;
            const double x = std::stod(point.substr(0, comma));
            const double y = std::stod(point.substr(comma + 1));
            EXPECT_TRUE(x >= 0 && x <= 720 && y >= 0 && y <= 230) << point;
            ++checked;
        }
    }
    EXPECT_GT(checked, 90U * 4);
}

} // namespace
