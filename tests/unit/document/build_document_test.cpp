#include "document/build_document.hpp"

#include "core/error.hpp"
#include "unit/document/document_test_support.hpp"
#include "unit/document/sample_report.hpp"

#include <gtest/gtest.h>

#include <chrono>

using namespace pvr::document;
using pvr::test::blocks_of;
using pvr::test::find_section;
using pvr::test::first_block;

namespace {

const std::string nbsp = "\u00a0";

Document build(const pvr::model::ReportData& data, const std::string& lang = "en", const std::string& zone = "UTC") {
    DocumentOptions options;
    options.lang = lang;
    options.time_zone = zone;
    return build_document(data, options);
}

const std::vector<std::string> k_anchors = {"summary",     "pbs-storages",     "storage-usage", "retention-policies",
                                            "backup-jobs", "without-backup",   "coverage",      "guest-retention",
                                            "anomalies",   "collection-issues"};

TEST(BuildDocument, SectionsInOrderWithTitlesInBothLanguages) {
    const std::vector<std::string> en_titles = {"Summary",           "PBS storages declared in PVE",
                                                "PBS storage usage", "PBS retention policies",
                                                "Backup jobs",       "VM/CT without backup",
                                                "VM/CT coverage",    "VM/CT backup retention by PBS",
                                                "Anomalies",         "Collection issues"};
    const std::vector<std::string> fr_titles = {"Synthèse",
                                                "Stockages PBS déclarés dans PVE",
                                                "Occupation des stockages PBS",
                                                "Politiques de rétention PBS",
                                                "Tâches de sauvegarde",
                                                "VM/CT sans sauvegarde",
                                                "Couverture des VM/CT",
                                                "Rétention des sauvegardes des VM/CT par PBS",
                                                "Anomalies",
                                                "Problèmes de collecte"};
    for (const auto& [lang, titles] : {std::pair{"en", en_titles}, std::pair{"fr", fr_titles}}) {
        for (const auto& data : {pvr::test::sample_report(), pvr::test::empty_report()}) {
            const auto doc = build(data, lang);
            ASSERT_EQ(doc.sections.size(), k_anchors.size());
            for (std::size_t i = 0; i < k_anchors.size(); ++i) {
                EXPECT_EQ(doc.sections[i].anchor, k_anchors[i]);
                EXPECT_EQ(doc.sections[i].title, titles[i]);
                EXPECT_FALSE(doc.sections[i].blocks.empty());
            }
        }
    }
}

TEST(BuildDocument, Metadata) {
    const auto en = build(pvr::test::sample_report(), "en", "Europe/Paris");
    EXPECT_EQ(en.meta.title, "Backup report — pve-prod");
    EXPECT_EQ(en.meta.lang, "en");
    EXPECT_EQ(en.meta.created, pvr::test::k_sample_generated_at);
    EXPECT_EQ(en.meta.header_left, "pve-prod");
    EXPECT_EQ(en.meta.header_right, "27 Nov 2026 08:00 CET");
    EXPECT_EQ(en.meta.author, "pve-backup-report 0.1.0");
    EXPECT_EQ(en.meta.footer_page_format, "Page {page} of {pages}");
    EXPECT_EQ(en.meta.contents_title, "Contents");
    const auto fr = build(pvr::test::sample_report(), "fr");
    EXPECT_EQ(fr.meta.title, "Rapport de sauvegarde — pve-prod");
    EXPECT_EQ(fr.meta.lang, "fr");
    EXPECT_EQ(fr.meta.footer_page_format, "Page {page} sur {pages}");
    EXPECT_EQ(fr.meta.header_right, "27 nov. 2026 07:00 UTC");
}

TEST(BuildDocument, UnknownLanguageIsAConfigError) {
    try {
        (void)build(pvr::test::sample_report(), "es");
        FAIL() << "expected an error";
    } catch (const pvr::Error& e) {
        EXPECT_EQ(e.kind(), pvr::ErrorKind::config);
    }
    EXPECT_THROW((void)build(pvr::test::sample_report(), "en", "Nowhere/Town"), pvr::Error);
}

TEST(BuildDocument, KeyFiguresFromTheSummaryLinkToTheirSections) {
    const auto doc = build(pvr::test::sample_report());
    const auto* figures = first_block<KeyFigures>(doc.sections.front());
    ASSERT_NE(figures, nullptr);
    ASSERT_EQ(figures->figures.size(), 8U);
    const auto& f = figures->figures;
    EXPECT_EQ(f[0].label, "Guests (VM/CT)");
    EXPECT_EQ(f[0].value, "4");
    EXPECT_EQ(f[0].detail, "1 template");
    EXPECT_EQ(f[0].link_anchor, "coverage");
    EXPECT_EQ(f[1].label, "Covered");
    EXPECT_EQ(f[1].value, "50.0%");
    EXPECT_EQ(f[1].detail, "2 of 4 guests");
    EXPECT_EQ(f[1].tone, Tone::critical);
    EXPECT_EQ(f[2].label, "Not backed up");
    EXPECT_EQ(f[2].value, "1");
    EXPECT_EQ(f[2].tone, Tone::critical);
    EXPECT_EQ(f[2].link_anchor, "without-backup");
    EXPECT_EQ(f[3].label, "Undetermined");
    EXPECT_EQ(f[3].value, "1");
    EXPECT_EQ(f[3].tone, Tone::warning);
    EXPECT_EQ(f[4].label, "Backup jobs");
    EXPECT_EQ(f[4].value, "3");
    EXPECT_EQ(f[4].detail, "2 enabled");
    EXPECT_EQ(f[4].link_anchor, "backup-jobs");
    EXPECT_EQ(f[5].label, "Anomalies");
    EXPECT_EQ(f[5].value, "3");
    EXPECT_EQ(f[5].detail, "1 critical");
    EXPECT_EQ(f[5].tone, Tone::critical);
    EXPECT_EQ(f[5].link_anchor, "anomalies");
    EXPECT_EQ(f[6].label, "Overdue backups");
    EXPECT_EQ(f[6].value, "1"); // 101
    EXPECT_EQ(f[6].tone, Tone::critical);
    EXPECT_EQ(f[6].link_anchor, "coverage");
    EXPECT_EQ(f[7].label, "Last backup failed");
    EXPECT_EQ(f[7].value, "1"); // 101's last vzdump task
    EXPECT_EQ(f[7].tone, Tone::critical);
    for (const auto& figure : f) {
        EXPECT_NE(find_section(doc, figure.link_anchor), nullptr) << figure.link_anchor;
    }
}

TEST(BuildDocument, FrenchKeyFiguresAndCoverageChart) {
    auto data = pvr::test::sample_report();
    data.summary.coverage_percent = 74.5;
    data.summary.guests_total = 12345;
    const auto doc = build(data, "fr");
    const auto* figures = first_block<KeyFigures>(doc.sections.front());
    ASSERT_NE(figures, nullptr);
    EXPECT_EQ(figures->figures[0].label, "VM/CT");
    EXPECT_EQ(figures->figures[0].value, "12" + nbsp + "345");
    EXPECT_EQ(figures->figures[1].value, "74,5" + nbsp + "%");
    EXPECT_EQ(figures->figures[4].detail, "2 activées");
    EXPECT_EQ(figures->figures[6].label, "Sauvegardes en retard");
    EXPECT_EQ(figures->figures[7].label, "Dernière sauvegarde en échec");
    const auto* chart = first_block<ProportionChart>(doc.sections.front());
    ASSERT_NE(chart, nullptr);
    EXPECT_EQ(chart->center_text, "74,5" + nbsp + "%");
    ASSERT_EQ(chart->segments.size(), 3U);
    EXPECT_EQ(chart->segments[0].label, "Sauvegarde planifiée");
    EXPECT_EQ(chart->segments[0].value, 2);
    EXPECT_EQ(chart->segments[0].tone, Tone::good);
    EXPECT_EQ(chart->segments[0].value_text, "2");
    EXPECT_EQ(chart->segments[1].label, "Non sauvegardée");
    EXPECT_EQ(chart->segments[1].tone, Tone::critical);
    EXPECT_EQ(chart->segments[2].label, "Indéterminé");
    EXPECT_EQ(chart->segments[2].tone, Tone::warning);
}

TEST(BuildDocument, VerdictRule) {
    auto data = pvr::test::sample_report();
    auto verdict_of = [](pvr::model::ReportData d, const std::string& lang = "en") {
        d.verdict = pvr::analysis::decide_verdict(d); // the analysis decides, the document words it
        const auto doc = build(d, lang);
        const auto* v = first_block<Verdict>(doc.sections.front());
        return v != nullptr ? *v : Verdict{};
    };
    auto v = verdict_of(data);
    EXPECT_EQ(v.tone, Tone::critical);
    EXPECT_EQ(v.title, "Backups are incomplete");
    EXPECT_EQ(v.text, "1 guest is not backed up and 1 critical anomaly was found.");
    EXPECT_EQ(verdict_of(data, "fr").text, "1 VM/CT n’est pas sauvegardée et 1 anomalie critique a été relevée.");

    // Undetermined guests, warnings and collection issues: warning.
    data.summary.guests_not_backed_up = 0;
    data.anomalies.erase(data.anomalies.begin());
    v = verdict_of(data);
    EXPECT_EQ(v.tone, Tone::warning);
    EXPECT_EQ(v.text, "1 guest has an undetermined status, 1 anomaly needs attention and 1 collection issue hides "
                      "part of the cluster.");

    data.summary.guests_undetermined = 0;
    data.anomalies.clear();
    EXPECT_EQ(verdict_of(data).tone, Tone::warning); // the collection issue alone
    data.collection_issues.clear();
    v = verdict_of(data);
    EXPECT_EQ(v.tone, Tone::good);
    EXPECT_EQ(v.text, "All 4 guests are included in at least one enabled backup job, and nothing needs attention.");
    data.anomalies.push_back({"job_disabled", pvr::model::Severity::info, "job/x", "info only"});
    EXPECT_EQ(verdict_of(data).tone, Tone::good); // info anomalies do not change the verdict

    EXPECT_EQ(verdict_of(pvr::test::empty_report()).tone, Tone::info);
}

TEST(BuildDocument, EmptySectionsSayItInOneMutedLine) {
    const std::vector<std::pair<std::string, std::string>> en = {
        {"pbs-storages", "No PBS storage is declared in PVE."},
        {"storage-usage", "No PBS storage is declared in PVE, so there is no usage to show."},
        {"retention-policies", "No retention policy was found."},
        {"backup-jobs", "No backup job is defined."},
        {"without-backup", "No VM or CT is without backup."},
        {"coverage", "No VM or CT was found."},
        {"guest-retention", "No retention information: no guest has backups on a PBS storage."},
        {"anomalies", "No anomaly was found."},
        {"collection-issues", "Everything was collected: no collection issue."},
    };
    for (const auto& lang : {"en", "fr"}) {
        const auto doc = build(pvr::test::empty_report(), lang);
        for (const auto& [anchor, text] : en) {
            const auto* section = find_section(doc, anchor);
            ASSERT_NE(section, nullptr) << anchor;
            ASSERT_EQ(section->blocks.size(), 1U) << anchor;
            const auto* paragraph = std::get_if<Paragraph>(&section->blocks.front());
            ASSERT_NE(paragraph, nullptr) << anchor;
            EXPECT_EQ(paragraph->tone, Tone::muted) << anchor;
            if (std::string(lang) == "en") {
                EXPECT_EQ(paragraph->text, text);
            } else {
                EXPECT_NE(paragraph->text, text);
            }
        }
    }
    const auto fr = build(pvr::test::empty_report(), "fr");
    EXPECT_EQ(std::get<Paragraph>(find_section(fr, "pbs-storages")->blocks.front()).text,
              "Aucun stockage PBS n’est déclaré dans PVE.");
}

TEST(BuildDocument, CoverageTableStatusesAsLabels) {
    for (const auto& [lang, scheduled, not_backed_up, undetermined] :
         {std::tuple{"en", "Backup scheduled", "Not backed up", "Undetermined"},
          std::tuple{"fr", "Sauvegarde planifiée", "Non sauvegardée", "Indéterminé"}}) {
        const auto doc = build(pvr::test::sample_report(), lang);
        const auto* section = find_section(doc, "coverage");
        ASSERT_NE(section, nullptr);
        EXPECT_TRUE(section->landscape);
        const auto* table = first_block<Table>(*section);
        ASSERT_NE(table, nullptr);
        ASSERT_EQ(table->rows.size(), 4U);
        ASSERT_EQ(table->columns.size(), 9U);
        for (const auto& row : table->rows) {
            ASSERT_EQ(row.size(), table->columns.size());
        }
        const std::size_t status = 5;
        const std::vector<std::pair<std::string, Tone>> expected = {{scheduled, Tone::good},
                                                                    {scheduled, Tone::good},
                                                                    {not_backed_up, Tone::critical},
                                                                    {undetermined, Tone::warning}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            EXPECT_TRUE(table->rows[i][status].as_label);
            EXPECT_EQ(table->rows[i][status].text, expected[i].first);
            EXPECT_EQ(table->rows[i][status].tone, expected[i].second);
        }
        EXPECT_EQ(table->rows[0][0].text, "100");
        EXPECT_EQ(table->rows[1][1].text, "db<&>\"'01");
    }
}

TEST(BuildDocument, CoverageRowDetails) {
    const auto doc = build(pvr::test::sample_report(), "en");
    const auto* table = first_block<Table>(*find_section(doc, "coverage"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->caption, "4 guests; times in UTC.");
    const auto& web = table->rows[0];
    EXPECT_EQ(web[2].text, "VM");
    EXPECT_EQ(web[3].text, "pve1");
    EXPECT_EQ(web[4].text, "Running");
    EXPECT_EQ(web[6].text, "backup-daily, backup-vmids");
    EXPECT_EQ(web[7].text, "24 Nov 2026 07:00 (3 days ago)");
    EXPECT_EQ(web[8].text, "Front web server");
    const auto& db = table->rows[1];
    EXPECT_EQ(db[2].text, "CT");
    EXPECT_EQ(db[4].text, "Stopped");
    // No snapshot on PBS: the last vzdump task (failed), and the guest is overdue.
    EXPECT_EQ(db[7].text, "26 Nov 2026 07:00 (24 hours ago), failed (task), overdue");
    EXPECT_EQ(db[7].tone, Tone::critical);
    EXPECT_EQ(web[7].tone, Tone::neutral);
    EXPECT_EQ(table->rows[2][7].text, "None seen");
    EXPECT_EQ(table->rows[2][7].tone, Tone::muted);
    EXPECT_EQ(table->rows[3][7].text, "25 Nov 2026 07:00 (2 days ago), OK (task)");
    EXPECT_EQ(table->rows[3][7].tone, Tone::neutral);
    // Notes are cut at 80 characters with "…", on a character boundary.
    EXPECT_EQ(db[8].text, "Base <script>alert('x')</script> & \"quotes\" — données clients, très importantes…");
    EXPECT_EQ(table->rows[2][8].text, "Not read"); // configuration not collected
    EXPECT_EQ(table->rows[3][2].text, "VM template");
    const auto fr = build(pvr::test::sample_report(), "fr");
    const auto* fr_table = first_block<Table>(*find_section(fr, "coverage"));
    EXPECT_EQ(fr_table->rows[0][7].text, "24 nov. 2026 07:00 (il y a 3 jours)");
    EXPECT_EQ(fr_table->rows[3][2].text, "Modèle VM");
    EXPECT_EQ(fr_table->rows[1][7].text, "26 nov. 2026 07:00 (il y a 24 heures), échec (tâche), en retard");
    EXPECT_EQ(fr_table->rows[2][7].text, "Aucune");
    EXPECT_EQ(fr_table->rows[3][7].text, "25 nov. 2026 07:00 (il y a 2 jours), OK (tâche)");
    EXPECT_EQ(fr_table->caption, "4 VM/CT" + nbsp + "; heures en UTC.");
}

TEST(BuildDocument, NotesExcerptLengthIsAnOption) {
    DocumentOptions options;
    options.notes_excerpt_chars = 10;
    const auto doc = build_document(pvr::test::sample_report(), options);
    const auto* table = first_block<Table>(*find_section(doc, "coverage"));
    EXPECT_EQ(table->rows[0][8].text, "Front web…");
}

TEST(BuildDocument, WithoutBackupListsNotBackedUpGuestsWithTheReason) {
    const auto en = build(pvr::test::sample_report(), "en");
    const auto* section = find_section(en, "without-backup");
    const auto* table = first_block<Table>(*section);
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->rows.size(), 1U);
    EXPECT_EQ(table->rows[0][0].text, "102");
    EXPECT_EQ(table->rows[0][4].text, "backup-pool");
    EXPECT_EQ(table->rows[0][5].text, "Only disabled job backup-pool includes it.");
    const auto* intro = first_block<Paragraph>(*section);
    EXPECT_EQ(intro->text, "1 guest is included in no enabled backup job.");
    const auto fr = build(pvr::test::sample_report(), "fr");
    EXPECT_EQ(first_block<Table>(*find_section(fr, "without-backup"))->rows[0][5].text,
              "Seules des tâches désactivées l’incluent" + nbsp + ": backup-pool.");
}

TEST(BuildDocument, BackupJobsInWords) {
    const auto doc = build(pvr::test::sample_report(), "en");
    const auto* section = find_section(doc, "backup-jobs");
    const auto* table = first_block<Table>(*section);
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->rows.size(), 3U);
    const auto& daily = table->rows[0];
    EXPECT_EQ(daily[0].text, "backup-daily");
    EXPECT_EQ(daily[1].text, "Enabled");
    EXPECT_TRUE(daily[1].as_label);
    EXPECT_EQ(daily[2].text, "02:00");
    EXPECT_EQ(daily[3].text, "28 Nov 2026 02:00 (in 19 hours)");
    EXPECT_EQ(daily[4].text, "pbs-main");
    EXPECT_EQ(daily[5].text, "Snapshot");
    EXPECT_EQ(daily[6].text, "All guests except 105, 110");
    const auto& pool = table->rows[1];
    EXPECT_EQ(pool[1].text, "Disabled");
    EXPECT_EQ(pool[3].text, "—");
    EXPECT_EQ(pool[5].text, "Stop");
    EXPECT_EQ(pool[6].text, "Pool prod, node pve2 only");
    const auto& vmids = table->rows[2];
    EXPECT_EQ(vmids[4].text, "Default storage");
    EXPECT_EQ(vmids[6].text, "VMIDs 100, 101");
    // The job's problems follow the table.
    const auto paragraphs = blocks_of<Paragraph>(*section);
    ASSERT_EQ(paragraphs.size(), 1U);
    EXPECT_EQ(paragraphs[0]->text, "backup-vmids: vmid: 'abc' is not a VMID");

