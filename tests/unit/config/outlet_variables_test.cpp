// FAIL_ON and PROMETHEUS_TEXTFILE_DIR.

#include "config/config.hpp"
#include "config_test_support.hpp"

#include <gtest/gtest.h>

#include <set>

namespace pvr::config {
namespace {

TEST(OutletVariables, DefaultsAreNeverAndNoMetricsFile) {
    const Config config = load(test::valid_env(), {}, test::fake_files({}));
    EXPECT_EQ(config.fail_on, FailOn::never);
    EXPECT_FALSE(config.prometheus_textfile_dir);
}

TEST(OutletVariables, AreRead) {
    auto env = test::valid_env();
    env["FAIL_ON"] = " Warning ";
    env["PROMETHEUS_TEXTFILE_DIR"] = "/var/lib/prometheus/node-exporter";
    const Config config = load(env, {}, test::fake_files({}));
    EXPECT_EQ(config.fail_on, FailOn::warning);
    EXPECT_EQ(config.prometheus_textfile_dir, std::filesystem::path("/var/lib/prometheus/node-exporter"));
}

TEST(OutletVariables, BadFailOnNamesTheVariable) {
    auto env = test::valid_env();
    env["FAIL_ON"] = "always";
    const auto problems = test::problems_of(env);
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_NE(problems[0].find("FAIL_ON"), std::string::npos);
    EXPECT_NE(problems[0].find("never, warning or critical"), std::string::npos);
    EXPECT_NE(problems[0].find("'always'"), std::string::npos);
}

TEST(OutletVariables, ParseFailOn) {
    EXPECT_EQ(parse_fail_on("critical"), FailOn::critical);
    EXPECT_EQ(parse_fail_on("NEVER"), FailOn::never);
    EXPECT_FALSE(parse_fail_on("crit"));
    EXPECT_FALSE(parse_fail_on(""));
    EXPECT_STREQ(to_string(FailOn::warning), "warning");
}

TEST(OutletVariables, AreDocumented) {
    std::set<std::string> names;
    for (const auto& doc : documented_variables()) {
        names.insert(doc.name);
    }
    EXPECT_EQ(names.count("FAIL_ON"), 1U);
    EXPECT_EQ(names.count("PROMETHEUS_TEXTFILE_DIR"), 1U);
}

} // namespace
} // namespace pvr::config
