// The archive (issue 11): every run keeps its report data, hash-chained to the previous run's;
// verify-archive names every break; retention keeps the chain verifiable; `history` answers "was
// it backed up on that day" with the record that proves it. A generated history of 90 daily demo
// runs (scripts/gen-demo-history.py) stands in for three months of a real cluster.

#include "support/process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using pvr::test::run_process;
using pvr::test::TempDir;

std::vector<std::string> archive_files(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (name.ends_with(".data.json.gz")) {
            out.push_back(name);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

pvr::test::ProcessResult sh(const std::string& script) { return run_process("/bin/sh", {"-c", script}, {}); }

std::string sha256_of(const std::string& path) {
    const auto result = run_process("/usr/bin/sha256sum", {path}, {});
    return result.out.substr(0, 64);
}

nlohmann::json record_json(const std::string& path) {
    return nlohmann::json::parse(sh("gunzip -c '" + path + "'").out);
}

/// One demo report and 90 generated daily records before it, made once for every test.
class Archive : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dirs = std::make_unique<Dirs>();
        const auto run = run_process(PVR_BINARY, {"--demo", "--format", "json"}, {{"OUTPUT_DIR", s_dirs->base.path()}});
        ASSERT_EQ(run.exit_code, 0) << run.err;
        const std::string json = s_dirs->base.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.json";
        ASSERT_TRUE(fs::exists(json)) << run.out;
        const auto gen = run_process("/usr/bin/python3",
                                     {std::string(PVR_SOURCE_DIR) + "/scripts/gen-demo-history.py", "--report", json,
                                      "--out", s_dirs->generated.path()},
                                     {});
        ASSERT_EQ(gen.exit_code, 0) << gen.err;
    }
    static void TearDownTestSuite() { s_dirs.reset(); }

    /// A copy of the generated history to tamper with.
    static std::string copy_of_generated(const TempDir& into) {
        const std::string dir = into.path() + "/history";
        fs::copy(s_dirs->generated.path(), dir, fs::copy_options::recursive);
        return dir;
    }

    struct Dirs {
        TempDir base;
        TempDir generated;
    };
    static std::unique_ptr<Dirs> s_dirs;
};
std::unique_ptr<Archive::Dirs> Archive::s_dirs;

TEST_F(Archive, EveryRunWritesARecordBesideItsReports) {
    const auto files = archive_files(s_dirs->base.path());
    ASSERT_EQ(files.size(), 1U); // the --format json run of the set-up
    EXPECT_EQ(files[0], "pve-backup-report_pve-prod_2026-11-27_070000.data.json.gz");
    const auto record = record_json(s_dirs->base.path() + "/" + files[0]);
    EXPECT_EQ(record["schema_version"], 1);
    EXPECT_TRUE(record["archive"]["previous"].is_null()); // the first report
}

TEST_F(Archive, TheGeneratedHistoryVerifies) {
    ASSERT_EQ(archive_files(s_dirs->generated.path()).size(), 90U);
    const auto result = run_process(PVR_BINARY, {"verify-archive", s_dirs->generated.path()}, {});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("cluster pve-prod: 90 reports"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("every chain holds"), std::string::npos) << result.out;
}

TEST_F(Archive, TwoConsecutiveRunsLinkAndThePdfShowsTheHash) {
    TempDir tmp;
    const std::string history = copy_of_generated(tmp);
    const std::string newest_generated = archive_files(history).back();
    const auto first =
        run_process(PVR_BINARY, {"--demo", "--format", "pdf"}, {{"OUTPUT_DIR", tmp.path()}, {"HISTORY_DIR", history}});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    const auto second = run_process(PVR_BINARY, {"--demo", "--format", "html", "--now", "2026-11-27T08:00:00Z"},
                                    {{"OUTPUT_DIR", tmp.path()}, {"HISTORY_DIR", history}});
    ASSERT_EQ(second.exit_code, 0) << second.err;

    const std::string run1 = "pve-backup-report_pve-prod_2026-11-27_070000.data.json.gz";
    const std::string run2 = "pve-backup-report_pve-prod_2026-11-27_080000.data.json.gz";
    const auto r1 = record_json(history + "/" + run1);
    EXPECT_EQ(r1["archive"]["previous"]["file"], newest_generated);
    EXPECT_EQ(r1["archive"]["previous"]["sha256"], sha256_of(history + "/" + newest_generated));
    const auto r2 = record_json(history + "/" + run2);
    EXPECT_EQ(r2["archive"]["previous"]["file"], run1);
    const std::string sha1 = sha256_of(history + "/" + run1);
    EXPECT_EQ(r2["archive"]["previous"]["sha256"], sha1);

    // The run's own hash: PDF metadata and the last page; the HTML says the previous one too.
    const std::string pdf = tmp.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.pdf";
    const auto info = run_process("/usr/bin/pdfinfo", {pdf}, {});
    EXPECT_NE(info.out.find("report-data-sha256:" + sha1), std::string::npos) << info.out;
    const auto text = run_process("/usr/bin/pdftotext", {pdf, "-"}, {}).out;
    std::string last_page; // its words, one space between them
    for (const char c : text.substr(text.rfind('\f', text.size() - 2) + 1)) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space || (!last_page.empty() && last_page.back() != ' ')) {
            last_page += space ? ' ' : c;
        }
    }
    EXPECT_NE(last_page.find("Report data " + run1), std::string::npos) << last_page;
    EXPECT_NE(last_page.find(sha1.substr(0, 16)), std::string::npos) << last_page;
    const auto html = pvr::test::read_whole_file(tmp.path() + "/pve-backup-report_pve-prod_2026-11-27_080000.html");
    EXPECT_NE(html.find("Previous report " + run1 + ", SHA-256 " + sha1), std::string::npos);

    const auto verify = run_process(PVR_BINARY, {"verify-archive", history}, {});
    EXPECT_EQ(verify.exit_code, 0) << verify.out;
    EXPECT_NE(verify.out.find("92 reports"), std::string::npos) << verify.out;
}

