#include "outlet/threshold_range.hpp"

#include <gtest/gtest.h>

namespace pvr::outlet {
namespace {

ThresholdRange parse(const char* text) {
    std::string problem;
    auto range = parse_threshold_range(text, problem);
    EXPECT_TRUE(range) << text << ": " << problem;
    return range.value_or(ThresholdRange{});
}

TEST(ThresholdRange, PlainNumberAlertsAboveItOrBelowZero) {
    const auto r = parse("10");
    EXPECT_FALSE(r.alerts(0));
    EXPECT_FALSE(r.alerts(10));
    EXPECT_TRUE(r.alerts(11));
    EXPECT_TRUE(r.alerts(-1));
    EXPECT_EQ(r.text, "10");
    EXPECT_TRUE(parse("0").alerts(1));
    EXPECT_FALSE(parse("0").alerts(0));
}

TEST(ThresholdRange, OpenEndsAndInsideRanges) {
    EXPECT_TRUE(parse("10:").alerts(9));
    EXPECT_FALSE(parse("10:").alerts(1000));
    EXPECT_TRUE(parse("~:10").alerts(11));
    EXPECT_FALSE(parse("~:10").alerts(-1000));
    EXPECT_TRUE(parse("10:20").alerts(21));
    EXPECT_TRUE(parse("10:20").alerts(9));
    EXPECT_FALSE(parse("10:20").alerts(15));
    EXPECT_TRUE(parse("@10:20").alerts(10));
    EXPECT_TRUE(parse("@10:20").alerts(20));
    EXPECT_FALSE(parse("@10:20").alerts(21));
    EXPECT_FALSE(parse("1.5").alerts(1.5));
}

TEST(ThresholdRange, RejectsWhatIsNotARange) {
    for (const char* bad : {"", "abc", "10:5", ":", ":5", "@", "1e3", "10;20", " 5", "~", "nan", "inf"}) {
        std::string problem;
        EXPECT_FALSE(parse_threshold_range(bad, problem)) << bad;
        EXPECT_FALSE(problem.empty()) << bad;
    }
}

} // namespace
} // namespace pvr::outlet
