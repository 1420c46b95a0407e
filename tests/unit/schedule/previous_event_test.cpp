// previous_event: definition, DST, and consistency with next_event over random inputs.

#include "core/time.hpp"
#include "schedule/next_event.hpp"
#include "schedule/parse.hpp"
#include "schedule/time_zone.hpp"

#include <gtest/gtest.h>

#include <array>
#include <random>

namespace pvr::schedule {
namespace {

std::int64_t at(const char* iso) { return *pvr::parse_iso8601(iso); }

TEST(PreviousEvent, InclusiveAndExclusiveBounds) {
    const auto ev = parse_calendar_event("mon..fri 02:00");
    const auto tz = TimeZone::from_name("Europe/Paris");
    const auto mon = at("2024-01-08T02:00:00+01:00");
    EXPECT_EQ(previous_event(ev, mon, tz), mon);
    EXPECT_EQ(previous_event(ev, mon, tz, Bound::exclusive), at("2024-01-05T02:00:00+01:00"));
    EXPECT_EQ(previous_event(ev, mon + 1, tz, Bound::exclusive), mon);
    EXPECT_EQ(previous_event(ev, at("2024-01-07T12:00:00+01:00"), tz), at("2024-01-05T02:00:00+01:00"));
}

TEST(PreviousEvent, SparseAndNever) {
    const auto tz = TimeZone::utc();
    EXPECT_EQ(previous_event(parse_calendar_event("mon 02-29"), at("2030-01-01T00:00:00Z"), tz),
              at("2016-02-29T00:00:00Z"));
    EXPECT_EQ(previous_event(parse_calendar_event("2015-10-21"), at("2030-01-01T00:00:00Z"), tz),
              at("2015-10-21T00:00:00Z"));
    EXPECT_EQ(previous_event(parse_calendar_event("2015-10-21"), at("2015-10-20T00:00:00Z"), tz), std::nullopt);
    EXPECT_EQ(previous_event(parse_calendar_event("mon 2020-01-01"), at("2030-01-01T00:00:00Z"), tz), std::nullopt);
    EXPECT_EQ(previous_event(parse_calendar_event("*:*:*"), at("2024-05-05T05:05:05Z"), tz, Bound::exclusive),
              at("2024-05-05T05:05:04Z"));
}

TEST(PreviousEvent, DstGapAndRepeatedHour) {
    const auto paris = TimeZone::from_name("Europe/Paris");
    // 02:30 did not exist on 2024-03-31
    EXPECT_EQ(previous_event(parse_calendar_event("2:30"), at("2024-04-01T00:00:00+02:00"), paris),
              at("2024-03-30T02:30:00+01:00"));
    // in the second pass of 02:00-02:59 the latest hourly occurrence is the first 02:00 (CEST)
    EXPECT_EQ(previous_event(parse_calendar_event("*:00"), at("2024-10-27T02:30:00+01:00"), paris),
              at("2024-10-27T02:00:00+02:00"));
}

TEST(PreviousEvent, CarryQuirkSchedulesUseMatchingTimes) {
    // next_event skips midnight for */5:00 (crate quirk), but midnight matches the schedule
    const auto ev = parse_calendar_event("*/5:00");
    EXPECT_EQ(previous_event(ev, at("2024-01-02T03:00:00Z"), TimeZone::utc()), at("2024-01-02T00:00:00Z"));
}

TEST(PreviousEvent, ConsistentWithNextOverRandomTimesAndExpressions) {
    const std::array<const char*, 24> exprs{"daily",
                                            "hourly",
                                            "mon..fri 02:00",
                                            "sat,sun 21:30",
                                            "*/15",
                                            "*/5:00",
                                            "*/40",
                                            "mon..fri 8..17,22:0/15",
                                            "Sat *-1..7 15:00",
                                            "*-*-31 23:59",
                                            "02-29 12:00",
                                            "monthly",
                                            "quarterly",
                                            "2:30",
                                            "1:30",
                                            "*:00",
                                            "fri..mon 3:00",
                                            "*-*-*/10",
                                            "*-1/5-01",
                                            "weekly UTC",
                                            "*:*:30",
                                            "12,14,16,18,20,22:5",
                                            "2020..2030-06-15 06:00",
                                            "mon 02-29"};
    const std::array<const char*, 4> zones{"UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe"};
    std::mt19937_64 rng(20240331); // fixed seed
    std::uniform_int_distribution<std::int64_t> when(at("2018-01-01T00:00:00Z"), at("2032-01-01T00:00:00Z"));
    std::uniform_int_distribution<std::size_t> pick_expr(0, exprs.size() - 1);
    std::uniform_int_distribution<std::size_t> pick_zone(0, zones.size() - 1);
    for (int i = 0; i < 400; ++i) {
        const char* expr = exprs[pick_expr(rng)];
        const auto tz = TimeZone::from_name(zones[pick_zone(rng)]);
        const auto ev = parse_calendar_event(expr);
        std::int64_t t = when(rng);
        SCOPED_TRACE(testing::Message() << "'" << expr << "' in " << tz.name() << " at " << t);

        const auto next = next_event(ev, t, tz);
        if (next) {
            EXPECT_GT(*next, t);
            EXPECT_EQ(previous_event(ev, *next, tz), next);
            const auto exact = next_matching_time(ev, t, tz);
            ASSERT_TRUE(exact.has_value());
            EXPECT_LE(*exact, *next);
            const auto before = previous_event(ev, *next, tz, Bound::exclusive);
            EXPECT_TRUE(!before || *before < *next);
        }
        const auto prev = previous_event(ev, t, tz);
        if (prev) {
            EXPECT_LE(*prev, t);
            // no matching time in (prev, t]
            const auto after_prev = next_matching_time(ev, *prev, tz);
            EXPECT_TRUE(!after_prev || *after_prev > t);
            EXPECT_EQ(next_matching_time(ev, *prev - 1, tz), prev);
        } else {
            const auto first = next_matching_time(ev, t - 401LL * 366 * 86400, tz);
            EXPECT_TRUE(!first || *first > t);
        }
    }
}

TEST(PreviousEvent, ConsistentAroundDstTransitions) {
    const std::array<const char*, 6> exprs{"*:00", "*/15", "2:30", "1:30", "*:*:*", "daily"};
    const std::array<std::pair<const char*, const char*>, 4> transitions{
        {{"Europe/Paris", "2024-03-31T01:00:00Z"},
         {"Europe/Paris", "2024-10-27T01:00:00Z"},
         {"America/New_York", "2024-03-10T07:00:00Z"},
         {"America/New_York", "2024-11-03T06:00:00Z"}}};
    for (const auto& [zone, when] : transitions) {
        const auto tz = TimeZone::from_name(zone);
        for (const char* expr : exprs) {
            const auto ev = parse_calendar_event(expr);
            for (std::int64_t t = at(when) - 3 * 3600; t <= at(when) + 3 * 3600; t += 599) {
                SCOPED_TRACE(testing::Message() << "'" << expr << "' in " << zone << " at " << t);
                const auto next = next_event(ev, t, tz);
                ASSERT_TRUE(next.has_value());
                EXPECT_GT(*next, t);
                EXPECT_EQ(previous_event(ev, *next, tz), next);
                const auto prev = previous_event(ev, t, tz);
                ASSERT_TRUE(prev.has_value());
                EXPECT_GT(*next_matching_time(ev, *prev, tz), t);
            }
        }
    }
}

} // namespace
} // namespace pvr::schedule
