// The prune simulator without CLI11: --keep parsing, input parsing, output, exit codes.

#include "core/error.hpp"
#include "retention/prune_sim.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace {

using namespace pvr::retention;

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

Result sim(const std::string& keep, const std::string& input, const std::string& zone = "UTC", bool json = false) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    Result r;
    r.code = run_prune_sim(PruneSimOptions{.keep = keep, .zone = zone, .json = json}, in, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

std::string config_error(const std::string& keep) {
    try {
        (void)parse_keep_spec(keep);
    } catch (const pvr::Error& e) {
        EXPECT_EQ(e.kind(), pvr::ErrorKind::config);
        return e.what();
    }
    ADD_FAILURE() << "no error for --keep '" << keep << "'";
    return {};
}

TEST(ParseKeepSpec, ReadsPbsOptionNames) {
    const auto keep = parse_keep_spec("keep-last=3, keep-daily=7,keep-weekly=4,keep-monthly=6,keep-yearly=1,"
                                      "keep-hourly=0");
    EXPECT_EQ(keep.keep_last, 3);
    EXPECT_EQ(keep.keep_daily, 7);
    EXPECT_EQ(keep.keep_weekly, 4);
    EXPECT_EQ(keep.keep_monthly, 6);
    EXPECT_EQ(keep.keep_yearly, 1);
    EXPECT_EQ(keep.keep_hourly, 0);
    EXPECT_FALSE(keep.keep_all);
    EXPECT_TRUE(parse_keep_spec("").empty());
    EXPECT_TRUE(parse_keep_spec(" , ").empty());
    EXPECT_EQ(parse_keep_spec("keep-all=1").keep_all, true);
    EXPECT_EQ(parse_keep_spec("keep-all=0,keep-last=2").keep_last, 2);
}

TEST(ParseKeepSpec, RejectsBadElementsNamingThem) {
    EXPECT_NE(config_error("keep-dayly=7").find("unknown option 'keep-dayly'"), std::string::npos);
    EXPECT_NE(config_error("keep-daily=seven").find("keep-daily=seven"), std::string::npos);
    EXPECT_NE(config_error("keep-daily=1.5").find("not an integer"), std::string::npos);
    EXPECT_NE(config_error("keep-daily=").find("not an integer"), std::string::npos);
    EXPECT_NE(config_error("keep-last=-1").find("negative"), std::string::npos);
    EXPECT_NE(config_error("keep-last").find("'keep-last' is not option=value"), std::string::npos);
    EXPECT_NE(config_error("keep-last=1,keep-last=2").find("twice"), std::string::npos);
    EXPECT_NE(config_error("keep-all=yes please").find("keep-all"), std::string::npos);
    EXPECT_NE(config_error("keep-all=1,keep-last=2").find("cannot be set together"), std::string::npos);
    EXPECT_NE(config_error("keep-last=99999999999999999999").find("not an integer"), std::string::npos);
}

TEST(ParsePruneSimInput, TimesFlagsCommentsAndBlankLines) {
    std::istringstream in("# group vm/100\n"
                          "\n"
                          "2024-12-31T20:00:00Z\n"
                          "  2025-01-01T01:00:00+01:00   protected  # Jan 1, 00:00 UTC\n"
                          "2025-01-02T00:00:00-05:00 unfinished protected\r\n"
                          "2025-01-03 10:00:00Z\n"
                          "2025-01-04T10:00:00.123Z\n");
    const auto snapshots = parse_prune_sim_input(in);
    ASSERT_EQ(snapshots.size(), 5U);
    EXPECT_EQ(snapshots[0].input, (PruneInput{.time = 1735675200}));
    EXPECT_EQ(snapshots[0].line, 3U);
    EXPECT_EQ(snapshots[1].input, (PruneInput{.time = 1735689600, .is_protected = true}));
    EXPECT_EQ(snapshots[2].input, (PruneInput{.time = 1735794000, .is_protected = true, .finished = false}));
    EXPECT_EQ(snapshots[3].input.time, 1735898400);
    EXPECT_EQ(snapshots[4].input.time, 1735984800);
    EXPECT_EQ(snapshots[4].line, 7U);
}

TEST(ParsePruneSimInput, BadLineNamesLineNumberAndContent) {
    for (const char* bad :
         {"yesterday", "2024-12-31T20:00:00", "2024-13-01T00:00:00Z", "2024-12-31T20:00:00Z keep", "1735675200"}) {
        SCOPED_TRACE(bad);
        std::istringstream in(std::string("2024-12-31T10:00:00Z\n# ok\n") + bad + "\n");
        try {
            (void)parse_prune_sim_input(in);
            FAIL() << "expected an error";
        } catch (const pvr::Error& e) {
            EXPECT_EQ(e.kind(), pvr::ErrorKind::config);
            EXPECT_NE(std::string(e.what()).find("line 3: '" + std::string(bad) + "'"), std::string::npos) << e.what();
        }
    }
}

TEST(RunPruneSim, TextOutputNewestFirstWithReasons) {
    const auto r = sim("keep-last=1,keep-daily=2", "2019-12-02T11:59:15Z\n"
                                                   "2019-12-04T12:59:15Z\n"
                                                   "2019-12-03T11:59:15Z\n"
                                                   "2019-12-04T11:59:15Z\n"
                                                   "2019-12-01T11:59:15Z protected\n");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, "2019-12-04T12:59:15Z keep (keep-last)\n"
                     "2019-12-04T11:59:15Z remove (not-selected)\n"
                     "2019-12-03T11:59:15Z keep (keep-daily 2019/12/03)\n"
                     "2019-12-02T11:59:15Z keep (keep-daily 2019/12/02)\n"
                     "2019-12-01T11:59:15Z protected (protected)\n"
                     "# 5 snapshots: 3 keep, 1 protected, 1 remove (periods in UTC)\n");
}