TEST_F(Archive, AnEditedRecordIsNamed) {
    TempDir tmp;
    const std::string history = copy_of_generated(tmp);
    const std::string victim = archive_files(history)[40];
    // Change one figure inside the record and store it again, as a forger would.
    ASSERT_EQ(sh("cd '" + history + "' && gunzip -c " + victim +
                 " | sed 's/\"guests_total\":[0-9]*/\"guests_total\":1/' | gzip -n > x && mv x " + victim)
                  .exit_code,
              0);
    const auto result = run_process(PVR_BINARY, {"verify-archive", history}, {});
    EXPECT_EQ(result.exit_code, 1) << result.out;
    EXPECT_NE(result.out.find("edited record: " + victim), std::string::npos) << result.out;
}

TEST_F(Archive, ADeletedRecordIsNamed) {
    TempDir tmp;
    const std::string history = copy_of_generated(tmp);
    const auto files = archive_files(history);
    fs::remove(history + "/" + files[45]);
    const auto result = run_process(PVR_BINARY, {"verify-archive", history}, {});
    EXPECT_EQ(result.exit_code, 1) << result.out;
    EXPECT_NE(result.out.find("missing record: " + files[45] + " (the previous report of " + files[46]),
              std::string::npos)
        << result.out;
}

TEST_F(Archive, AnInsertedRecordIsNamed) {
    TempDir tmp;
    const std::string history = copy_of_generated(tmp);
    const auto files = archive_files(history);
    // A record claiming to be made an hour after day 50's: its content names day 49 as previous.
    std::string name = files[49];
    name.replace(name.find("_07") + 1, 2, "08");
    ASSERT_EQ(sh("cd '" + history + "' && gunzip -c " + files[49] +
                 " | sed 's/T07:00:00Z\",\"tool_version/T08:00:00Z\",\"tool_version/' | gzip -n > " + name)
                  .exit_code,
              0);
    const auto result = run_process(PVR_BINARY, {"verify-archive", history}, {});
    EXPECT_EQ(result.exit_code, 1) << result.out;
    EXPECT_NE(result.out.find("inserted record"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find(name), std::string::npos) << result.out;
}

TEST_F(Archive, RetentionRemovesOldReportsAndTheChainStartsAtTheOldestKept) {
    TempDir tmp;
    const std::string history = copy_of_generated(tmp);
    const auto run =
        run_process(PVR_BINARY, {"--demo", "--format", "json"},
                    {{"OUTPUT_DIR", tmp.path()}, {"HISTORY_DIR", history}, {"REPORT_RETENTION_DAYS", "30"}});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto files = archive_files(history);
    EXPECT_EQ(files.size(), 31U); // 30 generated days (2026-10-28 .. 11-26) and this run
    const auto own = record_json(history + "/" + files.back());
    EXPECT_EQ(own["archive"]["pruned"].size(), 60U);
    const auto result = run_process(PVR_BINARY, {"verify-archive", history}, {});
    EXPECT_EQ(result.exit_code, 0) << result.out;
    EXPECT_NE(
        result.out.find("chain starts at " + files.front() + " (earlier reports removed by retention on 2026-11-27)"),
        std::string::npos)
        << result.out;
}

TEST_F(Archive, AnUnwritableHistoryDirIsExit5NamingTheVariable) {
    TempDir tmp;
    const std::string file = tmp.path() + "/plain-file";
    ASSERT_EQ(sh("touch '" + file + "'").exit_code, 0);
    const auto run = run_process(PVR_BINARY, {"--demo"}, {{"OUTPUT_DIR", tmp.path()}, {"HISTORY_DIR", file + "/sub"}});
    EXPECT_EQ(run.exit_code, 5);
    EXPECT_NE(run.err.find("HISTORY_DIR"), std::string::npos) << run.err;
}

TEST_F(Archive, HistoryOfAGuestNamesTheRecordsThatProveIt) {
    const auto result =
        run_process(PVR_BINARY, {"history", "100", "--dir", s_dirs->generated.path(), "--on", "2026-11-20"}, {});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("in 90 of 90 kept reports of cluster pve-prod"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("On 2026-11-20: backed up"), std::string::npos) << result.out;
    std::size_t rows = 0;
    for (std::size_t pos = 0; (pos = result.out.find(".data.json.gz ", pos)) != std::string::npos; ++pos) {
        ++rows;
    }
    EXPECT_GE(rows, 90U);

    const auto json = run_process(
        PVR_BINARY, {"history", "100", "--dir", s_dirs->generated.path(), "--json", "--since", "2026-11-01"}, {});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const auto doc = nlohmann::json::parse(json.out);
    EXPECT_EQ(doc["runs"].size(), 26U); // 2026-11-01 .. 11-26
    EXPECT_EQ(doc["runs"][0]["file"], "pve-backup-report_pve-prod_2026-11-01_070000.data.json.gz");

    const auto missing = run_process(PVR_BINARY, {"history", "99999", "--dir", s_dirs->generated.path()}, {});
    EXPECT_EQ(missing.exit_code, 1);
    const auto bad = run_process(PVR_BINARY, {"history", "100", "--dir", "/nonexistent"}, {});
    EXPECT_EQ(bad.exit_code, 2);
}

} // namespace

