// Effective policy per guest and storage: job prune-backups > storage prune-backups > node default
// (unknown, assumed keep-all); PBS prune jobs whose scope covers the storage's namespace.

#include "analysis/pbs_context.hpp"
#include "analysis/retention_effective.hpp"
#include "analysis/retention_policies.hpp"
#include "pbs_test_support.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::Inventory;
using pvr::model::KeepOptions;

struct PrecedenceCase {
    std::string name;
    std::function<void(Inventory&)> setup;
    KeepOptions policy;
    std::string source;
    std::vector<std::string> pbs_prune_jobs;
    std::string note_contains;
};

std::ostream& operator<<(std::ostream& os, const PrecedenceCase& c) { return os << c.name; }

class PolicyPrecedence : public ::testing::TestWithParam<PrecedenceCase> {};

TEST_P(PolicyPrecedence, PicksTheEffectivePolicy) {
    const auto& c = GetParam();
    auto inventory = pbs_inventory();
    c.setup(inventory);
    const auto report = analyze_at(inventory);
    const auto& guest = guest_of(report, 100);
    ASSERT_EQ(guest.retention.size(), 1U);
    const auto& r = guest.retention[0];
    EXPECT_EQ(r.policy, c.policy);
    EXPECT_EQ(r.policy_source, c.source);
    EXPECT_EQ(r.pbs_prune_jobs, c.pbs_prune_jobs);
    EXPECT_NE(r.note.find(c.note_contains), std::string::npos) << r.note;
}

void nightly(Inventory& i, std::optional<KeepOptions> prune = std::nullopt) {
    auto job = JobBuilder("nightly").vmids({100}).storage("pbs-main").schedule("21:00");
    if (prune) {
        job.prune(*prune);
    }
    add_job(i, job);
}

INSTANTIATE_TEST_SUITE_P(
    Retention, PolicyPrecedence,
    ::testing::Values(PrecedenceCase{"job_prune_backups_wins_over_storage",
                                     [](Inventory& i) {
                                         i.storages[0].prune_backups = keep(std::nullopt, 30);
                                         nightly(i, keep(3));
                                     },
                                     keep(3),
                                     "pve-job",
                                     {},
                                     ""},
                      PrecedenceCase{"storage_prune_backups_when_the_job_has_none",
                                     [](Inventory& i) {
                                         i.storages[0].prune_backups = keep(std::nullopt, 30);
                                         nightly(i);
                                     },
                                     keep(std::nullopt, 30),
                                     "pve-storage",
                                     {},
                                     ""},
                      PrecedenceCase{"node_default_when_neither_sets_it",
                                     [](Inventory& i) { nightly(i); },
                                     KeepOptions{},
                                     "node-default",
                                     {},
                                     "node default (vzdump.conf) unknown, assumed keep-all"},
                      PrecedenceCase{"job_keep_all_overrides_a_pruning_storage",
                                     [](Inventory& i) {
                                         i.storages[0].prune_backups = keep(3);
                                         nightly(i, keep_all());
                                     },
                                     keep_all(),
                                     "pve-job",
                                     {},
                                     "keeps everything"},
                      PrecedenceCase{"pbs_jobs_covering_the_namespace_are_listed",
                                     [](Inventory& i) {
                                         nightly(i, keep(3));
                                         auto& jobs = *i.pbs_servers[0].prune_jobs;
                                         jobs.push_back(prune_job("root-all", "daily", keep(std::nullopt, 7)));
                                         jobs.push_back(prune_job("prod-only", "daily", keep(5), "prod", 0));
                                         jobs.push_back(prune_job("other-ns", "daily", keep(1), "other"));
                                         jobs.push_back(prune_job("root-depth-0", "daily", keep(1), "", 0));
                                         auto disabled = prune_job("disabled", "daily", keep(1));
                                         disabled.enabled = false;
                                         jobs.push_back(disabled);
                                         auto other_store = prune_job("store2", "daily", keep(1));
                                         other_store.store = "store2";
                                         jobs.push_back(other_store);
                                     },
                                     keep(3),
                                     "pve-job",
                                     {"prod-only", "root-all"},
                                     ""},
                      PrecedenceCase{"legacy_datastore_policy_is_listed_by_datastore",
                                     [](Inventory& i) {
                                         nightly(i, keep(3));
                                         auto legacy = prune_job("", "daily", keep(std::nullopt, 7));
                                         legacy.legacy_datastore_policy = true;
                                         i.pbs_servers[0].prune_jobs->push_back(legacy);
                                     },
                                     keep(3),
                                     "pve-job",
                                     {"store1"},
                                     ""},
                      PrecedenceCase{"unknown_pbs_prune_jobs_make_expected_null",
                                     [](Inventory& i) {
                                         nightly(i, keep(3));
                                         i.pbs_servers[0].prune_jobs = std::nullopt;
                                     },
                                     keep(3),
                                     "pve-job",
                                     {},
                                     "prune jobs of https://10.0.0.50:8007 could not be read"}),
    CaseName());