TEST(RunPruneSim, JsonOutput) {
    const auto r = sim("keep-daily=1", "2024-06-10T21:00:00Z\n2024-06-10T23:00:00Z\n", "Europe/Berlin", true);
    EXPECT_EQ(r.code, 0);
    const auto json = nlohmann::json::parse(r.out);
    ASSERT_TRUE(json.is_array());
    ASSERT_EQ(json.size(), 2U);
    EXPECT_EQ(
        json[0],
        (nlohmann::json{
            {"time", "2024-06-10T23:00:00Z"}, {"action", "keep"}, {"reason", "keep-daily"}, {"period", "2024/06/11"}}));
    EXPECT_EQ(
        json[1],
        (nlohmann::json{
            {"time", "2024-06-10T21:00:00Z"}, {"action", "remove"}, {"reason", "not-selected"}, {"period", nullptr}}));
    EXPECT_EQ(sim("keep-daily=1", "", "UTC", true).out, "[]\n");
}

TEST(RunPruneSim, ZoneChangesTheResult) {
    const std::string input = "2024-06-10T21:00:00Z\n2024-06-10T23:00:00Z\n";
    EXPECT_NE(sim("keep-daily=2", input, "UTC").out.find("Z remove ("), std::string::npos);
    const auto berlin = sim("keep-daily=2", input, "Europe/Berlin");
    EXPECT_EQ(berlin.out.find("Z remove ("), std::string::npos);
    EXPECT_NE(berlin.out.find("(periods in Europe/Berlin)"), std::string::npos);
}

TEST(RunPruneSim, EmptyKeepSpecKeepsEverythingAndSaysSo) {
    for (const char* keep : {"", "keep-last=0,keep-daily=0"}) {
        const auto r = sim(keep, "2024-06-10T21:00:00Z\n2024-06-10T23:00:00Z unfinished\n");
        EXPECT_EQ(r.code, 0);
        EXPECT_EQ(r.out, "2024-06-10T23:00:00Z keep (keep-all)\n"
                         "2024-06-10T21:00:00Z keep (keep-all)\n"
                         "# 2 snapshots: 2 keep, 0 protected, 0 remove (periods in UTC)\n");
        EXPECT_NE(r.err.find("keeps every snapshot"), std::string::npos);
    }
    EXPECT_NE(sim("keep-all=1", "2024-06-10T21:00:00Z\n").err.find("keep-all=1"), std::string::npos);
}

TEST(RunPruneSim, EmptyInput) {
    const auto r = sim("keep-last=3", "# nothing\n\n");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "# no snapshots\n");
}

TEST(RunPruneSim, ErrorsExitWithTwo) {
    const auto bad_keep = sim("keep-daily=x", "2024-06-10T21:00:00Z\n");
    EXPECT_EQ(bad_keep.code, 2);
    EXPECT_EQ(bad_keep.out, "");
    EXPECT_NE(bad_keep.err.find("keep-daily=x"), std::string::npos);

    const auto bad_zone = sim("keep-daily=1", "2024-06-10T21:00:00Z\n", "Europe/Atlantis");
    EXPECT_EQ(bad_zone.code, 2);
    EXPECT_NE(bad_zone.err.find("unknown time zone 'Europe/Atlantis'"), std::string::npos);

    std::istringstream in("2024-06-10T21:00:00Z\n");
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(
        run_prune_sim(PruneSimOptions{.keep = "keep-last=1", .zone = "CET-1CEST", .zone_from_env = true}, in, out, err),
        2);
    EXPECT_NE(err.str().find("TZ variable"), std::string::npos);

    const auto bad_line = sim("keep-daily=1", "2024-06-10T21:00:00Z\n\nnot a time\n");
    EXPECT_EQ(bad_line.code, 2);
    EXPECT_EQ(bad_line.out, "");
    EXPECT_NE(bad_line.err.find("line 3: 'not a time'"), std::string::npos);
}

TEST(RunPruneSim, DefaultZone) {
    EXPECT_EQ(default_prune_sim_zone(nullptr), "UTC");
    EXPECT_EQ(default_prune_sim_zone(""), "UTC");
    EXPECT_EQ(default_prune_sim_zone("Europe/Berlin"), "Europe/Berlin");
}

} // namespace