    const auto fr = build(pvr::test::sample_report(), "fr", "Europe/Paris");
    const auto* fr_table = first_block<Table>(*find_section(fr, "backup-jobs"));
    EXPECT_EQ(fr_table->rows[0][3].text, "28 nov. 2026 03:00 (dans 19 heures)");
    EXPECT_EQ(fr_table->rows[0][6].text, "Toutes les VM/CT sauf 105, 110");
    EXPECT_EQ(fr_table->rows[1][6].text, "Pool prod, nœud pve2 uniquement");
    EXPECT_EQ(fr_table->rows[1][1].text, "Désactivée");
    EXPECT_EQ(fr_table->caption, "Heures en Europe/Paris.");
}

TEST(BuildDocument, StorageUsageBarsThresholdsAndMissingUsage) {
    const auto doc = build(pvr::test::sample_report(), "en");
    const auto* section = find_section(doc, "storage-usage");
    const auto* chart = first_block<BarChart>(*section);
    ASSERT_NE(chart, nullptr);
    EXPECT_EQ(chart->thresholds, (std::vector<double>{0.8, 0.9}));
    ASSERT_EQ(chart->bars.size(), 1U); // pbs-offsite has no usage
    EXPECT_EQ(chart->bars[0].label, "pbs-main");
    EXPECT_EQ(chart->bars[0].tone, Tone::warning); // 85 %
    EXPECT_NEAR(chart->bars[0].value / chart->bars[0].max, 0.85, 1e-9);
    EXPECT_EQ(chart->bars[0].value_text,
              "6.8" + nbsp + "TiB of 8.0" + nbsp + "TiB used (85.0%), 1.2" + nbsp + "TiB free");
    const auto paragraphs = blocks_of<Paragraph>(*section);
    ASSERT_EQ(paragraphs.size(), 2U);
    EXPECT_EQ(paragraphs[0]->text, "Marks at 80% and 90% of capacity: warning and critical thresholds.");
    EXPECT_EQ(paragraphs[1]->text, "Usage was not collected for pbs-offsite.");

    auto data = pvr::test::sample_report();
    for (auto& storage : data.pbs_storages) {
        storage.usage.reset();
    }
    const auto none = build(data, "en");
    const auto* none_section = find_section(none, "storage-usage");
    ASSERT_EQ(none_section->blocks.size(), 1U);
    EXPECT_EQ(std::get<Paragraph>(none_section->blocks[0]).text,
              "Usage was not collected: PBS was not queried or did not answer.");

    DocumentOptions options;
    options.storage_warn = 0.5;
    options.storage_critical = 0.8;
    const auto strict = build_document(pvr::test::sample_report(), options);
    EXPECT_EQ(first_block<BarChart>(*find_section(strict, "storage-usage"))->bars[0].tone, Tone::critical);
}

