// Changes since the previous report (history/changes.hpp), from hand-built run digests.
#include "history/changes.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pvr::history {
namespace {

constexpr std::int64_t k_day = 86400;
constexpr std::int64_t k_t0 = 1795762800; // 2026-11-27T07:00:00Z

model::GuestDigest guest(std::int64_t vmid, const std::string& coverage, const std::string& name = "") {
    model::GuestDigest g;
    g.vmid = vmid;
    g.type = vmid >= 200 ? "lxc" : "qemu";
    g.name = name.empty() ? "guest" + std::to_string(vmid) : name;
    g.node = "pve1";
    g.coverage = coverage;
    return g;
}

model::AnomalyDigest anomaly(const std::string& kind, const std::string& subject,
                             const std::string& severity = "warning") {
    return {kind, severity, subject, kind + " on " + subject, false};
}

model::RunDigest run(std::int64_t day, std::vector<model::GuestDigest> guests = {},
                     std::vector<model::AnomalyDigest> anomalies = {}) {
    model::RunDigest r;
    r.file = day >= 0 ? "pve-backup-report_pve-prod_day" + std::to_string(day) + ".json.gz" : "";
    r.generated_at = k_t0 + day * k_day;
    r.cluster = "pve-prod";
    r.guests = std::move(guests);
    r.anomalies = std::move(anomalies);
    return r;
}

std::vector<std::int64_t> vmids(const std::vector<model::GuestChange>& changes) {
    std::vector<std::int64_t> out;
    for (const auto& c : changes) {
        out.push_back(c.vmid);
    }
    return out;
}

std::vector<std::string> subjects(const std::vector<model::AnomalyChange>& changes) {
    std::vector<std::string> out;
    for (const auto& c : changes) {
        out.push_back(c.kind + " " + c.subject);
    }
    return out;
}

TEST(Changes, EmptyHistoryIsTheFirstReport) {
    const auto current = run(0, {guest(100, "scheduled"), guest(101, "not_backed_up")},
                             {anomaly("guest_not_backed_up", "vm/101", "critical")});
    const auto changes = compute_changes({}, current);
    EXPECT_TRUE(changes.first_report);
    EXPECT_FALSE(changes.previous_at.has_value());
    EXPECT_FALSE(changes.previous_file.has_value());
    EXPECT_TRUE(changes.new_guests.empty());
    EXPECT_TRUE(changes.new_anomalies.empty());
    EXPECT_TRUE(changes.ongoing_anomalies.empty());
    EXPECT_TRUE(no_change(changes));
}

TEST(Changes, IdenticalRunsHaveNoChangeButOngoingAnomalies) {
    const std::vector guests = {guest(100, "scheduled"), guest(101, "not_backed_up")};
    const std::vector anomalies = {anomaly("guest_not_backed_up", "vm/101", "critical")};
    const auto changes = compute_changes({run(0, guests, anomalies)}, run(1, guests, anomalies));
    EXPECT_FALSE(changes.first_report);
    EXPECT_EQ(changes.previous_at, k_t0);
    EXPECT_EQ(changes.previous_file, "pve-backup-report_pve-prod_day0.json.gz");
    EXPECT_TRUE(no_change(changes));
    ASSERT_EQ(changes.ongoing_anomalies.size(), 1U);
    EXPECT_EQ(changes.ongoing_anomalies[0].open_since, k_t0);
    EXPECT_EQ(changes.ongoing_anomalies[0].days_open, 1);
    EXPECT_EQ(changes.ongoing_anomalies[0].severity, "critical");
    EXPECT_EQ(changes.ongoing_anomalies[0].message, "guest_not_backed_up on vm/101");
}

TEST(Changes, PreviousFileIsUnsetWhenTheDigestHasNone) {
    auto previous = run(0);
    previous.file.clear();
    EXPECT_FALSE(compute_changes({previous}, run(1)).previous_file.has_value());
}

TEST(Changes, LostAndGainedCoverage) {
    const auto previous = run(0, {guest(100, "scheduled"), guest(101, "scheduled"), guest(102, "not_backed_up"),
                                  guest(103, "undetermined"), guest(104, "scheduled"), guest(105, "not_backed_up")});
    const auto current = run(1, {guest(105, "not_backed_up"), guest(104, "scheduled"), guest(103, "scheduled"),
                                 guest(102, "scheduled"), guest(101, "undetermined"), guest(100, "not_backed_up")});
    const auto changes = compute_changes({previous}, current);
    EXPECT_EQ(vmids(changes.lost_coverage), (std::vector<std::int64_t>{100, 101}));
    EXPECT_EQ(changes.lost_coverage[0].before, "scheduled");
    EXPECT_EQ(changes.lost_coverage[0].after, "not_backed_up");
    EXPECT_EQ(changes.lost_coverage[1].after, "undetermined");
    EXPECT_EQ(changes.lost_coverage[0].name, "guest100");
    EXPECT_EQ(changes.lost_coverage[0].type, "qemu");
    EXPECT_EQ(vmids(changes.gained_coverage), (std::vector<std::int64_t>{102, 103}));
    EXPECT_EQ(changes.gained_coverage[1].before, "undetermined");
    EXPECT_EQ(changes.gained_coverage[1].after, "scheduled");
    EXPECT_TRUE(changes.new_guests.empty());
    EXPECT_TRUE(changes.removed_guests.empty());
    EXPECT_FALSE(no_change(changes));
}

TEST(Changes, ContractCoverageCodesReadAsPlainOnes) {
    EXPECT_EQ(plain_coverage_code("sauvegarde_planifiee"), "scheduled");
    EXPECT_EQ(plain_coverage_code("non_sauvegardee"), "not_backed_up");
    EXPECT_EQ(plain_coverage_code("indetermine"), "undetermined");
    EXPECT_EQ(plain_coverage_code("scheduled"), "scheduled");
    // A digest read back from an older report with the contract's codes against one with plain codes.
    const auto changes = compute_changes({run(0, {guest(100, "sauvegarde_planifiee"), guest(101, "non_sauvegardee")})},
                                         run(1, {guest(100, "scheduled"), guest(101, "scheduled")}));
    EXPECT_TRUE(changes.lost_coverage.empty());
    EXPECT_EQ(vmids(changes.gained_coverage), (std::vector<std::int64_t>{101}));
    EXPECT_EQ(changes.gained_coverage[0].before, "not_backed_up");
}

TEST(Changes, NewAndRemovedGuests) {
    const auto previous = run(0, {guest(100, "scheduled"), guest(101, "scheduled"), guest(200, "not_backed_up")});
    const auto current = run(
        1, {guest(100, "scheduled"), guest(300, "scheduled"), guest(102, "not_backed_up"), guest(103, "undetermined")});
    const auto changes = compute_changes({previous}, current);
    EXPECT_EQ(vmids(changes.new_guests), (std::vector<std::int64_t>{102, 103, 300}));
    EXPECT_EQ(changes.new_guests[0].before, "");
    EXPECT_EQ(changes.new_guests[0].after, "not_backed_up"); // new and unprotected
    EXPECT_EQ(changes.new_guests[2].type, "lxc");
    EXPECT_EQ(vmids(changes.removed_guests), (std::vector<std::int64_t>{101, 200}));
    EXPECT_EQ(changes.removed_guests[1].before, "not_backed_up");
    EXPECT_EQ(changes.removed_guests[1].after, "");
    EXPECT_TRUE(changes.lost_coverage.empty()); // a removed guest did not lose coverage
}

TEST(Changes, VmidReusedByTheOtherTypeIsRemovedAndNew) {
    auto vm = guest(150, "scheduled");
    auto ct = guest(150, "not_backed_up");
    ct.type = "lxc";
    const auto changes = compute_changes({run(0, {vm})}, run(1, {ct}));
    ASSERT_EQ(changes.removed_guests.size(), 1U);
    EXPECT_EQ(changes.removed_guests[0].type, "qemu");
    ASSERT_EQ(changes.new_guests.size(), 1U);
    EXPECT_EQ(changes.new_guests[0].type, "lxc");
    EXPECT_TRUE(changes.lost_coverage.empty());
}

TEST(Changes, DuplicateGuestEntriesCountOnce) {
    const auto changes = compute_changes({run(0, {guest(100, "scheduled")})},
                                         run(1, {guest(100, "not_backed_up"), guest(100, "scheduled"),
                                                 guest(101, "scheduled"), guest(101, "scheduled")}));
    EXPECT_EQ(vmids(changes.lost_coverage), (std::vector<std::int64_t>{100})); // the first entry is kept
    EXPECT_EQ(vmids(changes.new_guests), (std::vector<std::int64_t>{101}));
}

TEST(Changes, AnomaliesNewResolvedAndOngoingWithTheirSeries) {
    const auto a = anomaly("backup_failed", "vm/100", "critical");
    const auto b = anomaly("job_disabled", "job/backup-weekly");
    const auto c = anomaly("retention_mismatch", "vm/101");
    const auto d = anomaly("guest_not_backed_up", "vm/102", "critical");
    // a: days 0..4 (ongoing, open since day 0); b: days 0, 2..4 (a gap: open since day 2);
    // c: days 1..3 (resolved at 4, open since day 1); d: new on day 4.
    const std::vector history = {run(0, {}, {a, b}), run(1, {}, {a, c}), run(2, {}, {b, a, c}), run(3, {}, {c, b, a})};
    const auto changes = compute_changes(history, run(4, {}, {d, b, a}));
    EXPECT_EQ(subjects(changes.new_anomalies), (std::vector<std::string>{"guest_not_backed_up vm/102"}));
    EXPECT_EQ(changes.new_anomalies[0].open_since, k_t0 + 4 * k_day);
    EXPECT_EQ(changes.new_anomalies[0].days_open, 0);
    EXPECT_EQ(subjects(changes.ongoing_anomalies),
              (std::vector<std::string>{"backup_failed vm/100", "job_disabled job/backup-weekly"}));
    EXPECT_EQ(changes.ongoing_anomalies[0].open_since, k_t0);
    EXPECT_EQ(changes.ongoing_anomalies[0].days_open, 4);
    EXPECT_EQ(changes.ongoing_anomalies[1].open_since, k_t0 + 2 * k_day);
    EXPECT_EQ(changes.ongoing_anomalies[1].days_open, 2);
    EXPECT_EQ(subjects(changes.resolved_anomalies), (std::vector<std::string>{"retention_mismatch vm/101"}));
    EXPECT_EQ(changes.resolved_anomalies[0].open_since, k_t0 + k_day);
    EXPECT_EQ(changes.resolved_anomalies[0].days_open, 3); // to the current run, which no longer has it
    EXPECT_EQ(changes.resolved_anomalies[0].message, "retention_mismatch on vm/101");
}

TEST(Changes, AnomalyKeyIsKindAndSubject) {
    const auto changes = compute_changes({run(0, {}, {anomaly("backup_failed", "vm/100")})},
                                         run(1, {}, {anomaly("backup_stale", "vm/100")}));
    EXPECT_EQ(subjects(changes.new_anomalies), (std::vector<std::string>{"backup_stale vm/100"}));
    EXPECT_EQ(subjects(changes.resolved_anomalies), (std::vector<std::string>{"backup_failed vm/100"}));
    EXPECT_TRUE(changes.ongoing_anomalies.empty());
}

TEST(Changes, DaysOpenAreWholeDays) {
    auto previous = run(0, {}, {anomaly("backup_stale", "vm/100")});
    auto current = run(0, {}, {anomaly("backup_stale", "vm/100")});
    current.generated_at += k_day - 1; // 23:59:59 later: not a whole day yet
    auto changes = compute_changes({previous}, current);
    ASSERT_EQ(changes.ongoing_anomalies.size(), 1U);
    EXPECT_EQ(changes.ongoing_anomalies[0].days_open, 0);
    current.generated_at += 1;
    changes = compute_changes({previous}, current);
    EXPECT_EQ(changes.ongoing_anomalies[0].days_open, 1);
}

TEST(Changes, NewFailedBackups) {
    const auto with_task = [](model::GuestDigest g, std::optional<std::int64_t> time, bool failed) {
        g.last_task_time = time;
        g.last_task_failed = failed;
        return g;
    };
    const auto previous = run(0, {
                                     with_task(guest(100, "scheduled"), k_t0 - 3600, false), // ok -> failed: new
                                     with_task(guest(101, "scheduled"), k_t0 - 3600, true),  // same failure: not new
                                     with_task(guest(102, "scheduled"), k_t0 - 3600, true),  // failed again, newer task
                                     with_task(guest(103, "scheduled"), std::nullopt, false), // no task -> failed
                                     with_task(guest(104, "scheduled"), k_t0 - 3600, true),   // failed -> ok
                                 });
    const auto current = run(1, {
                                    with_task(guest(100, "scheduled"), k_t0 + k_day - 3600, true),
                                    with_task(guest(101, "scheduled"), k_t0 - 3600, true),
                                    with_task(guest(102, "scheduled"), k_t0 + k_day - 3600, true),
                                    with_task(guest(103, "scheduled"), k_t0 + k_day - 3600, true),
                                    with_task(guest(104, "scheduled"), k_t0 + k_day - 3600, false),
                                    with_task(guest(105, "scheduled"), std::nullopt, true), // new guest, failed
                                });
    const auto changes = compute_changes({previous}, current);
    std::vector<std::int64_t> failed;
    for (const auto& f : changes.new_failed_backups) {
        failed.push_back(f.vmid);
    }
    EXPECT_EQ(failed, (std::vector<std::int64_t>{100, 102, 103, 105}));
    EXPECT_EQ(changes.new_failed_backups[0].task_time, k_t0 + k_day - 3600);
    EXPECT_EQ(changes.new_failed_backups[0].name, "guest100");
    EXPECT_EQ(changes.new_failed_backups[3].task_time, 0); // time unknown
}

TEST(Changes, JobsAddedRemovedEnabledDisabledAndRetention) {
    auto previous = run(0);
    previous.jobs = {{"backup-daily", true, "21:00", "pbs-main", "keep-daily=7"},
                     {"backup-old", true, "sat 02:00", "", ""},
                     {"backup-test", false, "22:00", "pbs-main", ""},
                     {"backup-weekly", true, "sun 01:00", "pbs-main", "keep-weekly=4"}};
    auto current = run(1);
    current.jobs = {{"backup-weekly", false, "sun 01:00", "pbs-main", "keep-weekly=8"},
                    {"backup-test", true, "22:00", "pbs-main", ""},
                    {"backup-daily", true, "21:30", "pbs-backup", "keep-daily=7"}, // schedule/storage: not listed
                    {"backup-new", true, "03:00", "pbs-main", "keep-last=3"}};
    const auto changes = compute_changes({previous}, current);
    std::vector<std::string> got;
    for (const auto& j : changes.jobs) {
        got.push_back(j.id + " " + j.change + " [" + j.before + "] [" + j.after + "]");
    }
    EXPECT_EQ(got, (std::vector<std::string>{"backup-new added [] [keep-last=3]", "backup-old removed [] []",
                                             "backup-test enabled [] []", "backup-weekly disabled [] []",
                                             "backup-weekly retention_changed [keep-weekly=4] [keep-weekly=8]"}));
}

TEST(Changes, RetentionPolicies) {
    auto previous = run(0);
    previous.retention_policies = {{"pve-storage", "pbs-main", "keep-daily=7"},
                                   {"pbs-prune-job", "prune-1", "keep-last=10"},
                                   {"pve-job", "backup-daily", "keep-daily=7"}};
    auto current = run(1);
    current.retention_policies = {{"pve-storage", "pbs-main", "keep-daily=14"},
                                  {"pve-job", "backup-daily", "keep-daily=7"},
                                  {"pbs-datastore", "store1", "keep-last=3"},
                                  {"pve-storage", "pbs-main", "keep-daily=1"}}; // a duplicate: the first counts
    const auto changes = compute_changes({previous}, current);
    std::vector<std::string> got;
    for (const auto& p : changes.retention_policies) {
        got.push_back(p.source + "/" + p.id + " " + p.change + " [" + p.before + "] [" + p.after + "]");
    }
    EXPECT_EQ(got, (std::vector<std::string>{"pbs-datastore/store1 added [] [keep-last=3]",
                                             "pbs-prune-job/prune-1 removed [keep-last=10] []",
                                             "pve-storage/pbs-main changed [keep-daily=7] [keep-daily=14]"}));
}

TEST(Changes, AcceptedEntriesStayMarked) {
    auto lost = guest(100, "not_backed_up");
    lost.accepted = true;
    auto gone = guest(101, "scheduled");
    gone.accepted = true;
    auto failed = guest(102, "scheduled");
    failed.accepted = true;
    failed.last_task_failed = true;
    auto accepted_anomaly = anomaly("guest_not_backed_up", "vm/100", "critical");
    accepted_anomaly.accepted = true;
    auto resolved = anomaly("backup_stale", "vm/101");
    resolved.accepted = true;
    const auto changes = compute_changes({run(0, {guest(100, "scheduled"), gone, guest(102, "scheduled")}, {resolved})},
                                         run(1, {lost, failed}, {accepted_anomaly}));
    ASSERT_EQ(changes.lost_coverage.size(), 1U);
    EXPECT_TRUE(changes.lost_coverage[0].accepted);
    ASSERT_EQ(changes.removed_guests.size(), 1U);
    EXPECT_TRUE(changes.removed_guests[0].accepted); // accepted in the previous run
    ASSERT_EQ(changes.new_failed_backups.size(), 1U);
    EXPECT_TRUE(changes.new_failed_backups[0].accepted);
    ASSERT_EQ(changes.new_anomalies.size(), 1U);
    EXPECT_TRUE(changes.new_anomalies[0].accepted);
    ASSERT_EQ(changes.resolved_anomalies.size(), 1U);
    EXPECT_TRUE(changes.resolved_anomalies[0].accepted);
}

TEST(Changes, OnlyThePreviousRunIsComparedButTheSeriesReachesBack) {
    // A guest removed two runs ago and back now is new compared with the previous run.
    const std::vector history = {run(0, {guest(100, "scheduled")}), run(1, {})};
    const auto changes = compute_changes(history, run(2, {guest(100, "scheduled")}));
    EXPECT_EQ(vmids(changes.new_guests), (std::vector<std::int64_t>{100}));
    EXPECT_TRUE(changes.removed_guests.empty());
}

TEST(Changes, OnlyEarlierRunsCountInTimeOrder) {
    const auto current = run(5, {guest(100, "not_backed_up")}, {anomaly("guest_not_backed_up", "vm/100")});
    // The current run's own archive file and a run from a clock ahead are no previous report.
    auto same = current;
    same.file = "current.json.gz";
    const auto later = run(9, {guest(100, "scheduled")});
    auto changes = compute_changes({same, later}, current);
    EXPECT_TRUE(changes.first_report);
    // Given out of order, the latest earlier run is the previous one, and the series is in time order.
    changes = compute_changes({run(4, {guest(100, "scheduled")}, {anomaly("guest_not_backed_up", "vm/100")}), later,
                               run(2, {guest(100, "scheduled")}, {anomaly("guest_not_backed_up", "vm/100")}), same,
                               run(3, {guest(100, "scheduled")})},
                              current);
    EXPECT_FALSE(changes.first_report);
    EXPECT_EQ(changes.previous_at, k_t0 + 4 * k_day);
    EXPECT_EQ(vmids(changes.lost_coverage), (std::vector<std::int64_t>{100}));
    ASSERT_EQ(changes.ongoing_anomalies.size(), 1U);
    EXPECT_EQ(changes.ongoing_anomalies[0].open_since, k_t0 + 4 * k_day); // day 3 broke the series
    EXPECT_EQ(changes.ongoing_anomalies[0].days_open, 1);
}

TEST(Changes, ScalesToTenThousandGuestsAndNinetyRuns) {
    std::vector<model::RunDigest> history;
    std::vector<model::GuestDigest> guests;
    std::vector<model::AnomalyDigest> anomalies;
    for (std::int64_t vmid = 100; vmid < 10100; ++vmid) {
        guests.push_back(guest(vmid, vmid % 10 == 0 ? "not_backed_up" : "scheduled"));
        if (vmid % 10 == 0) {
            anomalies.push_back(anomaly("guest_not_backed_up", "vm/" + std::to_string(vmid), "critical"));
        }
    }
    for (std::int64_t day = 0; day < 90; ++day) {
        history.push_back(run(day, guests, anomalies));
    }
    guests[1].coverage = "not_backed_up"; // vm/101 loses its coverage on day 90
    anomalies.push_back(anomaly("guest_not_backed_up", "vm/101", "critical"));
    const auto changes = compute_changes(history, run(90, guests, anomalies));
    EXPECT_EQ(vmids(changes.lost_coverage), (std::vector<std::int64_t>{101}));
    EXPECT_EQ(changes.new_anomalies.size(), 1U);
    ASSERT_EQ(changes.ongoing_anomalies.size(), 1000U);
    EXPECT_EQ(changes.ongoing_anomalies[0].days_open, 90);
}

} // namespace
} // namespace pvr::history
