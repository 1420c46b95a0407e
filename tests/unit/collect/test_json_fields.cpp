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

TEST(JsonFields, ThrowingConversionsNameTheFieldPath) {
    const std::string where = "GET /cluster/backup: data[3].enabled";
    try {
        (void)as_bool(Json("maybe"), where);
        FAIL() << "no exception";
    } catch (const FieldError& e) {
        EXPECT_STREQ(e.what(), "GET /cluster/backup: data[3].enabled: expected a boolean, got 'maybe'");
        EXPECT_EQ(e.why(), "expected a boolean, got 'maybe'");
        EXPECT_EQ(e.kind(), ErrorKind::invalid_response);
    }
    EXPECT_THROW((void)as_int(Json("abc"), where), FieldError);
    EXPECT_THROW((void)as_string(Json(5), where), FieldError);
    EXPECT_EQ(as_text(Json(5), where), "5");
    EXPECT_EQ(as_int(Json("8007"), where), 8007);
    EXPECT_TRUE(as_bool(Json(true), where));
}

TEST(JsonFields, ObjectReaderTreatsNullAsAbsent) {
    const Json object = Json::parse(R"({"a":null,"b":"1","c":{"x":1},"d":"text"})");
    const ObjectReader reader(object, "GET /x: data[0]");
    EXPECT_FALSE(reader.has("a"));
    EXPECT_FALSE(reader.has("missing"));
    EXPECT_EQ(reader.boolean("a"), std::nullopt);
    EXPECT_EQ(reader.boolean("b"), true);
    EXPECT_EQ(reader.integer("b"), 1);
    EXPECT_EQ(reader.string("d"), "text");
    try {
        (void)reader.integer("c");
        FAIL() << "no exception";
    } catch (const FieldError& e) {
        EXPECT_STREQ(e.what(), "GET /x: data[0].c: expected an integer, got {\"x\":1}");
    }
    EXPECT_THROW(ObjectReader(Json::parse("[1]"), "GET /x: data"), FieldError);
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