TEST(BuildDocument, PbsStoragesAndRetentionPolicies) {
    const auto doc = build(pvr::test::sample_report(), "fr");
    const auto* storages = first_block<Table>(*find_section(doc, "pbs-storages"));
    ASSERT_NE(storages, nullptr);
    ASSERT_EQ(storages->rows.size(), 2U);
    EXPECT_EQ(storages->rows[0][1].text, "Activé");
    EXPECT_EQ(storages->rows[0][2].text, "pbs1.example.lan");
    EXPECT_EQ(storages->rows[0][4].text, "racine");
    EXPECT_EQ(storages->rows[0][5].text, "Tous");
    EXPECT_EQ(storages->rows[0][6].text, "keep-daily=7, keep-weekly=4");
    EXPECT_EQ(storages->rows[0][7].text, "Chiffré");
    EXPECT_EQ(storages->rows[1][1].text, "Désactivé");
    EXPECT_EQ(storages->rows[1][2].text, "pbs2.example.lan:8008");
    EXPECT_EQ(storages->rows[1][5].text, "pve1, pve2");
    EXPECT_EQ(storages->rows[1][6].text, "Non définie");
    const auto* policies = first_block<Table>(*find_section(doc, "retention-policies"));
    ASSERT_NE(policies, nullptr);
    EXPECT_EQ(policies->rows[0][0].text, "Stockage PVE");
    ASSERT_EQ(policies->columns.size(), 9U);
    ASSERT_EQ(policies->rows.size(), 3U);
    EXPECT_EQ(policies->columns[4].title, "Espace de noms");
    EXPECT_EQ(policies->rows[0][0].text, "Stockage PVE");
    EXPECT_EQ(policies->rows[0][2].text, "—");
    EXPECT_EQ(policies->rows[0][5].text, "pbs-main");
    EXPECT_EQ(policies->rows[1][0].text, "Tâche de purge PBS");
    EXPECT_EQ(policies->rows[1][2].text, "pbs1.example.lan"); // as in the PBS storages table
    EXPECT_EQ(policies->rows[2][2].text, "pbs2.example.lan:8008");
    EXPECT_EQ(policies->rows[1][3].text, "store1");
    EXPECT_EQ(policies->rows[1][4].text, "racine, profondeur 2");
    EXPECT_EQ(policies->rows[1][5].text, "pbs-main");
    EXPECT_EQ(policies->rows[1][6].text, "daily");
    EXPECT_EQ(policies->rows[1][7].text, "keep-last=3, keep-daily=14");
    EXPECT_EQ(policies->rows[1][8].text, "Activée");
    EXPECT_TRUE(policies->rows[1][8].as_label);
    EXPECT_EQ(policies->rows[1][8].tone, Tone::good);
    EXPECT_EQ(policies->rows[2][4].text, "—"); // a datastore policy has no namespace
    EXPECT_EQ(policies->rows[2][7].text, "keep-last=5");
    EXPECT_EQ(policies->rows[2][8].text, "Désactivée");
    EXPECT_EQ(policies->rows[2][8].tone, Tone::muted);
}

