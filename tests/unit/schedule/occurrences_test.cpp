// Counting occurrences: documentation illustration and DST days.

#include "core/time.hpp"
#include "schedule/next_event.hpp"
#include "schedule/parse.hpp"
#include "schedule/time_zone.hpp"

#include <gtest/gtest.h>

namespace pvr::schedule {
namespace {

std::int64_t at(const char* iso) { return *pvr::parse_iso8601(iso); }

std::size_t count(const char* expr, const char* zone, const char* from, const char* to) {
    return occurrences(parse_calendar_event(expr), at(from), at(to), TimeZone::from_name(zone), 100000).size();
}

TEST(Occurrences, WeekdayBusinessHoursFire220TimesAWeek) {
    EXPECT_EQ(count("mon..fri 8..17,22:0/15", "UTC", "2024-01-01T00:00:00Z", "2024-01-08T00:00:00Z"), 220U);
}

TEST(Occurrences, HalfOpenWindowAndLimit) {
    const auto ev = parse_calendar_event("*:00");
    const auto tz = TimeZone::utc();
    const auto v = occurrences(ev, at("2024-01-01T00:00:00Z"), at("2024-01-01T03:00:00Z"), tz, 100);
    ASSERT_EQ(v.size(), 3U);
    EXPECT_EQ(v.front(), at("2024-01-01T00:00:00Z")); // `from` itself is included
    EXPECT_EQ(v.back(), at("2024-01-01T02:00:00Z"));  // `to` is not
    EXPECT_EQ(occurrences(ev, at("2024-01-01T00:00:00Z"), at("2024-01-02T00:00:00Z"), tz, 5).size(), 5U);
    EXPECT_TRUE(occurrences(parse_calendar_event("2015-10-21"), 0, at("2030-01-01T00:00:00Z"), tz, 0).empty());
}

TEST(Occurrences, SpringForwardDayHas23HourlyRuns) {
    EXPECT_EQ(count("*:00", "Europe/Paris", "2024-03-31T00:00:00+01:00", "2024-04-01T00:00:00+02:00"), 23U);
    EXPECT_EQ(count("*:00", "America/New_York", "2024-03-10T00:00:00-05:00", "2024-03-11T00:00:00-04:00"), 23U);
    EXPECT_EQ(count("2:30", "Europe/Paris", "2024-03-31T00:00:00+01:00", "2024-04-01T00:00:00+02:00"), 0U);
    EXPECT_EQ(count("*/15", "Europe/Paris", "2024-03-31T00:00:00+01:00", "2024-04-01T00:00:00+02:00"), 92U);
}

TEST(Occurrences, FallBackDayGetsNoSecondPass) {
    EXPECT_EQ(count("*:00", "Europe/Paris", "2024-10-27T00:00:00+02:00", "2024-10-28T00:00:00+01:00"), 24U);
    EXPECT_EQ(count("*/15", "Europe/Paris", "2024-10-27T00:00:00+02:00", "2024-10-28T00:00:00+01:00"), 96U);
    EXPECT_EQ(count("2:30", "Europe/Paris", "2024-10-27T00:00:00+02:00", "2024-10-28T00:00:00+01:00"), 1U);
    EXPECT_EQ(count("*:00", "America/New_York", "2024-11-03T00:00:00-04:00", "2024-11-04T00:00:00-05:00"), 24U);
    EXPECT_EQ(count("1:30", "America/New_York", "2024-11-03T00:00:00-04:00", "2024-11-04T00:00:00-05:00"), 1U);
}

TEST(Occurrences, UtcSuffixIgnoresTheZonesDst) {
    EXPECT_EQ(count("*:00 UTC", "Europe/Paris", "2024-10-27T00:00:00Z", "2024-10-28T00:00:00Z"), 24U);
    EXPECT_EQ(count("*:00 UTC", "Europe/Paris", "2024-03-31T00:00:00Z", "2024-04-01T00:00:00Z"), 24U);
}

TEST(Occurrences, ImpossibleDatesEndAfterTheCratesStepCap) {
    const auto tz = TimeZone::utc();
    EXPECT_EQ(next_event(parse_calendar_event("02-30"), 0, tz), std::nullopt);
    EXPECT_EQ(next_event(parse_calendar_event("2021-02-29"), 0, tz), std::nullopt);
    EXPECT_EQ(next_matching_time(parse_calendar_event("02-30"), 0, tz), std::nullopt);
    EXPECT_EQ(previous_event(parse_calendar_event("02-30"), at("2024-01-01T00:00:00Z"), tz), std::nullopt);
}

} // namespace
} // namespace pvr::schedule
