// Lenient JSON conversions, the envelope, property strings, keep options, URL encoding, issue texts.

#include "collect/issues.hpp"
#include "collect/json_fields.hpp"
#include "collect/parse_keep_options.hpp"
#include "collect/property_string.hpp"
#include "collect/url_encode.hpp"
#include "http/client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

struct BoolCase {
    const char* json;
    std::optional<bool> expected;
};

TEST(JsonFields, ToBoolAcceptsProxmoxEncodings) {
    const BoolCase cases[] = {
        {"1", true},       {"0", false},      {"2", true},       {"-1", true},       {"true", true},
        {"false", false},  {"\"1\"", true},   {"\"0\"", false},  {"\"true\"", true}, {"\"FALSE\"", false},
        {"\"yes\"", true}, {"\"no\"", false}, {"\"on\"", true},  {"\"Off\"", false}, {"\" 1 \"", true},
        {"1.0", true},     {"0.0", false},    {"\"maybe\"", {}}, {"\"\"", {}},       {"null", {}},
        {"[1]", {}},       {"{}", {}},        {"\"2\"", {}},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(to_bool(Json::parse(c.json)), c.expected) << c.json;
    }
}

struct IntCase {
    const char* json;
    std::optional<std::int64_t> expected;
};

TEST(JsonFields, ToIntAcceptsNumbersAndNumericStrings) {
    const IntCase cases[] = {
        {"7", 7},
        {"-3", -3},
        {"\"7\"", 7},
        {"\" 42 \"", 42},
        {"\"+5\"", 5},
        {"1735761600", 1735761600},
        {"9223372036854775807", 9223372036854775807LL},
        {"18446744073709551615", {}},
        {"7.0", 7},
        {"7.5", {}},
        {"\"7.5\"", {}},
        {"\"abc\"", {}},
        {"\"\"", {}},
        {"\"12abc\"", {}},
        {"true", {}},
        {"null", {}},
        {"[7]", {}},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(to_int(Json::parse(c.json)), c.expected) << c.json;
    }
}

TEST(JsonFields, ToTextAcceptsStringsAndIntegers) {
    EXPECT_EQ(to_text(Json::parse("\"web01\"")), "web01");
    EXPECT_EQ(to_text(Json::parse("123")), "123");
    EXPECT_EQ(to_text(Json::parse("1.5")), std::nullopt);
    EXPECT_EQ(to_text(Json::parse("true")), std::nullopt);
    EXPECT_EQ(to_text(Json::parse("{}")), std::nullopt);
}

TEST(ObjectReader, TreatsNullAsAbsent) {
    const Json object = Json::parse(R"({"a":null,"b":"1","d":"text","n":5})");
    std::vector<std::string> problems;
    const ProblemSink sink = record_into(problems);
    ObjectReader reader(object, "GET /x: data[0]", sink);
    EXPECT_FALSE(reader.has("a"));
    EXPECT_FALSE(reader.has("missing"));
    EXPECT_EQ(reader.boolean("a"), std::nullopt);
    EXPECT_EQ(reader.required_integer("a"), std::nullopt);
    EXPECT_EQ(reader.boolean("b"), true);
    EXPECT_EQ(reader.integer("b"), 1);
    EXPECT_EQ(reader.string("d"), "text");
    EXPECT_EQ(reader.text("n"), "5");
    EXPECT_FALSE(reader.failed());
    EXPECT_TRUE(problems.empty());
}

TEST(ObjectReader, AWrongTypeIsRecordedWithTheFieldPathAndIgnored) {
    const Json object = Json::parse(R"({"c":{"x":1},"e":"maybe","s":5,"t":1.5,"ok":"7"})");
    std::vector<std::string> problems;
    const ProblemSink sink = record_into(problems);
    ObjectReader reader(object, "GET /cluster/backup: data[3]", sink);
    EXPECT_EQ(reader.integer("c"), std::nullopt);
    EXPECT_EQ(reader.boolean("e"), std::nullopt);
    EXPECT_EQ(reader.string("s"), std::nullopt);
    EXPECT_EQ(reader.text("t"), std::nullopt);
    EXPECT_FALSE(reader.failed()) << "an optional field never fails the element";
    EXPECT_EQ(reader.integer("ok"), 7) << "later fields are still read";
    EXPECT_THAT(problems, ElementsAre("GET /cluster/backup: data[3].c: expected an integer, got {\"x\":1} (ignored)",
                                      "GET /cluster/backup: data[3].e: expected a boolean, got 'maybe' (ignored)",
                                      "GET /cluster/backup: data[3].s: expected a string, got 5 (ignored)",
                                      "GET /cluster/backup: data[3].t: expected a string, got 1.5 (ignored)"));
}

