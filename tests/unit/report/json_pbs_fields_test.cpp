// The fields added by the retention and freshness analysis: present, typed, contract still valid.

#include "report/json_report.hpp"
#include "support/contract_check.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace pvr::model;

ReportData sample_with_pbs() {
    ReportData d;
    d.generated_at = 1795780800; // 2026-11-27T12:00:00Z
    d.tool_version = "0.1.0";
    Storage pbs;
    pbs.id = "pbs-main";
    pbs.type = "pbs";
    pbs.pbs = PbsTarget{"pbs1.example.lan", 8007, "store1", "prod", std::nullopt, std::nullopt, false};
    d.pbs_storages.push_back({pbs, StorageUsage{1000, 600, 400}});
    KeepOptions daily7;
    daily7.keep_daily = 7;
    RetentionPolicy prune_job{"pbs-prune-job", "daily7", "pbs-main", "store1", "prod", "03:00", daily7};
    prune_job.server = "https://pbs1.example.lan:8007";
    prune_job.max_depth = 0;
    prune_job.enabled = true;
    prune_job.storages = {"pbs-main"};
    d.retention_policies.push_back(prune_job);
    d.retention_policies.push_back({"pbs-datastore", "store1", std::nullopt, "store1", "", std::nullopt, daily7});

    GuestReport covered;
    covered.guest.vmid = 100;
    covered.guest.node = "pve1";
    covered.guest.status = "running";
    covered.coverage = {CoverageStatus::scheduled, {"nightly"}, {}, "Included by job nightly.", {}, {}};
    covered.last_backup = LastBackup{1795726800, "pbs-main", "store1", "prod", std::nullopt, "ok", false};
    GuestRetention with_values;
    with_values.storage = "pbs-main";
    with_values.datastore = "store1";
    with_values.ns = "prod";
    with_values.policy.keep_last = 3;
    with_values.expected_versions = 3;
    with_values.actual_versions = 4;
    with_values.delta = 1;
    with_values.policy_source = "pve-job";
    with_values.jobs = {"nightly"};
    with_values.pbs_prune_jobs = {"daily7"};
    with_values.oldest_snapshot = 1795554000;
    with_values.steady_state_since = 1795554000;
    with_values.note = "a difference of one version is tolerated (a backup may have just run or be due)";
    GuestRetention nulls;
    nulls.storage = "pbs-dr";
    nulls.datastore = "store2";
    nulls.ns = "";
    nulls.policy_source = "node-default";
    covered.retention = {with_values, nulls};
    covered.freshness.last_success = 1795726800;
    covered.freshness.age_seconds = 54000;
    covered.freshness.expected_since = 1795726800;
    covered.freshness.grace_seconds = 21600;
    covered.freshness.overdue = false;
    covered.freshness.last_verified = 1795730400;
    covered.freshness.last_verification = "ok";
    GuestReport unknown;
    unknown.guest.vmid = 101;
    unknown.guest.type = GuestType::lxc;
    unknown.guest.node = "pve1";
    unknown.guest.status = "stopped";
    unknown.coverage = {CoverageStatus::not_backed_up, {}, {}, "No backup job includes it.", {}, {}};
    unknown.freshness.grace_seconds = 21600;
    unknown.freshness.note = "not covered by an enabled job: no backup is expected";
    d.guests = {covered, unknown};
    d.pbs_orphan_groups.push_back({"pbs-main", "store1", "prod", "vm", "999", 3, 1795726800});
    d.anomalies.push_back({"pbs_orphan_group", Severity::info, "storage/pbs-main", "Group vm/999 ..."});
    return d;
}

TEST(JsonPbsFields, FollowsTheContract) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample_with_pbs()));
    const auto errors = pvr::test::ContractChecker{}.check(doc);
    EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
}

TEST(JsonPbsFields, UsageAndPolicies) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample_with_pbs()));
    EXPECT_EQ(doc["pbs_storages"][0]["usage"],
              (nlohmann::json{{"total", 1000}, {"used", 600}, {"avail", 400}, {"estimated_full_date", nullptr}}));
    const auto& job = doc["retention_policies"][0];
    EXPECT_EQ(job["source"], "pbs-prune-job");
    EXPECT_EQ(job["server"], "https://pbs1.example.lan:8007");
    EXPECT_EQ(job["max_depth"], 0);
    EXPECT_EQ(job["enabled"], true);
    EXPECT_EQ(job["storages"], nlohmann::json::array({"pbs-main"}));
    const auto& legacy = doc["retention_policies"][1];
    EXPECT_EQ(legacy["source"], "pbs-datastore");
    EXPECT_TRUE(legacy["storage"].is_null());
    EXPECT_TRUE(legacy["server"].is_null());
    EXPECT_TRUE(legacy["max_depth"].is_null());
    EXPECT_EQ(legacy["enabled"], true);
    EXPECT_TRUE(legacy["storages"].is_array());
}

