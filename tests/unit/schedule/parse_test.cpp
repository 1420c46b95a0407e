// Parsed structure (the crate's representation) and error details.

#include "schedule/calendar_event_error.hpp"
#include "schedule/parse.hpp"

#include <gtest/gtest.h>

namespace pvr::schedule {
namespace {

using V = DateTimeValue;

TEST(Parse, StoresFieldsLikeTheCrate) {
    const auto ev = parse_calendar_event("mon,wed..fri 2024-1..6/2-*/10 8..17/2,22:0/15");
    EXPECT_FALSE(ev.utc);
    EXPECT_EQ(ev.weekdays, 0b0011101);
    EXPECT_EQ(ev.years, (ValueList{V::single(2024)}));
    EXPECT_EQ(ev.months, (ValueList{V::repeated(1, 2, 6)}));
    EXPECT_EQ(ev.days, (ValueList{V::repeated(1, 10, std::nullopt)}));
    EXPECT_EQ(ev.hours, (ValueList{V::repeated(8, 2, 17), V::single(22)}));
    EXPECT_EQ(ev.minutes, (ValueList{V::repeated(0, 15, std::nullopt)}));
    EXPECT_EQ(ev.seconds, (ValueList{V::single(0)}));
}

TEST(Parse, DefaultsAndKeywords) {
    const auto wd = parse_calendar_event("sat");
    EXPECT_TRUE(wd.years.empty());
    EXPECT_EQ(wd.hours, (ValueList{V::single(0)}));
    const auto minute_only = parse_calendar_event("12");
    EXPECT_TRUE(minute_only.hours.empty());
    EXPECT_EQ(minute_only.minutes, (ValueList{V::single(12)}));
    const auto quirk = parse_calendar_event("24:00");
    EXPECT_TRUE(quirk.hours.empty());
    EXPECT_EQ(quirk.minutes, (ValueList{V::single(24)}));
    EXPECT_EQ(quirk.seconds, (ValueList{V::single(0)}));
    const auto minutely = parse_calendar_event("minutely UTC");
    EXPECT_TRUE(minutely.utc);
    EXPECT_TRUE(minutely.minutes.empty());
    EXPECT_EQ(minutely.seconds, (ValueList{V::single(0)}));
    const auto weekly = parse_calendar_event("weekly");
    EXPECT_EQ(weekly.weekdays, weekday::monday);
    const auto quarterly = parse_calendar_event("quarterly");
    EXPECT_EQ(quarterly.months, (ValueList{V::single(1), V::single(4), V::single(7), V::single(10)}));
    EXPECT_EQ(quarterly.text, "quarterly");
}

TEST(Parse, WrappingWeekdayRanges) {
    EXPECT_EQ(parse_calendar_event("fri..mon").weekdays, 0b1110001);
    EXPECT_EQ(parse_calendar_event("sun..mon").weekdays, 0b1000001);
    EXPECT_TRUE(parse_calendar_event("sun..sat").every_weekday());
    EXPECT_TRUE(parse_calendar_event("mon..sun").every_weekday());
    EXPECT_EQ(parse_calendar_event("sat..sat").weekdays, 0b0100000);
}

TEST(Parse, ErrorCarriesTextReasonAndOffset) {
    try {
        (void)parse_calendar_event("mon..fry 02:00");
        FAIL();
    } catch (const CalendarEventError& e) {
        EXPECT_STREQ(e.what(), "invalid calendar event 'mon..fry 02:00': unknown weekday 'fry'");
        EXPECT_EQ(e.text(), "mon..fry 02:00");
        EXPECT_EQ(e.reason(), "unknown weekday 'fry'");
        EXPECT_EQ(e.offset(), 5U);
        EXPECT_EQ(e.kind(), ErrorKind::config);
    }
}

TEST(Parse, PveTrimsButTheCrateDoesNot) {
    EXPECT_FALSE(is_valid_calendar_event(" daily "));
    EXPECT_NO_THROW((void)parse_pve_calendar_event(" daily "));
    EXPECT_NO_THROW((void)parse_pve_calendar_event("\t12:00\n"));
    EXPECT_THROW((void)parse_pve_calendar_event(" \t "), CalendarEventError);
    EXPECT_THROW((void)parse_pve_calendar_event(""), CalendarEventError);
}

} // namespace
} // namespace pvr::schedule
