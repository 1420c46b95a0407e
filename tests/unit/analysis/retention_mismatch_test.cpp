// delta = actual - expected, and retention_mismatch with its tolerance of one version and the
// "history shorter than the policy" exception. Policy: daily 21:00, keep-daily=7 (expected 7,
// the oldest survivor is 20-Nov 21:00).

#include "pbs_test_support.hpp"

#include <gtest/gtest.h>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;

struct MismatchCase {
    std::string name;
    std::vector<pvr::model::PbsSnapshot> snapshots;
    std::optional<std::int64_t> delta;
    std::string message; // "" = no anomaly
    std::string note_contains;
};

std::ostream& operator<<(std::ostream& os, const MismatchCase& c) { return os << c.name; }

/// Daily snapshots of vm/100 for the given "days ago" (1 = yesterday 21:00).
std::vector<pvr::model::PbsSnapshot> days_ago(const std::vector<int>& days) {
    std::vector<pvr::model::PbsSnapshot> out;
    for (const int d : days) {
        out.push_back(snapshot("vm", 100, k_yesterday_21 - (d - 1) * k_day));
    }
    return out;
}

class RetentionMismatch : public ::testing::TestWithParam<MismatchCase> {};

TEST_P(RetentionMismatch, ToleratesOneVersion) {
    const auto& c = GetParam();
    auto inventory = pbs_inventory();
    add_job(inventory,
            JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00").prune(keep(std::nullopt, 7)));
    add_snapshots(inventory, "pbs-main", c.snapshots);
    const auto report = analyze_at(inventory);
    const auto& r = guest_of(report, 100).retention.at(0);
    EXPECT_EQ(r.expected_versions, 7);
    EXPECT_EQ(r.delta, c.delta);
    const auto anomalies = anomalies_of_kind(report, "retention_mismatch");
    if (c.message.empty()) {
        EXPECT_TRUE(anomalies.empty()) << anomalies[0].message;
    } else {
        ASSERT_EQ(anomalies.size(), 1U);
        EXPECT_EQ(anomalies[0].severity, pvr::model::Severity::warning);
        EXPECT_EQ(anomalies[0].subject, "vm/100");
        EXPECT_EQ(anomalies[0].message, c.message);
    }
    EXPECT_NE(r.note.find(c.note_contains), std::string::npos) << r.note;
}

INSTANTIATE_TEST_SUITE_P(
    Retention, RetentionMismatch,
    ::testing::Values(
        MismatchCase{"exact_match", days_ago({1, 2, 3, 4, 5, 6, 7}), 0, "", ""},
        MismatchCase{"one_more_is_tolerated", days_ago({1, 2, 3, 4, 5, 6, 7, 8}), 1, "",
                     "a difference of one version is tolerated"},
        MismatchCase{"one_less_is_tolerated", days_ago({2, 3, 4, 5, 6, 7}), -1, "", "tolerated"},
        MismatchCase{"two_more_means_pruning_is_not_applied", days_ago({1, 2, 3, 4, 5, 6, 7, 8, 9}), 2,
                     "VM 100 (web01) has 9 backups on storage pbs-main (datastore store1, namespace prod) where its "
                     "retention (PVE keep-daily=7) keeps 7 in steady state: pruning does not seem to be applied.",
                     ""},
        MismatchCase{"two_less_with_long_history_means_backups_are_missing", days_ago({1, 2, 3, 6, 7}), -2,
                     "VM 100 (web01) has only 5 backups on storage pbs-main (datastore store1, namespace prod) where "
                     "its retention (PVE keep-daily=7) keeps 7 in steady state, although its oldest backup "
                     "(2026-11-20T21:00:00Z) is old enough: backups are missing.",
                     ""},
        MismatchCase{"short_history_is_not_an_anomaly", days_ago({1, 2}), -5, "",
                     "history shorter than the policy (oldest backup 2026-11-25T21:00:00Z, the policy reaches back "
                     "to 2026-11-20T21:00:00Z)"},
        MismatchCase{"no_backup_yet_is_short_history", {}, -7, "", "history shorter than the policy (no backup yet)"}),
    CaseName());

TEST(RetentionMismatch, PbsSideJobsAreNamedInTheMessage) {
    auto inventory = pbs_inventory();
    add_job(inventory, JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00").prune(keep(10)));
    inventory.pbs_servers[0].prune_jobs->push_back(prune_job("daily3", "03:00", keep(std::nullopt, 3)));
    add_snapshots(inventory, "pbs-main", days_ago({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    const auto report = analyze_at(inventory);
    const auto anomalies = anomalies_of_kind(report, "retention_mismatch");
    ASSERT_EQ(anomalies.size(), 1U);
    EXPECT_EQ(anomalies[0].message,
              "VM 100 (web01) has 10 backups on storage pbs-main (datastore store1, namespace prod) where its "
              "retention (PVE keep-last=10, PBS prune job daily3 keep-daily=3) keeps 3 in steady state: pruning does "
              "not seem to be applied.");
}

TEST(RetentionMismatch, DeltaIsNullWhenExpectedIsNull) {
    auto inventory = pbs_inventory();
    add_job(inventory, JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00"));
    add_snapshots(inventory, "pbs-main", days_ago({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    const auto report = analyze_at(inventory);
    const auto& r = guest_of(report, 100).retention.at(0);
    EXPECT_EQ(r.actual_versions, 12);
    EXPECT_FALSE(r.expected_versions);
    EXPECT_FALSE(r.delta);
    EXPECT_TRUE(anomalies_of_kind(report, "retention_mismatch").empty());
}

} // namespace
