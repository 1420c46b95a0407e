// The `changes` object of the report JSON (docs/report-data.md): null without history, the first
// report, and every list with its fields.
#include "report/json_report.hpp"
#include "support/contract_check.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace pvr::model;

constexpr std::int64_t k_now = 1795762800;     // 2026-11-27T07:00:00Z
constexpr std::int64_t k_before = 1795676400;  // 2026-11-26T07:00:00Z
constexpr std::int64_t k_earlier = 1795330800; // 2026-11-22T07:00:00Z

ReportData report() {
    ReportData d;
    d.generated_at = k_now;
    d.tool_version = "0.1.0";
    d.cluster.name = "pve-prod";
    return d;
}

nlohmann::json dump(const ReportData& data) { return nlohmann::json::parse(pvr::report::to_json(data)); }

TEST(JsonChanges, NullWhenTheHistoryWasNotRead) {
    const auto doc = dump(report());
    ASSERT_TRUE(doc.contains("changes"));
    EXPECT_TRUE(doc["changes"].is_null());
    EXPECT_TRUE(pvr::test::ContractChecker{}.check(doc).empty());
}

TEST(JsonChanges, FirstReport) {
    auto data = report();
    data.changes = Changes{};
    const auto doc = dump(data);
    const auto& c = doc["changes"];
    EXPECT_EQ(c["first_report"], true);
    EXPECT_TRUE(c["previous_at"].is_null());
    EXPECT_TRUE(c["previous_file"].is_null());
    for (const char* list :
         {"lost_coverage", "gained_coverage", "new_guests", "removed_guests", "new_anomalies", "resolved_anomalies",
          "ongoing_anomalies", "new_failed_backups", "jobs", "retention_policies"}) {
        ASSERT_TRUE(c[list].is_array()) << list;
        EXPECT_TRUE(c[list].empty()) << list;
    }
}

TEST(JsonChanges, EveryListWithItsFields) {
    auto data = report();
    Changes c;
    c.first_report = false;
    c.previous_at = k_before;
    c.previous_file = "pve-backup-report_pve-prod_2026-11-26_070000.json.gz";
    c.lost_coverage.push_back({101, "qemu", "web01", "scheduled", "not_backed_up", false});
    c.gained_coverage.push_back({102, "qemu", "", "not_backed_up", "scheduled", false});
    c.new_guests.push_back({205, "lxc", "db05", "", "not_backed_up", true});
    c.removed_guests.push_back({110, "qemu", "old", "scheduled", "", false});
    c.new_anomalies.push_back(
        {"guest_not_backed_up", "critical", "vm/101", "VM 101 is not backed up.", k_now, 0, false});
    c.resolved_anomalies.push_back({"backup_failed", "critical", "vm/103", "Backup failed.", k_earlier, 5, false});
    c.ongoing_anomalies.push_back({"job_disabled", "warning", "job/backup-test", "Disabled.", k_earlier, 5, true});
    c.new_failed_backups.push_back({104, "qemu", "app04", k_now - 3600, false});
    c.new_failed_backups.push_back({105, "qemu", "app05", 0, false});
    c.jobs.push_back({"backup-weekly", "disabled", "", ""});
    c.jobs.push_back({"backup-daily", "retention_changed", "keep-daily=7", "keep-daily=14"});
    c.retention_policies.push_back({"pve-storage", "pbs-main", "changed", "keep-daily=7", "keep-daily=14"});
    data.changes = c;
    const auto doc = dump(data);
    EXPECT_TRUE(pvr::test::ContractChecker{}.check(doc).empty())
        << ::testing::PrintToString(pvr::test::ContractChecker{}.check(doc));
    const auto& j = doc["changes"];
    EXPECT_EQ(j["first_report"], false);
    EXPECT_EQ(j["previous_at"], "2026-11-26T07:00:00Z");
    EXPECT_EQ(j["previous_file"], "pve-backup-report_pve-prod_2026-11-26_070000.json.gz");
    EXPECT_EQ(j["lost_coverage"], nlohmann::json::parse(R"([{"vmid":101,"type":"qemu","name":"web01",
        "before":"scheduled","after":"not_backed_up","accepted":false}])"));
    EXPECT_TRUE(j["gained_coverage"][0]["name"].is_null());
    EXPECT_EQ(j["new_guests"][0]["after"], "not_backed_up");
    EXPECT_TRUE(j["new_guests"][0]["before"].is_null());
    EXPECT_EQ(j["new_guests"][0]["accepted"], true);
    EXPECT_TRUE(j["removed_guests"][0]["after"].is_null());
    EXPECT_EQ(j["new_anomalies"][0]["open_since"], "2026-11-27T07:00:00Z");
    EXPECT_EQ(j["new_anomalies"][0]["days_open"], 0);
    EXPECT_EQ(j["resolved_anomalies"], nlohmann::json::parse(R"([{"kind":"backup_failed","severity":"critical",
        "subject":"vm/103","message":"Backup failed.","open_since":"2026-11-22T07:00:00Z","days_open":5,
        "accepted":false}])"));
    EXPECT_EQ(j["ongoing_anomalies"][0]["accepted"], true);
    EXPECT_EQ(j["new_failed_backups"][0]["task_time"], "2026-11-27T06:00:00Z");
    EXPECT_TRUE(j["new_failed_backups"][1]["task_time"].is_null());
    EXPECT_EQ(j["jobs"], nlohmann::json::parse(R"([{"id":"backup-weekly","change":"disabled","before":null,
        "after":null},{"id":"backup-daily","change":"retention_changed","before":"keep-daily=7",
        "after":"keep-daily=14"}])"));
    EXPECT_EQ(j["retention_policies"][0], nlohmann::json::parse(R"({"source":"pve-storage","id":"pbs-main",
        "change":"changed","before":"keep-daily=7","after":"keep-daily=14"})"));
}

TEST(JsonChanges, ContractCheckerNamesAWrongChangesField) {
    auto data = report();
    Changes c;
    c.first_report = false;
    c.previous_at = k_before;
    c.lost_coverage.push_back({101, "qemu", "web01", "scheduled", "not_backed_up", false});
    data.changes = c;
    auto doc = dump(data);
    doc["changes"]["lost_coverage"][0]["after"] = "non_sauvegardee"; // the plain codes, not the contract's
    doc["changes"]["previous_at"] = 1795676400;
    const auto errors = pvr::test::ContractChecker{}.check(doc);
    EXPECT_EQ(errors,
              (std::vector<std::string>{"$.changes.previous_at: expected an ISO 8601 time with an offset",
                                        "$.changes.lost_coverage[0].after: unexpected value \"non_sauvegardee\""}));
}

} // namespace
