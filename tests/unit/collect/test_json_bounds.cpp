// Hostile JSON: nesting beyond any Proxmox answer, huge values in messages, invalid UTF-8.

#include "collect/json_fields.hpp"
#include "collect/parse_resources.hpp"
#include "collect/pbs_parse.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using ::testing::HasSubstr;

namespace {

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string error_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::invalid_response);
        return e.what();
    }
    ADD_FAILURE() << "no error";
    return {};
}

TEST(JsonBounds, EnvelopeNestedTooDeepIsAnInvalidResponse) {
    const std::string body = "{\"data\":" + nested(100000) + "}";
    EXPECT_EQ(error_of([&] { (void)parse_envelope(body, "GET /cluster/resources"); }),
              "GET /cluster/resources: JSON nested deeper than 256 levels");
}

TEST(JsonBounds, EnvelopeAtTheLimitIsRead) {
    const std::string body = "{\"data\":" + nested(255) + "}"; // 256 levels with the envelope
    const Envelope envelope = parse_envelope(body, "GET /x");
    EXPECT_TRUE(envelope.data.is_array());
}

TEST(JsonBounds, ParsersOfEveryKindReportTheDepth) {
    const std::string body = "{\"data\":[{\"vmid\":" + nested(50000) + "}]}";
    std::vector<std::string> warnings;
    EXPECT_THAT(error_of([&] { (void)parse_resources(body, warnings); }),
                HasSubstr("JSON nested deeper than 256 levels"));
    EXPECT_THAT(error_of([&] { (void)parse_pbs_snapshots(body, "GET /admin/datastore/s/snapshots", "", warnings); }),
                "GET /admin/datastore/s/snapshots: JSON nested deeper than 256 levels");
}

TEST(JsonBounds, DescribeValueOfADeepValueIsBoundedAndIterative) {
    // Built directly (not parsed): describe_value must not recurse whatever it is given.
    Json deep = Json::array();
    for (int i = 0; i < 200; ++i) {
        Json outer = Json::array();
        outer.push_back(std::move(deep));
        deep = std::move(outer);
    }
    const std::string text = describe_value(deep);
    EXPECT_EQ(text, std::string(80, '[') + "...");
}

TEST(JsonBounds, DescribeValueMatchesCompactJson) {
    const Json value = Json::parse(R"({"a":[1,2.5,"x",null,true],"b":{"c":{}},"d":[]})");
    EXPECT_EQ(describe_value(value), value.dump());
    EXPECT_EQ(describe_value(Json::parse("[]")), "[]");
    EXPECT_EQ(describe_value(Json::parse("{}")), "{}");
    EXPECT_EQ(describe_value(Json(12)), "12");
    Json big = Json::array();
    for (int i = 0; i < 100000; ++i) {
        big.push_back(i);
    }
    const std::string text = describe_value(big);
    EXPECT_EQ(text.size(), 83U);
    EXPECT_EQ(text.substr(0, 10), "[0,1,2,3,4");
}

TEST(JsonBounds, InvalidUtf8IsReplacedAndCounted) {
    const std::string body = "{\"data\":[{\"id\":\"storage/pve1/n\xE9w\",\"type\":\"storage\"},"
                             "{\"vmid\":100,\"type\":\"qemu\",\"node\":\"pve1\",\"name\":\"a\xFF\xFE\"}]}";
    const Envelope envelope = parse_envelope(body, "GET /cluster/resources");
    EXPECT_EQ(envelope.replaced_invalid_utf8, 3U);
    EXPECT_EQ(envelope.data[1]["name"].get<std::string>(), "a\xEF\xBF\xBD\xEF\xBF\xBD");
    std::vector<std::string> warnings;
    const auto guests = parse_resources(body, warnings);
    ASSERT_EQ(guests.size(), 1U);
    EXPECT_EQ(guests[0].vmid, 100);
}

TEST(JsonBounds, ValidUtf8CountsNothing) {
    const Envelope envelope = parse_envelope("{\"data\":\"caf\xC3\xA9\"}", "GET /x");
    EXPECT_EQ(envelope.replaced_invalid_utf8, 0U);
    EXPECT_EQ(envelope.data.get<std::string>(), "caf\xC3\xA9");
}

} // namespace
