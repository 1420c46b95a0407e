// UPIDs, task lists and per-guest results in vzdump task logs.

#include "collect/parse_task_log.hpp"
#include "collect/parse_tasks.hpp"
#include "collect/upid.hpp"
#include "core/error.hpp"
#include "fake_client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using pvr::collect::testing::fixture;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

TEST(Upid, ReferenceExample) {
    const auto upid = parse_upid("UPID:pve1:0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam:");
    ASSERT_TRUE(upid.has_value());
    EXPECT_EQ(upid->node, "pve1");
    EXPECT_EQ(upid->pid, 107187U);
    EXPECT_EQ(upid->pstart, 206397039U);
    EXPECT_EQ(upid->starttime, 1735675200);
    EXPECT_EQ(upid->type, "vzdump");
    EXPECT_EQ(upid->id, "");
    EXPECT_EQ(upid->user, "root@pam");
}

TEST(Upid, Variants) {
    const auto long_uptime = parse_upid("UPID:pve-2:00004F1A:1B11C0DE0:67744D41:vzdump:201:root@pam!ci:");
    ASSERT_TRUE(long_uptime.has_value());
    EXPECT_EQ(long_uptime->pstart, 0x1B11C0DE0U);
    EXPECT_EQ(long_uptime->id, "201");
    EXPECT_EQ(long_uptime->user, "root@pam!ci");
    EXPECT_EQ(long_uptime->node, "pve-2");

    const char* invalid[] = {
        "",
        "UPID:pve1:0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam",                     // no trailing colon
        "UPID:pbs1:000004D2:0001E240:00000003:67745A00:verificationjob:x:root@pam:", // PBS: one more field
        "UPIX:pve1:0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam:",                    // prefix
        "UPID:pve1:XYZ:0C4D5E6F:67744D40:vzdump::root@pam:",                         // not hex
        "UPID::0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam:",                        // no node
        "UPID:pve1:0001A2B3:0C4D5E6F::vzdump::root@pam:",                            // no start time
    };
    for (const char* text : invalid) {
        EXPECT_EQ(parse_upid(text), std::nullopt) << text;
    }
}

TEST(ParseTasks, NodeTaskList) {
    std::vector<std::string> warnings;
    std::size_t items = 0;
    const auto tasks = parse_tasks(fixture("cluster/pve1_tasks.json"), "GET /nodes/pve1/tasks", warnings, &items);
    EXPECT_THAT(warnings, IsEmpty());
    EXPECT_EQ(items, 2U);
    ASSERT_EQ(tasks.size(), 2U);
    EXPECT_EQ(tasks[0].upid, "UPID:pve1:0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam:");
    EXPECT_EQ(tasks[0].node, "pve1");
    EXPECT_EQ(tasks[0].starttime, 1735675200);
    EXPECT_EQ(tasks[0].endtime, 1735675954);
    EXPECT_EQ(tasks[0].status, "job errors");
    EXPECT_EQ(tasks[0].id, "");
    EXPECT_EQ(tasks[0].user, "root@pam");
    EXPECT_FALSE(is_running(tasks[0]));
}

TEST(ParseTasks, MessyEntries) {
    std::vector<std::string> warnings;
    std::size_t items = 0;
    const auto tasks = parse_tasks(R"({"data":[
        {"upid":"UPID:pve1:0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam:","status":"RUNNING","type":"vzdump"},
        {"upid":"UPID:pve1:0001A2B4:0C4D5E6F:67744D41:vzdump:105:ci@pve!tok:","starttime":"1735675201",
         "endtime":"1735675300","status":"WARNINGS: 2","id":105,"user":"ci@pve","tokenid":"tok"},
        {"upid":"UPID:pve1:0001A2B5:0C4D5E6F:67744D42:qmstart:100:root@pam:","type":"qmstart","status":"OK"},
        {"upid":"garbage","type":"vzdump"},
        {"upid":"UPID:pve1:0001A2B6:0C4D5E6F:67744D43:vzdump::root@pam:"}]})",
                                   "GET /nodes/pve1/tasks", warnings, &items);
    EXPECT_EQ(items, 5U);
    ASSERT_EQ(tasks.size(), 3U);
    EXPECT_TRUE(is_running(tasks[0]));
    EXPECT_EQ(tasks[0].starttime, 0x67744D40);
    EXPECT_EQ(tasks[1].starttime, 1735675201);
    EXPECT_EQ(tasks[1].id, "105");
    EXPECT_EQ(tasks[1].user, "ci@pve!tok");
    EXPECT_TRUE(is_success_status(tasks[1].status));
    EXPECT_TRUE(is_running(tasks[2])); // no status, no end time
    EXPECT_EQ(tasks[2].status, "RUNNING");
    EXPECT_THAT(warnings,
                ElementsAre("GET /nodes/pve1/tasks: data[3]: task without a valid UPID ('garbage'), skipped"));
}

