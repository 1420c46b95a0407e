// Coverage status per guest (contract "Coverage status", reference 5.2-5.4).

#include "analysis/analyze.hpp"
#include "analysis/coverage.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::CoverageStatus;
using pvr::model::Inventory;

struct CoverageCase {
    std::string name;
    std::function<void(Inventory&)> setup;
    std::int64_t vmid;
    CoverageStatus status;
    std::vector<std::string> jobs;
    std::vector<std::string> disabled_jobs;
    std::string reason;
};

std::ostream& operator<<(std::ostream& os, const CoverageCase& c) { return os << c.name; }

const pvr::model::GuestReport& find_guest(const pvr::model::ReportData& report, std::int64_t vmid) {
    for (const auto& guest : report.guests) {
        if (guest.guest.vmid == vmid) {
            return guest;
        }
    }
    throw std::runtime_error("guest not in report");
}

void add_job(Inventory& inventory, pvr::model::BackupJob job) { inventory.jobs->push_back(std::move(job)); }

class GuestCoverage : public ::testing::TestWithParam<CoverageCase> {};

TEST_P(GuestCoverage, FollowsTheRule) {
    const auto& c = GetParam();
    auto inventory = make_inventory(upstream_guests());
    c.setup(inventory);
    const auto report = analyze(inventory, {});
    const auto& coverage = find_guest(report, c.vmid).coverage;
    EXPECT_EQ(coverage.status, c.status);
    EXPECT_EQ(coverage.jobs, c.jobs);
    EXPECT_EQ(coverage.disabled_jobs, c.disabled_jobs);
    EXPECT_EQ(coverage.reason, c.reason);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, GuestCoverage,
    ::testing::Values(
        CoverageCase{"enabled_job_schedules",
                     [](Inventory& i) {
                         add_job(i, JobBuilder("backup-8ba1").all().exclude({105, 110}).storage("pbs-main"));
                     },
                     100,
                     CoverageStatus::scheduled,
                     {"backup-8ba1"},
                     {},
                     "Included by enabled job backup-8ba1 (all guests but the 2 it excludes) to pbs-main."},
        CoverageCase{"several_enabled_jobs_sorted",
                     [](Inventory& i) {
                         add_job(i, JobBuilder("b-job").vmids({100}).storage("nfs"));
                         add_job(i, JobBuilder("a-job").pool("testpool").node("node1"));
                         i.pools["testpool"] = make_pool("testpool", std::vector<std::int64_t>{100, 101});
                     },
                     100,
                     CoverageStatus::scheduled,
                     {"a-job", "b-job"},
                     {},
                     "Included by enabled jobs a-job (pool testpool on node node1) to the default storage and b-job "
                     "(listed by VMID) to nfs."},
        CoverageCase{"disabled_only_is_not_backed_up",
                     [](Inventory& i) {
                         add_job(i, JobBuilder("backup-1f0e").vmids({200, 201}).disabled());
                     },
                     200,
                     CoverageStatus::not_backed_up,
                     {},
                     {"backup-1f0e"},
                     "Only the disabled job backup-1f0e would back it up."},
        CoverageCase{"enabled_and_disabled_both_listed",
                     [](Inventory& i) {
                         add_job(i, JobBuilder("on").all().storage("s"));
                         add_job(i, JobBuilder("off").vmids({200}).disabled());
                     },
                     200,
                     CoverageStatus::scheduled,
                     {"on"},
                     {"off"},
                     "Included by enabled job on (all guests) to s."},
        CoverageCase{"no_job_includes",
                     [](Inventory&) {},
                     100,
                     CoverageStatus::not_backed_up,
                     {},
                     {},
                     "No backup job includes it."},
        CoverageCase{"node_restriction_elsewhere",
                     [](Inventory& i) {
                         add_job(i, JobBuilder("j").vmids({100, 200}).node("node2"));
                     },
                     100,
                     CoverageStatus::not_backed_up,
                     {},
                     {},
                     "No backup job includes it: job j only runs on node node2 but the guest is on node1."},
        CoverageCase{"excluded_from_all_job",
                     [](Inventory& i) { add_job(i, JobBuilder("j").all().exclude({100})); },
                     100,
                     CoverageStatus::not_backed_up,
                     {},
                     {},
                     "No backup job includes it: job j excludes it."},
        CoverageCase{"exclude_without_all_covers_nothing",
                     [](Inventory& i) { add_job(i, JobBuilder("j").exclude({100})); },
                     101,
                     CoverageStatus::not_backed_up,
                     {},
                     {},
                     "No backup job includes it."},
        CoverageCase{"template_covered_like_any_guest",
                     [](Inventory& i) {
                         i.guests[0].is_template = true;
                         add_job(i, JobBuilder("j").all().storage("s"));
                     },
                     100,
                     CoverageStatus::scheduled,
                     {"j"},
                     {},
                     "Included by enabled job j (all guests) to s."},
        CoverageCase{"jobs_unavailable_undetermined",
                     [](Inventory& i) {
                         i.jobs = std::nullopt;
                         i.issues.push_back({pvr::model::IssueSeverity::error, "pve", "/cluster/backup",
                                             "403 Permission check failed (/, Sys.Audit)"});
                     },
                     100,
                     CoverageStatus::undetermined,
                     {},
                     {},
                     "The backup job list could not be read (403 Permission check failed (/, Sys.Audit))."},
        CoverageCase{"jobs_unavailable_without_issue",
                     [](Inventory& i) { i.jobs = std::nullopt; },
                     100,
                     CoverageStatus::undetermined,
                     {},
                     {},
                     "The backup job list could not be read."},
        CoverageCase{"pool_members_unreadable_undetermined",
                     [](Inventory& i) {
                         i.pools["prod/db"] = make_pool("prod/db", std::nullopt);
                         add_job(i, JobBuilder("backup-77c1").pool("prod/db"));
                     },
                     100,
                     CoverageStatus::undetermined,
                     {},
                     {},
                     "Job backup-77c1 selects pool prod/db whose members could not be read."},
        CoverageCase{"pool_members_unreadable_but_other_enabled_job",
                     [](Inventory& i) {
                         i.pools["prod/db"] = make_pool("prod/db", std::nullopt);
                         add_job(i, JobBuilder("backup-77c1").pool("prod/db"));
                         add_job(i, JobBuilder("nightly").vmids({100}).storage("s"));
                     },
                     100,
                     CoverageStatus::scheduled,
                     {"nightly"},
                     {},
                     "Included by enabled job nightly (listed by VMID) to s."},
        CoverageCase{"pool_unreadable_other_pool_member_decided",
                     [](Inventory& i) {
                         i.guests[0].pool = "lab";
                         i.pools["prod/db"] = make_pool("prod/db", std::nullopt);
                         i.pools["lab"] = make_pool("lab", std::vector<std::int64_t>{100});
                         add_job(i, JobBuilder("backup-77c1").pool("prod/db"));
                     },
                     100,
                     CoverageStatus::not_backed_up,
                     {},
                     {},
                     "No backup job includes it."},
        CoverageCase{"pool_unreadable_outside_job_node_decided",
                     [](Inventory& i) {
                         i.pools["prod/db"] = make_pool("prod/db", std::nullopt);
                         add_job(i, JobBuilder("backup-77c1").pool("prod/db").node("node2"));
                     },
                     100,
                     CoverageStatus::not_backed_up,
                     {},
                     {},
                     "No backup job includes it."},
        CoverageCase{"undetermined_disabled_job_does_not_block_verdict",
                     [](Inventory& i) {
                         i.pools["prod/db"] = make_pool("prod/db", std::nullopt);
                         add_job(i, JobBuilder("off").pool("prod/db").disabled());
                     },
                     100,
                     CoverageStatus::not_backed_up,
                     {},
                     {},
                     "No backup job includes it."},
        CoverageCase{"pools_not_collected_undetermined",
                     [](Inventory& i) {
                         i.pools_collected = false;
                         add_job(i, JobBuilder("p").pool("prod"));
                     },
                     100,
                     CoverageStatus::undetermined,
                     {},
                     {},
                     "Job p selects pool prod but the pool list could not be read."},
        CoverageCase{"unknown_pool_undetermined",
                     [](Inventory& i) { add_job(i, JobBuilder("p").pool("gone")); },
                     100,
                     CoverageStatus::undetermined,
                     {},
                     {},
                     "Job p selects pool gone, which was not found (deleted, or not visible to the API token)."}),
    CaseName());

