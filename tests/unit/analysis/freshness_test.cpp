// Freshness per guest: last success, overdue with the grace period (STALE_GRACE_HOURS), failed
// and missing verification (VERIFY_MAX_AGE_DAYS). Job nightly: VM 100 to pbs-main at 21:00 UTC.

#include "pbs_test_support.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::Inventory;

void nightly(Inventory& inventory, const std::string& storage = "pbs-main") {
    add_job(inventory, JobBuilder("nightly").vmids({100}).storage(storage).schedule("21:00").prune(keep(7)));
}

struct OverdueCase {
    std::string name;
    std::function<void(Inventory&)> setup;
    std::int64_t now;
    std::optional<bool> overdue;
    std::optional<std::int64_t> expected_since;
    std::string message; // backup_overdue message, "" = none
    std::string note_contains;
};

std::ostream& operator<<(std::ostream& os, const OverdueCase& c) { return os << c.name; }

class Overdue : public ::testing::TestWithParam<OverdueCase> {};

TEST_P(Overdue, AppliesTheGracePeriod) {
    const auto& c = GetParam();
    auto inventory = pbs_inventory();
    c.setup(inventory);
    const auto report = analyze_at(inventory, c.now);
    const auto& freshness = guest_of(report, 100).freshness;
    EXPECT_EQ(freshness.overdue, c.overdue) << freshness.note;
    EXPECT_EQ(freshness.expected_since, c.expected_since);
    EXPECT_NE(freshness.note.find(c.note_contains), std::string::npos) << freshness.note;
    const auto anomalies = anomalies_of_kind(report, "backup_overdue");
    if (c.message.empty()) {
        EXPECT_TRUE(anomalies.empty()) << anomalies[0].message;
    } else {
        ASSERT_EQ(anomalies.size(), 1U);
        EXPECT_EQ(anomalies[0].severity, pvr::model::Severity::critical);
        EXPECT_EQ(anomalies[0].subject, "vm/100");
        EXPECT_EQ(anomalies[0].message, c.message);
    }
}

// The 25-Nov 21:00 backup exists, the 26-Nov 21:00 run left nothing.
void missed_last_night(Inventory& i) {
    nightly(i);
    add_snapshots(i, "pbs-main", daily("vm", 100, 3, 2));
}

constexpr std::int64_t k_grace_end = k_yesterday_21 + 6 * k_hour; // 27-Nov 03:00Z

