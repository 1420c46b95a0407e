// /cluster/backup: the job schema, lenient values and per-job problems.

#include "collect/parse_backup_jobs.hpp"
#include "fake_client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using pvr::collect::testing::fixture;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

std::vector<model::BackupJob> parse_one(const std::string& job_json, std::vector<std::string>* warnings = nullptr) {
    std::vector<std::string> local;
    return parse_backup_jobs("{\"data\":[" + job_json + "]}", warnings ? *warnings : local);
}

TEST(ParseBackupJobs, ReferenceExample) {
    std::vector<std::string> warnings;
    const auto jobs = parse_backup_jobs(fixture("backup_jobs.json"), warnings);
    EXPECT_THAT(warnings, IsEmpty());
    ASSERT_EQ(jobs.size(), 3U);

    const auto& nightly = jobs[0];
    EXPECT_EQ(nightly.id, "backup-8ba15cd0-6c41");
    EXPECT_TRUE(nightly.enabled);
    EXPECT_EQ(nightly.schedule, "21:00");
    EXPECT_EQ(nightly.storage, "pbs-main");
    EXPECT_EQ(nightly.mode, "snapshot");
    EXPECT_EQ(nightly.node, std::nullopt);
    EXPECT_TRUE(nightly.selection.all);
    EXPECT_THAT(nightly.selection.exclude, ElementsAre(105, 110));
    EXPECT_THAT(nightly.selection.vmids, IsEmpty());
    EXPECT_EQ(nightly.selection.pool, std::nullopt);
    EXPECT_EQ(nightly.next_run, 1735761600);
    EXPECT_EQ(nightly.comment, "nightly");
    EXPECT_TRUE(nightly.repeat_missed);
    ASSERT_TRUE(nightly.prune_backups.has_value());
    EXPECT_EQ(nightly.prune_backups->keep_daily, 7);
    EXPECT_EQ(nightly.prune_backups->keep_last, 3);
    EXPECT_FALSE(nightly.legacy);
    EXPECT_THAT(nightly.problems, IsEmpty());

    const auto& saturday = jobs[1];
    EXPECT_FALSE(saturday.enabled);
    EXPECT_EQ(saturday.node, "pve2");
    EXPECT_THAT(saturday.selection.vmids, ElementsAre(200, 201));
    EXPECT_FALSE(saturday.selection.all);
    EXPECT_FALSE(saturday.repeat_missed);
    EXPECT_EQ(saturday.prune_backups, std::nullopt);

    const auto& monthly = jobs[2];
    EXPECT_EQ(monthly.selection.pool, "prod/db");
    EXPECT_EQ(monthly.schedule, "*-*-01 03:00");
}

struct EnabledCase {
    const char* json_value; // nullptr = absent
    bool enabled;
    bool problem;
};

TEST(ParseBackupJobs, EnabledEncodings) {
    const EnabledCase cases[] = {
        {nullptr, true, false},    {"1", true, false},     {"0", false, false},       {"true", true, false},
        {"false", false, false},   {"\"1\"", true, false}, {"\"0\"", false, false},   {"\"yes\"", true, false},
        {"\"off\"", false, false}, {"\"\"", false, false}, {"\"maybe\"", true, true}, {"null", true, false},
    };
    for (const auto& c : cases) {
        const std::string json = std::string(R"({"id":"j","vmid":"100")") +
                                 (c.json_value ? std::string(",\"enabled\":") + c.json_value : "") + "}";
        const auto jobs = parse_one(json);
        ASSERT_EQ(jobs.size(), 1U) << json;
        EXPECT_EQ(jobs[0].enabled, c.enabled) << json;
        EXPECT_EQ(!jobs[0].problems.empty(), c.problem) << json;
    }
    const auto maybe = parse_one(R"({"id":"j","enabled":"maybe"})");
    EXPECT_THAT(maybe[0].problems, ElementsAre("enabled: expected a boolean, got 'maybe' (taken as enabled)"));
}

struct VmidCase {
    const char* json_value;
    std::vector<std::int64_t> ids;
    std::vector<std::string> problems;
};

TEST(ParseBackupJobs, VmidLists) {
    const VmidCase cases[] = {
        {R"("100,101,102")", {100, 101, 102}, {}},
        {R"("100, 101;102")", {100, 101, 102}, {}},
        {R"(" 100  101\t102 ")", {100, 101, 102}, {}},
        {R"("100,,101,100")", {100, 101}, {}},
        {R"(100)", {100}, {}},
        {R"("")", {}, {}},
        {R"("100,abc")", {100}, {"vmid: 'abc' is not a VMID"}},
        {R"("abc")", {}, {"vmid: expected a VMID list, got 'abc'"}},
        {R"("-5,0")", {}, {"vmid: expected a VMID list, got '-5,0'"}},
        {R"([100,101])", {}, {"vmid: expected a VMID list, got [100,101]"}},
    };
    for (const auto& c : cases) {
        const auto jobs = parse_one(std::string(R"({"id":"j","vmid":)") + c.json_value + "}");
        ASSERT_EQ(jobs.size(), 1U) << c.json_value;
        EXPECT_EQ(jobs[0].selection.vmids, c.ids) << c.json_value;
        EXPECT_EQ(jobs[0].problems, c.problems) << c.json_value;
    }
    const auto exclude = parse_one(R"({"id":"j","all":"1","exclude":"105; 110 x1"})");
    EXPECT_TRUE(exclude[0].selection.all);
    EXPECT_THAT(exclude[0].selection.exclude, ElementsAre(105, 110));
    EXPECT_THAT(exclude[0].problems, ElementsAre("exclude: 'x1' is not a VMID"));
}

