// Absurd times from the API (INT64_MAX, -1e18, before 2000, far in the future) are rejected per
// element, naming endpoint, index and field; nothing overflows.

#include "collect/parse_tasks.hpp"
#include "collect/pbs_parse.hpp"
#include "collect/time_window.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using ::testing::HasSubstr;

namespace {

constexpr EpochSeconds now = 1795762800; // 2026-11-27T07:00:00Z

TEST(TimeWindow, AroundTheRun) {
    const TimeWindow window = TimeWindow::around(now);
    EXPECT_TRUE(window.contains(946684800));
    EXPECT_FALSE(window.contains(946684799));
    EXPECT_TRUE(window.contains(now + 86400));
    EXPECT_FALSE(window.contains(now + 86401));
    EXPECT_EQ(window.problem(now), std::nullopt);
    EXPECT_EQ(window.problem(-1000000000000000000), "-1000000000000000000 is before 2000-01-01T00:00:00Z, not a "
                                                    "plausible time");
    EXPECT_EQ(window.problem(9223372036854775807),
              "9223372036854775807 is more than a day after the time of the run (2026-11-27T07:00:00Z), not a "
              "plausible time");
    const TimeWindow extreme = TimeWindow::around(9223372036854775807);
    EXPECT_TRUE(extreme.contains(9223372036854775807));
}

TEST(TimeWindow, WithoutARunOnlyCalendarLimits) {
    const TimeWindow window;
    EXPECT_TRUE(window.contains(1));
    EXPECT_FALSE(window.contains(9223372036854775807));
    EXPECT_FALSE(window.contains(-1000000000000000000));
}

std::string snapshots_body(const std::string& time) {
    return R"({"data":[{"backup-type":"vm","backup-id":"100","backup-time":1795700000,"files":["index.json.blob"]},)"
           R"({"backup-type":"vm","backup-id":"101","backup-time":)" +
           time + R"(,"files":["index.json.blob"]}]})";
}

TEST(TimeWindow, AbsurdBackupTimeSkipsTheSnapshotWithAWarning) {
    for (const std::string time : {"9223372036854775807", "-1000000000000000000", "946684799", "1795900000"}) {
        std::vector<std::string> warnings;
        const auto snapshots = parse_pbs_snapshots(snapshots_body(time), "GET /admin/datastore/store1/snapshots", "",
                                                   warnings, nullptr, TimeWindow::around(now));
        ASSERT_EQ(snapshots.size(), 1U) << time;
        EXPECT_EQ(snapshots[0].backup_id, "100");
        ASSERT_EQ(warnings.size(), 1U) << time;
        EXPECT_THAT(warnings[0], HasSubstr("GET /admin/datastore/store1/snapshots: data[1].backup-time: " + time));
        EXPECT_THAT(warnings[0], HasSubstr("not a plausible time"));
    }
}

TEST(TimeWindow, VerificationTimeOutsideTheWindowIsIgnored) {
    // A PBS UPID whose start time (hex) is far in the future: FFFFFFFFF0.
    const std::string body =
        R"({"data":[{"backup-type":"vm","backup-id":"100","backup-time":1795700000,"files":["index.json.blob"],)"
        R"("verification":{"state":"ok","upid":"UPID:pbs:00000001:00000002:00000003:FFFFFFFFF0:verify:store1:root@pam:"}}]})";
    std::vector<std::string> warnings;
    const auto snapshots = parse_pbs_snapshots(body, "GET /snap", "", warnings, nullptr, TimeWindow::around(now));
    ASSERT_EQ(snapshots.size(), 1U);
    EXPECT_EQ(snapshots[0].verified_at, std::nullopt);
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_THAT(warnings[0], HasSubstr("GET /snap: data[0].verification.upid: start time"));
}

TEST(TimeWindow, AbsurdTaskTimesSkipTheTask) {
    const std::string body = R"({"data":[
        {"upid":"UPID:pve1:00001234:00005678:6A000000:vzdump:100:root@pam:","type":"vzdump","id":"100",
         "starttime":1795700000,"endtime":1795700100,"status":"OK"},
        {"upid":"UPID:pve1:00001234:00005678:6A000000:vzdump:101:root@pam:","type":"vzdump","id":"101",
         "starttime":1795700000,"endtime":9223372036854775807,"status":"OK"},
        {"upid":"UPID:pve1:00001234:00005678:6A000000:vzdump:102:root@pam:","type":"vzdump","id":"102",
         "starttime":-1000000000000000000,"endtime":1795700100,"status":"OK"},
        {"upid":"UPID:pve1:00001234:00005678:FFFFFFFFF0:vzdump:103:root@pam:","type":"vzdump","id":"103",
         "endtime":1795700100,"status":"OK"}]})";
    std::vector<std::string> warnings;
    const auto tasks = parse_tasks(body, "GET /nodes/pve1/tasks", warnings, nullptr, TimeWindow::around(now));
    ASSERT_EQ(tasks.size(), 1U);
    EXPECT_EQ(tasks[0].id, "100");
    ASSERT_EQ(warnings.size(), 3U);
    EXPECT_THAT(warnings[0], HasSubstr("GET /nodes/pve1/tasks: data[1].endtime: 9223372036854775807"));
    EXPECT_THAT(warnings[1], HasSubstr("GET /nodes/pve1/tasks: data[2].starttime: -1000000000000000000"));
    EXPECT_THAT(warnings[2], HasSubstr("GET /nodes/pve1/tasks: data[3].upid: start time"));
}

TEST(ReadTime, AnImplausibleTimeIsRecordedNotThrown) {
    const Json object = Json::parse(R"({"ok":1795700000,"far":9223372036854775807,"early":5,"text":"soon"})");
    std::vector<std::string> problems;
    const ProblemSink sink = record_into(problems);
    const TimeWindow window = TimeWindow::around(now);
    ObjectReader item(object, "GET /x: data[7]", sink);
    EXPECT_EQ(read_time(item, "ok", window, Need::required), 1795700000);
    EXPECT_EQ(read_time(item, "missing", window, Need::required), std::nullopt);
    EXPECT_EQ(read_time(item, "far", window, Need::optional), std::nullopt);
    EXPECT_EQ(read_time(item, "text", window, Need::optional), std::nullopt);
    EXPECT_FALSE(item.failed());
    EXPECT_EQ(read_time(item, "early", window, Need::required), std::nullopt);
    EXPECT_TRUE(item.failed());
    ASSERT_EQ(problems.size(), 3U);
    EXPECT_EQ(problems[0], "GET /x: data[7].far: 9223372036854775807 is more than a day after the time of the run "
                           "(2026-11-27T07:00:00Z), not a plausible time (ignored)");
    EXPECT_EQ(problems[1], "GET /x: data[7].text: expected an integer, got 'soon' (ignored)");
    EXPECT_EQ(problems[2],
              "GET /x: data[7].early: 5 is before 2000-01-01T00:00:00Z, not a plausible time (entry skipped)");
}

} // namespace