TEST(ObjectReader, ARequiredFieldOfTheWrongTypeFailsTheElementOnce) {
    const Json object = Json::parse(R"({"vmid":"abc","node":[1],"name":"web"})");
    std::vector<std::string> problems;
    const ProblemSink sink = record_into(problems, "member skipped");
    ObjectReader reader(object, "GET /pools/lab: data.members[2]", sink);
    EXPECT_EQ(reader.required_integer("vmid"), std::nullopt);
    EXPECT_TRUE(reader.failed());
    // Once failed, nothing more is read or recorded: one problem per skipped element.
    EXPECT_EQ(reader.required_text("node"), std::nullopt);
    EXPECT_EQ(reader.text("name"), std::nullopt);
    reader.problem("name", "is odd", Need::required);
    EXPECT_THAT(problems, ElementsAre("GET /pools/lab: data.members[2].vmid: expected an integer, got 'abc' "
                                      "(member skipped)"));
}

TEST(ObjectReader, ANonObjectIsRecordedWithoutThrowing) {
    std::vector<std::string> problems;
    const ProblemSink sink = record_into(problems);
    const Json value = Json::parse("[1]");
    ObjectReader reader(value, "GET /x: data[4]", sink);
    EXPECT_TRUE(reader.failed());
    EXPECT_EQ(reader.text("a"), std::nullopt);
    ObjectReader optional(value, "GET /x: data[5]", sink, Need::optional);
    EXPECT_TRUE(optional.failed());
    EXPECT_THAT(problems, ElementsAre("GET /x: data[4]: expected an object, got [1] (entry skipped)",
                                      "GET /x: data[5]: expected an object, got [1] (ignored)"));
}

TEST(ObjectReader, NestedObjectsShareTheSinkAndNameTheirPath) {
    const Json object = Json::parse(R"({"verification":{"state":7,"upid":"u"},"bad":"x"})");
    std::vector<std::string> problems;
    const ProblemSink sink = record_into(problems);
    ObjectReader reader(object, "GET /snap: data[0]", sink);
    auto verification = reader.object("verification");
    ASSERT_TRUE(verification.has_value());
    EXPECT_EQ(verification->string("state"), std::nullopt);
    EXPECT_EQ(verification->text("upid"), "u");
    verification->problem("upid", "start time 1 is before 2000-01-01T00:00:00Z", Need::optional);
    EXPECT_EQ(reader.object("bad"), std::nullopt);
    EXPECT_EQ(reader.object("missing"), std::nullopt);
    EXPECT_FALSE(reader.failed());
    EXPECT_THAT(problems,
                ElementsAre("GET /snap: data[0].verification.state: expected a string, got 7 (ignored)",
                            "GET /snap: data[0].verification.upid: start time 1 is before 2000-01-01T00:00:00Z "
                            "(ignored)",
                            "GET /snap: data[0].bad: expected an object, got 'x' (ignored)"));
}

TEST(ObjectReader, AnOwnSinkGetsWhereFieldWhyAndNeed) {
    std::vector<FieldProblem> seen;
    std::vector<std::string> paths;
    const ProblemSink sink = [&](const FieldProblem& p) {
        seen.push_back(FieldProblem{{}, {}, p.why, p.need});
        paths.push_back(std::string(p.where) + "|" + std::string(p.field));
    };
    const Json object = Json::parse(R"({"next-run":"soon","id":[]})");
    ObjectReader reader(object, "GET /cluster/backup: data[1]", sink, Need::optional);
    EXPECT_EQ(reader.integer("next-run"), std::nullopt);
    EXPECT_EQ(reader.required_text("id"), std::nullopt);
    ASSERT_EQ(seen.size(), 2U);
    EXPECT_EQ(seen[0].why, "expected an integer, got 'soon'");
    EXPECT_EQ(seen[0].need, Need::optional);
    EXPECT_EQ(seen[1].need, Need::required);
    EXPECT_THAT(paths, ElementsAre("GET /cluster/backup: data[1]|next-run", "GET /cluster/backup: data[1]|id"));
}

