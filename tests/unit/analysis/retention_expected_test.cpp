// expected_versions: the steady state of the guest's group, simulated with the exact PBS prune
// algorithm over the schedule's past occurrences. Hand-computed cases; now = Friday
// 2026-11-27T12:00:00Z unless stated.

#include "analysis/retention_simulation.hpp"
#include "pbs_test_support.hpp"
#include "schedule/parse.hpp"

#include <gtest/gtest.h>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::KeepOptions;
using pvr::schedule::parse_pve_calendar_event;
using pvr::schedule::TimeZone;

struct Backup {
    std::string schedule;
    KeepOptions pve_keep;
};

struct Prune {
    std::string schedule;
    KeepOptions keep;
};

struct ExpectedCase {
    std::string name;
    std::vector<Backup> backups;
    std::vector<Prune> prunes;
    std::optional<std::int64_t> expected;
    std::string note_contains;
};

std::ostream& operator<<(std::ostream& os, const ExpectedCase& c) { return os << c.name; }

SimulationInput input_of(const std::vector<Backup>& backups, const std::vector<Prune>& prunes,
                         const TimeZone& pve = TimeZone::utc(), const TimeZone& pbs = TimeZone::utc()) {
    SimulationInput input;
    for (const auto& b : backups) {
        input.backups.push_back({parse_pve_calendar_event(b.schedule), b.pve_keep});
    }
    for (const auto& p : prunes) {
        input.prunes.push_back({parse_pve_calendar_event(p.schedule), p.keep});
    }
    input.pve_zone = pve;
    input.pbs_zone = pbs;
    return input;
}

KeepOptions weekly(std::int64_t n) { return keep(std::nullopt, std::nullopt, n); }
KeepOptions daily_keep(std::int64_t n) { return keep(std::nullopt, n); }

class ExpectedVersions : public ::testing::TestWithParam<ExpectedCase> {};

TEST_P(ExpectedVersions, MatchesTheHandComputedSteadyState) {
    const auto& c = GetParam();
    RetentionSimulator simulator(k_now);
    const auto& result = simulator.simulate(input_of(c.backups, c.prunes));
    EXPECT_EQ(result.expected, c.expected) << result.note;
    EXPECT_NE(result.note.find(c.note_contains), std::string::npos) << result.note;
}

INSTANTIATE_TEST_SUITE_P(
    Retention, ExpectedVersions,
    ::testing::Values(
        // One backup a day, the 3 newest kept.
        ExpectedCase{"daily_keep_last_3", {{"21:00", keep(3)}}, {}, 3, ""},
        // One per day: 7 days with backups.
        ExpectedCase{"daily_keep_daily_7", {{"21:00", daily_keep(7)}}, {}, 7, ""},
        // PBS applies the options one after the other and keep-daily only counts days keep-last did
        // not already cover: 3 (keep-last) + 7 older days = 10, not 7 (reference pbs-api.md 3.2).
        ExpectedCase{"daily_keep_last_3_and_keep_daily_7_is_10", {{"21:00", keep(3, 7)}}, {}, 10, ""},
        // Sundays only: 4 ISO weeks with a backup.
        ExpectedCase{"weekly_schedule_keep_weekly_4", {{"sun 02:00", weekly(4)}}, {}, 4, ""},
        // 09:00 and 21:00: each prune after a backup keeps the newest of each of 7 days. At 12:00
        // today holds the 09:00 backup (the newest of today) and 6 earlier days: 7.
        ExpectedCase{"two_a_day_keep_daily_7", {{"9,21:00", daily_keep(7)}}, {}, 7, ""},
        // Same backups, pruned only by PBS at 03:00: after today's prune 7 days remain (yesterday
        // back), then today's 09:00 backup adds one: 8 at noon. The simulation knows the position
        // in the schedule; the tolerance of 1 covers a run in progress.
        ExpectedCase{
            "two_a_day_pbs_keep_daily_7_at_noon_is_8", {{"9,21:00", KeepOptions{}}}, {{"03:00", daily_keep(7)}}, 8, ""},
        // PVE keeps the last 10, PBS keeps 3 days at 03:00: at noon only the PBS result remains.
        ExpectedCase{
            "pbs_keep_daily_3_over_pve_keep_last_10", {{"21:00", keep(10)}}, {{"03:00", daily_keep(3)}}, 3, ""},
        ExpectedCase{"keep_all_on_both_sides_is_null",
                     {{"21:00", keep_all()}},
                     {{"03:00", keep_all()}},
                     std::nullopt,
                     "keeps everything: no steady state"},
        ExpectedCase{
            "node_default_without_pbs_jobs_is_null", {{"21:00", KeepOptions{}}}, {}, std::nullopt, "keeps everything"},
        ExpectedCase{"no_backup_job_is_null", {}, {{"03:00", daily_keep(3)}}, std::nullopt, "no steady state"},
        // Two jobs: daily keep-last=3 and Saturday 03:00 without PVE pruning. The 3 newest after
        // Thursday 21:00 are Thursday, Wednesday and Tuesday 21:00 (Saturday 03:00
        // was pruned away by the daily job on Monday).
        ExpectedCase{"two_jobs_each_own_policy", {{"21:00", keep(3)}, {"sat 03:00", KeepOptions{}}}, {}, 3, ""}),
    CaseName());

