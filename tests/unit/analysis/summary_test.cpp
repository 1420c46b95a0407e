// Summary numbers, PBS storages, retention policies and an end-to-end analyze() run.

#include "analysis/analyze.hpp"
#include "analysis/retention_policies.hpp"
#include "analysis/summary.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::CoverageStatus;
using pvr::model::KeepOptions;

struct PercentCase {
    std::string name;
    std::int64_t scheduled;
    std::int64_t total;
    double expected;
};

std::ostream& operator<<(std::ostream& os, const PercentCase& c) { return os << c.name; }

class CoveragePercent : public ::testing::TestWithParam<PercentCase> {};

TEST_P(CoveragePercent, RoundsToOneDecimal) {
    const auto& c = GetParam();
    EXPECT_DOUBLE_EQ(coverage_percent(c.scheduled, c.total), c.expected);
}

INSTANTIATE_TEST_SUITE_P(Summary, CoveragePercent,
                         ::testing::Values(PercentCase{"no_guests_is_zero", 0, 0, 0.0},
                                           PercentCase{"all_scheduled", 4, 4, 100.0},
                                           PercentCase{"two_thirds", 2, 3, 66.7}, PercentCase{"one_third", 1, 3, 33.3},
                                           PercentCase{"one_of_eight", 1, 8, 12.5},
                                           PercentCase{"none_scheduled", 0, 5, 0.0}),
                         CaseName());

KeepOptions keep_daily(std::int64_t days) {
    KeepOptions keep;
    keep.keep_daily = days;
    return keep;
}

TEST(RetentionPolicies, JobsThenStoragesWithPbsCoordinates) {
    auto pbs = make_storage("pbs-main", "pbs");
    pbs.prune_backups = keep_daily(7);
    auto local = make_storage("local");
    local.prune_backups = keep_daily(2);
    const std::vector<pvr::model::BackupJob> jobs{
        JobBuilder("nightly").all().storage("pbs-main").schedule("21:00").prune(keep_daily(14)),
        JobBuilder("no-prune").all().storage("pbs-main"), JobBuilder("to-local").all().storage("local").prune({})};
    const auto policies = pve_retention_policies(jobs, {pbs, local, make_storage("nfs")});
    ASSERT_EQ(policies.size(), 4U);
    EXPECT_EQ(policies[0].source, "pve-job");
    EXPECT_EQ(policies[0].id, "nightly");
    EXPECT_EQ(policies[0].storage, "pbs-main");
    EXPECT_EQ(policies[0].datastore, "store1");
    EXPECT_EQ(policies[0].ns, "prod");
    EXPECT_EQ(policies[0].schedule, "21:00");
    EXPECT_EQ(policies[0].keep, keep_daily(14));
    EXPECT_EQ(policies[1].id, "to-local");
    EXPECT_EQ(policies[1].datastore, std::nullopt);
    EXPECT_TRUE(policies[1].keep.empty());
    EXPECT_EQ(policies[2].source, "pve-storage");
    EXPECT_EQ(policies[2].id, "pbs-main");
    EXPECT_EQ(policies[2].storage, "pbs-main");
    EXPECT_EQ(policies[2].datastore, "store1");
    EXPECT_EQ(policies[2].schedule, std::nullopt);
    EXPECT_EQ(policies[3].id, "local");
    EXPECT_EQ(policies[3].ns, std::nullopt);
}

TEST(PbsStorages, OnlyPbsTypeWithoutUsage) {
    const auto out =
        pbs_storages({make_storage("local"), make_storage("pbs-main", "pbs"), make_storage("pbs2", "pbs")});
    ASSERT_EQ(out.size(), 2U);
    EXPECT_EQ(out[0].storage.id, "pbs-main");
    EXPECT_EQ(out[1].storage.id, "pbs2");
    EXPECT_FALSE(out[0].usage.has_value());
}

/// A small cluster with every coverage status, checked end to end.
pvr::model::Inventory end_to_end_inventory() {
    auto guests = upstream_guests();
    guests[3].is_template = true;    // 113: template, only in the all job
    std::swap(guests[0], guests[7]); // collected order is not VMID order
    auto inventory = make_inventory(std::move(guests));
    inventory.cluster.name = "lab";
    auto pbs = make_storage("pbs-main", "pbs");
    pbs.prune_backups = keep_daily(7);
    inventory.storages = {pbs, make_storage("local")};
    inventory.pools["readonly"] = make_pool("readonly", std::nullopt);
    inventory.jobs = std::vector<pvr::model::BackupJob>{
        JobBuilder("backup-8ba1")
            .all()
            .exclude({200, 201, 212, 213})
            .node("node1")
            .storage("pbs-main")
            .schedule("21:00")
            .prune(keep_daily(14)),
        JobBuilder("backup-1f0e").vmids({200}).storage("local").schedule("sat 02:00").disabled(),
        JobBuilder("backup-77c1").pool("readonly").node("node2").storage("pbs-main").schedule("*-*-01 03:00")};
    pvr::model::GuestBackupResult result;
    result.vmid = 101;
    result.node = "node1";
    result.time = 1795744800;
    inventory.last_results[101] = result;
    inventory.issues.push_back({pvr::model::IssueSeverity::warning, "pve", "/pools?poolid=readonly", "403"});
    return inventory;
}

