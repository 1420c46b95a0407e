#include "schedule/calendar_event_error.hpp"
#include "schedule/legacy.hpp"
#include "schedule/parse.hpp"

#include <gtest/gtest.h>

namespace pvr::schedule {
namespace {

TEST(LegacySchedule, ConvertsLikePveManager) {
    EXPECT_EQ(legacy_schedule("02:30", ""), "02:30");
    EXPECT_EQ(legacy_schedule("21:00", "mon,wed,fri"), "mon,wed,fri 21:00");
    EXPECT_EQ(legacy_schedule("01:00", "sat,sun"), "sat,sun 01:00");
    EXPECT_EQ(legacy_schedule("03:15", "sun"), "sun 03:15");
    EXPECT_EQ(legacy_schedule("9:5", "mon;tue  wed"), "mon,tue,wed 9:5");
    EXPECT_EQ(legacy_schedule("00:00", "mon,tue,wed,thu,fri,sat,sun"), "00:00");
    for (const auto* s : {"02:30", "mon,wed,fri 21:00", "9:5"}) {
        EXPECT_TRUE(is_valid_calendar_event(s)) << s;
    }
}

TEST(LegacySchedule, RejectsWhatTheApiRejects) {
    EXPECT_THROW((void)legacy_schedule("2:30:00", ""), CalendarEventError);
    EXPECT_THROW((void)legacy_schedule("230", ""), CalendarEventError);
    EXPECT_THROW((void)legacy_schedule("", ""), CalendarEventError);
    EXPECT_THROW((void)legacy_schedule("02:30", "monday"), CalendarEventError);
    EXPECT_THROW((void)legacy_schedule("02:30", "Mon"), CalendarEventError);
}

} // namespace
} // namespace pvr::schedule