TEST(ExpectedVersions, DstSpringForwardSkipsTheMissingRun) {
    // Europe/Berlin, 02:30 daily: on Sunday 2026-03-29 02:30 does not exist and never fires. At
    // 2026-03-31T12:00Z the 7 days with backups are 31, 30, 28, 27, 26, 25 and 24 March.
    const auto berlin = TimeZone::from_name("Europe/Berlin");
    RetentionSimulator simulator(1774958400);
    const auto& result = simulator.simulate(input_of({{"02:30", daily_keep(7)}}, {}, berlin, berlin));
    EXPECT_EQ(result.expected, 7);
    EXPECT_EQ(result.steady_state_since, 1774315800); // 2026-03-24T02:30+01:00
}

TEST(ExpectedVersions, SteadyStateSinceIsTheOldestSurvivor) {
    RetentionSimulator simulator(k_now);
    const auto& result = simulator.simulate(input_of({{"21:00", daily_keep(7)}}, {}));
    EXPECT_EQ(result.steady_state_since, k_yesterday_21 - 6 * k_day);
}

TEST(ExpectedVersions, GuestsSharingJobsAreSimulatedOnce) {
    RetentionSimulator simulator(k_now);
    const auto first = simulator.simulate(input_of({{"21:00", keep(3)}}, {{"03:00", daily_keep(7)}})).expected;
    const auto second = simulator.simulate(input_of({{"21:00", keep(3)}}, {{"03:00", daily_keep(7)}})).expected;
    EXPECT_EQ(first, second);
    EXPECT_EQ(simulator.simulations_run(), 1U);
    (void)simulator.simulate(input_of({{"21:00", keep(4)}}, {}));
    EXPECT_EQ(simulator.simulations_run(), 2U);
}

TEST(ExpectedVersions, LongPoliciesAreCappedAtTenYears) {
    KeepOptions yearly;
    yearly.keep_yearly = 20;
    RetentionSimulator simulator(k_now);
    const auto& result = simulator.simulate(input_of({{"sun 02:00", yearly}}, {}));
    EXPECT_EQ(result.expected, 11); // 2016..2026 within the 10-year window
    EXPECT_NE(result.note.find("10 years"), std::string::npos) << result.note;
}

TEST(ExpectedVersions, ThroughAnalyzeWithAPbsPruneJob) {
    auto inventory = pbs_inventory();
    add_job(inventory, JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00").prune(keep(10)));
    inventory.pbs_servers[0].prune_jobs->push_back(prune_job("daily3", "03:00", daily_keep(3)));
    add_snapshots(inventory, "pbs-main", daily("vm", 100, 3));
    const auto report = analyze_at(inventory);
    const auto& r = guest_of(report, 100).retention.at(0);
    EXPECT_EQ(r.expected_versions, 3);
    EXPECT_EQ(r.actual_versions, 3);
    EXPECT_EQ(r.delta, 0);
    EXPECT_EQ(r.pbs_prune_jobs, std::vector<std::string>{"daily3"});
    EXPECT_EQ(r.policy, keep(10));
}

TEST(ExpectedVersions, PbsZoneDecidesTheDailyBuckets) {
    // Backups at 23:30 UTC are 00:30 the next day in Berlin (winter): the same days either way,
    // but a backup at 22:30 UTC and one at 23:30 UTC on the same UTC day fall on two Berlin days.
    RetentionSimulator simulator(k_now);
    const auto berlin = TimeZone::from_name("Europe/Berlin");
    const auto& utc = simulator.simulate(input_of({{"22,23:30", daily_keep(2)}}, {}));
    const auto& local = simulator.simulate(input_of({{"22,23:30", daily_keep(2)}}, {}, TimeZone::utc(), berlin));
    EXPECT_EQ(utc.expected, 2);
    EXPECT_EQ(local.expected, 2);
    EXPECT_EQ(utc.steady_state_since, k_yesterday_21 - k_day + 2 * k_hour + 1800); // 25-Nov 23:30Z
    EXPECT_EQ(local.steady_state_since, k_yesterday_21 + k_hour + 1800);           // 26-Nov 22:30Z
}

} // namespace

namespace {

// The demo scenario's policies (scenarios/demo, tests/data/demo-expected.json): pbs-main keeps
// keep-last=3,keep-daily=7,keep-weekly=4,keep-monthly=6 after the 21:00 nightly; pbs1 (Paris)
// runs pve-prod-daily at 06:15 with keep-last=10,keep-daily=14,keep-weekly=8,keep-monthly=12.
constexpr std::int64_t k_demo_now = 1795762800; // 2026-11-27T07:00:00Z

KeepOptions demo_storage_keep() {
    KeepOptions k = keep(3, 7, 4);
    k.keep_monthly = 6;
    return k;
}

KeepOptions demo_pbs_keep() {
    KeepOptions k = keep(10, 14, 8);
    k.keep_monthly = 12;
    return k;
}

TEST(ExpectedVersions, DemoNightlyGuestKeeps20) {
    RetentionSimulator simulator(k_demo_now);
    const auto paris = TimeZone::from_name("Europe/Paris");
    const auto& result = simulator.simulate(
        input_of({{"21:00", demo_storage_keep()}}, {{"06:15", demo_pbs_keep()}}, TimeZone::utc(), paris));
    EXPECT_EQ(result.expected, 20) << result.note; // 3 + 7 + 4 + 6, as the demo's pbs-main groups hold
}

TEST(ExpectedVersions, DemoDatabaseGuestWithTwoJobsKeeps18) {
    RetentionSimulator simulator(k_demo_now);
    const auto paris = TimeZone::from_name("Europe/Paris");
    const auto& result = simulator.simulate(input_of({{"21:00", demo_storage_keep()}, {"02:00", keep(4, 14)}},
                                                     {{"06:15", demo_pbs_keep()}}, TimeZone::utc(), paris));
    EXPECT_EQ(result.expected, 18) << result.note;
}

} // namespace
