// The "Changes since <date>" block of the summary (document/changes_block.cpp).
#include "document/build_document.hpp"

#include "unit/document/document_test_support.hpp"
#include "unit/document/sample_report.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace pvr::document;
using pvr::test::blocks_of;
using pvr::test::find_section;

namespace {

constexpr std::int64_t k_previous = pvr::test::k_sample_generated_at - 86400; // 26 Nov 2026 07:00 UTC

Document build(const pvr::model::ReportData& data, const std::string& lang = "en") {
    DocumentOptions options;
    options.lang = lang;
    options.time_zone = "UTC";
    return build_document(data, options);
}

/// A copy: the documents are temporaries.
Section summary(const Document& doc) {
    const auto* section = find_section(doc, anchors::summary);
    EXPECT_NE(section, nullptr);
    return section != nullptr ? *section : Section{};
}

/// The rows of the changes table: "label | value".
std::vector<std::string> change_rows(const Section& section) {
    std::vector<std::string> rows;
    for (const auto* table : blocks_of<Table>(section)) {
        if (table->rows.empty() || !table->rows[0][0].as_label) {
            continue; // the facts table: plain labels
        }
        for (const auto& row : table->rows) {
            rows.push_back(row[0].text + " | " + row[1].text);
        }
    }
    return rows;
}

std::vector<std::string> headings(const Section& section) {
    std::vector<std::string> out;
    for (const auto* h : blocks_of<Heading>(section)) {
        out.push_back(h->text);
    }
    return out;
}

std::vector<std::string> paragraphs(const Section& section) {
    std::vector<std::string> out;
    for (const auto* p : blocks_of<Paragraph>(section)) {
        out.push_back(p->text);
    }
    return out;
}

bool contains(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

pvr::model::Changes previous_run() {
    pvr::model::Changes c;
    c.first_report = false;
    c.previous_at = k_previous;
    c.previous_file = "pve-backup-report_pve-prod_2026-11-26_070000.json.gz";
    return c;
}

pvr::model::GuestChange guest(std::int64_t vmid, std::string name, std::string before, std::string after,
                              bool accepted = false) {
    return {vmid, vmid >= 200 ? "lxc" : "qemu", std::move(name), std::move(before), std::move(after), accepted};
}

TEST(ChangesBlock, NothingWithoutHistory) {
    const auto data = pvr::test::sample_report();
    ASSERT_FALSE(data.changes.has_value());
    const auto section = summary(build(data));
    EXPECT_TRUE(change_rows(section).empty());
    EXPECT_TRUE(headings(section).empty());
    for (const auto& p : paragraphs(section)) {
        EXPECT_EQ(p.find("report for this cluster"), std::string::npos) << p;
        EXPECT_EQ(p.find("No change"), std::string::npos) << p;
    }
}

TEST(ChangesBlock, FirstReportInThreeLanguages) {
    auto data = pvr::test::sample_report();
    data.changes = pvr::model::Changes{};
    EXPECT_TRUE(contains(paragraphs(summary(build(data))),
                         "First report for this cluster: no earlier report to compare with."));
    EXPECT_TRUE(contains(paragraphs(summary(build(data, "fr"))),
                         "Premier rapport pour ce cluster\u00a0: aucun rapport antérieur à comparer."));
    EXPECT_TRUE(contains(paragraphs(summary(build(data, "de"))),
                         "Erster Bericht für diesen Cluster: kein früherer Bericht zum Vergleich."));
    EXPECT_TRUE(change_rows(summary(build(data))).empty());
}

TEST(ChangesBlock, NoChangeSinceThePreviousReport) {
    auto data = pvr::test::sample_report();
    data.changes = previous_run();
    const auto section = summary(build(data));
    EXPECT_TRUE(contains(paragraphs(section), "No change since 26 Nov 2026 07:00 UTC."));
    EXPECT_TRUE(headings(section).empty());
    EXPECT_TRUE(change_rows(section).empty());
    EXPECT_TRUE(contains(paragraphs(summary(build(data, "fr"))), "Aucun changement depuis le 26 nov. 2026 07:00 UTC."));
}

TEST(ChangesBlock, NoChangeStillShowsOngoingAnomalies) {
    auto data = pvr::test::sample_report();
    auto c = previous_run();
    c.ongoing_anomalies = {
        {"backup_failed", "critical", "vm/101", "failed", k_previous - 2 * 86400, 3, false},
        {"job_disabled", "warning", "job/backup-test", "disabled", k_previous - 9 * 86400, 10, false}};
    data.changes = c;
    const auto section = summary(build(data));
    EXPECT_TRUE(contains(paragraphs(section), "No change since 26 Nov 2026 07:00 UTC."));
    EXPECT_EQ(change_rows(section),
              (std::vector<std::string>{"Ongoing anomalies | 2 — job/backup-test (Job disabled, 10 days), "
                                        "vm/101 (Backup failed, 3 days)"}));
}

TEST(ChangesBlock, OneRowPerKindOfChangeInOrder) {
    auto data = pvr::test::sample_report();
    auto c = previous_run();
    c.lost_coverage = {guest(101, "web01", "scheduled", "not_backed_up"),
                       guest(205, "db05", "scheduled", "undetermined")};
    c.new_guests = {guest(230, "ci-runner", "", "not_backed_up"), guest(140, "app40", "", "scheduled")};
    c.gained_coverage = {guest(102, "", "not_backed_up", "scheduled")};
    c.removed_guests = {guest(110, "old", "scheduled", "")};
    c.new_failed_backups = {{104, "qemu", "app04", k_previous + 3600, false}};
    c.new_anomalies = {{"guest_not_backed_up", "critical", "vm/101", "m", pvr::test::k_sample_generated_at, 0, false}};
    c.resolved_anomalies = {{"backup_failed", "critical", "vm/103", "m", k_previous - 86400, 2, false}};
    c.jobs = {{"backup-daily", "retention_changed", "keep-daily=7", "keep-daily=14"},
              {"backup-weekly", "disabled", "", ""}};
    c.retention_policies = {{"pve-storage", "pbs-main", "changed", "keep-daily=7", ""}};
    data.changes = c;
    const auto section = summary(build(data));
    EXPECT_TRUE(contains(headings(section), "Changes since 26 Nov 2026 07:00 UTC"));
    EXPECT_EQ(change_rows(section),
              (std::vector<std::string>{
                  "Lost coverage | 2 — vm/101 web01, ct/205 db05",
                  "New and unprotected | 1 — ct/230 ci-runner",
                  "New failed backups | 1 — vm/104 app04",
                  "New anomalies | 1 — vm/101 (Guest not backed up)",
                  "Gained coverage | 1 — vm/102",
                  "New guests | 1 — vm/140 app40",
                  "Removed guests | 1 — vm/110 old",
                  "Resolved anomalies | 1 — vm/103 (Backup failed)",
                  "Backup jobs | 2 — backup-daily: retention keep-daily=7 → keep-daily=14, backup-weekly disabled",
                  "Retention policies | 1 — pbs-main (PVE storage): keep-daily=7 → Keep all",
              }));
    // Tones: losses are critical, gains good.
    const auto* table = blocks_of<Table>(section).front();
    EXPECT_EQ(table->rows[0][0].tone, Tone::critical);
    EXPECT_EQ(table->rows[4][0].tone, Tone::good);
    EXPECT_EQ(table->rows[8][0].tone, Tone::warning); // a job was disabled
}

TEST(ChangesBlock, FrenchAndGermanWords) {
    auto data = pvr::test::sample_report();
    auto c = previous_run();
    c.lost_coverage = {guest(101, "web01", "scheduled", "not_backed_up")};
    c.jobs = {{"backup-daily", "retention_changed", "keep-daily=7", "keep-daily=14"}};
    c.ongoing_anomalies = {{"backup_failed", "critical", "vm/101", "failed", k_previous, 1, false}};
    data.changes = c;
    const auto fr = summary(build(data, "fr"));
    EXPECT_TRUE(contains(headings(fr), "Changements depuis le 26 nov. 2026 07:00 UTC"));
    EXPECT_EQ(change_rows(fr),
              (std::vector<std::string>{
                  "Couverture perdue | 1 — vm/101 web01",
                  "Tâches de sauvegarde | 1 — backup-daily\u00a0: rétention keep-daily=7 → keep-daily=14",
                  "Anomalies persistantes | 1 — vm/101 (Échec de sauvegarde, 1 jour)",
              }));
    const auto de = summary(build(data, "de"));
    ASSERT_FALSE(headings(de).empty());
    EXPECT_EQ(headings(de)[0].rfind("Änderungen seit ", 0), 0U) << headings(de)[0];
    const auto rows = change_rows(de);
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0], "Abdeckung verloren | 1 — vm/101 web01");
    EXPECT_EQ(rows[1], "Backup-Jobs | 1 — backup-daily: Aufbewahrung keep-daily=7 → keep-daily=14");
    EXPECT_EQ(rows[2].rfind("Bestehende Auffälligkeiten | 1 — vm/101 (", 0), 0U) << rows[2];
    EXPECT_NE(rows[2].find(", 1 Tag)"), std::string::npos) << rows[2];
}