TEST(PolicyPrecedence, EachJobAppliesItsOwnPolicy) {
    auto inventory = pbs_inventory();
    add_job(inventory, JobBuilder("a-daily").vmids({100}).storage("pbs-main").schedule("21:00").prune(keep(3)));
    add_job(inventory, JobBuilder("b-weekly").vmids({100}).storage("pbs-main").schedule("sat 03:00"));
    inventory.storages[0].prune_backups = keep(std::nullopt, std::nullopt, 4);
    const auto report = analyze_at(inventory);
    const auto& r = guest_of(report, 100).retention.at(0);
    EXPECT_EQ(r.jobs, (std::vector<std::string>{"a-daily", "b-weekly"}));
    EXPECT_EQ(r.policy, keep(3));
    EXPECT_NE(r.note.find("b-weekly applies a different PVE-side policy than a-daily"), std::string::npos) << r.note;
}

struct ScopeCase {
    std::string name;
    std::string job_ns;
    std::optional<std::int64_t> max_depth;
    std::string ns;
    bool covered;
};

std::ostream& operator<<(std::ostream& os, const ScopeCase& c) { return os << c.name; }

class PruneJobScope : public ::testing::TestWithParam<ScopeCase> {};

TEST_P(PruneJobScope, CoversNamespace) {
    const auto& c = GetParam();
    EXPECT_EQ(namespace_in_scope(c.job_ns, c.max_depth, c.ns), c.covered);
}

INSTANTIATE_TEST_SUITE_P(
    Retention, PruneJobScope,
    ::testing::Values(ScopeCase{"root_unlimited_covers_everything", "", std::nullopt, "a/b/c", true},
                      ScopeCase{"root_depth_0_covers_root_only", "", 0, "", true},
                      ScopeCase{"root_depth_0_not_a_child", "", 0, "prod", false},
                      ScopeCase{"same_namespace_depth_0", "prod", 0, "prod", true},
                      ScopeCase{"child_needs_depth_1", "prod", 0, "prod/db", false},
                      ScopeCase{"child_within_depth_1", "prod", 1, "prod/db", true},
                      ScopeCase{"grandchild_beyond_depth_1", "prod", 1, "prod/db/x", false},
                      ScopeCase{"prefix_is_not_a_parent", "prod", std::nullopt, "production", false},
                      ScopeCase{"sibling_not_covered", "other", std::nullopt, "prod", false},
                      ScopeCase{"parent_not_covered_by_child_job", "prod/db", std::nullopt, "prod", false}),
    CaseName());

TEST(RetentionPolicies, PbsPruneJobsAndLegacyDatastorePolicyAreListed) {
    auto inventory = pbs_inventory();
    auto& jobs = *inventory.pbs_servers[0].prune_jobs;
    jobs.push_back(prune_job("z-prod", "daily", keep(std::nullopt, 7), "prod", 0));
    jobs.push_back(prune_job("a-other", "weekly", keep(2), "other"));
    auto legacy = prune_job("", "daily", keep(5));
    legacy.legacy_datastore_policy = true;
    jobs.push_back(legacy);
    const auto policies = pbs_retention_policies(inventory);
    ASSERT_EQ(policies.size(), 3U);
    EXPECT_EQ(policies[0].source, "pbs-prune-job");
    EXPECT_EQ(policies[0].id, "a-other");
    EXPECT_FALSE(policies[0].storage);
    EXPECT_TRUE(policies[0].storages.empty());
    EXPECT_EQ(policies[1].id, "z-prod");
    EXPECT_EQ(policies[1].storage, "pbs-main");
    EXPECT_EQ(policies[1].datastore, "store1");
    EXPECT_EQ(policies[1].ns, "prod");
    EXPECT_EQ(policies[1].schedule, "daily");
    EXPECT_EQ(policies[1].max_depth, 0);
    EXPECT_EQ(policies[1].server, "https://10.0.0.50:8007");
    EXPECT_EQ(policies[1].enabled, true);
    EXPECT_EQ(policies[1].keep, keep(std::nullopt, 7));
    EXPECT_EQ(policies[2].source, "pbs-datastore");
    EXPECT_EQ(policies[2].id, "store1");
    EXPECT_EQ(policies[2].storage, "pbs-main");

    const auto report = analyze_at(inventory);
    std::size_t pbs_entries = 0;
    for (const auto& policy : report.retention_policies) {
        pbs_entries += policy.source.rfind("pbs-", 0) == 0 ? 1 : 0;
    }
    EXPECT_EQ(pbs_entries, 3U);
}

TEST(RetentionPolicies, NothingFromPbsWhenNotConfigured) {
    auto inventory = pbs_inventory();
    inventory.pbs_servers[0].prune_jobs->push_back(prune_job("p", "daily", keep(3)));
    inventory.pbs_configured = false;
    EXPECT_TRUE(pbs_retention_policies(inventory).empty());
}

TEST(PbsStorageUsage, ComesFromThePbsDatastore) {
    const auto report = analyze_at(pbs_inventory());
    ASSERT_EQ(report.pbs_storages.size(), 1U);
    ASSERT_TRUE(report.pbs_storages[0].usage);
    EXPECT_EQ(report.pbs_storages[0].usage->total, 1000);
    EXPECT_EQ(report.pbs_storages[0].usage->used, 600);
    EXPECT_EQ(report.pbs_storages[0].usage->avail, 400);
}

TEST(PbsStorageUsage, NullWhenTheDatastoreUsageWasNotRead) {
    auto inventory = pbs_inventory();
    inventory.pbs_servers[0].datastores["store1"].usage = std::nullopt;
    EXPECT_FALSE(analyze_at(inventory).pbs_storages[0].usage);
}

} // namespace