INSTANTIATE_TEST_SUITE_P(
    Freshness, Overdue,
    ::testing::Values(
        OverdueCase{"fresh_backup_is_not_overdue",
                    [](Inventory& i) {
                        nightly(i);
                        add_snapshots(i, "pbs-main", daily("vm", 100, 3));
                    },
                    k_now, false, k_yesterday_21, "", ""},
        // now == run + grace: the grace period has not elapsed (strict >), so the run before is the
        // one expected, and the 25-Nov backup satisfies it.
        OverdueCase{"just_inside_the_grace_period", missed_last_night, k_grace_end, false, k_yesterday_21 - k_day, "",
                    ""},
        OverdueCase{"just_outside_the_grace_period", missed_last_night, k_grace_end + 1, true, k_yesterday_21,
                    "VM 100 (web01) has no backup on storage pbs-main since the scheduled run at 2026-11-26T21:00:00Z "
                    "(job nightly, grace 6 hours); its last backup there is from 2026-11-25T21:00:00Z, 30 hours ago.",
                    ""},
        OverdueCase{"days_without_backup_read_in_days", missed_last_night, k_now + 3 * k_day, true,
                    k_yesterday_21 + 3 * k_day,
                    "VM 100 (web01) has no backup on storage pbs-main since the scheduled run at 2026-11-29T21:00:00Z "
                    "(job nightly, grace 6 hours); its last backup there is from 2026-11-25T21:00:00Z, 4 days ago.",
                    ""},
        OverdueCase{"no_backup_at_all", [](Inventory& i) { nightly(i); }, k_now, true, k_yesterday_21,
                    "VM 100 (web01) has no backup on storage pbs-main since the scheduled run at 2026-11-26T21:00:00Z "
                    "(job nightly, grace 6 hours); it has no backup there at all.",
                    ""},
        OverdueCase{"not_covered_is_not_evaluated",
                    [](Inventory& i) { add_snapshots(i, "pbs-main", daily("vm", 100, 3, 5)); }, k_now, std::nullopt,
                    std::nullopt, "", "not covered by an enabled job"},
        OverdueCase{"disabled_job_is_not_evaluated",
                    [](Inventory& i) {
                        add_job(i, JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00").disabled());
                    },
                    k_now, std::nullopt, std::nullopt, "", "not covered"},
        OverdueCase{"non_pbs_storage_says_nothing", [](Inventory& i) { nightly(i, "local"); }, k_now, std::nullopt,
                    std::nullopt, "", "targets a PBS storage"},
        OverdueCase{"not_collected_is_not_evaluated",
                    [](Inventory& i) {
                        nightly(i);
                        i.pbs_content["pbs-main"].collected = false;
                    },
                    k_now, std::nullopt, std::nullopt, "", "could not be read"},
        OverdueCase{"pbs_not_configured_is_not_evaluated",
                    [](Inventory& i) {
                        nightly(i);
                        i.pbs_configured = false;
                    },
                    k_now, std::nullopt, std::nullopt, "", "not configured"}),
    CaseName());

TEST(Freshness, LastSuccessAndAge) {
    auto inventory = pbs_inventory();
    nightly(inventory);
    add_snapshots(inventory, "pbs-main", daily("vm", 100, 3));
    const auto report = analyze_at(inventory);
    const auto& f = guest_of(report, 100).freshness;
    EXPECT_EQ(f.last_success, k_yesterday_21);
    EXPECT_EQ(f.age_seconds, 15 * k_hour);
    EXPECT_EQ(f.grace_seconds, 6 * k_hour);
    EXPECT_TRUE(f.overdue_storages.empty());
}

TEST(Freshness, GraceIsAnOption) {
    auto inventory = pbs_inventory();
    missed_last_night(inventory);
    AnalysisOptions options;
    options.now = k_now; // 15 h after the missed run
    options.stale_grace_hours = 16;
    EXPECT_EQ(analyze(inventory, options).guests[0].freshness.overdue, false);
    options.stale_grace_hours = 14;
    EXPECT_EQ(analyze(inventory, options).guests[0].freshness.overdue, true);
}

TEST(Freshness, VerificationFailedOnTheLastBackup) {
    auto inventory = pbs_inventory();
    nightly(inventory);
    auto snapshots = daily("vm", 100, 3);
    snapshots.back().verification = "failed";
    snapshots.back().verified_at = k_now - k_hour;
    add_snapshots(inventory, "pbs-main", snapshots);
    const auto report = analyze_at(inventory);
    const auto anomalies = anomalies_of_kind(report, "verification_failed");
    ASSERT_EQ(anomalies.size(), 1U);
    EXPECT_EQ(anomalies[0].severity, pvr::model::Severity::warning);
    EXPECT_EQ(anomalies[0].message,
              "The last backup of VM 100 (web01) (storage pbs-main, 2026-11-26T21:00:00Z) failed verification.");
    EXPECT_EQ(guest_of(report, 100).freshness.last_verification, "failed");
}

TEST(Freshness, OlderFailedVerificationIsNotReported) {
    auto inventory = pbs_inventory();
    nightly(inventory);
    auto snapshots = daily("vm", 100, 3);
    snapshots.front().verification = "failed";
    add_snapshots(inventory, "pbs-main", snapshots);
    EXPECT_TRUE(anomalies_of_kind(analyze_at(inventory), "verification_failed").empty());
}

struct VerifyCase {
    std::string name;
    int history_days;                     // daily snapshots back to this many days ago
    std::optional<int> verified_days_ago; // verify time of the newest verified-ok snapshot
    std::string message;                  // "" = no never_verified anomaly
};

std::ostream& operator<<(std::ostream& os, const VerifyCase& c) { return os << c.name; }

class NeverVerified : public ::testing::TestWithParam<VerifyCase> {};

TEST_P(NeverVerified, WithinVerifyMaxAgeDays) {
    const auto& c = GetParam();
    auto inventory = pbs_inventory();
    nightly(inventory);
    auto snapshots = daily("vm", 100, c.history_days);
    if (c.verified_days_ago) {
        snapshots.front().verification = "ok";
        snapshots.front().verified_at = k_now - *c.verified_days_ago * k_day;
    }
    add_snapshots(inventory, "pbs-main", snapshots);
    const auto report = analyze_at(inventory);
    const auto anomalies = anomalies_of_kind(report, "never_verified");
    if (c.message.empty()) {
        EXPECT_TRUE(anomalies.empty()) << anomalies[0].message;
    } else {
        ASSERT_EQ(anomalies.size(), 1U);
        EXPECT_EQ(anomalies[0].severity, pvr::model::Severity::info);
        EXPECT_EQ(anomalies[0].message, c.message);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Freshness, NeverVerified,
    ::testing::Values(
        VerifyCase{"none_verified_in_40_days", 40, std::nullopt,
                   "No backup of VM 100 (web01) was verified successfully in the last 30 days: none of its backups was "
                   "ever verified successfully."},
        VerifyCase{"last_verification_too_old", 40, 35,
                   "No backup of VM 100 (web01) was verified successfully in the last 30 days: the last successful "
                   "verification was at 2026-10-23T12:00:00Z, 35 days ago."},
        VerifyCase{"recent_verification_is_enough", 40, 29, ""},
        VerifyCase{"history_shorter_than_the_limit", 10, std::nullopt, ""}),
    CaseName());

TEST(Freshness, TwoStoragesOnlyTheStaleOneIsOverdue) {
    auto inventory = pbs_inventory();
    auto second = make_storage("pbs-dr", "pbs");
    second.pbs->ns = "dr";
    inventory.storages.push_back(second);
    inventory.pbs_servers[0].storages.push_back("pbs-dr");
    auto content = inventory.pbs_content["pbs-main"];
    content.storage = "pbs-dr";
    inventory.pbs_content["pbs-dr"] = content;
    nightly(inventory);
    add_job(inventory, JobBuilder("weekly-dr").vmids({100}).storage("pbs-dr").schedule("sun 03:00"));
    add_snapshots(inventory, "pbs-main", daily("vm", 100, 3));
    add_snapshots(inventory, "pbs-dr", {snapshot("vm", 100, k_now - 20 * k_day)});
    const auto report = analyze_at(inventory);
    const auto& f = guest_of(report, 100).freshness;
    EXPECT_EQ(f.overdue, true);
    EXPECT_EQ(f.overdue_storages, std::vector<std::string>{"pbs-dr"});
    EXPECT_EQ(f.expected_since, k_now - 5 * k_day - 9 * k_hour); // Sunday 22-Nov 03:00Z
    EXPECT_EQ(f.last_success, k_yesterday_21);
}

} // namespace
