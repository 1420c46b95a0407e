// The demo's PDF and HTML reports as a reader gets them, in every language: checked with the
// poppler and qpdf tools (text extraction, embedded fonts, outline, structure).

#include "support/process.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

using pvr::test::run_process;

struct Language {
    const char* code;
    std::vector<const char*> section_titles;
    std::vector<const char*> key_figures;
};

const Language k_languages[] = {
    {"en",
     {"Summary", "PBS storages declared in PVE", "PBS storage usage", "PBS retention policies", "Backup jobs",
      "VM/CT without backup", "VM/CT coverage", "VM/CT backup retention by PBS", "Anomalies", "Accepted exceptions",
      "Collection issues"},
     {"Backup report", "75.0%", "30 of 40 guests", "Page 1 of"}},
    {"fr",
     {"Synthèse", "Stockages PBS déclarés dans PVE", "Occupation des stockages PBS", "Politiques de rétention PBS",
      "Tâches de sauvegarde", "VM/CT sans sauvegarde", "Couverture des VM/CT",
      "Rétention des sauvegardes des VM/CT par PBS", "Anomalies", "Exceptions acceptées", "Problèmes de collecte"},
     {"Rapport de sauvegarde", "75,0", "Page 1 sur"}},
    {"de",
     {"Übersicht", "In PVE eingebundene PBS-Storages", "Belegung der PBS-Storages", "PBS-Aufbewahrungsrichtlinien",
      "Backup-Jobs", "Gäste ohne Backup", "Backup-Abdeckung der Gäste", "Aufbewahrung der Gast-Backups je PBS",
      "Auffälligkeiten", "Akzeptierte Ausnahmen", "Probleme bei der Datenerfassung"},
     {"Backup-Bericht", "75,0", "30 von 40 Gästen", "Seite 1 von"}},
};

/// The demo's offline node (a collection issue), worded in each language (issue 13).
const std::map<std::string, std::string> k_offline_node = {
    {"en", "Node pve3 is offline: its task history and guest configurations could not be read."},
    {"fr", "Le nœud pve3 est hors ligne\u00a0: son historique de tâches et la configuration de ses VM/CT n’ont pas "
           "pu être lus."},
    {"de", "Knoten pve3 ist offline: Sein Task-Verlauf und die Konfiguration seiner Gäste konnten nicht gelesen "
           "werden."},
};

std::string tool(const std::string& program, const std::vector<std::string>& args) {
    const auto result = run_process("/usr/bin/" + program, args, {});
    EXPECT_EQ(result.exit_code, 0) << program << ": " << result.err;
    return result.out;
}

class ReportFiles : public ::testing::TestWithParam<Language> {};

TEST_P(ReportFiles, DemoPdfAndHtmlCarryEverySectionAndKeyFigure) {
    const Language& lang = GetParam();
    pvr::test::TempDir dir;
    const auto result = run_process(PVR_BINARY, {"--demo", "--generate-pdf", "--format", "html"},
                                    {{"OUTPUT_DIR", dir.path()}, {"REPORT_LANG", lang.code}});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string base = dir.path() + "/pve-backup-report_pve-prod_2026-11-27_070000";
    const std::string pdf = base + ".pdf";
    ASSERT_TRUE(std::filesystem::exists(pdf)) << result.out;

    // Structure and fonts.
    EXPECT_EQ(run_process("/usr/bin/qpdf", {"--check", pdf}, {}).exit_code, 0);
    const std::string fonts = tool("pdffonts", {pdf});
    std::size_t font_lines = 0;
    std::size_t pos = fonts.find('\n', fonts.find("---"));
    while (pos != std::string::npos && pos + 1 < fonts.size()) {
        const auto end = fonts.find('\n', pos + 1);
        const std::string line = fonts.substr(pos + 1, end - pos - 1);
        if (!line.empty()) {
            ++font_lines;
            EXPECT_NE(line.find(" yes "), std::string::npos) << "font not embedded: " << line;
            EXPECT_EQ(line.find("Type 3"), std::string::npos) << line;
        }
        pos = end;
    }
    EXPECT_GT(font_lines, 0U);

    // Text: every section title and the key figures.
    const std::string text = tool("pdftotext", {"-layout", pdf, "-"});
    for (const char* title : lang.section_titles) {
        EXPECT_NE(text.find(title), std::string::npos) << "section title missing: " << title;
    }
    for (const char* figure : lang.key_figures) {
        EXPECT_NE(text.find(figure), std::string::npos) << "missing: " << figure;
    }
    // Names with accents, CJK and emoji from the demo's notes come out as text.
    EXPECT_NE(text.find("Propriétaire"), std::string::npos);
    EXPECT_NE(text.find("数据库"), std::string::npos);

    // The outline (bookmarks) lists the sections.
    const std::string outline = tool("qpdf", {"--json", "--json-key=outlines", pdf});
    for (const char* title : lang.section_titles) {
        EXPECT_NE(outline.find(title), std::string::npos) << "outline entry missing: " << title;
    }

    // The HTML twin: self-contained, same sections.
    const std::string html = pvr::test::read_whole_file(base + ".html");
    for (const char* title : lang.section_titles) {
        EXPECT_NE(html.find(title), std::string::npos) << "HTML section missing: " << title;
    }
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);
    EXPECT_EQ(html.find("href=\"http"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    // The collection issue in the report's language.
    const auto offline = k_offline_node.find(lang.code);
    ASSERT_NE(offline, k_offline_node.end());
    EXPECT_NE(html.find(offline->second), std::string::npos) << "collection issue not worded in " << lang.code;
}

INSTANTIATE_TEST_SUITE_P(Languages, ReportFiles, ::testing::ValuesIn(k_languages),
                         [](const auto& param_info) { return std::string(param_info.param.code); });

} // namespace

