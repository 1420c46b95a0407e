// The outlets end to end with the real binary on the demo cluster: the exit status for schedulers
// (--fail-on / FAIL_ON), the Monitoring Plugins check (`monitor`) and the Prometheus textfile
// (--format prom / PROMETHEUS_TEXTFILE_DIR, validated by promtool).

#include "support/process.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

using pvr::test::run_process;

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> names;
    if (std::filesystem::exists(dir)) {
        for (const auto& e : std::filesystem::directory_iterator(dir)) {
            names.push_back(e.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

constexpr const char* k_demo_json = "pve-backup-report_pve-prod_2026-11-27_070000.json";
// Every report run also keeps its report data in the archive (HISTORY_DIR, by default OUTPUT_DIR).
constexpr const char* k_demo_archive = "pve-backup-report_pve-prod_2026-11-27_070000.data.json.gz";

// --- --fail-on ---------------------------------------------------------------------------------

TEST(FailOn, CriticalVerdictExitsSixAfterWritingTheReport) {
    pvr::test::TempDir dir;
    const auto result =
        run_process(PVR_BINARY, {"--demo", "--format", "json", "--fail-on", "critical"}, {{"OUTPUT_DIR", dir.path()}});
    EXPECT_EQ(result.exit_code, 6) << result.err;
    EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{k_demo_archive, k_demo_json}));
    EXPECT_NE(result.out.find(k_demo_json), std::string::npos);
    EXPECT_NE(result.err.find("verdict critical is at or above --fail-on critical"), std::string::npos) << result.err;
}

TEST(FailOn, NeverAndTheEnvironmentVariable) {
    pvr::test::TempDir dir;
    auto result =
        run_process(PVR_BINARY, {"--demo", "--format", "json", "--fail-on", "never"}, {{"OUTPUT_DIR", dir.path()}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    // FAIL_ON alone; the option overrides it.
    result =
        run_process(PVR_BINARY, {"--demo", "--format", "json"}, {{"OUTPUT_DIR", dir.path()}, {"FAIL_ON", "warning"}});
    EXPECT_EQ(result.exit_code, 6) << result.err;
    result = run_process(PVR_BINARY, {"--demo", "--format", "json", "--fail-on", "never"},
                         {{"OUTPUT_DIR", dir.path()}, {"FAIL_ON", "critical"}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    // --dump-report-data honours it too (the data is printed first).
    result = run_process(PVR_BINARY, {"--demo", "--dump-report-data", "--fail-on", "critical"}, {});
    EXPECT_EQ(result.exit_code, 6) << result.err;
    EXPECT_NE(result.out.find("\"verdict\""), std::string::npos);
}

TEST(FailOn, BadLevelsAreUsageErrorsBeforeAnyFile) {
    pvr::test::TempDir dir;
    auto result = run_process(PVR_BINARY, {"--demo", "--format", "json", "--fail-on", "sometimes"},
                              {{"OUTPUT_DIR", dir.path() + "/out"}});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--fail-on: 'sometimes'"), std::string::npos) << result.err;
    result = run_process(PVR_BINARY, {"--demo", "--format", "json"},
                         {{"OUTPUT_DIR", dir.path() + "/out"}, {"FAIL_ON", "always"}});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("FAIL_ON"), std::string::npos) << result.err;
    EXPECT_TRUE(files_in(dir.path() + "/out").empty());
}

TEST(FailOn, HelpListsTheExitCodes) {
    const auto result = run_process(PVR_BINARY, {"--help"}, {});
    EXPECT_EQ(result.exit_code, 0);
    for (const char* text : {"--fail-on", "\n  6        the verdict is at or above --fail-on",
                             "\n  7        the e-mail could not be delivered", "\n  130, 143 interrupted by SIGINT",
                             "FAIL_ON", "PROMETHEUS_TEXTFILE_DIR", "monitor"}) {
        EXPECT_NE(result.out.find(text), std::string::npos) << text;
    }
}

// --- monitor -----------------------------------------------------------------------------------

TEST(Monitor, DemoIsCriticalWithPerfdataAndGuests) {
    pvr::test::TempDir dir;
    const auto result = run_process(PVR_BINARY, {"monitor", "--demo"}, {{"OUTPUT_DIR", dir.path() + "/reports"}});
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    const std::string line = first_line(result.out);
    // The demo's exceptions file accepts 9 of the 10 guests without backup (scenarios/demo/exceptions.toml).
    EXPECT_EQ(line.rfind("PVE BACKUP CRITICAL - 1 of 40 guests not backed up, 9 accepted, 1 failed, ", 0), 0U) << line;
    EXPECT_NE(line.find(" | guests=40;;;0 covered=30;;;0;40 not_backed_up=1;;;0;40 "), std::string::npos) << line;
    EXPECT_NE(line.find(" accepted_not_backed_up=9;;;0;40 "), std::string::npos) << line;
    // Accepted guests are not listed among the offending ones; VM 300 (not accepted) is.
    EXPECT_NE(result.out.find("\nnot backed up: vm/300 "), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("\nnot backed up: vm/9001 "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\nnot backed up: "), std::string::npos) << result.out;
    // Only the first line has performance data, and the logs stay off the plugin's output.
    EXPECT_EQ(result.out.find('|', result.out.find('\n')), std::string::npos);
    EXPECT_EQ(result.err, "");
    // No file is written.
    EXPECT_TRUE(files_in(dir.path() + "/reports").empty());
}

TEST(Monitor, ThresholdsRelaxOrTightenTheState) {
    auto result = run_process(PVR_BINARY, {"monitor", "--demo", "--critical-not-backed-up", "20"}, {});
    EXPECT_EQ(result.exit_code, 0) << result.out;
    EXPECT_EQ(first_line(result.out).rfind("PVE BACKUP OK - 1 of 40 guests not backed up", 0), 0U) << result.out;
    EXPECT_NE(result.out.find(" not_backed_up=1;;20;0;40 "), std::string::npos) << result.out;

    result = run_process(PVR_BINARY,
                         {"monitor", "--demo", "--warning-not-backed-up", "0", "--critical-not-backed-up", "20"}, {});
    EXPECT_EQ(result.exit_code, 1) << result.out;
    EXPECT_EQ(first_line(result.out).rfind("PVE BACKUP WARNING - ", 0), 0U) << result.out;

    result =
        run_process(PVR_BINARY, {"monitor", "--demo", "--critical-not-backed-up", "20", "--critical-failed", "0"}, {});
    EXPECT_EQ(result.exit_code, 2) << result.out;
}

TEST(Monitor, ErrorsAreUnknown) {
    // Configuration error: no PVE_URL and no --demo.
    auto result = run_process(PVR_BINARY, {"monitor"}, {});
    EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
    EXPECT_EQ(result.out.rfind("PVE BACKUP UNKNOWN - ", 0), 0U) << result.out;
    EXPECT_EQ(first_line(result.out), "PVE BACKUP UNKNOWN - invalid configuration (3 problems):") << result.out;
    EXPECT_NE(result.out.find("\n- PVE_URL: required but not set"), std::string::npos) << result.out;
    EXPECT_EQ(result.err, "");

    // The API unreachable (a closed port).
    result = run_process(PVR_BINARY, {"monitor"},
                         {{"PVE_URL", "https://127.0.0.1:1"},
                          {"PVE_TOKEN_ID", "report@pve!coverage"},
                          {"PVE_TOKEN_SECRET", "4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60"},
                          {"PVE_TIMEOUT", "5"}});
    EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
    EXPECT_EQ(result.out.rfind("PVE BACKUP UNKNOWN - ", 0), 0U) << result.out;
    EXPECT_EQ(result.out.find("4b0c5a2e"), std::string::npos);

    // A bad threshold, an unknown option.
    result = run_process(PVR_BINARY, {"monitor", "--demo", "--critical-failed", "lots"}, {});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.out.find("--critical-failed: 'lots'"), std::string::npos) << result.out;
    result = run_process(PVR_BINARY, {"monitor", "--demo", "--format", "pdf"}, {});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(result.out.rfind("PVE BACKUP UNKNOWN - ", 0), 0U) << result.out;
}

// --- Prometheus textfile -----------------------------------------------------------------------

/// `promtool check metrics` (Debian package prometheus) reads the exposition on standard input.
pvr::test::ProcessResult promtool_check(const std::string& file) {
    return run_process("/bin/sh", {"-c", "exec /usr/bin/promtool check metrics < \"$0\"", file}, {});
}

TEST(Prometheus, FormatPromWritesAFileThatPromtoolAccepts) {
    pvr::test::TempDir dir;
    const auto result = run_process(PVR_BINARY, {"--demo", "--format", "prom"}, {{"OUTPUT_DIR", dir.path()}});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{k_demo_archive, "pve_backup_report_pve-prod.prom"}));
    const std::string file = dir.path() + "/pve_backup_report_pve-prod.prom";
    const auto check = promtool_check(file);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_EQ(check.out + check.err, "");

    const std::string text = pvr::test::read_whole_file(file);
    for (const char* line : {
             "\npve_backup_report_guests{cluster=\"pve-prod\",status=\"not_backed_up\"} 10\n",
             "\npve_backup_report_guests{cluster=\"pve-prod\",status=\"scheduled\"} 30\n",
             "\npve_backup_report_coverage_ratio{cluster=\"pve-prod\"} 0.75\n",
             "\npve_backup_report_verdict{cluster=\"pve-prod\",level=\"critical\"} 1\n",
             "\npve_backup_report_last_success_timestamp_seconds{cluster=\"pve-prod\"} 1795762800\n",
             "\n# TYPE pve_backup_report_guest_last_backup_timestamp_seconds gauge\n",
             "\n# TYPE pve_backup_report_guest_backup_overdue gauge\n",
             "\n# TYPE pve_backup_report_guest_expected_versions gauge\n",
             "\n# TYPE pve_backup_report_guest_actual_versions gauge\n",
             "\n# TYPE pve_backup_report_pbs_datastore_used_bytes gauge\n",
             "\n# TYPE pve_backup_report_pbs_datastore_size_bytes gauge\n",
             "\n# TYPE pve_backup_report_anomalies gauge\n",
             "\n# TYPE pve_backup_report_run_duration_seconds gauge\n",
         }) {
        EXPECT_NE(text.find(line), std::string::npos) << "missing: " << line;
    }
}

TEST(Prometheus, TextfileDirIsReplacedAtomicallyBesideTheReports) {
    pvr::test::TempDir dir;
    const std::string textfiles = dir.path() + "/textfile";
    const std::map<std::string, std::string> env{{"OUTPUT_DIR", dir.path() + "/reports"},
                                                 {"PROMETHEUS_TEXTFILE_DIR", textfiles}};
    for (int run = 0; run < 2; ++run) {
        const auto result = run_process(PVR_BINARY, {"--demo", "--format", "json"}, env);
        ASSERT_EQ(result.exit_code, 0) << result.err;
        EXPECT_NE(result.out.find(textfiles + "/pve_backup_report_pve-prod.prom"), std::string::npos) << result.out;
    }
    // One fixed file, overwritten; no temporary file left; the dated reports accumulate.
    EXPECT_EQ(files_in(textfiles), std::vector<std::string>{"pve_backup_report_pve-prod.prom"});
    EXPECT_EQ(files_in(dir.path() + "/reports").size(), 4U); // 2 JSON reports, 2 archive records
    const auto check = promtool_check(textfiles + "/pve_backup_report_pve-prod.prom");
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST(Prometheus, UnwritableTextfileDirFailsBeforeCollecting) {
    pvr::test::TempDir dir;
    const std::string not_a_dir = dir.path() + "/file";
    pvr::test::run_process("/usr/bin/touch", {not_a_dir}, {});
    const auto result = run_process(PVR_BINARY, {"--demo", "--format", "json"},
                                    {{"OUTPUT_DIR", dir.path() + "/reports"}, {"PROMETHEUS_TEXTFILE_DIR", not_a_dir}});
    EXPECT_EQ(result.exit_code, 5);
    EXPECT_NE(result.err.find("PROMETHEUS_TEXTFILE_DIR"), std::string::npos) << result.err;
    EXPECT_TRUE(files_in(dir.path() + "/reports").empty());
}

TEST(Prometheus, UnknownFormatStillNamesProm) {
    const auto result = run_process(PVR_BINARY, {"--demo", "--format", "xml"}, {});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("(pdf, html, json, prom)"), std::string::npos) << result.err;
}

} // namespace
