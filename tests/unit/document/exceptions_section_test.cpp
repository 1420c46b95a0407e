#include "analysis/exceptions.hpp"
#include "analysis/verdict.hpp"
#include "document/build_document.hpp"
#include "unit/document/document_test_support.hpp"
#include "unit/document/sample_report.hpp"

#include <gtest/gtest.h>

using namespace pvr::document;
using pvr::test::blocks_of;
using pvr::test::find_section;
using pvr::test::first_block;

namespace {

Document build(const pvr::model::ReportData& data, const std::string& lang = "en") {
    DocumentOptions options;
    options.lang = lang;
    options.time_zone = "UTC";
    return build_document(data, options);
}

pvr::model::AcceptedException exception(std::string id, std::string until) {
    pvr::model::AcceptedException e;
    e.id = std::move(id);
    e.source = "file";
    e.file = "/etc/pve-backup-report/exceptions.toml";
    e.line = 3;
    e.accept = {"not_backed_up"};
    e.reason = "Test container, rebuilt from a script";
    e.owner = "ops@example.com";
    e.until = std::move(until);
    return e;
}

/// The sample report with three exceptions: one accepting ct/102 not backed up, one expired, one unused.
pvr::model::ReportData with_exceptions() {
    auto data = pvr::test::sample_report();
    auto ct = exception("ct-102", "2099-12-31");
    ct.match.vmids = {102};
    auto old = exception("old", "2020-01-31");
    old.match.name = "web*";
    auto gone = exception("gone", "2099-12-31");
    gone.match.pool = "nowhere";
    pvr::analysis::apply_exceptions(data, {ct, old, gone}, std::nullopt, data.generated_at);
    data.summary.anomalies = static_cast<std::int64_t>(data.anomalies.size());
    data.verdict = pvr::analysis::decide_verdict(data);
    return data;
}

std::string cell_text(const Table& table, std::size_t row, std::size_t column) {
    return table.rows.at(row).at(column).text;
}

TEST(ExceptionsSection, OnlyWhenExceptionsAreConfigured) {
    EXPECT_EQ(find_section(build(pvr::test::sample_report()), "accepted-exceptions"), nullptr);
    const auto doc = build(with_exceptions());
    std::vector<std::string> anchors;
    for (const auto& section : doc.sections) {
        anchors.push_back(section.anchor);
    }
    const auto at = std::find(anchors.begin(), anchors.end(), "accepted-exceptions");
    ASSERT_NE(at, anchors.end());
    EXPECT_EQ(*(at - 1), "anomalies");
    EXPECT_EQ(*(at + 1), "collection-issues");
}

TEST(ExceptionsSection, ListsEachExceptionWithItsStatusReasonOwnerAndExpiry) {
    const auto doc = build(with_exceptions());
    const auto* section = find_section(doc, "accepted-exceptions");
    ASSERT_NE(section, nullptr);
    EXPECT_EQ(section->title, "Accepted exceptions");
    const auto paragraphs = blocks_of<Paragraph>(*section);
    ASSERT_GE(paragraphs.size(), 2U);
    EXPECT_EQ(paragraphs[1]->text, "Active: 1 · Expired: 1 · Unused: 1 · Accepted findings: 1 · Source: "
                                   "/etc/pve-backup-report/exceptions.toml");
    const auto tables = blocks_of<Table>(*section);
    ASSERT_EQ(tables.size(), 2U);
    const Table& table = *tables[0];
    ASSERT_EQ(table.rows.size(), 3U);
    EXPECT_EQ(cell_text(table, 0, 0), "Active");
    EXPECT_EQ(table.rows[0][0].tone, Tone::good);
    EXPECT_EQ(cell_text(table, 0, 1), "ct-102");
    EXPECT_EQ(cell_text(table, 0, 2), "vmid = 102");
    EXPECT_EQ(cell_text(table, 0, 3), "102 ct-test");
    EXPECT_EQ(cell_text(table, 0, 4), "not_backed_up");
    EXPECT_EQ(cell_text(table, 0, 5), "Test container, rebuilt from a script");
    EXPECT_EQ(cell_text(table, 0, 6), "ops@example.com");
    EXPECT_EQ(cell_text(table, 0, 7).substr(0, 11), "31 Dec 2099");
    EXPECT_EQ(cell_text(table, 1, 0), "Expired");
    EXPECT_EQ(table.rows[1][0].tone, Tone::warning);
    EXPECT_EQ(cell_text(table, 1, 2), "name = \"web*\"");
    EXPECT_EQ(cell_text(table, 1, 3), "—"); // an expired exception applies to nothing
    EXPECT_NE(cell_text(table, 1, 7).find("ago"), std::string::npos) << cell_text(table, 1, 7);
    EXPECT_EQ(cell_text(table, 2, 0), "Unused");

    // The accepted findings: the anomaly of ct/102.
    const Table& findings = *tables[1];
    ASSERT_EQ(findings.rows.size(), 1U);
    EXPECT_EQ(cell_text(findings, 0, 0), "Critical");
    EXPECT_EQ(cell_text(findings, 0, 1), "Guest not backed up");
    EXPECT_EQ(cell_text(findings, 0, 2), "102 ct-test");
    EXPECT_EQ(cell_text(findings, 0, 3), "ct-102");
}

TEST(ExceptionsSection, SummaryAndOtherSectionsMentionAcceptedItems) {
    const auto data = with_exceptions();
    const auto doc = build(data);
    // The accepted guest leaves the verdict: critical -> warning (undetermined guest, expired exception).
    const auto* verdict = first_block<pvr::document::Verdict>(*find_section(doc, "summary"));
    ASSERT_NE(verdict, nullptr);
    EXPECT_EQ(verdict->tone, Tone::warning);
    bool mentioned = false;
    for (const auto* p : blocks_of<Paragraph>(*find_section(doc, "summary"))) {
        mentioned |= p->text == "Accepted by exceptions (left out of the verdict) — guests not backed up: 1 · "
                                "anomalies: 1. See Accepted exceptions.";
    }
    EXPECT_TRUE(mentioned);
    const auto* figures = first_block<KeyFigures>(*find_section(doc, "summary"));
    ASSERT_NE(figures, nullptr);
    EXPECT_EQ(figures->figures[2].value, "1"); // true count kept
    EXPECT_EQ(figures->figures[2].detail, "1 accepted");
    EXPECT_EQ(figures->figures[2].tone, Tone::info);

    const auto* without = first_block<Table>(*find_section(doc, "without-backup"));
    ASSERT_NE(without, nullptr);
    EXPECT_EQ(without->rows[0].back().text.rfind("Accepted (ct-102) ", 0), 0U) << without->rows[0].back().text;

    bool anomaly_marked = false;
    bool expired_listed = false;
    for (const auto& row : first_block<Table>(*find_section(doc, "anomalies"))->rows) {
        anomaly_marked |= row[2].text == "ct/102" && row[3].text.rfind("Accepted (ct-102) ", 0) == 0;
        expired_listed |= row[1].text == "Exception expired" && row[2].text == "exception/old";
    }
    EXPECT_TRUE(anomaly_marked);
    EXPECT_TRUE(expired_listed);
}

TEST(ExceptionsSection, French) {
    const auto doc = build(with_exceptions(), "fr");
    const auto* section = find_section(doc, "accepted-exceptions");
    ASSERT_NE(section, nullptr);
    EXPECT_EQ(section->title, "Exceptions acceptées");
    const Table& table = *blocks_of<Table>(*section)[0];
    EXPECT_EQ(table.columns[6].title, "Responsable");
    EXPECT_EQ(cell_text(table, 1, 0), "Expirée");
    EXPECT_EQ(cell_text(table, 2, 0), "Inutilisée");
    const auto* figures = first_block<KeyFigures>(*find_section(doc, "summary"));
    EXPECT_EQ(figures->figures[2].detail, "1 acceptée");
}

TEST(ExceptionsSection, TagExceptionHasItsOwnWording) {
    auto data = pvr::test::sample_report();
    data.guests[2].guest.tags = {"no-backup"};
    pvr::analysis::apply_exceptions(data, {}, std::string("no-backup"), data.generated_at);
    data.verdict = pvr::analysis::decide_verdict(data);
    for (const auto& [lang, reason, owner, until] :
         {std::tuple{"en", "Tagged no-backup in PVE", "unknown", "no expiry"},
          std::tuple{"fr", "Étiquette no-backup dans PVE", "inconnu", "sans échéance"}}) {
        const auto doc = build(data, lang);
        const Table& table = *blocks_of<Table>(*find_section(doc, "accepted-exceptions"))[0];
        ASSERT_EQ(table.rows.size(), 1U);
        EXPECT_EQ(cell_text(table, 0, 1), "tag:no-backup");
        EXPECT_EQ(cell_text(table, 0, 5), reason);
        EXPECT_EQ(cell_text(table, 0, 6), owner);
        EXPECT_EQ(cell_text(table, 0, 7), until);
    }
}

} // namespace
