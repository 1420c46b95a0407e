// The plain-text alternative: a readable summary of the verdict and the guests to look at.
#include "mail/message.hpp"
#include "mail_test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pvr::mail {
namespace {

using test::critical_report;
using test::good_report;

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

TEST(PlainText, CriticalReportListsWhatToLookAt) {
    PlainTextOptions options;
    options.attachment_name = "report.pdf";
    const std::string text = plain_text_summary(critical_report(), options);
    EXPECT_TRUE(has(text, "Backup report of pve-prod, 27 Nov 2026 07:00 UTC\n")) << text;
    EXPECT_TRUE(has(text, "Verdict: CRITICAL\n")) << text;
    EXPECT_TRUE(has(text, "Covered by a backup job: 3 (75.0%)\n")) << text;
    EXPECT_TRUE(has(text, "Not backed up (1):\n  vm/9001 tpl-debian (node pve1): no enabled backup job includes this "
                          "guest\n"))
        << text;
    EXPECT_TRUE(has(text, "Last backup failed (1):\n  vm/101 db (node pve1): failed on 27 Nov 2026 03:00 UTC - "
                          "unable to open file '/mnt/pbs' - Connection refused\n"))
        << text;
    // Critical anomalies first.
    EXPECT_TRUE(has(text, "Most severe anomalies (2 of 2):\n  [critical] vm/9001: no job includes it\n  [warning] "
                          "vm/101: the last backup failed\n"))
        << text;
    EXPECT_TRUE(has(text, "The full report is attached: report.pdf\n")) << text;
    EXPECT_TRUE(has(text, "\n-- \npve-backup-report 0.1.0\n")) << text;
    EXPECT_FALSE(has(text, "Backup overdue (")) << "no empty lists: " << text;
}

TEST(PlainText, GoodReportHasNoLists) {
    const std::string text = plain_text_summary(good_report(), {});
    EXPECT_TRUE(has(text, "Verdict: OK\n")) << text;
    EXPECT_FALSE(has(text, "):\n")) << text;
    EXPECT_FALSE(has(text, "attached")) << text;
}

TEST(PlainText, LongListsAreCut) {
    auto data = critical_report();
    for (int i = 0; i < 30; ++i) {
        data.guests.push_back(test::guest(200 + i, "extra", model::CoverageStatus::not_backed_up));
    }
    PlainTextOptions options;
    options.max_items = 5;
    const std::string text = plain_text_summary(data, options);
    EXPECT_TRUE(has(text, "Not backed up (31):\n")) << text;
    EXPECT_TRUE(has(text, "  ... and 26 more (see the report)\n")) << text;
}

TEST(PlainText, FrenchWithTheReportsTimeZone) {
    PlainTextOptions options;
    options.lang = "fr";
    options.time_zone = "Europe/Paris";
    const std::string text = plain_text_summary(critical_report(), options);
    EXPECT_TRUE(has(text, "Rapport de sauvegarde de pve-prod, 27 nov. 2026 08:00")) << text;
    EXPECT_TRUE(has(text, "Verdict\u00a0: CRITIQUE\n")) << text;
    EXPECT_TRUE(has(text, "Non sauvegardées (1)\u00a0:\n")) << text;
    EXPECT_TRUE(has(text, "(nœud pve1)")) << text;
}

TEST(PlainText, German) {
    PlainTextOptions options;
    options.lang = "de";
    options.time_zone = "Europe/Berlin";
    const std::string text = plain_text_summary(critical_report(), options);
    EXPECT_TRUE(has(text, "Backup-Bericht für pve-prod, 27. Nov. 2026 08:00")) << text;
    EXPECT_TRUE(has(text, "Ergebnis: KRITISCH\n")) << text;
    EXPECT_TRUE(has(text, "Nicht gesichert (1):\n")) << text;
    EXPECT_TRUE(has(text, "(Knoten pve1)")) << text;
}

TEST(PlainText, CollectionIssuesInTheReportsLanguage) {
    auto data = critical_report();
    model::CollectionIssue issue;
    issue.source = "node/pve3";
    issue.message = "node pve3 is offline: its task history and guest configurations could not be read";
    issue.fact.kind = "node_offline";
    issue.fact.add_text("node", "pve3");
    data.collection_issues = {issue};
    PlainTextOptions options;
    options.lang = "fr";
    const std::string fr = plain_text_summary(data, options);
    EXPECT_TRUE(has(fr, "  node/pve3: Le nœud pve3 est hors ligne\u00a0: son historique de tâches")) << fr;
    options.lang = "de";
    const std::string de = plain_text_summary(data, options);
    EXPECT_TRUE(has(de, "  node/pve3: Knoten pve3 ist offline: Sein Task-Verlauf")) << de;
}

} // namespace
} // namespace pvr::mail
