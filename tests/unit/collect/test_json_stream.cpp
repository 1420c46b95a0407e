// The streaming framer of `{"data": [...]}` listings: elements framed whatever the chunk
// boundaries, strings and escapes, the depth limit, cut and malformed bodies with the messages
// of parse_envelope.

#include "collect/json_fields.hpp"
#include "collect/json_stream.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace pvr;
using namespace pvr::collect;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

class Recorder final : public ListElementHandler {
public:
    void element(std::size_t index, std::string& text) override {
        EXPECT_EQ(index, texts.size());
        texts.push_back(text);
    }
    void oversized(std::size_t index, std::size_t limit) override {
        EXPECT_EQ(index, texts.size());
        texts.push_back("<more than " + std::to_string(limit) + ">");
    }
    std::vector<std::string> texts;
};

struct Outcome {
    std::vector<std::string> elements;
    std::optional<std::string> error;
    std::int64_t total = 0;
    std::size_t replaced = 0;
};

/// Feeds `body` cut at the given positions (sorted), then finishes.
Outcome run(std::string_view body, const std::vector<std::size_t>& cuts = {}, std::size_t max_element = 1024) {
    Recorder recorder;
    ListStream stream("GET /x", recorder, max_element);
    Outcome out;
    try {
        std::size_t from = 0;
        for (const std::size_t cut : cuts) {
            stream.feed(body.substr(from, cut - from));
            from = cut;
        }
        stream.feed(body.substr(from));
        stream.finish();
    } catch (const Error& e) {
        out.error = e.what();
    }
    out.elements = recorder.texts;
    out.total = stream.total();
    out.replaced = stream.replaced_invalid_utf8();
    return out;
}

/// The message parse_envelope + require_array give for `body` (nullopt: accepted).
std::optional<std::string> envelope_error(std::string_view body) {
    try {
        const Envelope envelope = parse_envelope(body, "GET /x");
        (void)require_array(envelope.data, "GET /x");
        return std::nullopt;
    } catch (const Error& e) {
        return std::string(e.what());
    }
}

constexpr std::string_view tricky = R"( { "errors" : {"a":"]}[{\""} , "total":"3",
  "data" : [ {"s":"]}\"[{","n":[1,[2,{"x":null}]]} , [1,[2]],"x\\\"]",-12.5e3 ,true,null,{},[] ] ,
  "more": [{"k":"}"}], "n": 7 } )";

TEST(JsonStream, FramesElementsWithStringsAndEscapes) {
    const Outcome out = run(tricky);
    ASSERT_FALSE(out.error) << *out.error;
    EXPECT_THAT(out.elements, ElementsAre(R"({"s":"]}\"[{","n":[1,[2,{"x":null}]]})", "[1,[2]]", R"("x\\\"]")",
                                          "-12.5e3", "true", "null", "{}", "[]"));
    EXPECT_EQ(out.total, 3);
}

TEST(JsonStream, EveryChunkBoundaryGivesTheSameElements) {
    const Outcome whole = run(tricky);
    for (std::size_t cut = 0; cut <= tricky.size(); ++cut) {
        const Outcome split = run(tricky, {cut});
        EXPECT_EQ(split.elements, whole.elements) << "cut at " << cut;
        EXPECT_FALSE(split.error) << "cut at " << cut;
        EXPECT_EQ(split.total, 3);
    }
    std::vector<std::size_t> bytes;
    for (std::size_t i = 1; i < tricky.size(); ++i) {
        bytes.push_back(i);
    }
    EXPECT_EQ(run(tricky, bytes).elements, whole.elements);
}

TEST(JsonStream, EveryCutBodyIsNotJson) {
    const std::string body = R"({"data":[{"a":"b\"c"},[1,2],3],"total":2})";
    for (std::size_t size = 0; size < body.size(); ++size) {
        const Outcome out = run(std::string_view(body).substr(0, size));
        ASSERT_TRUE(out.error) << size;
        EXPECT_EQ(*out.error, *envelope_error(std::string_view(body).substr(0, size))) << size;
    }
    EXPECT_FALSE(run(body).error);
}