TEST(BuildDocument, GuestRetentionShowsDashesAndExplainsThem) {
    const auto doc = build(pvr::test::sample_report(), "en");
    const auto* section = find_section(doc, "guest-retention");
    const auto* table = first_block<Table>(*section);
    ASSERT_NE(table, nullptr);
    const std::vector<std::string> titles = {"VMID",        "Name",         "Storage", "Policy",
                                             "Expected",    "Actual",       "Delta",   "Oldest snapshot",
                                             "Last backup", "Verification", "Notes"};
    ASSERT_EQ(table->columns.size(), titles.size());
    for (std::size_t i = 0; i < titles.size(); ++i) {
        EXPECT_EQ(table->columns[i].title, titles[i]);
    }
    ASSERT_EQ(table->rows.size(), 2U);
    const auto& web = table->rows[0];
    ASSERT_EQ(web.size(), titles.size());
    EXPECT_EQ(web[2].text, "pbs-main");
    EXPECT_EQ(web[3].text, "keep-daily=7, keep-weekly=4; PBS prune: prune-store1");
    EXPECT_EQ(web[4].text, "11");
    EXPECT_EQ(web[5].text, "9");
    EXPECT_EQ(web[6].text, "-2");
    EXPECT_EQ(web[6].tone, Tone::warning);
    EXPECT_EQ(web[7].text, "28 Sep 2026");
    EXPECT_EQ(web[8].text, "24 Nov 2026 (3 days ago)");
    EXPECT_EQ(web[8].tone, Tone::neutral);
    EXPECT_EQ(web[9].text, "OK");
    EXPECT_EQ(web[9].tone, Tone::good);
    EXPECT_EQ(web[10].text, "");
    const auto& db = table->rows[1];
    EXPECT_EQ(db[3].text, "Node default (keep all, assumed)");
    EXPECT_EQ(db[4].text, "—");
    EXPECT_EQ(db[6].text, "—");
    EXPECT_EQ(db[7].text, "—");
    EXPECT_EQ(db[8].text, "Overdue"); // no backup at all on pbs-main
    EXPECT_EQ(db[8].tone, Tone::critical);
    EXPECT_EQ(db[9].text, "—"); // nothing to verify
    EXPECT_EQ(db[10].text, "PBS snapshots of pbs-main were not collected: expected and actual versions are unknown");
    EXPECT_EQ(db[10].tone, Tone::muted);
    const auto paragraphs = blocks_of<Paragraph>(*section);
    ASSERT_EQ(paragraphs.size(), 3U); // intro, the "—" note, the orphan groups' intro
    EXPECT_EQ(paragraphs[1]->text,
              "—: figure unavailable; the notes say why (notes are written in English by the analysis).");
}

