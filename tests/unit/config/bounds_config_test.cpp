// REPORT_DEADLINE and MAX_RESPONSE_MB: defaults, ranges, messages naming the variable.

#include "config_test_support.hpp"

#include <gtest/gtest.h>

namespace pvr::config {
namespace {

using namespace test;

TEST(BoundsConfig, Defaults) {
    const Config config = load(valid_env(), {}, fake_files({}));
    EXPECT_EQ(config.report_deadline, std::chrono::seconds(1800));
    EXPECT_EQ(config.max_response_mb, 512U);
}

TEST(BoundsConfig, ValuesAreRead) {
    EnvMap env = valid_env();
    env["REPORT_DEADLINE"] = "0";
    env["MAX_RESPONSE_MB"] = "4096";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_EQ(config.report_deadline, std::chrono::seconds(0));
    EXPECT_EQ(config.max_response_mb, 4096U);
}

TEST(BoundsConfig, OutOfRangeValuesNameTheVariable) {
    EnvMap env = valid_env();
    env["REPORT_DEADLINE"] = "-5";
    env["MAX_RESPONSE_MB"] = "0";
    const auto problems = problems_of(env);
    EXPECT_EQ(problems.size(), 2U);
    EXPECT_TRUE(
        contains(problems, "REPORT_DEADLINE: expected a whole number of seconds between 0 and 86400, got '-5'"));
    EXPECT_TRUE(contains(problems, "MAX_RESPONSE_MB: expected a whole number of MiB between 1 and 4096, got '0'"));
    env["MAX_RESPONSE_MB"] = "1e9";
    env["REPORT_DEADLINE"] = "1h";
    EXPECT_EQ(problems_of(env).size(), 2U);
}

TEST(BoundsConfig, Documented) {
    std::map<std::string, VariableDoc> by_name;
    for (const auto& doc : documented_variables()) {
        by_name[doc.name] = doc;
    }
    EXPECT_EQ(by_name["REPORT_DEADLINE"].default_value, "1800");
    EXPECT_EQ(by_name["MAX_RESPONSE_MB"].default_value, "512");
}

} // namespace
} // namespace pvr::config