TEST(StrictAnswer, AnyProblemMakesTheAnswerUnusable) {
    StrictAnswer answer;
    const Json object = Json::parse(R"({"version":"8.2","release":[1]})");
    ObjectReader data(object, "GET /version: data", answer.sink());
    EXPECT_EQ(data.text("version"), "8.2");
    answer.throw_if_any();
    EXPECT_EQ(data.text("release"), std::nullopt);
    try {
        answer.throw_if_any();
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::invalid_response);
        EXPECT_STREQ(e.what(), "GET /version: data.release: expected a string, got [1]");
    }
}

TEST(JsonFields, RequireObjectNamesTheEndpoint) {
    try {
        (void)require_object(Json::parse("[]"), "GET /version");
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::invalid_response);
        EXPECT_STREQ(e.what(), "GET /version: data: expected an object, got []");
    }
}

TEST(JsonFields, DescribeValueQuotesStringsAndCutsLongValues) {
    EXPECT_EQ(describe_value(Json("abc")), "'abc'");
    EXPECT_EQ(describe_value(Json::parse("[1,2]")), "[1,2]");
    EXPECT_EQ(describe_value(Json(std::string(200, 'x'))).size(), 83U);
}

TEST(Envelope, ReadsDataAndTotal) {
    const auto e = parse_envelope(R"({"data":[1,2],"total":37})", "GET /nodes/pve1/tasks");
    EXPECT_EQ(e.data.size(), 2U);
    EXPECT_EQ(e.total, 37);
    EXPECT_EQ(parse_envelope(R"({"data":[]})", "GET /x").total, 0);
    EXPECT_EQ(parse_envelope(R"({"data":[],"total":"5"})", "GET /x").total, 5);
    EXPECT_TRUE(parse_envelope(R"({"data":null})", "GET /x").data.is_null());
}

TEST(Envelope, RejectsWhatIsNotAnEnvelope) {
    const char* bodies[] = {"",      "<html>502 Bad Gateway</html>", "{\"data\":[1,",
                            "[1,2]", "{\"message\":\"x\"}",          "\"data\""};
    for (const char* body : bodies) {
        try {
            (void)parse_envelope(body, "GET /cluster/backup");
            FAIL() << "accepted: " << body;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::invalid_response) << body;
            EXPECT_THAT(e.what(), HasSubstr("GET /cluster/backup: response is not JSON")) << body;
        }
    }
}

TEST(Envelope, RequireArrayNamesTheEndpoint) {
    const Json data = Json::parse(R"({"a":1})");
    try {
        (void)require_array(data, "GET /storage");
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("GET /storage: data is not a list"));
    }
}

TEST(PropertyString, SplitsVolumeAndOptions) {
    const auto p = parse_property_string("local-lvm:vm-100-disk-1, backup=0 ,IOThread=1,size=500G");
    EXPECT_EQ(p.positional, "local-lvm:vm-100-disk-1");
    EXPECT_EQ(p.get("backup"), "0");
    EXPECT_EQ(p.get("iothread"), "1");
    EXPECT_EQ(p.get("size"), "500G");
    EXPECT_EQ(p.get("media"), std::nullopt);

    const auto q = parse_property_string("keep-daily=7,,keep-last=3");
    EXPECT_EQ(q.positional, std::nullopt);
    ASSERT_EQ(q.options.size(), 2U);
    EXPECT_EQ(q.get("keep-last"), "3");

    const auto r = parse_property_string("file=local:vm-1-disk-0,oops");
    EXPECT_EQ(r.get("file"), "local:vm-1-disk-0");
    EXPECT_EQ(r.get(""), "oops");
    EXPECT_TRUE(parse_property_string("").options.empty());
}

