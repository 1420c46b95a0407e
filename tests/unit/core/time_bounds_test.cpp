// Time conversions never overflow, whatever epoch value they get.

#include "core/time.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace {

TEST(TimeBounds, Iso8601OfExtremeValuesIsClamped) {
    EXPECT_EQ(pvr::iso8601_utc(std::numeric_limits<pvr::EpochSeconds>::max()), "9999-12-31T23:59:59Z");
    EXPECT_EQ(pvr::iso8601_utc(std::numeric_limits<pvr::EpochSeconds>::min()), "0001-01-01T00:00:00Z");
    EXPECT_EQ(pvr::iso8601_utc(-1000000000000000000), "0001-01-01T00:00:00Z");
    EXPECT_EQ(pvr::iso8601_utc(253402300799), "9999-12-31T23:59:59Z");
    EXPECT_EQ(pvr::iso8601_utc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(pvr::iso8601_utc(-1), "1969-12-31T23:59:59Z");
}

TEST(TimeBounds, ParseIso8601StaysInRange) {
    EXPECT_EQ(pvr::parse_iso8601("9999-12-31T23:59:59Z"), 253402300799);
    EXPECT_EQ(pvr::parse_iso8601("0001-01-01T00:00:00+23:59"), -62135596800 - (23 * 3600 + 59 * 60));
    EXPECT_EQ(pvr::parse_iso8601("99999-01-01T00:00:00Z"), std::nullopt);
}

} // namespace