TEST(AnalyzeEndToEnd, SummaryNumbers) {
    const auto report = analyze(end_to_end_inventory(), {1795762800, "0.1.0"});
    EXPECT_EQ(report.generated_at, 1795762800);
    EXPECT_EQ(report.tool_version, "0.1.0");
    EXPECT_EQ(report.cluster.name, "lab");
    const auto& s = report.summary;
    EXPECT_EQ(s.guests_total, 8);
    EXPECT_EQ(s.guests_scheduled, 4);    // 100, 101, 112, 113 (template counted)
    EXPECT_EQ(s.guests_undetermined, 4); // node2 guests: pool members unreadable
    EXPECT_EQ(s.guests_not_backed_up, 0);
    EXPECT_DOUBLE_EQ(s.coverage_percent, 50.0);
    EXPECT_EQ(s.backup_jobs_total, 3);
    EXPECT_EQ(s.backup_jobs_enabled, 2);
    EXPECT_EQ(s.pbs_storages, 1);
    EXPECT_EQ(s.anomalies, static_cast<std::int64_t>(report.anomalies.size()));
    EXPECT_EQ(report.pbs_storages.size(), 1U);
    EXPECT_EQ(report.retention_policies.size(), 2U);
    EXPECT_EQ(report.backup_jobs.size(), 3U);
    EXPECT_EQ(report.backup_jobs[1].id, "backup-1f0e"); // collected order kept
    EXPECT_EQ(report.collection_issues.size(), 1U);
}

TEST(AnalyzeEndToEnd, GuestsSortedWithLastTask) {
    const auto report = analyze(end_to_end_inventory(), {});
    std::vector<std::int64_t> vmids;
    for (const auto& guest : report.guests) {
        vmids.push_back(guest.guest.vmid);
    }
    EXPECT_EQ(vmids, (std::vector<std::int64_t>{100, 101, 112, 113, 200, 201, 212, 213}));
    EXPECT_TRUE(report.guests[1].last_task.has_value());
    EXPECT_FALSE(report.guests[0].last_task.has_value());
    EXPECT_FALSE(report.guests[0].last_backup.has_value());
    EXPECT_TRUE(report.guests[0].retention.empty());
    EXPECT_EQ(report.guests[4].coverage.status, CoverageStatus::undetermined);
    EXPECT_EQ(report.guests[4].coverage.disabled_jobs, (std::vector<std::string>{"backup-1f0e"}));
}

TEST(AnalyzeEndToEnd, AnomalyKinds) {
    const auto report = analyze(end_to_end_inventory(), {});
    std::vector<std::string> kinds;
    for (const auto& anomaly : report.anomalies) {
        kinds.push_back(anomaly.kind + " " + anomaly.subject);
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"job_disabled job/backup-1f0e"}));
}

TEST(AnalyzeEndToEnd, JobsUnavailable) {
    auto inventory = end_to_end_inventory();
    inventory.jobs = std::nullopt;
    const auto report = analyze(inventory, {});
    EXPECT_EQ(report.summary.guests_undetermined, 8);
    EXPECT_EQ(report.summary.backup_jobs_total, 0);
    EXPECT_DOUBLE_EQ(report.summary.coverage_percent, 0.0);
    EXPECT_TRUE(report.backup_jobs.empty());
    ASSERT_EQ(report.retention_policies.size(), 1U); // the storage's own policy is still known
    EXPECT_EQ(report.retention_policies[0].source, "pve-storage");
}

TEST(AnalyzeEndToEnd, EmptyInventory) {
    const auto report = analyze(pvr::model::Inventory{}, {});
    EXPECT_EQ(report.summary.guests_total, 0);
    EXPECT_DOUBLE_EQ(report.summary.coverage_percent, 0.0);
    EXPECT_TRUE(report.anomalies.empty());
}

TEST(AnalyzeEndToEnd, Deterministic) {
    const auto a = analyze(end_to_end_inventory(), {});
    const auto b = analyze(end_to_end_inventory(), {});
    ASSERT_EQ(a.anomalies.size(), b.anomalies.size());
    for (std::size_t k = 0; k < a.anomalies.size(); ++k) {
        EXPECT_EQ(a.anomalies[k].message, b.anomalies[k].message);
    }
    for (std::size_t k = 0; k < a.guests.size(); ++k) {
        EXPECT_EQ(a.guests[k].coverage.reason, b.guests[k].coverage.reason);
    }
}

} // namespace
