// JSON text checks before parsing: nesting depth and invalid UTF-8.

#include "core/json_text.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace pvr;

namespace {

std::string nested(std::size_t depth, char open = '[', char close = ']') {
    return std::string(depth, open) + std::string(depth, close);
}

TEST(JsonDepth, CountsArraysAndObjects) {
    EXPECT_TRUE(json_depth_within("{\"data\":[{\"a\":[1,2]}]}", 4));
    EXPECT_FALSE(json_depth_within("{\"data\":[{\"a\":[1,2]}]}", 3));
    EXPECT_TRUE(json_depth_within(nested(256)));
    EXPECT_FALSE(json_depth_within(nested(257)));
    EXPECT_TRUE(json_depth_within("", 0));
    EXPECT_TRUE(json_depth_within("42", 0));
    EXPECT_FALSE(json_depth_within("{}", 0));
}

TEST(JsonDepth, IgnoresBracketsInStrings) {
    const std::string deep_text = "{\"data\":\"" + nested(1000) + "\"}";
    EXPECT_TRUE(json_depth_within(deep_text, 1));
    // An escaped quote does not end the string.
    EXPECT_TRUE(json_depth_within(R"({"a":"x\"[[[[[[","b":1})", 1));
    // An escaped backslash before the closing quote does end it.
    EXPECT_FALSE(json_depth_within(R"({"a":"x\\",[[[]]]})", 3));
}

TEST(JsonDepth, ClosingBracketsDoNotUnderflow) {
    EXPECT_TRUE(json_depth_within("]]]]}}}}[[", 2));
    EXPECT_FALSE(json_depth_within("]]]][[[", 2));
}

TEST(JsonDepth, HandlesAMillionLevelsWithoutRecursion) {
    EXPECT_FALSE(json_depth_within(nested(1000000)));
    EXPECT_FALSE(json_depth_within(nested(1000000, '{', '}')));
}

TEST(JsonDepth, Message) {
    EXPECT_EQ(json_too_deep_message("GET /cluster/resources"),
              "GET /cluster/resources: JSON nested deeper than 256 levels");
}

TEST(Utf8, ValidTextIsUntouched) {
    std::string text = "plain ASCII, caf\xC3\xA9, \xE2\x82\xAC, \xF0\x9F\x98\x80, \xEF\xBF\xBD";
    const std::string before = text;
    EXPECT_EQ(count_invalid_utf8(text), 0U);
    EXPECT_EQ(repair_utf8(text), 0U);
    EXPECT_EQ(text, before);
}

struct Utf8Case {
    const char* input;
    std::size_t invalid;
    const char* repaired;
};

TEST(Utf8, ReplacesMaximalSubpartsByReplacementCharacter) {
    const Utf8Case cases[] = {
        {"a\xFF"
         "b",
         1,
         "a\xEF\xBF\xBD"
         "b"},
        {"\x80", 1, "\xEF\xBF\xBD"},
        {"\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD"},                                 // overlong '/': two invalid bytes
        {"\xE2\x82", 1, "\xEF\xBF\xBD"},                                             // truncated euro sign: one subpart
        {"\xE2\x82x", 1, "\xEF\xBF\xBDx"},                                           // interrupted sequence
        {"\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},                 // surrogate D800
        {"\xF4\x90\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, // above U+10FFFF
        {"\xF0\x9F\x98", 1, "\xEF\xBF\xBD"},                                         // truncated emoji
        {"pve\xE9-1", 1, "pve\xEF\xBF\xBD-1"},                                       // Latin-1 'é'
    };
    for (const auto& c : cases) {
        std::string text = c.input;
        EXPECT_EQ(count_invalid_utf8(text), c.invalid) << c.input;
        EXPECT_EQ(repair_utf8(text), c.invalid) << c.input;
        EXPECT_EQ(text, c.repaired) << c.input;
        EXPECT_EQ(count_invalid_utf8(text), 0U) << c.input;
    }
}

TEST(Utf8, Message) {
    EXPECT_EQ(invalid_utf8_message("GET /cluster/resources", 1),
              "GET /cluster/resources: 1 invalid UTF-8 sequence replaced by U+FFFD");
    EXPECT_EQ(invalid_utf8_message("GET /storage", 3), "GET /storage: 3 invalid UTF-8 sequences replaced by U+FFFD");
}

} // namespace