TEST(GuestCoverageVolumes, ExcludedVolumesListedWhenIncluded) {
    auto guest = make_guest(100, "node1");
    guest.config_collected = true;
    guest.volumes = {{"scsi0", "local-lvm:vm-100-disk-0", true, "backup=yes"},
                     {"scsi1", "local-lvm:vm-100-disk-1", false, "backup=0"}};
    std::vector<AnalyzedJob> jobs{{JobBuilder("j").vmids({100}), {}}};
    jobs[0].inclusion.included = {100};
    const auto coverage = guest_coverage(guest, jobs);
    EXPECT_EQ(coverage.excluded_volumes, (std::vector<std::string>{"scsi1"}));
}

TEST(GuestCoverageVolumes, ExcludedVolumesEmptyWhenNotIncluded) {
    auto guest = make_guest(100, "node1");
    guest.config_collected = true;
    guest.volumes = {{"scsi1", "local-lvm:vm-100-disk-1", false, "backup=0"}};
    const auto coverage = guest_coverage(guest, std::vector<AnalyzedJob>{});
    EXPECT_TRUE(coverage.excluded_volumes.empty());
}

TEST(GuestCoverageVolumes, ExcludedVolumesEmptyWithoutConfig) {
    auto guest = make_guest(100, "node1");
    guest.config_collected = false;
    guest.volumes = {{"scsi1", "local-lvm:vm-100-disk-1", false, "backup=0"}};
    std::vector<AnalyzedJob> jobs{{JobBuilder("j").vmids({100}), {}}};
    jobs[0].inclusion.included = {100};
    EXPECT_TRUE(guest_coverage(guest, jobs).excluded_volumes.empty());
}

