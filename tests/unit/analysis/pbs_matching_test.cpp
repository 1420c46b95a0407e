// Matching guests to PBS backup groups: (server, datastore, the storage's namespace, vm<->qemu /
// ct<->lxc, backup-id = VMID), and orphan groups.

#include "analysis/pbs_context.hpp"
#include "pbs_test_support.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::Inventory;

struct MatchCase {
    std::string name;
    std::function<void(Inventory&)> setup;
    std::int64_t vmid;
    std::optional<std::int64_t> actual; // retention entry on pbs-main; nullopt: no entry at all
    std::size_t orphans;
};

std::ostream& operator<<(std::ostream& os, const MatchCase& c) { return os << c.name; }

class GroupMatching : public ::testing::TestWithParam<MatchCase> {};

TEST_P(GroupMatching, CountsOnlyTheGuestsOwnGroup) {
    const auto& c = GetParam();
    auto inventory = pbs_inventory();
    c.setup(inventory);
    const auto report = analyze_at(inventory);
    const auto& guest = guest_of(report, c.vmid);
    if (!c.actual) {
        EXPECT_TRUE(guest.retention.empty());
        EXPECT_FALSE(guest.last_backup);
    } else {
        ASSERT_EQ(guest.retention.size(), 1U);
        EXPECT_EQ(guest.retention[0].storage, "pbs-main");
        EXPECT_EQ(guest.retention[0].actual_versions, c.actual);
    }
    EXPECT_EQ(report.pbs_orphan_groups.size(), c.orphans);
}

