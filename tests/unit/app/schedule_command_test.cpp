#include "app/schedule_command.hpp"
#include "schedule/time_zone.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace pvr::app {
namespace {

struct Result {
    int code;
    std::string out;
    std::string err;
};

Result run(const std::vector<std::string>& args, const char* default_zone = "UTC") {
    std::ostringstream out;
    std::ostringstream err;
    const int code = run_schedule_command(args, out, err, 1795762800 /* 2026-11-27T07:00:00Z, a Friday */,
                                          schedule::TimeZone::from_name(default_zone));
    return {code, out.str(), err.str()};
}

TEST(ScheduleCommand, PrintsTheNextOccurrencesWithTheZonesOffset) {
    const auto r = run({"--tz", "Europe/Paris", "--count", "3", "sat 02:00"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "2026-11-28T02:00:00+01:00\n2026-12-05T02:00:00+01:00\n2026-12-12T02:00:00+01:00\n");
    EXPECT_EQ(r.err, "");
}

TEST(ScheduleCommand, DefaultsToNowFiveAndTheLocalZone) {
    const auto r = run({"daily"}, "America/New_York");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "2026-11-28T00:00:00-05:00\n2026-11-29T00:00:00-05:00\n2026-11-30T00:00:00-05:00\n"
                     "2026-12-01T00:00:00-05:00\n2026-12-02T00:00:00-05:00\n");
}

TEST(ScheduleCommand, FromAcceptsIso8601AndNow) {
    EXPECT_EQ(run({"--from", "2024-03-31T01:30:00+01:00", "--tz", "Europe/Paris", "--count", "2", "*:00"}).out,
              "2024-03-31T03:00:00+02:00\n2024-03-31T04:00:00+02:00\n");
    EXPECT_EQ(run({"--from", "now", "--count", "1", "hourly"}).out, "2026-11-27T08:00:00+00:00\n");
    EXPECT_EQ(run({"--count", "1", "--", "mon..fri", "02:00", "UTC"}).out, "2026-11-30T02:00:00+00:00\n");
}

TEST(ScheduleCommand, InvalidExpressionExitsTwo) {
    const auto r = run({"mon..fry 02:00"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "schedule: invalid calendar event 'mon..fry 02:00': unknown weekday 'fry'\n");
}

TEST(ScheduleCommand, BadOptionsExitTwoNamingTheOption) {
    for (const auto& args : std::vector<std::vector<std::string>>{{"--count", "0", "daily"},
                                                                  {"--count", "x", "daily"},
                                                                  {"--tz", "Mars/Base", "daily"},
                                                                  {"--from", "yesterday", "daily"},
                                                                  {"--bogus", "daily"},
                                                                  {}}) {
        const auto r = run(args);
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_FALSE(r.err.empty());
    }
    EXPECT_NE(run({"--count", "0", "daily"}).err.find("--count"), std::string::npos);
    EXPECT_NE(run({"--tz", "Mars/Base", "daily"}).err.find("--tz"), std::string::npos);
    EXPECT_NE(run({"--from", "yesterday", "daily"}).err.find("--from"), std::string::npos);
}

TEST(ScheduleCommand, NeverFiringPrintsNothingAndANote) {
    const auto r = run({"2015-10-21"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("never fires"), std::string::npos);
    const auto last = run({"--from", "2026-11-27T00:00:00Z", "2026-12-24 18:00 UTC"});
    EXPECT_EQ(last.out, "2026-12-24T18:00:00+00:00\n");
    EXPECT_NE(last.err.find("fires no more"), std::string::npos);
}

TEST(ScheduleCommand, Help) {
    const auto r = run({"--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("--count"), std::string::npos);
    EXPECT_NE(r.out.find("EXPR"), std::string::npos);
}

} // namespace
} // namespace pvr::app
