// Storage-level PBS findings: pbs_no_retention and pbs_policies_overlap.

#include "pbs_test_support.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::Inventory;

struct StorageCase {
    std::string name;
    std::function<void(Inventory&)> setup;
    std::string kind;
    std::string message; // "" = must not be raised
};

std::ostream& operator<<(std::ostream& os, const StorageCase& c) { return os << c.name; }

class PbsStorageFinding : public ::testing::TestWithParam<StorageCase> {};

TEST_P(PbsStorageFinding, IsRaisedOrNot) {
    const auto& c = GetParam();
    auto inventory = pbs_inventory();
    c.setup(inventory);
    const auto anomalies = anomalies_of_kind(analyze_at(inventory), c.kind);
    if (c.message.empty()) {
        EXPECT_TRUE(anomalies.empty()) << anomalies[0].message;
        return;
    }
    ASSERT_EQ(anomalies.size(), 1U);
    EXPECT_EQ(anomalies[0].severity, pvr::model::Severity::info);
    EXPECT_EQ(anomalies[0].subject, "storage/pbs-main");
    EXPECT_EQ(anomalies[0].message, c.message);
}

JobBuilder nightly() { return JobBuilder("nightly").all().storage("pbs-main").schedule("21:00"); }

INSTANTIATE_TEST_SUITE_P(
    Pbs, PbsStorageFinding,
    ::testing::Values(
        StorageCase{"no_retention_node_default", [](Inventory& i) { add_job(i, nightly()); }, "pbs_no_retention",
                    "Backups on storage pbs-main (datastore store1, namespace prod) are never pruned: no PVE-side "
                    "prune-backups is set (the node default in vzdump.conf is unknown, assumed keep-all) and no PBS "
                    "prune job covers the namespace; they accumulate until deleted by hand."},
        StorageCase{"no_retention_explicit_keep_all",
                    [](Inventory& i) {
                        i.storages[0].prune_backups = keep_all();
                        add_job(i, nightly());
                    },
                    "pbs_no_retention",
                    "Backups on storage pbs-main (datastore store1, namespace prod) are never pruned: its PVE-side "
                    "policy keeps everything and no PBS prune job covers the namespace; they accumulate until deleted "
                    "by hand."},
        StorageCase{"empty_unused_storage_says_nothing", [](Inventory&) {}, "pbs_no_retention", ""},
        StorageCase{"no_retention_without_jobs",
                    [](Inventory& i) { add_snapshots(i, "pbs-main", daily("vm", 999, 2)); }, "pbs_no_retention",
                    "Backups on storage pbs-main (datastore store1, namespace prod) are never pruned: no enabled "
                    "backup job targets it, so PVE never prunes it and no PBS prune job covers the namespace; they "
                    "accumulate until deleted by hand."},
        StorageCase{"pve_side_prunes", [](Inventory& i) { add_job(i, nightly().prune(keep(3))); }, "pbs_no_retention",
                    ""},
        StorageCase{"pbs_side_prunes",
                    [](Inventory& i) {
                        add_job(i, nightly());
                        i.pbs_servers[0].prune_jobs->push_back(prune_job("p", "daily", keep(3)));
                    },
                    "pbs_no_retention", ""},
        StorageCase{"unknown_pbs_prune_jobs_say_nothing",
                    [](Inventory& i) {
                        add_job(i, nightly());
                        i.pbs_servers[0].prune_jobs = std::nullopt;
                    },
                    "pbs_no_retention", ""},
        StorageCase{"overlap_with_different_options",
                    [](Inventory& i) {
                        add_job(i, nightly().prune(keep(3)));
                        i.pbs_servers[0].prune_jobs->push_back(prune_job("daily7", "03:00", keep(std::nullopt, 7)));
                    },
                    "pbs_policies_overlap",
                    "The storage pbs-main (datastore store1, namespace prod) is pruned by both PVE (keep-last=3 (job "
                    "nightly)) and PBS (keep-daily=7 (prune job daily7)) with different options; the stricter pass "
                    "decides what remains."},
        StorageCase{"same_options_on_both_sides_do_not_overlap",
                    [](Inventory& i) {
                        add_job(i, nightly().prune(keep(3)));
                        i.pbs_servers[0].prune_jobs->push_back(prune_job("last3", "03:00", keep(3)));
                    },
                    "pbs_policies_overlap", ""},
        StorageCase{"pbs_job_of_another_namespace_does_not_overlap",
                    [](Inventory& i) {
                        add_job(i, nightly().prune(keep(3)));
                        i.pbs_servers[0].prune_jobs->push_back(prune_job("other", "03:00", keep(1), "other"));
                    },
                    "pbs_policies_overlap", ""}),
    CaseName());

} // namespace