TEST(ParseBackupJobs, UninterpretableFieldsAreProblemsAndTheRestIsRead) {
    const auto jobs = parse_one(R"({"id":"backup-x","schedule":{"at":"21:00"},"storage":"pbs-main","vmid":"100,abc",
        "next-run":"soon","repeat-missed":"often","prune-backups":{"keep-daily":"7","keep-hourly":"x","keep-all":1},
        "all":"maybe","comment":42,"node":"","pool":""})");
    ASSERT_EQ(jobs.size(), 1U);
    const auto& job = jobs[0];
    EXPECT_EQ(job.id, "backup-x");
    EXPECT_TRUE(job.enabled);
    EXPECT_EQ(job.schedule, std::nullopt);
    EXPECT_EQ(job.storage, "pbs-main");
    EXPECT_THAT(job.selection.vmids, ElementsAre(100));
    EXPECT_EQ(job.next_run, std::nullopt);
    EXPECT_FALSE(job.repeat_missed);
    EXPECT_FALSE(job.selection.all);
    EXPECT_EQ(job.comment, "42");
    EXPECT_EQ(job.node, std::nullopt);
    EXPECT_EQ(job.selection.pool, std::nullopt);
    ASSERT_TRUE(job.prune_backups.has_value());
    EXPECT_EQ(job.prune_backups->keep_daily, 7);
    EXPECT_EQ(job.prune_backups->keep_all, true);
    EXPECT_THAT(job.problems, ElementsAre("schedule: expected a string, got {\"at\":\"21:00\"}",
                                          "next-run: expected an integer, got 'soon'",
                                          "repeat-missed: expected a boolean, got 'often'",
                                          "prune-backups: keep-hourly: expected a non-negative integer, got 'x'",
                                          "all: expected a boolean, got 'maybe'", "vmid: 'abc' is not a VMID"));
}

TEST(ParseBackupJobs, NumbersAsStringsAndLegacyJobs) {
    const auto jobs = parse_one(R"({"id":"0123456789abcdef0123456789ABCDEF01234567:1","enabled":"1",
        "schedule":"mon,tue 02:30","all":1,"quiet":"1","next-run":"1735761600"})");
    ASSERT_EQ(jobs.size(), 1U);
    EXPECT_TRUE(jobs[0].legacy);
    EXPECT_EQ(jobs[0].next_run, 1735761600);
    EXPECT_THAT(jobs[0].problems, IsEmpty());

    EXPECT_TRUE(is_legacy_job_id("0123456789abcdef0123456789abcdef01234567:12"));
    EXPECT_FALSE(is_legacy_job_id("backup-8ba15cd0-6c41"));
    EXPECT_FALSE(is_legacy_job_id("0123456789abcdef0123456789abcdef01234567:"));
    EXPECT_FALSE(is_legacy_job_id("0123456789abcdef0123456789abcdef0123456g:1"));
    EXPECT_FALSE(is_legacy_job_id("0123456789abcdef0123456789abcdef012345:1"));
}

TEST(ParseBackupJobs, JobWithoutIdIsSkipped) {
    std::vector<std::string> warnings;
    const auto jobs =
        parse_backup_jobs(R"({"data":[{"schedule":"21:00","all":1},{"id":"","all":1},{"id":"ok"},"junk"]})", warnings);
    ASSERT_EQ(jobs.size(), 1U);
    EXPECT_EQ(jobs[0].id, "ok");
    EXPECT_THAT(warnings, ElementsAre("GET /cluster/backup: data[0]: backup job without an id, skipped",
                                      "GET /cluster/backup: data[1]: backup job without an id (got ''), skipped",
                                      "GET /cluster/backup: data[3]: expected an object, got 'junk' (entry skipped)"));
}

TEST(ParseBackupJobs, WholeAnswerUnusable) {
    std::vector<std::string> warnings;
    EXPECT_THROW((void)parse_backup_jobs("not json", warnings), Error);
    EXPECT_THROW((void)parse_backup_jobs(R"({"data":null})", warnings), Error);
    EXPECT_TRUE(parse_backup_jobs(R"({"data":[]})", warnings).empty());
}

} // namespace
