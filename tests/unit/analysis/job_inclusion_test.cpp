// get_included_guests port (reference pve-api.md 5.1), case by case.

#include "analysis/job_inclusion.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using NodeGroups = std::map<std::string, std::vector<std::int64_t>>;

GuestIndex upstream_index() { return make_guest_index(upstream_guests(), true); }

PoolIndex upstream_pools() {
    PoolIndex pools;
    pools.members_by_pool["testpool"] = std::vector<std::int64_t>{100, 101, 200, 201};
    return pools;
}

struct InclusionCase {
    std::string name;
    pvr::model::BackupJob job;
    NodeGroups expected;
};

std::ostream& operator<<(std::ostream& os, const InclusionCase& c) { return os << c.name; }

class UpstreamGetIncludedGuests : public ::testing::TestWithParam<InclusionCase> {};

TEST_P(UpstreamGetIncludedGuests, MatchesPve) {
    const auto& c = GetParam();
    const auto inclusion = included_guests(c.job, upstream_index(), upstream_pools());
    EXPECT_FALSE(inclusion.undetermined);
    EXPECT_EQ(inclusion.by_node(upstream_index()), c.expected);
}

// The ten cases of pve-manager test/vzdump_guest_included_test.pl, with their expected results.
INSTANTIATE_TEST_SUITE_P(
    VzdumpGuestIncludedTest, UpstreamGetIncludedGuests,
    ::testing::Values(
        InclusionCase{
            "all_guests", JobBuilder("j").all(), {{"node1", {100, 101, 112, 113}}, {"node2", {200, 201, 212, 213}}}},
        InclusionCase{
            "all_guests_with_node_limit", JobBuilder("j").all().node("node2"), {{"node2", {200, 201, 212, 213}}}},
        InclusionCase{"exclude",
                      JobBuilder("j").all().exclude({100, 102, 200, 202}),
                      {{"node1", {101, 112, 113}}, {"node2", {201, 212, 213}}}},
        InclusionCase{"exclude_with_node_limit",
                      JobBuilder("j").all().exclude({100, 102, 200, 202}).node("node1"),
                      {{"node1", {101, 112, 113}}}},
        InclusionCase{"pool_members", JobBuilder("j").pool("testpool"), {{"node1", {100, 101}}, {"node2", {200, 201}}}},
        InclusionCase{
            "pool_members_with_node_limit", JobBuilder("j").pool("testpool").node("node2"), {{"node2", {200, 201}}}},
        InclusionCase{
            "selected_vmids", JobBuilder("j").vmids({100, 201, 212}), {{"node1", {100}}, {"node2", {201, 212}}}},
        InclusionCase{
            "selected_vmids_with_node_limit", JobBuilder("j").vmids({100, 201, 212}).node("node1"), {{"node1", {100}}}},
        InclusionCase{"selected_vmids_on_other_nodes", JobBuilder("j").vmids({201, 212}).node("node1"), {}},
        InclusionCase{"vmid_not_present_in_vmlist",
                      JobBuilder("j").vmids({100, 201, 212, 7654}),
                      {{"node1", {100}}, {"node2", {201, 212}}, {"", {7654}}}}),
    CaseName());

// Further rules of 5.1 and edge cases 16-21 of section 8.
PoolIndex nested_pools() {
    PoolIndex pools;
    pools.members_by_pool["prod"] = std::vector<std::int64_t>{100};
    pools.members_by_pool["prod/db"] = std::vector<std::int64_t>{101, 200};
    pools.members_by_pool["empty"] = std::vector<std::int64_t>{};
    pools.members_by_pool["stale"] = std::vector<std::int64_t>{100, 999}; // 999 no longer exists
    return pools;
}

struct RuleCase {
    std::string name;
    pvr::model::BackupJob job;
    std::vector<std::int64_t> included;
    std::vector<std::int64_t> unknown;
    std::vector<std::int64_t> dropped_by_node;
    SelectionMode mode;
};

