// The "Changes since <date>" block reaches the first page of the PDF and the HTML report, as a
// reader sees it (pdftotext).

#include "document/build_document.hpp"
#include "render/html_renderer.hpp"
#include "render/pdf_renderer.hpp"
#include "support/process.hpp"
#include "unit/document/sample_report.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace pvr::render {
namespace {

constexpr std::int64_t k_previous = test::k_sample_generated_at - 86400; // 26 Nov 2026 07:00 UTC

model::ReportData report_with_changes() {
    auto data = test::sample_report();
    model::Changes c;
    c.first_report = false;
    c.previous_at = k_previous;
    c.lost_coverage = {{101, "qemu", "db01", "scheduled", "not_backed_up", false}};
    c.new_guests = {{230, "lxc", "ci-runner", "", "not_backed_up", false}};
    c.new_failed_backups = {{104, "qemu", "app04", k_previous + 3600, false}};
    c.jobs = {{"backup-weekly", "disabled", "", ""}};
    c.ongoing_anomalies = {{"backup_failed", "critical", "vm/101", "m", k_previous - 5 * 86400, 6, false}};
    for (std::int64_t vmid = 1000; vmid < 1040; ++vmid) {
        c.removed_guests.push_back({vmid, "qemu", "old-" + std::to_string(vmid), "scheduled", "", false});
    }
    data.changes = c;
    return data;
}

document::Document build(const model::ReportData& data, const std::string& lang) {
    document::DocumentOptions options;
    options.lang = lang;
    options.time_zone = "UTC";
    return document::build_document(data, options);
}

std::string first_page_text(const std::string& pdf) {
    test::TempDir dir;
    const std::string path = dir.path() + "/report.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    // PVR_PDF_TEST_OUT=<dir> keeps a copy of every rendered PDF, to look at.
    if (const char* keep = std::getenv("PVR_PDF_TEST_OUT")) {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::ofstream(std::string(keep) + "/" + info->name() + ".pdf", std::ios::binary) << pdf;
    }
    const auto result = test::run_process("/usr/bin/pdftotext", {"-enc", "UTF-8", "-f", "1", "-l", "1", path, "-"},
                                          {{"LC_ALL", "C.UTF-8"}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
}

TEST(ChangesPage, OnTheFirstPageOfThePdf) {
    if (!std::filesystem::exists("/usr/bin/pdftotext")) {
        GTEST_SKIP() << "pdftotext is not installed";
    }
    const auto page = first_page_text(render_pdf(build(report_with_changes(), "en")));
    for (const char* text : {"Changes since 26 Nov 2026 07:00 UTC", "Lost coverage", "1 — vm/101 db01",
                             "New and unprotected", "ct/230 ci-runner", "New failed backups", "Removed guests", "(+35)",
                             "backup-weekly disabled", "Ongoing anomalies", "6 days"}) {
        EXPECT_NE(page.find(text), std::string::npos) << "missing on page 1: " << text << "\n" << page;
    }
    EXPECT_EQ(page.find("old-1005"), std::string::npos) << "more than 5 names on a line";
}

TEST(ChangesPage, FrenchFirstReportOnTheFirstPage) {
    if (!std::filesystem::exists("/usr/bin/pdftotext")) {
        GTEST_SKIP() << "pdftotext is not installed";
    }
    auto data = test::sample_report();
    data.changes = model::Changes{};
    const auto page = first_page_text(render_pdf(build(data, "fr")));
    EXPECT_NE(page.find("Premier rapport pour ce cluster"), std::string::npos) << page;
}

TEST(ChangesPage, InTheHtmlSummary) {
    const auto html = render_html(build(report_with_changes(), "en"));
    const auto summary_end = html.find("id=\"pbs-storages\"");
    const auto block = html.find("Changes since 26 Nov 2026 07:00 UTC");
    ASSERT_NE(block, std::string::npos);
    EXPECT_LT(block, summary_end);
    EXPECT_NE(html.find("vm/101 db01", block), std::string::npos);
    EXPECT_EQ(render_html(build(test::sample_report(), "en")).find("Changes since"), std::string::npos);
}

} // namespace
} // namespace pvr::render