TEST(KeepOptions, FromPropertyString) {
    std::vector<std::string> problems;
    const auto keep = keep_options_from_string("keep-daily=7,keep-last=3,keep-weekly=4", problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(keep.keep_daily, 7);
    EXPECT_EQ(keep.keep_last, 3);
    EXPECT_EQ(keep.keep_weekly, 4);
    EXPECT_EQ(keep.keep_all, std::nullopt);

    const auto all = keep_options_from_string("keep-all=1", problems);
    EXPECT_EQ(all.keep_all, true);

    const auto bad = keep_options_from_string("keep-daily=abc,keep-forever=1,keep-last=2,junk", problems);
    EXPECT_EQ(bad.keep_last, 2);
    EXPECT_EQ(bad.keep_daily, std::nullopt);
    EXPECT_THAT(problems,
                ElementsAre("keep-daily: expected a non-negative integer, got 'abc'",
                            "'keep-forever' is not a retention option", "'junk' is not a key=value retention option"));
}

TEST(KeepOptions, FromJobObjectWithStringNumbers) {
    std::vector<std::string> problems;
    const auto keep = keep_options_from_json(Json::parse(R"({"keep-daily":"7","keep-last":3,"keep-all":0})"), problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(keep.keep_daily, 7);
    EXPECT_EQ(keep.keep_last, 3);
    EXPECT_EQ(keep.keep_all, false);

    const auto all = keep_options_from_json(Json::parse(R"({"keep-all":1})"), problems);
    EXPECT_EQ(all.keep_all, true);

    const auto as_string = keep_options_from_json(Json("keep-monthly=6"), problems);
    EXPECT_EQ(as_string.keep_monthly, 6);

    const auto bad =
        keep_options_from_json(Json::parse(R"({"keep-daily":"x","keep-all":"perhaps","keep-last":-1})"), problems);
    EXPECT_TRUE(bad.empty());
    EXPECT_EQ(problems.size(), 3U);
    problems.clear();
    (void)keep_options_from_json(Json::parse("[1]"), problems);
    EXPECT_THAT(problems, ElementsAre("expected an object of keep-* options, got [1]"));
}

TEST(UrlEncode, EncodesUpidCharacters) {
    EXPECT_EQ(url_encode("UPID:pve1:0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam!ci:"),
              "UPID%3Apve1%3A0001A2B3%3A0C4D5E6F%3A67744D40%3Avzdump%3A%3Aroot%40pam%21ci%3A");
    EXPECT_EQ(url_encode("prod/db"), "prod%2Fdb");
    EXPECT_EQ(url_encode("a-b_c.d~e"), "a-b_c.d~e");
    EXPECT_EQ(url_encode("é"), "%C3%A9");
}

TEST(Issues, DescribeHttpFailures) {
    const http::HttpError forbidden(ErrorKind::permission_denied, "GET /cluster/backup: 403", "/cluster/backup", 403,
                                    "Permission check failed (/, Sys.Audit)", "Permission check failed (/, Sys.Audit)");
    EXPECT_EQ(describe_failure(forbidden), "HTTP 403 Permission check failed (/, Sys.Audit)");
    EXPECT_EQ(permission_hint(forbidden, "Sys.Audit on /"), "the API token lacks Sys.Audit on /");
    EXPECT_EQ(failure_message("backup jobs", forbidden, "Sys.Audit on /"),
              "backup jobs could not be read: HTTP 403 Permission check failed (/, Sys.Audit); the API token lacks "
              "Sys.Audit on /");

    const http::HttpError bare(ErrorKind::permission_denied, "GET /x: 403", "/x", 403, "Forbidden", "");
    EXPECT_EQ(permission_hint(bare, "VM.Audit on /vms/100"), "the API token probably lacks VM.Audit on /vms/100");
    EXPECT_EQ(permission_hint(bare, ""), "the API token lacks a privilege");

    const http::HttpError server(ErrorKind::http_status, "GET /x: 500", "/x", 500, "pool 'legacy' does not exist",
                                 "pool 'legacy' does not exist\n");
    EXPECT_EQ(describe_failure(server), "HTTP 500 pool 'legacy' does not exist");
    EXPECT_EQ(permission_hint(server, "x"), std::nullopt);

    const http::HttpError down(ErrorKind::http_status, "GET /x: 595", "/x", 595, "No route to host", "");
    EXPECT_TRUE(is_node_unreachable(down));
    EXPECT_FALSE(is_node_unreachable(server));

    const http::HttpError transport(ErrorKind::timeout, "GET /x: timed out after 30 s", "/x", 0, "", "");
    EXPECT_EQ(describe_failure(transport), "GET /x: timed out after 30 s");
    const Error parse_error(ErrorKind::invalid_response, "GET /x: response is not JSON");
    EXPECT_EQ(failure_message("guest list", parse_error, "VM.Audit"),
              "guest list could not be read: GET /x: response is not JSON");
}

} // namespace