std::ostream& operator<<(std::ostream& os, const RuleCase& c) { return os << c.name; }

class InclusionRule : public ::testing::TestWithParam<RuleCase> {};

TEST_P(InclusionRule, Holds) {
    const auto& c = GetParam();
    const auto inclusion = included_guests(c.job, upstream_index(), nested_pools());
    EXPECT_FALSE(inclusion.undetermined) << inclusion.undetermined_reason;
    EXPECT_EQ(inclusion.mode, c.mode);
    EXPECT_EQ(inclusion.included, c.included);
    EXPECT_EQ(inclusion.unknown_vmids, c.unknown);
    EXPECT_EQ(inclusion.dropped_by_node, c.dropped_by_node);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, InclusionRule,
    ::testing::Values(
        RuleCase{"nested_pool_direct_members_only", JobBuilder("j").pool("prod"), {100}, {}, {}, SelectionMode::pool},
        RuleCase{"child_pool_own_members", JobBuilder("j").pool("prod/db"), {101, 200}, {}, {}, SelectionMode::pool},
        RuleCase{
            "pool_wins_over_vmid", JobBuilder("j").pool("prod").vmids({112, 113}), {100}, {}, {}, SelectionMode::pool},
        RuleCase{"pool_wins_over_all", JobBuilder("j").pool("prod").all(), {100}, {}, {}, SelectionMode::pool},
        RuleCase{"exclude_ignored_with_pool",
                 JobBuilder("j").pool("prod/db").exclude({101}),
                 {101, 200},
                 {},
                 {},
                 SelectionMode::pool},
        RuleCase{"vmid_wins_over_all",
                 JobBuilder("j").vmids({112}).all().exclude({112}),
                 {112},
                 {},
                 {},
                 SelectionMode::vmid},
        RuleCase{"exclude_without_all_covers_nothing", JobBuilder("j").exclude({100}), {}, {}, {}, SelectionMode::none},
        RuleCase{"no_selection_covers_nothing", JobBuilder("j"), {}, {}, {}, SelectionMode::none},
        RuleCase{"empty_pool_covers_nothing", JobBuilder("j").pool("empty"), {}, {}, {}, SelectionMode::pool},
        RuleCase{"nonexistent_pool_members_skipped", JobBuilder("j").pool("stale"), {100}, {}, {}, SelectionMode::pool},
        RuleCase{"node_restriction_drops_guests_elsewhere",
                 JobBuilder("j").vmids({100, 200}).node("node2"),
                 {200},
                 {},
                 {100},
                 SelectionMode::vmid},
        RuleCase{"unknown_vmids_kept_regardless_of_node",
                 JobBuilder("j").vmids({100, 7654}).node("node2"),
                 {},
                 {7654},
                 {100},
                 SelectionMode::vmid},
        RuleCase{"vmids_sorted_and_deduplicated",
                 JobBuilder("j").vmids({201, 100, 201}),
                 {100, 201},
                 {},
                 {},
                 SelectionMode::vmid},
        RuleCase{"exclude_of_unknown_vmid_harmless",
                 JobBuilder("j").all().exclude({7654}),
                 {100, 101, 112, 113, 200, 201, 212, 213},
                 {},
                 {},
                 SelectionMode::all},
        RuleCase{"enabled_not_looked_at", JobBuilder("j").vmids({100}).disabled(), {100}, {}, {}, SelectionMode::vmid}),
    CaseName());

TEST(InclusionRule, AllIncludesTemplates) {
    auto guests = upstream_guests();
    guests[0].is_template = true;
    const auto inclusion = included_guests(JobBuilder("j").all(), make_guest_index(guests, true), PoolIndex{});
    EXPECT_TRUE(inclusion.includes(100));
}