TEST(BuildDocument, GuestRetentionDeltaToleranceAndLongNotes) {
    auto data = pvr::test::sample_report();
    auto& retention = data.guests[0].retention[0];
    retention.delta = 1;
    retention.note = std::string(300, 'n');
    data.guests[0].last_backup->verification = "failed";
    auto doc = build(data, "en");
    auto row = first_block<Table>(*find_section(doc, "guest-retention"))->rows[0];
    EXPECT_EQ(row[6].text, "+1");
    EXPECT_EQ(row[6].tone, Tone::good); // within one version: the rhythm of backups and pruning
    EXPECT_EQ(row[9].text, "Failed (last OK 2 days ago)");
    EXPECT_EQ(row[9].tone, Tone::critical);
    EXPECT_LT(row[10].text.size(), 200U);
    EXPECT_EQ(row[10].text.substr(row[10].text.size() - 3), "…");
    retention.delta = 3;
    doc = build(data, "fr");
    row = first_block<Table>(*find_section(doc, "guest-retention"))->rows[0];
    EXPECT_EQ(row[6].text, "+3");
    EXPECT_EQ(row[6].tone, Tone::warning);
    EXPECT_EQ(row[9].text, "Échec (dernier succès il y a 2 jours)");
    data.guests[0].last_backup->verification.reset();
    row = first_block<Table>(*find_section(build(data, "en"), "guest-retention"))->rows[0];
    EXPECT_EQ(row[9].text, "Not verified (last OK 2 days ago)");
    EXPECT_EQ(row[9].tone, Tone::muted);
}