TEST(JsonPbsFields, GuestRetentionExtras) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample_with_pbs()));
    const auto& r = doc["guests"][0]["retention"][0];
    EXPECT_EQ(r["expected_versions"], 3);
    EXPECT_EQ(r["actual_versions"], 4);
    EXPECT_EQ(r["delta"], 1);
    EXPECT_EQ(r["policy"], (nlohmann::json{{"keep-last", 3}}));
    EXPECT_EQ(r["policy_source"], "pve-job");
    EXPECT_EQ(r["jobs"], nlohmann::json::array({"nightly"}));
    EXPECT_EQ(r["pbs_prune_jobs"], nlohmann::json::array({"daily7"}));
    EXPECT_EQ(r["oldest_snapshot"], "2026-11-24T21:00:00Z");
    EXPECT_EQ(r["steady_state_since"], "2026-11-24T21:00:00Z");
    EXPECT_TRUE(r["note"].is_string());
    const auto& n = doc["guests"][0]["retention"][1];
    for (const char* key :
         {"expected_versions", "actual_versions", "delta", "oldest_snapshot", "steady_state_since", "note"}) {
        EXPECT_TRUE(n[key].is_null()) << key; // null, never 0 or ""
    }
    EXPECT_EQ(n["policy"], nlohmann::json::object());
    EXPECT_EQ(n["policy_source"], "node-default");
    EXPECT_EQ(n["jobs"], nlohmann::json::array());
}

TEST(JsonPbsFields, LastBackupAndFreshness) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample_with_pbs()));
    const auto& b = doc["guests"][0]["last_backup"];
    EXPECT_EQ(b["time"], "2026-11-26T21:00:00Z");
    EXPECT_TRUE(b["size"].is_null());
    EXPECT_EQ(b["verification"], "ok");
    const auto& f = doc["guests"][0]["freshness"];
    EXPECT_EQ(f["last_success"], "2026-11-26T21:00:00Z");
    EXPECT_EQ(f["age_seconds"], 54000);
    EXPECT_EQ(f["expected_since"], "2026-11-26T21:00:00Z");
    EXPECT_EQ(f["grace_seconds"], 21600);
    EXPECT_EQ(f["overdue"], false);
    EXPECT_EQ(f["overdue_storages"], nlohmann::json::array());
    EXPECT_EQ(f["last_verified"], "2026-11-26T22:00:00Z");
    EXPECT_EQ(f["last_verification"], "ok");
    EXPECT_TRUE(f["note"].is_null());
    const auto& u = doc["guests"][1]["freshness"];
    for (const char* key :
         {"last_success", "age_seconds", "expected_since", "overdue", "last_verified", "last_verification"}) {
        EXPECT_TRUE(u[key].is_null()) << key;
    }
    EXPECT_EQ(u["note"], "not covered by an enabled job: no backup is expected");
    EXPECT_TRUE(doc["guests"][1]["last_backup"].is_null());
}

TEST(JsonPbsFields, OrphanGroups) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample_with_pbs()));
    ASSERT_EQ(doc["pbs_orphan_groups"].size(), 1U);
    EXPECT_EQ(doc["pbs_orphan_groups"][0], (nlohmann::json{{"storage", "pbs-main"},
                                                           {"datastore", "store1"},
                                                           {"namespace", "prod"},
                                                           {"backup_type", "vm"},
                                                           {"backup_id", "999"},
                                                           {"snapshots", 3},
                                                           {"last_backup", "2026-11-26T21:00:00Z"}}));
}

TEST(JsonPbsFields, EmptyReportHasEmptyOrphanList) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(ReportData{}));
    EXPECT_TRUE(doc["pbs_orphan_groups"].is_array());
    EXPECT_TRUE(doc["pbs_orphan_groups"].empty());
}

} // namespace