TEST(InclusionRule, ExcludeRecordsExcludedExistingGuests) {
    const auto inclusion =
        included_guests(JobBuilder("j").all().exclude({100, 102, 200}), upstream_index(), upstream_pools());
    EXPECT_EQ(inclusion.excluded, (std::vector<std::int64_t>{100, 200}));
}

// Undetermined inclusion: the answer depends on data that was not collected.
struct UndeterminedCase {
    std::string name;
    pvr::model::BackupJob job;
    bool guests_collected;
    bool pools_collected;
    std::string reason_part;
    std::vector<std::int64_t> possibly_included;
};

std::ostream& operator<<(std::ostream& os, const UndeterminedCase& c) { return os << c.name; }

class UndeterminedInclusion : public ::testing::TestWithParam<UndeterminedCase> {};

TEST_P(UndeterminedInclusion, IsReported) {
    const auto& c = GetParam();
    auto guests = upstream_guests();
    guests[0].pool = "lab";      // 100: known to be in another pool
    guests[1].pool = "readonly"; // 101: a member of the unreadable pool
    auto index = make_guest_index(guests, c.guests_collected);
    PoolIndex pools;
    pools.collected = c.pools_collected;
    pools.members_by_pool["readonly"] = std::nullopt;
    pools.members_by_pool["lab"] = std::vector<std::int64_t>{100};
    const auto inclusion = included_guests(c.job, index, pools);
    EXPECT_TRUE(inclusion.undetermined);
    EXPECT_NE(inclusion.undetermined_reason.find(c.reason_part), std::string::npos) << inclusion.undetermined_reason;
    EXPECT_TRUE(inclusion.included.empty());
    EXPECT_EQ(inclusion.possibly_included, c.possibly_included);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, UndeterminedInclusion,
    ::testing::Values(UndeterminedCase{"pool_members_unreadable",
                                       JobBuilder("backup-77c1").pool("readonly"),
                                       true,
                                       true,
                                       "Job backup-77c1 selects pool readonly whose members could not be read.",
                                       {101, 112, 113, 200, 201, 212, 213}},
                      UndeterminedCase{"pool_members_unreadable_with_node",
                                       JobBuilder("j").pool("readonly").node("node1"),
                                       true,
                                       true,
                                       "whose members could not be read",
                                       {101, 112, 113}},
                      UndeterminedCase{"pool_unknown_pve_dies",
                                       JobBuilder("j").pool("gone"),
                                       true,
                                       true,
                                       "was not found",
                                       {112, 113, 200, 201, 212, 213}},
                      UndeterminedCase{"pools_not_collected",
                                       JobBuilder("j").pool("lab"),
                                       true,
                                       false,
                                       "the pool list could not be read",
                                       {100, 112, 113, 200, 201, 212, 213}},
                      UndeterminedCase{"guests_not_collected",
                                       JobBuilder("j").vmids({100}),
                                       false,
                                       true,
                                       "The guest list could not be read",
                                       {100, 101, 112, 113, 200, 201, 212, 213}}),
    CaseName());

TEST(UndeterminedInclusionRule, PoolsNotCollectedDoesNotAffectOtherModes) {
    PoolIndex pools;
    pools.collected = false;
    const auto inclusion = included_guests(JobBuilder("j").vmids({100}), upstream_index(), pools);
    EXPECT_FALSE(inclusion.undetermined);
    EXPECT_EQ(inclusion.included, (std::vector<std::int64_t>{100}));
}

TEST(UndeterminedInclusionRule, MayIncludeCoversPossibleGuests) {
    PoolIndex pools;
    pools.members_by_pool["readonly"] = std::nullopt;
    const auto inclusion = included_guests(JobBuilder("j").pool("readonly").node("node1"), upstream_index(), pools);
    EXPECT_TRUE(inclusion.may_include(100));
    EXPECT_FALSE(inclusion.may_include(200));
    EXPECT_FALSE(inclusion.includes(100));
}

} // namespace
