#include "report/json_report.hpp"
#include "support/contract_check.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace pvr::model;

ReportData sample() {
    ReportData d;
    d.generated_at = 1795762800; // 2026-11-27T07:00:00Z
    d.tool_version = "0.1.0";
    d.cluster.name = "pve-prod";
    d.cluster.pve_version = "8.3.2";
    d.cluster.nodes = {{"pve1", "online", "10.0.0.11", true}, {"pve3", "offline", std::nullopt, false}};
    d.summary.guests_total = 2;
    d.summary.guests_scheduled = 1;
    d.summary.guests_not_backed_up = 1;
    d.summary.coverage_percent = 50.0;
    Storage pbs;
    pbs.id = "pbs-main";
    pbs.type = "pbs";
    pbs.pbs = PbsTarget{"pbs1.example.lan", 8007, "store1", "pve-prod", "AB:CD", "pve@pbs!report", false};
    KeepOptions keep;
    keep.keep_daily = 7;
    keep.keep_last = 3;
    pbs.prune_backups = keep;
    d.pbs_storages.push_back({pbs, std::nullopt});
    d.retention_policies.push_back({"pve-storage", "pbs-main", "pbs-main", "store1", "pve-prod", std::nullopt, keep});
    BackupJob job;
    job.id = "backup-8ba15cd0-6c41";
    job.schedule = "21:00";
    job.storage = "pbs-main";
    job.selection.all = true;
    job.selection.exclude = {105};
    job.next_run = 1795813200;
    d.backup_jobs.push_back(job);
    GuestReport covered;
    covered.guest.vmid = 100;
    covered.guest.name = "web01";
    covered.guest.node = "pve1";
    covered.guest.status = "running";
    covered.guest.is_template = false;
    covered.guest.tags = {"prod", "web"};
    CoverageRule rule;
    rule.job = "backup-8ba15cd0-6c41";
    rule.selection = RuleSelection::pool;
    rule.pool = "web";
    rule.storage = "pbs1";
    covered.coverage = {CoverageStatus::scheduled, {"backup-8ba15cd0-6c41"}, {}, "Included by job.", {}, {rule}};
    covered.last_task = GuestBackupResult{100,
                                          "pve1",
                                          1795719600,
                                          1795719900,
                                          BackupOutcome::ok,
                                          std::nullopt,
                                          "UPID:pve1:0001A2B3:0C4D5E6F:6927A5B0:vzdump::root@pam:"};
    GuestReport offline;
    offline.guest.vmid = 130;
    offline.guest.type = GuestType::lxc;
    offline.guest.node = "pve3";
    offline.guest.status = "unknown";
    offline.coverage = {CoverageStatus::not_backed_up, {}, {}, "No backup job includes it.", {}, {}};
    d.guests = {covered, offline};
    d.anomalies.push_back({"guest_not_backed_up", Severity::critical, "ct/130", "No job."});
    d.collection_issues.push_back({IssueSeverity::warning, "node/pve3", "/nodes/pve3/tasks", "node pve3 is offline"});
    return d;
}

TEST(JsonReport, FollowsTheContract) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample()));
    const auto errors = pvr::test::ContractChecker{}.check(doc);
    EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
}

TEST(JsonReport, WritesValuesWithContractEncodings) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample()));
    EXPECT_EQ(doc["schema_version"], 1);
    EXPECT_EQ(doc["generated_at"], "2026-11-27T07:00:00Z");
    EXPECT_EQ(doc["guests"][0]["coverage"]["status"], "sauvegarde_planifiee");
    EXPECT_EQ(doc["guests"][1]["coverage"]["status"], "non_sauvegardee");
    const auto& rules = doc["guests"][0]["coverage"]["rules"];
    ASSERT_EQ(rules.size(), 1U);
    EXPECT_EQ(rules[0]["job"], "backup-8ba15cd0-6c41");
    EXPECT_EQ(rules[0]["enabled"], true);
    EXPECT_EQ(rules[0]["selection"], "pool");
    EXPECT_EQ(rules[0]["pool"], "web");
    EXPECT_TRUE(rules[0]["node"].is_null());
    EXPECT_EQ(rules[0]["storage"], "pbs1");
    EXPECT_EQ(rules[0]["excluded_count"], 0);
    EXPECT_TRUE(doc["guests"][1]["coverage"]["rules"].empty());
    EXPECT_TRUE(doc["guests"][1]["name"].is_null());
    EXPECT_TRUE(doc["guests"][1]["template"].is_null());
    EXPECT_EQ(doc["guests"][1]["type"], "lxc");
    EXPECT_EQ(doc["pbs_storages"][0]["prune_backups"], (nlohmann::json{{"keep-last", 3}, {"keep-daily", 7}}));
    EXPECT_TRUE(doc["pbs_storages"][0]["usage"].is_null());
    EXPECT_TRUE(doc["pbs_storages"][0]["nodes"].is_null());
    EXPECT_EQ(doc["backup_jobs"][0]["selection"]["exclude"], nlohmann::json::array({105}));
    EXPECT_EQ(doc["backup_jobs"][0]["next_run"], "2026-11-27T21:00:00Z");
    EXPECT_EQ(doc["guests"][0]["last_task"]["status"], "ok");
    EXPECT_EQ(doc["collection_issues"][0]["source"], "node/pve3");
}

TEST(JsonReport, CollectionIssueCarriesItsFact) {
    auto data = sample();
    EXPECT_TRUE(nlohmann::json::parse(pvr::report::to_json(data))["collection_issues"][0]["fact"].is_null());
    auto& fact = data.collection_issues[0].fact;
    fact.kind = "pbs_unreachable";
    fact.add_text("server", "https://pbs1:8007").add_int("status", 595);
    fact.add("storages", pvr::model::FactParam::Type::list, "pbs-a\npbs-b");
    fact.add_time("since", 1795078800);
    const auto doc = nlohmann::json::parse(pvr::report::to_json(data));
    EXPECT_EQ(doc["collection_issues"][0]["message"], "node pve3 is offline");
    EXPECT_EQ(doc["collection_issues"][0]["fact"],
              (nlohmann::json{{"kind", "pbs_unreachable"},
                              {"params",
                               {{"server", "https://pbs1:8007"},
                                {"status", 595},
                                {"storages", nlohmann::json::array({"pbs-a", "pbs-b"})},
                                {"since", "2026-11-19T09:00:00Z"}}}}));
}

TEST(JsonReport, ContractCheckerRejectsWrongTypes) {
    auto doc = nlohmann::json::parse(pvr::report::to_json(sample()));
    doc["summary"]["guests_total"] = "2";
    doc["guests"][0]["coverage"]["status"] = "covered";
    doc["guests"][1].erase("notes");
    const auto errors = pvr::test::ContractChecker{}.check(doc);
    ASSERT_EQ(errors.size(), 3U) << ::testing::PrintToString(errors);
}

TEST(JsonReport, ReplacesInvalidUtf8InsteadOfThrowing) {
    auto data = sample();
    data.guests[0].guest.notes = std::string("bad \xff byte");
    const auto doc = nlohmann::json::parse(pvr::report::to_json(data));
    EXPECT_NE(doc["guests"][0]["notes"].get<std::string>().find("bad"), std::string::npos);
}

} // namespace