TEST(ChangesBlock, AcceptedEntriesCountedAndNamedLast) {
    auto data = pvr::test::sample_report();
    auto c = previous_run();
    c.lost_coverage = {guest(100, "lab", "scheduled", "not_backed_up", true),
                       guest(101, "web01", "scheduled", "not_backed_up")};
    c.new_guests = {guest(300, "scratch", "", "not_backed_up", true)};
    data.changes = c;
    const auto section = summary(build(data));
    EXPECT_EQ(change_rows(section), (std::vector<std::string>{
                                        "Lost coverage | 2 (1 accepted) — vm/101 web01, vm/100 lab",
                                        "New and unprotected | 1 (1 accepted) — ct/300 scratch",
                                    }));
    const auto* table = blocks_of<Table>(section).front();
    EXPECT_EQ(table->rows[0][0].tone, Tone::critical);
    EXPECT_EQ(table->rows[1][0].tone, Tone::info); // all accepted: no alarm
}

TEST(ChangesBlock, BoundedAtTenThousandGuests) {
    auto data = pvr::test::sample_report();
    auto c = previous_run();
    for (std::int64_t vmid = 1000; vmid < 11000; ++vmid) {
        c.lost_coverage.push_back(
            guest(vmid, "guest-with-a-rather-long-name-" + std::to_string(vmid), "scheduled", "not_backed_up"));
        c.ongoing_anomalies.push_back(
            {"guest_not_backed_up", "critical", "vm/" + std::to_string(vmid), "m", k_previous, 1, false});
    }
    data.changes = c;
    const auto rows = change_rows(summary(build(data)));
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].rfind("Lost coverage | 10,000 — ct/1000 guest-with-a-rather-long-name-1000, ", 0), 0U);
    EXPECT_NE(rows[0].find("ct/1004 guest-with-a-rather-long-name-1004 (+9,995)"), std::string::npos) << rows[0];
    EXPECT_EQ(rows[0].find("ct/1005"), std::string::npos);
    EXPECT_NE(rows[1].find("(+9,997)"), std::string::npos) << rows[1];
    for (const auto& row : rows) {
        EXPECT_LT(row.size(), 400U) << row;
    }
}

TEST(ChangesBlock, LongNamesAreCut) {
    auto data = pvr::test::sample_report();
    auto c = previous_run();
    c.removed_guests = {guest(101, std::string(200, 'x'), "scheduled", "")};
    data.changes = c;
    const auto rows = change_rows(summary(build(data)));
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0], "Removed guests | 1 — vm/101 " + std::string(39, 'x') + "…");
}

TEST(ChangesBlock, SitsBetweenTheVerdictAndTheKeyFigures) {
    auto data = pvr::test::sample_report();
    auto c = previous_run();
    c.lost_coverage = {guest(101, "web01", "scheduled", "not_backed_up")};
    data.changes = c;
    const auto section = summary(build(data));
    std::size_t verdict = 99, heading = 99, figures = 99;
    for (std::size_t i = 0; i < section.blocks.size(); ++i) {
        if (std::holds_alternative<Verdict>(section.blocks[i])) {
            verdict = i;
        } else if (std::holds_alternative<Heading>(section.blocks[i])) {
            heading = i;
        } else if (std::holds_alternative<KeyFigures>(section.blocks[i])) {
            figures = i;
        }
    }
    EXPECT_LT(verdict, heading);
    EXPECT_LT(heading, figures);
}

} // namespace