TEST(JsonStream, SameMessagesAsParseEnvelope) {
    for (const std::string_view body : {"",
                                        "  ",
                                        "nope",
                                        "<html><body>502</body></html>",
                                        "[1,2]",
                                        "\"text\"",
                                        "3",
                                        "{}",
                                        R"({"total":1})",
                                        R"({"data":5})",
                                        R"({"data":{"a":[1]}})",
                                        R"({"data":"x","total":2})",
                                        R"({"data":null})",
                                        R"({"data":[1,]})",
                                        R"({"data":[1 2]})",
                                        R"({"data":[],})",
                                        R"({"data":[]} x)",
                                        R"({"data":[]}})",
                                        R"({"data" [1]})",
                                        R"({data:[1]})",
                                        R"({"data":[]"total":1})",
                                        R"({"a":tru,"data":[]})",
                                        R"({"a":[1,}],"data":[]})",
                                        R"({"data":[],"total":1e})",
                                        "{\"data\":[\"a\tb\"]}",
                                        "{\"d\nata\":[]}",
                                        "{\"x\":\"\x01\",\"data\":[]}"}) {
        const Outcome out = run(body);
        EXPECT_EQ(out.error, envelope_error(body)) << body;
    }
}

TEST(JsonStream, KeysBeforeAndAfterDataAndEscapedKeys) {
    const Outcome out = run(R"({"errors":{"x":"[}"},"d\u0061ta":[1,{"a":2}],"total":"2","z":[{"a":"b"}]})");
    ASSERT_FALSE(out.error) << *out.error;
    EXPECT_THAT(out.elements, ElementsAre("1", R"({"a":2})"));
    EXPECT_EQ(out.total, 2);
    EXPECT_EQ(run(R"({"data":[1],"total":"many"})").total, 0);
}

TEST(JsonStream, TwoDataKeysAreRejected) {
    const Outcome out = run(R"({"data":[1],"data":[2]})");
    ASSERT_TRUE(out.error);
    EXPECT_THAT(*out.error, HasSubstr("two 'data' keys"));
}

TEST(JsonStream, NestingLimitLikeJsonDepthWithin) {
    for (const std::size_t depth : {250U, 254U, 255U, 256U, 300U, 100000U}) {
        const std::string body =
            R"({"data":[)" + std::string(depth, '[') + std::string(depth, ']') + R"(],"x":"[[[["})";
        const Outcome out = run(body, {}, std::size_t{1} << 20);
        if (json_depth_within(body)) {
            EXPECT_FALSE(out.error) << depth;
        } else {
            ASSERT_TRUE(out.error) << depth;
            EXPECT_EQ(*out.error, "GET /x: JSON nested deeper than 256 levels");
        }
    }
    // Deep values of other keys and deep non-object bodies too.
    EXPECT_EQ(run(R"({"data":[],"x":)" + std::string(300, '[') + std::string(300, ']') + "}").error,
              "GET /x: JSON nested deeper than 256 levels");
    EXPECT_EQ(run(std::string(300, '[') + std::string(300, ']')).error, "GET /x: JSON nested deeper than 256 levels");
}

TEST(JsonStream, OversizedElementsAreSkippedNotFatal) {
    const std::string big = R"({"s":")" + std::string(2000, 'a') + R"(\"]"})";
    const std::string body = R"({"data":[1,)" + big + R"(,{"b":2}]})";
    for (const std::size_t cut : {0UL, 12UL, 500UL, 1500UL, body.size() - 5}) {
        const Outcome out = run(body, {cut}, 1024);
        ASSERT_FALSE(out.error) << *out.error;
        EXPECT_THAT(out.elements, ElementsAre("1", "<more than 1024>", R"({"b":2})"));
    }
    EXPECT_EQ(size_text(1024 * 1024), "1 MiB");
    EXPECT_EQ(size_text(1500), "1500 bytes");
}

TEST(JsonStream, NotJsonIsThrownOnceTheStartIsKnown) {
    Recorder recorder;
    ListStream stream("GET /x", recorder);
    stream.feed(R"({"data":[1,,)");
    try {
        stream.feed(std::string(100, ' '));
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), "GET /x: response is not JSON (starts with '{\"data\":[1,,')");
    }
}

TEST(JsonStream, InvalidUtf8IsRepairedAndCounted) {
    const std::string body = "{\"data\":[\"a\xff\",{\"k\xc3\":1}],\"x\":\"\xfe\"}";
    const Outcome out = run(body, {11});
    ASSERT_FALSE(out.error) << *out.error;
    EXPECT_THAT(out.elements, ElementsAre("\"a\xEF\xBF\xBD\"", "{\"k\xEF\xBF\xBD\":1}"));
    EXPECT_EQ(out.replaced, 3U);
}

TEST(JsonStream, ResetStartsOver) {
    Recorder recorder;
    ListStream stream("GET /x", recorder);
    stream.feed("{\"data\":[1]]"); // not JSON: said once the first 64 bytes are known, or at the end
    EXPECT_THROW(stream.finish(), Error);
    stream.reset();
    recorder.texts.clear();
    stream.feed(R"({"data":[5]})");
    stream.finish();
    EXPECT_THAT(recorder.texts, ElementsAre("5"));
    EXPECT_EQ(stream.elements(), 1U);
}

} // namespace
