#include "core/error.hpp"
#include "schedule/time_zone.hpp"

#include <gtest/gtest.h>

namespace pvr::schedule {
namespace {

TEST(TimeZone, UtcAndNamedZones) {
    EXPECT_TRUE(TimeZone::utc().is_utc());
    EXPECT_EQ(TimeZone::utc().name(), "UTC");
    EXPECT_TRUE(TimeZone::from_name("UTC").is_utc());
    const auto paris = TimeZone::from_name("Europe/Paris");
    EXPECT_FALSE(paris.is_utc());
    EXPECT_EQ(paris.name(), "Europe/Paris");
    EXPECT_EQ(paris.offset_at(1704067200), 3600); // 2024-01-01 CET
    EXPECT_EQ(paris.offset_at(1719792000), 7200); // 2024-07-01 CEST
}

TEST(TimeZone, UnknownZoneIsAConfigError) {
    try {
        (void)TimeZone::from_name("Mars/Olympus_Mons");
        FAIL() << "accepted";
    } catch (const pvr::Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::config);
        EXPECT_STREQ(e.what(), "unknown time zone 'Mars/Olympus_Mons'");
    }
}

TEST(TimeZone, LocalHonoursTz) {
    EXPECT_EQ(TimeZone::local("America/New_York").name(), "America/New_York");
    EXPECT_EQ(TimeZone::local(":Europe/Paris").name(), "Europe/Paris");
    EXPECT_EQ(TimeZone::local(":/usr/share/zoneinfo/Asia/Tokyo").name(), "Asia/Tokyo");
    EXPECT_TRUE(TimeZone::local("").is_utc());
    // not a zone name (POSIX TZ string, unknown name): falls back to /etc/localtime or UTC, never throws
    EXPECT_NO_THROW((void)TimeZone::local("CET-1CEST,M3.5.0,M10.5.0/3"));
    EXPECT_NO_THROW((void)TimeZone::local(nullptr));
    EXPECT_NO_THROW((void)TimeZone::local());
}

TEST(TimeZone, FormatsIso8601WithTheOffset) {
    const auto paris = TimeZone::from_name("Europe/Paris");
    EXPECT_EQ(format_iso8601(1795827600, paris), "2026-11-28T02:00:00+01:00");
    EXPECT_EQ(format_iso8601(1719792000, paris), "2024-07-01T02:00:00+02:00");
    EXPECT_EQ(format_iso8601(0, TimeZone::utc()), "1970-01-01T00:00:00+00:00");
    EXPECT_EQ(format_iso8601(1704067200, TimeZone::from_name("America/St_Johns")), "2023-12-31T20:30:00-03:30");
    EXPECT_EQ(format_iso8601(-1, TimeZone::utc()), "1969-12-31T23:59:59+00:00");
}

} // namespace
} // namespace pvr::schedule