INSTANTIATE_TEST_SUITE_P(
    Pbs, GroupMatching,
    ::testing::Values(
        MatchCase{"vm_group_matches_qemu_guest",
                  [](Inventory& i) { add_snapshots(i, "pbs-main", daily("vm", 100, 3)); }, 100, 3, 0},
        MatchCase{"ct_group_matches_lxc_guest", [](Inventory& i) { add_snapshots(i, "pbs-main", daily("ct", 112, 2)); },
                  112, 2, 0},
        MatchCase{"ct_group_does_not_match_qemu_guest_and_is_an_orphan",
                  [](Inventory& i) { add_snapshots(i, "pbs-main", daily("ct", 100, 2)); }, 100, std::nullopt, 1},
        MatchCase{"vm_group_does_not_match_lxc_guest",
                  [](Inventory& i) { add_snapshots(i, "pbs-main", daily("vm", 112, 2)); }, 112, std::nullopt, 1},
        MatchCase{"host_group_is_ignored_and_never_an_orphan",
                  [](Inventory& i) { add_snapshots(i, "pbs-main", daily("host", 100, 4)); }, 100, std::nullopt, 0},
        MatchCase{"wrong_type_with_a_job_gives_zero_not_the_other_group",
                  [](Inventory& i) {
                      add_job(i, JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00"));
                      add_snapshots(i, "pbs-main", daily("ct", 100, 4));
                  },
                  100, 0, 1},
        MatchCase{"unfinished_snapshots_are_not_counted",
                  [](Inventory& i) {
                      auto snapshots = daily("vm", 100, 3);
                      snapshots.back().finished = false;
                      add_snapshots(i, "pbs-main", snapshots);
                  },
                  100, 2, 0},
        MatchCase{"protected_snapshots_are_counted",
                  [](Inventory& i) {
                      auto snapshots = daily("vm", 100, 3);
                      snapshots.front().is_protected = true;
                      add_snapshots(i, "pbs-main", snapshots);
                  },
                  100, 3, 0},
        MatchCase{"content_read_for_no_storage_of_the_cluster_is_never_counted",
                  [](Inventory& i) { add_snapshots(i, "other-cluster", daily("vm", 100, 5)); }, 100, std::nullopt, 0},
        MatchCase{"orphan_vmid_not_in_cluster", [](Inventory& i) { add_snapshots(i, "pbs-main", daily("vm", 999, 2)); },
                  100, std::nullopt, 1},
        MatchCase{"non_numeric_id_is_an_orphan",
                  [](Inventory& i) {
                      auto s = snapshot("vm", 0, k_yesterday_21);
                      s.backup_id = "manual-test";
                      add_snapshots(i, "pbs-main", {s});
                  },
                  100, std::nullopt, 1},
        MatchCase{"no_orphans_when_the_guest_list_was_not_read",
                  [](Inventory& i) {
                      i.guests_collected = false;
                      add_snapshots(i, "pbs-main", daily("vm", 999, 2));
                  },
                  100, std::nullopt, 0}),
    CaseName());

TEST(GroupMatching, OtherNamespaceIsNeverCounted) {
    auto inventory = pbs_inventory();
    auto other = make_storage("pbs-other", "pbs");
    other.pbs->ns = "other-cluster";
    inventory.storages.push_back(other);
    inventory.pbs_servers[0].storages.push_back("pbs-other");
    auto content = inventory.pbs_content["pbs-main"];
    content.storage = "pbs-other";
    content.snapshots = daily("vm", 100, 5);
    inventory.pbs_content["pbs-other"] = content;
    add_snapshots(inventory, "pbs-main", daily("vm", 100, 2));
    add_job(inventory, JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00"));
    const auto report = analyze_at(inventory);
    const auto& guest = guest_of(report, 100);
    ASSERT_EQ(guest.retention.size(), 2U);
    EXPECT_EQ(guest.retention[0].storage, "pbs-main");
    EXPECT_EQ(guest.retention[0].ns, "prod");
    EXPECT_EQ(guest.retention[0].actual_versions, 2);
    EXPECT_EQ(guest.retention[0].jobs, std::vector<std::string>{"nightly"});
    // The other namespace is a storage of its own: its snapshots are never added to pbs-main's.
    EXPECT_EQ(guest.retention[1].storage, "pbs-other");
    EXPECT_EQ(guest.retention[1].ns, "other-cluster");
    EXPECT_EQ(guest.retention[1].actual_versions, 5);
    EXPECT_TRUE(guest.retention[1].jobs.empty());
    EXPECT_FALSE(guest.retention[1].expected_versions);
}

TEST(GroupMatching, OrphanGroupIsListedAndReportedAsInfo) {
    auto inventory = pbs_inventory();
    add_snapshots(inventory, "pbs-main", daily("vm", 999, 3));
    const auto report = analyze_at(inventory);
    ASSERT_EQ(report.pbs_orphan_groups.size(), 1U);
    const auto& orphan = report.pbs_orphan_groups[0];
    EXPECT_EQ(orphan.storage, "pbs-main");
    EXPECT_EQ(orphan.datastore, "store1");
    EXPECT_EQ(orphan.ns, "prod");
    EXPECT_EQ(orphan.backup_type, "vm");
    EXPECT_EQ(orphan.backup_id, "999");
    EXPECT_EQ(orphan.snapshots, 3);
    EXPECT_EQ(orphan.last_backup, k_yesterday_21);
    const auto anomalies = anomalies_of_kind(report, "pbs_orphan_group");
    ASSERT_EQ(anomalies.size(), 1U);
    EXPECT_EQ(anomalies[0].severity, pvr::model::Severity::info);
    EXPECT_EQ(anomalies[0].subject, "storage/pbs-main");
    EXPECT_EQ(anomalies[0].message,
              "Group vm/999 on storage pbs-main (datastore store1, namespace prod) has 3 backups (last "
              "2026-11-26T21:00:00Z) but no VM 999 exists in the cluster; PVE's pruning after backups never touches "
              "it.");
}

TEST(GroupMatching, OrphanSeenThroughTwoStoragesOfTheSameNamespaceIsListedOnce) {
    auto inventory = pbs_inventory();
    inventory.storages.push_back(make_storage("pbs-alias", "pbs"));
    inventory.pbs_servers[0].storages.push_back("pbs-alias");
    add_snapshots(inventory, "pbs-main", daily("vm", 999, 3));
    auto content = inventory.pbs_content["pbs-main"];
    content.storage = "pbs-alias";
    inventory.pbs_content["pbs-alias"] = content;
    const auto report = analyze_at(inventory);
    ASSERT_EQ(report.pbs_orphan_groups.size(), 1U);
    EXPECT_EQ(report.pbs_orphan_groups[0].storage, "pbs-alias");
}

TEST(GroupMatching, NotCollectedGivesNullNeverZero) {
    auto inventory = pbs_inventory();
    inventory.pbs_content["pbs-main"].collected = false;
    add_job(inventory, JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00").prune(keep(3)));
    const auto report = analyze_at(inventory);
    const auto& guest = guest_of(report, 100);
    ASSERT_EQ(guest.retention.size(), 1U);
    EXPECT_FALSE(guest.retention[0].actual_versions);
    EXPECT_EQ(guest.retention[0].expected_versions, 3); // the policy is known even without the snapshots
    EXPECT_FALSE(guest.retention[0].delta);
    EXPECT_NE(guest.retention[0].note.find("could not be read"), std::string::npos) << guest.retention[0].note;
    EXPECT_FALSE(guest.last_backup);
}

TEST(GroupMatching, PbsNotConfiguredSaysNothingAboutPbs) {
    auto inventory = pbs_inventory();
    inventory.pbs_configured = false;
    add_snapshots(inventory, "pbs-main", daily("vm", 100, 3));
    add_job(inventory, JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00").prune(keep(3)));
    const auto report = analyze_at(inventory);
    const auto& guest = guest_of(report, 100);
    EXPECT_TRUE(guest.retention.empty()); // nothing of the PBS side is known, not even zeros
    EXPECT_FALSE(guest.last_backup);
    EXPECT_FALSE(guest.freshness.overdue);
    EXPECT_EQ(guest.freshness.note, "PBS collection is not configured");
    EXPECT_TRUE(report.pbs_orphan_groups.empty());
    EXPECT_FALSE(report.pbs_storages[0].usage);
}

TEST(GroupMatching, LastBackupIsTheNewestFinishedSnapshot) {
    auto inventory = pbs_inventory();
    auto snapshots = daily("vm", 100, 3);
    snapshots[2].size = std::nullopt;
    snapshots[2].verification = "failed";
    snapshots[2].is_protected = true;
    auto running = snapshot("vm", 100, k_now - k_hour);
    running.finished = false;
    snapshots.push_back(running);
    add_snapshots(inventory, "pbs-main", snapshots);
    const auto report = analyze_at(inventory);
    const auto& last = guest_of(report, 100).last_backup;
    ASSERT_TRUE(last);
    EXPECT_EQ(last->time, k_yesterday_21);
    EXPECT_EQ(last->storage, "pbs-main");
    EXPECT_EQ(last->datastore, "store1");
    EXPECT_EQ(last->ns, "prod");
    EXPECT_FALSE(last->size);
    EXPECT_EQ(last->verification, "failed");
    EXPECT_TRUE(last->is_protected);
}

TEST(GroupMatching, CoverageDoesNotChangeWithPbsData) {
    auto inventory = pbs_inventory();
    add_job(inventory, JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00"));
    const auto without = analyze_at(inventory);
    add_snapshots(inventory, "pbs-main", daily("vm", 112, 3));
    const auto with = analyze_at(inventory);
    for (std::size_t i = 0; i < with.guests.size(); ++i) {
        EXPECT_EQ(with.guests[i].coverage.status, without.guests[i].coverage.status);
        EXPECT_EQ(with.guests[i].coverage.reason, without.guests[i].coverage.reason);
    }
}

} // namespace