namespace {

/// The words of a PDF page range, one space between them.
std::string pdf_words(const std::string& pdf, int first, int last) {
    const auto text =
        run_process("/usr/bin/pdftotext", {"-f", std::to_string(first), "-l", std::to_string(last), pdf, "-"}, {}).out;
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
        if (!space || (!out.empty() && out.back() != ' ')) {
            out += space ? ' ' : c;
        }
    }
    return out;
}

bool has_subject(const nlohmann::json& list, int vmid) {
    return std::any_of(list.begin(), list.end(), [&](const nlohmann::json& g) { return g.value("vmid", 0) == vmid; });
}

} // namespace

// The day before the generated history's chosen changes (day 59 of 90): today's demo run sees
// every one of them as a change since that report.
TEST_F(Archive, ChangesSinceThePreviousReportOfTheCluster) {
    TempDir tmp;
    const std::string history = copy_of_generated(tmp);
    auto files = archive_files(history);
    for (std::size_t i = 59; i < files.size(); ++i) { // keep days 1..59 (up to 2026-10-26)
        fs::remove(history + "/" + files[i]);
    }
    const auto run = run_process(PVR_BINARY, {"--demo", "--format", "json,pdf,html"},
                                 {{"OUTPUT_DIR", tmp.path()}, {"HISTORY_DIR", history}});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(
        pvr::test::read_whole_file(tmp.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.json"));
    const auto& changes = doc["changes"];
    ASSERT_TRUE(changes.is_object()) << doc["changes"];
    EXPECT_EQ(changes["first_report"], false);
    EXPECT_EQ(changes["previous_at"], "2026-10-26T07:00:00Z");
    EXPECT_EQ(changes["previous_file"], files[58]);
    // Day 60: a guest leaves its job; day 85: a new guest, not backed up; day 75: a job disabled.
    ASSERT_EQ(changes["lost_coverage"].size(), 1U) << changes["lost_coverage"];
    EXPECT_EQ(changes["lost_coverage"][0]["vmid"], 300);
    EXPECT_EQ(changes["lost_coverage"][0]["before"], "scheduled");
    EXPECT_EQ(changes["lost_coverage"][0]["after"], "not_backed_up");
    EXPECT_TRUE(has_subject(changes["new_guests"], 113)) << changes["new_guests"];
    ASSERT_EQ(changes["jobs"].size(), 1U) << changes["jobs"];
    EXPECT_EQ(changes["jobs"][0]["change"], "disabled");
    EXPECT_TRUE(has_subject(changes["new_failed_backups"], 111)) << changes["new_failed_backups"];
    const auto& new_anomalies = changes["new_anomalies"];
    EXPECT_TRUE(std::any_of(new_anomalies.begin(), new_anomalies.end(), [](const nlohmann::json& a) {
        return a["kind"] == "guest_not_backed_up" && a["subject"] == "vm/300" && a["days_open"] == 0;
    })) << new_anomalies;
    // An anomaly open since the oldest kept report is ongoing, with its age.
    const auto& ongoing = changes["ongoing_anomalies"];
    ASSERT_FALSE(ongoing.empty());
    EXPECT_EQ(ongoing[0]["open_since"], "2026-08-29T07:00:00Z");
    EXPECT_EQ(ongoing[0]["days_open"], 90);

    // The first page says it, in the PDF and the HTML.
    const std::string page1 = pdf_words(tmp.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.pdf", 1, 1);
    EXPECT_NE(page1.find("Changes since 26 Oct 2026 07:00 UTC"), std::string::npos) << page1;
    EXPECT_NE(page1.find("vm/300"), std::string::npos) << page1;
    const auto html = pvr::test::read_whole_file(tmp.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.html");
    EXPECT_NE(html.find("Changes since 26 Oct 2026 07:00 UTC"), std::string::npos);
}

TEST_F(Archive, TheFirstReportSaysSo) {
    TempDir tmp;
    const auto run = run_process(PVR_BINARY, {"--demo", "--format", "json,pdf"}, {{"OUTPUT_DIR", tmp.path()}});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(
        pvr::test::read_whole_file(tmp.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.json"));
    EXPECT_EQ(doc["changes"]["first_report"], true);
    EXPECT_TRUE(doc["changes"]["lost_coverage"].empty());
    const std::string page1 = pdf_words(tmp.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.pdf", 1, 1);
    EXPECT_NE(page1.find("First report for this cluster: no earlier report to compare with."), std::string::npos)
        << page1;
}

// 90 days of history: the trends (30 and 90 runs), the datastores' used space, and the capacity
// forecast; below CAPACITY_WARN_DAYS the forecast is an anomaly that counts in the verdict.
TEST_F(Archive, TrendsAndCapacityForecastFromNinetyDays) {
    TempDir tmp;
    const std::string history = copy_of_generated(tmp);
    const auto run = run_process(PVR_BINARY, {"--demo", "--format", "json,pdf"},
                                 {{"OUTPUT_DIR", tmp.path()}, {"HISTORY_DIR", history}, {"CAPACITY_WARN_DAYS", "120"}});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(
        pvr::test::read_whole_file(tmp.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.json"));
    const auto& trends = doc["trends"];
    ASSERT_TRUE(trends.is_object());
    EXPECT_EQ(trends["window"], 90);
    const auto& points = trends["points"];
    ASSERT_EQ(points.size(), 90U); // the last 89 generated days and this run
    EXPECT_EQ(points.back()["generated_at"], "2026-11-27T07:00:00Z");
    EXPECT_GT(points.front()["coverage_percent"].get<double>(), points.back()["coverage_percent"].get<double>());
    EXPECT_EQ(points.front()["guests_not_backed_up"], 0);
    ASSERT_EQ(trends["datastores"].size(), 2U);
    for (const auto& store : trends["datastores"]) {
        ASSERT_EQ(store["points"].size(), 90U) << store["datastore"];
        EXPECT_LT(store["points"].front()["used"].get<double>(), store["points"].back()["used"].get<double>());
    }

    ASSERT_EQ(doc["capacity"].size(), 2U);
    const auto& store1 = doc["capacity"][0];
    EXPECT_EQ(store1["datastore"], "store1");
    EXPECT_EQ(store1["basis"], "pbs_estimate");
    EXPECT_EQ(store1["days_left"], 106);
    const auto& anomalies = doc["anomalies"];
    const auto full = std::find_if(anomalies.begin(), anomalies.end(),
                                   [](const nlohmann::json& a) { return a["kind"] == "datastore_full_soon"; });
    ASSERT_NE(full, anomalies.end());
    EXPECT_EQ((*full)["subject"], "datastore/pbs1.example.lan:8007/store1");
    EXPECT_EQ((*full)["severity"], "warning");
    EXPECT_EQ((*full)["fact"]["kind"], "datastore_full_soon");
    EXPECT_EQ(std::count_if(anomalies.begin(), anomalies.end(),
                            [](const nlohmann::json& a) { return a["kind"] == "datastore_full_soon"; }),
              1); // offsite has 1,525 days left

    const std::string pages = pdf_words(tmp.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.pdf", 1, 4);
    EXPECT_NE(pages.find("PBS capacity forecast"), std::string::npos) << pages;
    EXPECT_NE(pages.find("106 days"), std::string::npos) << pages;
    EXPECT_NE(pages.find("Trends"), std::string::npos) << pages;
    EXPECT_NE(pages.find("Coverage, last 90 reports"), std::string::npos) << pages;
    EXPECT_NE(pages.find("Datastore store1 on pbs1.example.lan:8007"), std::string::npos) << pages;
}