TEST(BuildDocument, GuestRetentionInFrench) {
    const auto doc = build(pvr::test::sample_report(), "fr");
    const auto* section = find_section(doc, "guest-retention");
    const auto* table = first_block<Table>(*section);
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->columns[3].title, "Politique");
    EXPECT_EQ(table->columns[7].title, "Plus ancien instantané");
    EXPECT_EQ(table->columns[9].title, "Vérification");
    const auto& web = table->rows[0];
    EXPECT_EQ(web[3].text, "keep-daily=7, keep-weekly=4" + nbsp + "; Purge PBS" + nbsp + ": prune-store1");
    EXPECT_EQ(web[7].text, "28 sept. 2026");
    EXPECT_EQ(web[8].text, "24 nov. 2026 (il y a 3 jours)");
    const auto& db = table->rows[1];
    EXPECT_EQ(db[3].text, "Défaut du nœud (tout conserver, supposé)");
    EXPECT_EQ(db[8].text, "En retard");
    EXPECT_EQ(db[9].text, "—");
}

TEST(BuildDocument, OrphanGroupsInBothLanguages) {
    for (const auto& [lang, heading, group_title] : {std::tuple{"en", "Orphan backup groups", "Group"},
                                                     std::tuple{"fr", "Groupes de sauvegarde orphelins", "Groupe"}}) {
        const auto doc = build(pvr::test::sample_report(), lang);
        const auto* section = find_section(doc, "guest-retention");
        const auto headings = blocks_of<Heading>(*section);
        ASSERT_EQ(headings.size(), 1U);
        EXPECT_EQ(headings[0]->level, 2);
        EXPECT_EQ(headings[0]->text, heading);
        const auto tables = blocks_of<Table>(*section);
        ASSERT_EQ(tables.size(), 2U);
        const auto& orphans = *tables[1];
        ASSERT_EQ(orphans.columns.size(), 6U);
        EXPECT_EQ(orphans.columns[3].title, group_title);
        ASSERT_EQ(orphans.rows.size(), 2U);
        EXPECT_EQ(orphans.rows[0][0].text, "pbs-main");
        EXPECT_EQ(orphans.rows[0][3].text, "vm/105");
        EXPECT_EQ(orphans.rows[0][4].text, "4");
        EXPECT_EQ(orphans.rows[1][2].text, "prod/vm");
        EXPECT_EQ(orphans.rows[1][3].text, "ct/300");
        EXPECT_EQ(orphans.rows[1][5].text, "—");
    }
    const auto en = build(pvr::test::sample_report(), "en");
    EXPECT_EQ(first_block<Table>(*find_section(en, "guest-retention")) == nullptr, false);
    EXPECT_EQ(blocks_of<Table>(*find_section(en, "guest-retention"))[1]->rows[0][2].text, "root");
    EXPECT_EQ(blocks_of<Table>(*find_section(en, "guest-retention"))[1]->rows[0][5].text, "17 Nov 2026 (10 days ago)");

    // No orphan: the sub-heading says so in one muted line.
    auto data = pvr::test::sample_report();
    data.pbs_orphan_groups.clear();
    for (const auto& [lang, text] : {std::pair{"en", "No orphan group."}, std::pair{"fr", "Aucun groupe orphelin."}}) {
        const auto doc = build(data, lang);
        const auto& blocks = find_section(doc, "guest-retention")->blocks;
        ASSERT_GE(blocks.size(), 2U);
        ASSERT_NE(std::get_if<Heading>(&blocks[blocks.size() - 2]), nullptr);
        const auto* last = std::get_if<Paragraph>(&blocks.back());
        ASSERT_NE(last, nullptr);
        EXPECT_EQ(last->text, text);
        EXPECT_EQ(last->tone, Tone::muted);
    }

    // No retention row but orphans: the empty line, then the orphans.
    data = pvr::test::sample_report();
    for (auto& guest : data.guests) {
        guest.retention.clear();
    }
    const auto doc = build(data, "en");
    const auto* section = find_section(doc, "guest-retention");
    EXPECT_EQ(std::get<Paragraph>(section->blocks.front()).text,
              "No retention information: no guest has backups on a PBS storage.");
    ASSERT_EQ(blocks_of<Table>(*section).size(), 1U);
    EXPECT_EQ(blocks_of<Table>(*section)[0]->rows.size(), 2U);
}