TEST(ParseTasks, StatusClasses) {
    EXPECT_TRUE(is_success_status("OK"));
    EXPECT_TRUE(is_success_status("WARNINGS: 3"));
    EXPECT_FALSE(is_success_status("job errors"));
    EXPECT_FALSE(is_success_status("unexpected status"));
    EXPECT_FALSE(is_success_status(""));
    EXPECT_FALSE(is_success_status("interrupted by signal"));
}

TEST(TaskLog, LinesAreOrderedByNumber) {
    const auto lines = parse_task_log_lines(R"({"data":[{"n":2,"t":"b"},{"n":1,"t":"a"},{"n":3,"t":"c"},{"x":1}]})",
                                            "GET /nodes/pve1/tasks/x/log");
    EXPECT_THAT(lines, ElementsAre("a", "b", "c"));
    EXPECT_THROW((void)parse_task_log_lines("", "GET /l"), Error);
}

TEST(TaskLog, AnUnreadableLineIsNamed) {
    std::vector<std::string> problems;
    const auto lines =
        parse_task_log_lines(R"({"data":[{"n":1,"t":"a"},{"x":1},7,{"n":4,"t":null}]})", "GET /l", &problems);
    EXPECT_THAT(lines, ElementsAre("a"));
    EXPECT_THAT(problems,
                ElementsAre("GET /l: data[1]: expected a log line {\"n\", \"t\"}, got {\"x\":1} (line skipped)",
                            "GET /l: data[2]: expected a log line {\"n\", \"t\"}, got 7 (line skipped)",
                            "GET /l: data[3]: expected a log line {\"n\", \"t\"}, got {\"n\":4,\"t\":null} "
                            "(line skipped)"));
}

TEST(TaskLog, ReferenceLog) {
    const auto lines = parse_task_log_lines(fixture("vzdump_log.json"), "GET /l");
    const auto results = parse_vzdump_log(lines, "job errors");
    ASSERT_EQ(results.size(), 3U);
    EXPECT_EQ(results[0].vmid, 100);
    EXPECT_EQ(results[0].outcome, model::BackupOutcome::ok);
    EXPECT_EQ(results[0].error, std::nullopt);
    EXPECT_EQ(results[1].vmid, 101);
    EXPECT_EQ(results[1].outcome, model::BackupOutcome::failed);
    EXPECT_EQ(results[1].error, "CT is locked (snapshot)");
    EXPECT_EQ(results[2].vmid, 999); // no "Starting" line
    EXPECT_EQ(results[2].outcome, model::BackupOutcome::failed);
    EXPECT_EQ(results[2].error, "unable to find VM '999'");
}

TEST(TaskLog, MultiLineReasonsAndUnfinishedGuests) {
    const std::vector<std::string> lines = {
        "INFO: starting new backup job: vzdump 100 101 102 103 --storage pbs-main",
        "INFO: Starting Backup of VM 100 (qemu)",
        "ERROR: Backup of VM 100 failed - command 'backup' failed:",
        "ERROR: connection refused",
        "ERROR:   retry later  ",
        "INFO: Failed at 2024-12-31 21:04:15",
        "ERROR: not a continuation any more",
        "INFO: Starting Backup of VM 101 (lxc)",
        "INFO: Finished Backup of VM 101 (00:00:12)",
        "INFO: Starting Backup of VM 102 (qemu)",
        "ERROR: Backup of VM 102 failed - first",
        "ERROR: Backup job failed - interrupted",
        "INFO: Finished Backup of VM 103 without a duration",
        "INFO: Starting Backup of VM 104 (qemu)",
        "TASK ERROR: interrupted by signal",
    };
    const auto results = parse_vzdump_log(lines, "interrupted by signal");
    ASSERT_EQ(results.size(), 4U);
    EXPECT_EQ(results[0].vmid, 100);
    EXPECT_EQ(results[0].error, "command 'backup' failed: connection refused retry later");
    EXPECT_EQ(results[1].vmid, 101);
    EXPECT_EQ(results[1].outcome, model::BackupOutcome::ok);
    EXPECT_EQ(results[2].vmid, 102);
    EXPECT_EQ(results[2].error, "first");
    EXPECT_EQ(results[3].vmid, 104);
    EXPECT_EQ(results[3].outcome, model::BackupOutcome::failed);
    EXPECT_EQ(results[3].error, "backup did not finish (task status: interrupted by signal)");
}

TEST(TaskLog, SingleGuestAndEmptyLogs) {
    const auto ok =
        parse_vzdump_log({"INFO: starting new backup job: vzdump 105", "INFO: Starting Backup of VM 105 (qemu)",
                          "INFO: Finished Backup of VM 105 (00:01:00)", "TASK OK"},
                         "OK");
    ASSERT_EQ(ok.size(), 1U);
    EXPECT_EQ(ok[0].outcome, model::BackupOutcome::ok);
    EXPECT_THAT(parse_vzdump_log({"no content"}, "OK"), IsEmpty());
    EXPECT_THAT(parse_vzdump_log({}, ""), IsEmpty());
    const auto crashed = parse_vzdump_log({"INFO: Starting Backup of VM 7 (lxc)"}, "OK");
    ASSERT_EQ(crashed.size(), 1U);
    EXPECT_EQ(crashed[0].error, "backup did not finish");
}

} // namespace
