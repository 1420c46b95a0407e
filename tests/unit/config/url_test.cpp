#include "config/config.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace pvr::config {
namespace {

struct GoodUrl {
    const char* input;
    const char* expected;
};

class NormalizeGoodUrl : public ::testing::TestWithParam<GoodUrl> {};

TEST_P(NormalizeGoodUrl, Normalizes) {
    std::string problem;
    const auto url = normalize_https_url(GetParam().input, 8006, problem);
    ASSERT_TRUE(url.has_value()) << problem;
    EXPECT_EQ(*url, GetParam().expected);
    EXPECT_TRUE(problem.empty());
}

INSTANTIATE_TEST_SUITE_P(Table, NormalizeGoodUrl,
                         ::testing::Values(GoodUrl{"https://pve1", "https://pve1:8006"},
                                           GoodUrl{"https://pve1:8006", "https://pve1:8006"},
                                           GoodUrl{"https://pve1:443", "https://pve1:443"},
                                           GoodUrl{"https://pve1/", "https://pve1:8006"},
                                           GoodUrl{"https://pve1:8006/", "https://pve1:8006"},
                                           GoodUrl{"https://pve1:8006/api2/json", "https://pve1:8006"},
                                           GoodUrl{"https://pve1:8006/api2/json/", "https://pve1:8006"},
                                           GoodUrl{"HTTPS://PVE1.Example.COM", "https://pve1.example.com:8006"},
                                           GoodUrl{"  https://pve1  ", "https://pve1:8006"},
                                           GoodUrl{"https://192.168.1.10", "https://192.168.1.10:8006"},
                                           GoodUrl{"https://[::1]", "https://[::1]:8006"},
                                           GoodUrl{"https://[::1]:8443/api2/json", "https://[::1]:8443"},
                                           GoodUrl{"https://[FE80::1]:8006", "https://[fe80::1]:8006"},
                                           GoodUrl{"https://[::ffff:10.0.0.1]", "https://[::ffff:10.0.0.1]:8006"},
                                           GoodUrl{"https://pve-1.lab_x.local:1", "https://pve-1.lab_x.local:1"},
                                           GoodUrl{"https://pve1:65535", "https://pve1:65535"}));

class NormalizeBadUrl : public ::testing::TestWithParam<const char*> {};

TEST_P(NormalizeBadUrl, Rejects) {
    std::string problem;
    const auto url = normalize_https_url(GetParam(), 8006, problem);
    EXPECT_FALSE(url.has_value()) << *url;
    EXPECT_NE(problem.find("expected https://host[:port]"), std::string::npos) << problem;
}

INSTANTIATE_TEST_SUITE_P(Table, NormalizeBadUrl,
                         ::testing::Values("", "pve1", "pve1:8006", "ftp://x", "http://pve1:8006", "https://",
                                           "https:///api2/json", "https://pve1:", "https://pve1:0",
                                           "https://pve1:65536", "https://pve1:80a", "https://pve1:+80",
                                           "https://pve1:123456", "https://pve1/other", "https://pve1/api2",
                                           "https://pve1/api2/json/nodes", "https://pve1?x=1", "https://pve1#frag",
                                           "https://pve 1", "https://[::1", "https://[]", "https://[zz::1]",
                                           "https://[::1]x", "https://user:pw@pve1", "https://pv%e1"));

TEST(NormalizeUrl, ProblemQuotesTheValue) {
    std::string problem;
    EXPECT_FALSE(normalize_https_url("ftp://x", 8006, problem));
    EXPECT_EQ(problem, "expected https://host[:port], got 'ftp://x'");
}

TEST(NormalizeUrl, PlainHttpGetsAnExplanation) {
    std::string problem;
    EXPECT_FALSE(normalize_https_url("http://pve1:8006", 8006, problem));
    EXPECT_NE(problem.find("plain HTTP is not supported"), std::string::npos) << problem;
}

TEST(NormalizeUrl, UserInformationIsNotEchoed) {
    std::string problem;
    EXPECT_FALSE(normalize_https_url("https://root:hunter2@pve1", 8006, problem));
    EXPECT_EQ(problem.find("hunter2"), std::string::npos) << problem;
    EXPECT_NE(problem.find("user information"), std::string::npos) << problem;
}

TEST(NormalizeUrl, UsesTheGivenDefaultPort) {
    std::string problem;
    EXPECT_EQ(normalize_https_url("https://pbs", 8007, problem), "https://pbs:8007");
}

} // namespace
} // namespace pvr::config
