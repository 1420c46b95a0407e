// The archive note on the last page and the PDF keywords: this run's record and SHA-256, the
// previous one (issue 11).

#include "document/build_document.hpp"
#include "unit/document/sample_report.hpp"

#include <gtest/gtest.h>

#include <variant>

namespace {

using namespace pvr::document;

Document build(const pvr::model::ReportData& data, const std::string& lang) {
    DocumentOptions options;
    options.lang = lang;
    options.time_zone = "UTC";
    return build_document(data, options);
}

const Paragraph* last_paragraph(const Document& doc) {
    return std::get_if<Paragraph>(&doc.sections.back().blocks.back());
}

TEST(ArchiveNote, NamesThisRecordAndThePreviousOneOnTheLastPage) {
    auto data = pvr::test::sample_report();
    data.archive = pvr::model::ArchiveLink{"prev.data.json.gz", std::string(64, 'b'), 1, {}};
    data.archive->own_file = "own.data.json.gz";
    data.archive->own_sha256 = std::string(64, 'a');
    const auto en = build(data, "en");
    const auto* note = last_paragraph(en);
    ASSERT_NE(note, nullptr);
    const std::string a64(64, 'a');
    const std::string b64(64, 'b');
    const std::string expected =
        "Report data own.data.json.gz, SHA-256 " + a64 + ". Previous report prev.data.json.gz, SHA-256 " + b64 + ".";
    EXPECT_EQ(note->text.substr(0, expected.size()), expected);
    EXPECT_NE(en.meta.keywords.find("report-data-sha256:" + std::string(64, 'a')), std::string::npos);

    const auto fr = build(data, "fr");
    ASSERT_NE(last_paragraph(fr), nullptr);
    EXPECT_EQ(last_paragraph(fr)->text.rfind("Données du rapport own.data.json.gz", 0), 0U) << last_paragraph(fr)->text;

    data.archive->previous_file.reset();
    data.archive->pruned = {{"old1", "x", 1}, {"old2", "y", 2}};
    const auto first = build(data, "en");
    EXPECT_NE(last_paragraph(first)->text.find("First report of the archive"), std::string::npos);
    EXPECT_NE(last_paragraph(first)->text.find("during this run: 2 archive records."), std::string::npos);
}

TEST(ArchiveNote, AbsentWithoutAnArchiveRecord) {
    auto data = pvr::test::sample_report();
    data.archive = pvr::model::ArchiveLink{}; // history read, but no record written (--dump-report-data)
    const auto doc = build(data, "en");
    const auto* last = last_paragraph(doc);
    EXPECT_TRUE(last == nullptr || last->text.find("SHA-256") == std::string::npos);
    EXPECT_EQ(doc.meta.keywords.find("report-data-sha256"), std::string::npos);
}

} // namespace