TEST(BuildDocument, OverdueTileWithoutFreshnessData) {
    auto data = pvr::test::sample_report();
    for (auto& guest : data.guests) {
        guest.freshness = {};
        guest.last_task.reset();
    }
    const auto doc = build(data, "en");
    const auto& f = first_block<KeyFigures>(doc.sections.front())->figures;
    ASSERT_EQ(f.size(), 8U);
    EXPECT_EQ(f[6].value, "—"); // nothing evaluated
    EXPECT_EQ(f[6].tone, Tone::neutral);
    EXPECT_EQ(f[7].value, "0");
    EXPECT_EQ(f[7].tone, Tone::good);
}

TEST(BuildDocument, AnomaliesAndCollectionIssues) {
    const auto doc = build(pvr::test::sample_report(), "fr");
    const auto* anomalies = first_block<Table>(*find_section(doc, "anomalies"));
    ASSERT_NE(anomalies, nullptr);
    ASSERT_EQ(anomalies->rows.size(), 3U); // in the given order
    EXPECT_EQ(anomalies->rows[0][0].text, "Critique");
    EXPECT_EQ(anomalies->rows[0][0].tone, Tone::critical);
    EXPECT_TRUE(anomalies->rows[0][0].as_label);
    EXPECT_EQ(anomalies->rows[0][1].text, "VM/CT non sauvegardée");
    EXPECT_EQ(anomalies->rows[1][0].text, "Info");
    EXPECT_EQ(anomalies->rows[1][0].tone, Tone::info);
    EXPECT_EQ(anomalies->rows[2][0].text, "Avertissement");
    EXPECT_EQ(anomalies->rows[2][0].tone, Tone::warning);
    EXPECT_EQ(anomalies->rows[2][3].text, "Job <backup-vmids> names VMID 999.");
    const auto* issues = first_block<Table>(*find_section(doc, "collection-issues"));
    ASSERT_NE(issues, nullptr);
    ASSERT_EQ(issues->columns.size(), 4U);
    EXPECT_EQ(issues->rows[0][0].text, "Avertissement");
    EXPECT_EQ(issues->rows[0][1].text, "pbs/pbs-offsite");
    EXPECT_EQ(issues->rows[0][2].text, "/status/datastore-usage");
}

TEST(BuildDocument, InvalidUtf8FromTheApiIsCleaned) {
    auto data = pvr::test::sample_report();
    data.guests[0].guest.name = std::string("bad\xff\x01name");
    const auto doc = build(data);
    const auto* table = first_block<Table>(*find_section(doc, "coverage"));
    EXPECT_EQ(table->rows[0][1].text, "bad\uFFFDname");
}

TEST(BuildDocument, TenThousandGuests) {
    const auto data = pvr::test::many_guests(10000);
    const auto start = std::chrono::steady_clock::now();
    const auto doc = build(data, "fr", "Europe/Paris");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const auto* table = first_block<Table>(*find_section(doc, "coverage"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rows.size(), 10000U);
    EXPECT_EQ(table->rows.back()[8].text.find("Notes for guest 9999"), 0U);
    EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 20);
}

} // namespace
