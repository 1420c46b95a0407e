#include "http/url.hpp"

#include <gtest/gtest.h>

namespace pvr::http {
namespace {

TEST(UrlEncode, LikeCurlEasyEscape) {
    EXPECT_EQ(url_encode(""), "");
    EXPECT_EQ(url_encode("AZaz09-._~"), "AZaz09-._~");
    EXPECT_EQ(url_encode("a b&c=d/e?f#g%"), "a%20b%26c%3Dd%2Fe%3Ff%23g%25");
    EXPECT_EQ(url_encode("UPID:pve1:0000C530:001A2B3C:65A1B2C3:vzdump::root@pam:"),
              "UPID%3Apve1%3A0000C530%3A001A2B3C%3A65A1B2C3%3Avzdump%3A%3Aroot%40pam%3A");
    EXPECT_EQ(url_encode("\xC3\xA9"), "%C3%A9");
    EXPECT_EQ(url_encode(std::string_view("\0", 1)), "%00");
}

TEST(QueryString, EncodesKeysAndValues) {
    EXPECT_EQ(query_string({}), "");
    EXPECT_EQ(query_string({{"content", "backup"}}), "?content=backup");
    EXPECT_EQ(query_string({{"type", "vm"}, {"a b", "c&d"}}), "?type=vm&a%20b=c%26d");
}

TEST(OriginOf, SchemeAndAuthority) {
    EXPECT_EQ(origin_of("https://pve1:8006/api2/json"), "https://pve1:8006");
    EXPECT_EQ(origin_of("https://pve1:8006"), "https://pve1:8006");
    EXPECT_EQ(origin_of("https://[::1]:8006/api2/json"), "https://[::1]:8006");
}

} // namespace
} // namespace pvr::http
