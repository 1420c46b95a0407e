#include "core/redact.hpp"
#include "core/strings.hpp"
#include "core/time.hpp"

#include <gtest/gtest.h>

namespace {

TEST(SplitList, AcceptsEveryProxmoxSeparator) {
    EXPECT_EQ(pvr::split_list("100, 101;102  103,,"), (std::vector<std::string>{"100", "101", "102", "103"}));
    EXPECT_TRUE(pvr::split_list(" ,; ").empty());
}

TEST(ParseInt, WholeStringOnly) {
    EXPECT_EQ(pvr::parse_int(" 42 "), 42);
    EXPECT_EQ(pvr::parse_int("+7"), 7);
    EXPECT_EQ(pvr::parse_int("-3"), -3);
    EXPECT_FALSE(pvr::parse_int("7x"));
    EXPECT_FALSE(pvr::parse_int(""));
    EXPECT_FALSE(pvr::parse_int("99999999999999999999"));
}

TEST(ParseBool, ProxmoxSpellings) {
    for (const char* t : {"1", "true", "YES", "on"}) {
        EXPECT_EQ(pvr::parse_bool(t), true) << t;
    }
    for (const char* f : {"0", "false", "No", "off"}) {
        EXPECT_EQ(pvr::parse_bool(f), false) << f;
    }
    EXPECT_FALSE(pvr::parse_bool("maybe"));
    EXPECT_FALSE(pvr::parse_bool(""));
}

TEST(Iso8601, RoundTripsAndHonoursOffsets) {
    EXPECT_EQ(pvr::iso8601_utc(1735675200), "2024-12-31T20:00:00Z");
    EXPECT_EQ(pvr::parse_iso8601("2024-12-31T20:00:00Z"), 1735675200);
    EXPECT_EQ(pvr::parse_iso8601("2024-12-31T21:00:00+01:00"), 1735675200);
    EXPECT_EQ(pvr::parse_iso8601("2024-12-31 15:00:00-05:00"), 1735675200);
    EXPECT_EQ(pvr::parse_iso8601("2024-12-31T20:00:00.123Z"), 1735675200);
    EXPECT_FALSE(pvr::parse_iso8601("2024-12-31T20:00:00")); // no offset: ambiguous
    EXPECT_FALSE(pvr::parse_iso8601("2024-02-30T00:00:00Z"));
    EXPECT_FALSE(pvr::parse_iso8601("yesterday"));
}

TEST(Redactor, MasksEverySecretEverywhere) {
    pvr::Redactor r;
    r.add_secret("s3cr3t-value");
    r.add_secret("ab"); // too short to mask safely: ignored
    EXPECT_EQ(r.redact("PVEAPIToken=a@pve!b=s3cr3t-value and s3cr3t-value"), "PVEAPIToken=a@pve!b=*** and ***");
    EXPECT_EQ(r.redact("abc"), "abc");
}

// The config fuzz target checks that no secret survives (input: tests/data/fuzz-regressions/config).
TEST(Redactor, MaskingOneSecretNeverRevealsAnother) {
    pvr::Redactor r;
    r.add_secret("x***y");
    r.add_secret("abcd");
    EXPECT_EQ(r.redact("url 'xabcdy'"), "url '***'");
    EXPECT_EQ(r.redact("xabcdy xabcdy"), "*** ***");
}

} // namespace