TEST(GuestCoverageVolumes, DisabledOnlyStillListsExcludedVolumes) {
    auto guest = make_guest(101, "node1", pvr::model::GuestType::lxc);
    guest.config_collected = true;
    guest.volumes = {{"rootfs", "local-zfs:subvol-101-disk-0", true, "rootfs"},
                     {"mp0", "local-zfs:subvol-101-disk-1", false, "mount point without backup=1"}};
    std::vector<AnalyzedJob> jobs{{JobBuilder("off").vmids({101}).disabled(), {}}};
    jobs[0].inclusion.included = {101};
    const auto coverage = guest_coverage(guest, jobs);
    EXPECT_EQ(coverage.status, CoverageStatus::not_backed_up);
    EXPECT_EQ(coverage.excluded_volumes, (std::vector<std::string>{"mp0"}));
}

TEST(GuestCoverageJobList, JobListIssueFindsBackupEndpointOnly) {
    std::vector<pvr::model::CollectionIssue> issues{
        {pvr::model::IssueSeverity::warning, "pve", "/cluster/backup-info/not-backed-up", "500 boom"},
        {pvr::model::IssueSeverity::error, "pve", "/cluster/backup", "403 forbidden"}};
    EXPECT_EQ(job_list_issue(issues), "403 forbidden");
}

TEST(GuestCoverageJobList, JobListIssueKeepsOnlyTheCause) {
    std::vector<pvr::model::CollectionIssue> issues{
        {pvr::model::IssueSeverity::error, "pve", "/cluster/backup",
         "backup jobs could not be read: HTTP 403 Permission check failed; the token needs Sys.Audit on /."}};
    EXPECT_EQ(job_list_issue(issues), "HTTP 403 Permission check failed; the token needs Sys.Audit on /");
}

} // namespace

namespace {

TEST(GuestCoverageRules, NameEachIncludingJobWithItsRuleSortedByJob) {
    auto inventory = make_inventory(upstream_guests());
    add_job(inventory, JobBuilder("c-all").all().exclude({105, 110}).storage("pbs-main"));
    add_job(inventory, JobBuilder("b-vmids").vmids({100, 200}).storage("nfs").disabled());
    add_job(inventory, JobBuilder("a-pool").pool("testpool").node("node1"));
    inventory.pools["testpool"] = make_pool("testpool", std::vector<std::int64_t>{100, 101});
    const auto report = analyze(inventory, {});
    const auto& rules = find_guest(report, 100).coverage.rules;
    ASSERT_EQ(rules.size(), 3U);
    EXPECT_EQ(rules[0].job, "a-pool");
    EXPECT_EQ(rules[0].selection, pvr::model::RuleSelection::pool);
    EXPECT_EQ(rules[0].pool, "testpool");
    EXPECT_EQ(rules[0].node, "node1");
    EXPECT_EQ(rules[0].storage, std::nullopt);
    EXPECT_TRUE(rules[0].enabled);
    EXPECT_EQ(rules[1].job, "b-vmids");
    EXPECT_EQ(rules[1].selection, pvr::model::RuleSelection::vmid);
    EXPECT_FALSE(rules[1].enabled);
    EXPECT_EQ(rules[2].job, "c-all");
    EXPECT_EQ(rules[2].selection, pvr::model::RuleSelection::all);
    EXPECT_EQ(rules[2].excluded_count, 2U);
    EXPECT_EQ(rules[2].storage, "pbs-main");
    EXPECT_EQ(find_guest(report, 100).coverage.reason,
              "Included by enabled jobs a-pool (pool testpool on node node1) to the default storage and c-all (all "
              "guests but the 2 it excludes) to pbs-main.");
    EXPECT_TRUE(find_guest(report, 212).coverage.rules.size() == 1U);
}

TEST(GuestCoverageRules, ReasonDoesNotGrowWithTheJobsVmidList) {
    std::vector<pvr::model::Guest> guests;
    std::vector<std::int64_t> vmids;
    for (std::int64_t vmid = 100; vmid < 2100; ++vmid) {
        guests.push_back(make_guest(vmid, "node1"));
        vmids.push_back(vmid);
    }
    auto inventory = make_inventory(guests);
    add_job(inventory, JobBuilder("backup-daily").vmids(vmids).storage("pbs1"));
    const auto report = analyze(inventory, {});
    const auto& coverage = find_guest(report, 1500).coverage;
    EXPECT_EQ(coverage.reason, "Included by enabled job backup-daily (listed by VMID) to pbs1.");
}

} // namespace