namespace {

// Reports are created with the process umask, as the systemd unit's UMask=0027 expects.
TEST(ReportFileMode, FollowsTheUmask) {
    for (const auto& [mask, expected] :
         {std::pair{"027", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                               std::filesystem::perms::group_read},
          std::pair{"022", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                               std::filesystem::perms::group_read | std::filesystem::perms::others_read}}) {
        pvr::test::TempDir dir;
        const auto result = run_process(
            "/bin/sh", {"-c", std::string("umask ") + mask + " && exec \"$0\" --demo --generate-pdf", PVR_BINARY},
            {{"OUTPUT_DIR", dir.path()}});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const std::string pdf = dir.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.pdf";
        ASSERT_TRUE(std::filesystem::exists(pdf));
        EXPECT_EQ(std::filesystem::status(pdf).permissions() & std::filesystem::perms::all, expected) << mask;
    }
}

// The container image sets OUTPUT_DIR_MUST_BE_MOUNTED=true: a report run into a directory that is
// not a mount point (the container's own /reports, lost with it) stops with exit 5 before the
// collection and says how to mount one; --version and --check write nothing and are not refused.
TEST(OutputDirMustBeMounted, RefusesAnUnmountedOutputDirectory) {
    pvr::test::TempDir dir;
    const std::map<std::string, std::string> env{{"OUTPUT_DIR", dir.path()}, {"OUTPUT_DIR_MUST_BE_MOUNTED", "true"}};
    const auto refused = run_process(PVR_BINARY, {"--demo", "--generate-pdf"}, env);
    EXPECT_EQ(refused.exit_code, 5) << refused.err;
    EXPECT_NE(refused.err.find("OUTPUT_DIR '" + dir.path() + "' is not a mounted directory"), std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("docker run -v \"$PWD/reports:/reports\""), std::string::npos) << refused.err;
    EXPECT_EQ(refused.err.find("collected"), std::string::npos) << "collected before refusing: " << refused.err;
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));

    EXPECT_EQ(run_process(PVR_BINARY, {"--version"}, env).exit_code, 0);
    const auto check = run_process(PVR_BINARY, {"--check", "--demo"}, env);
    EXPECT_EQ(check.exit_code, 0) << check.err;

    const auto bad =
        run_process(PVR_BINARY, {"--demo"}, {{"OUTPUT_DIR", dir.path()}, {"OUTPUT_DIR_MUST_BE_MOUNTED", "maybe"}});
    EXPECT_EQ(bad.exit_code, 2) << bad.err;
    EXPECT_NE(bad.err.find("OUTPUT_DIR_MUST_BE_MOUNTED"), std::string::npos) << bad.err;
}

// Under systemd with StandardError=journal, JOURNAL_STREAM names stderr: lines carry sd-daemon
// priority prefixes so that `journalctl -p warning` finds the warnings.
TEST(JournalLogging, PrefixesPrioritiesOnlyWhenStderrIsTheJournalStream) {
    pvr::test::TempDir dir;
    // The shell sets JOURNAL_STREAM to the device:inode of the file its stderr goes to.
    const std::string script = "err=$1/err.log; exec 2>\"$err\"; "
                               "JOURNAL_STREAM=$(stat -c '%d:%i' \"$err\") exec \"$0\" --demo --generate-pdf";
    const auto result = run_process("/bin/sh", {"-c", script, PVR_BINARY, dir.path()},
                                    {{"OUTPUT_DIR", dir.path()}, {"PVE_TIMEOUTT", "5"}}); // a warning
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string log = pvr::test::read_whole_file(dir.path() + "/err.log");
    EXPECT_NE(log.find("<6>info "), std::string::npos) << log;
    EXPECT_NE(log.find("<4>warning PVE_TIMEOUTT: unknown variable"), std::string::npos) << log;
    // No line in the plain format ("2026-11-27T07:00:00+0000 info  ..."); other lines may come
    // from the sanitizers' runtime in the ASan+UBSan build.
    for (std::size_t start = 0; start < log.size();) {
        const auto end = log.find('\n', start);
        const std::string line = log.substr(start, end - start);
        EXPECT_FALSE(!line.empty() && line[0] >= '0' && line[0] <= '9') << line;
        start = end == std::string::npos ? log.size() : end + 1;
    }

    // Inherited from a parent unit but stderr is elsewhere: plain lines.
    pvr::test::TempDir other;
    const auto plain = run_process(PVR_BINARY, {"--demo", "--generate-pdf"},
                                   {{"OUTPUT_DIR", other.path()}, {"JOURNAL_STREAM", "8:12345"}});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_EQ(plain.err.find("<6>"), std::string::npos) << plain.err;
}

} // namespace
