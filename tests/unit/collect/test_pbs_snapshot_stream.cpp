// The streamed reader of PBS snapshot listings: the same snapshots, problems and errors as the
// DOM parser (parse_pbs_snapshots), whatever the chunk size; wrong types named with their field.

#include "collect/pbs_parse.hpp"
#include "collect/pbs_snapshot_stream.hpp"

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

struct Result {
    std::vector<model::PbsSnapshot> snapshots;
    std::vector<std::string> warnings;
    std::size_t foreign = 0;
    std::optional<std::string> error;
};

bool same(const model::PbsSnapshot& a, const model::PbsSnapshot& b) {
    return a.backup_type == b.backup_type && a.backup_id == b.backup_id && a.time == b.time &&
           a.finished == b.finished && a.is_protected == b.is_protected && a.size == b.size &&
           a.verification == b.verification && a.verified_at == b.verified_at && a.encrypted == b.encrypted &&
           a.comment == b.comment && a.owner == b.owner;
}

template <class Parse>
Result run(Parse&& parse) {
    Result r;
    try {
        r.snapshots = parse(r.warnings, r.foreign);
    } catch (const Error& e) {
        r.error = e.what();
    }
    return r;
}

Result streamed(std::string_view body, std::string_view ns, const TimeWindow& window, std::size_t chunk) {
    return run([&](auto& warnings, auto& foreign) {
        return read_pbs_snapshots(body, "GET /snap", ns, warnings, &foreign, window, chunk);
    });
}

Result dom(std::string_view body, std::string_view ns, const TimeWindow& window) {
    return run([&](auto& warnings, auto& foreign) {
        return parse_pbs_snapshots(body, "GET /snap", ns, warnings, &foreign, window);
    });
}

/// The streamed reader, fed in several chunk sizes, agrees with the DOM parser in everything.
void expect_like_dom(std::string_view body, std::string_view ns = "", const TimeWindow& window = {}) {
    const Result expected = dom(body, ns, window);
    for (const std::size_t chunk : {0UL, 1UL, 3UL, 16UL, 4096UL}) {
        const Result got = streamed(body, ns, window, chunk);
        EXPECT_EQ(got.error, expected.error) << "chunk " << chunk << ": " << body;
        EXPECT_EQ(got.warnings, expected.warnings) << "chunk " << chunk << ": " << body;
        EXPECT_EQ(got.foreign, expected.foreign) << "chunk " << chunk;
        ASSERT_EQ(got.snapshots.size(), expected.snapshots.size()) << "chunk " << chunk << ": " << body;
        for (std::size_t i = 0; i < got.snapshots.size(); ++i) {
            EXPECT_TRUE(same(got.snapshots[i], expected.snapshots[i])) << "chunk " << chunk << " snapshot " << i;
        }
    }
}

constexpr std::string_view typical = R"({"data":[
  {"backup-type":"vm","backup-id":"101","backup-time":1795000000,"files":[{"filename":"index.json.blob","size":1},
   {"filename":"drive-scsi0.img.fidx","crypt-mode":"none"}],"size":34359738368,"owner":"root@pam!pve",
   "comment":"web \"01\" [prod]","protected":true,"fingerprint":"aa:bb","verification":{"state":"ok",
   "upid":"UPID:pbs:000015C9:0000A8F4:00000002:69A6D3C0:verificationjob:store1\\x3av-1:root@pam:"}},
  {"backup-type":"ct","backup-id":"200","backup-time":1794990000,"files":["index.json.blob","root.pxar.didx"],
   "size":0,"owner":"root@pam","verification":{"state":"failed"}},
  {"backup-type":"vm","backup-id":"101","backup-time":1794900000,"files":[{"filename":"drive-scsi0.img.fidx"}],
   "comment":"","fingerprint":"","protected":false,"verification":null,"size":null,"unknown":{"a":[1,2.5,"x"]}},
  {"backup-type":"host","backup-id":"pbs-self","backup-time":1794800000,"files":[],"owner":null}
], "total": 4})";

TEST(PbsSnapshotStream, TypicalListingLikeTheDomParser) {
    expect_like_dom(typical);
    expect_like_dom(typical, "", TimeWindow::around(1795000000));
    const Result r = streamed(typical, "", {}, 16 * 1024);
    ASSERT_FALSE(r.error);
    ASSERT_EQ(r.snapshots.size(), 4U);
    EXPECT_TRUE(r.warnings.empty());
    const auto& vm = r.snapshots[3]; // ct, host, vm 101 (older), vm 101
    EXPECT_EQ(vm.backup_id, "101");
    EXPECT_TRUE(vm.finished);
    EXPECT_TRUE(vm.is_protected);
    EXPECT_TRUE(vm.encrypted);
    EXPECT_EQ(vm.size, 34359738368);
    EXPECT_EQ(vm.verification, "ok");
    EXPECT_TRUE(vm.verified_at.has_value());
    EXPECT_EQ(vm.comment, "web \"01\" [prod]");
    EXPECT_EQ(vm.owner, "root@pam!pve");
    EXPECT_FALSE(r.snapshots[2].finished);
    EXPECT_EQ(r.snapshots[2].comment, "");
    EXPECT_TRUE(r.snapshots[0].finished); // ct: plain file names
    EXPECT_EQ(r.snapshots[0].verification, "failed");
}

TEST(PbsSnapshotStream, WrongTypesNameTheirField) {
    const std::string_view body = R"({"data":[
      {"backup-type":"vm","backup-id":100,"backup-time":"1700000000","files":[{"filename":"index.json.blob"}],
       "protected":1,"size":"12","owner":"a@pbs"},
      {"backup-type":"vm","backup-time":1},
      {"backup-type":"ct","backup-id":"7","backup-time":5,"files":[],"protected":"maybe",
       "verification":{"state":"ok","upid":"not a upid"}},
      7, "text", null, [1],
      {"backup-type":["vm"],"backup-id":"1","backup-time":1},
      {"backup-type":"vm","backup-id":{"a":1},"backup-time":1},
      {"backup-type":"vm","backup-id":"1","backup-time":1.5},
      {"backup-type":"vm","backup-id":"1","backup-time":2,"size":-1,"comment":5,"owner":true,"fingerprint":[],
       "verification":"ok"},
      {"backup-type":"vm","backup-id":"1","backup-time":3,"size":1e300,"verification":{"state":1}},
      {"backup-type":"vm","backup-id":"1","backup-time":4,"size":18446744073709551615,
       "verification":{"state":"ok","upid":false}},
      {"backup-type":"","backup-id":"1","backup-time":5},
      {"backup-type":"vm","backup-id":"1","backup-time":6,"ns":7},
      {"backup-type":"vm","backup-id":"1","backup-time":7,"ns":["x"]},
      {"backup-type":"vm","backup-id":"1","backup-time":8,"backup-time":9}
    ]})";
    expect_like_dom(body);
    const Result r = streamed(body, "", {}, 5);
    EXPECT_THAT(r.warnings,
                ElementsAre("GET /snap: data[1]: snapshot without backup-type, backup-id or backup-time, skipped",
                            "GET /snap: data[2].protected: expected a boolean, got 'maybe' (ignored)",
                            "GET /snap: data[3]: expected an object, got 7 (entry skipped)",
                            "GET /snap: data[4]: expected an object, got 'text' (entry skipped)",
                            "GET /snap: data[5]: expected an object, got null (entry skipped)",
                            "GET /snap: data[6]: expected an object, got [1] (entry skipped)",
                            "GET /snap: data[7].backup-type: expected a string, got [\"vm\"] (entry skipped)",
                            "GET /snap: data[8].backup-id: expected a string, got {\"a\":1} (entry skipped)",
                            "GET /snap: data[9].backup-time: expected an integer, got 1.5 (entry skipped)",
                            "GET /snap: data[10].verification: expected an object, got 'ok' (ignored)",
                            "GET /snap: data[10].fingerprint: expected a string, got [] (ignored)",
                            "GET /snap: data[10].owner: expected a string, got true (ignored)",
                            "GET /snap: data[11].size: expected an integer, got 1e+300 (ignored)",
                            "GET /snap: data[12].size: expected an integer, got 18446744073709551615 (ignored)",
                            "GET /snap: data[12].verification.upid: expected a string, got false (ignored)",
                            "GET /snap: data[13]: snapshot without backup-type, backup-id or backup-time, skipped",
                            "GET /snap: data[15].ns: expected a string, got [\"x\"] (entry skipped)"));
    EXPECT_EQ(r.foreign, 1U); // data[14]: ns 7 is namespace "7"
}

TEST(PbsSnapshotStream, TimesOutsideTheWindow) {
    const std::string body =
        R"({"data":[{"backup-type":"vm","backup-id":"1","backup-time":9223372036854775807},
        {"backup-type":"vm","backup-id":"1","backup-time":-1000000000000000000},
        {"backup-type":"vm","backup-id":"1","backup-time":1795000000,"verification":{"state":"ok",
         "upid":"UPID:pbs:000015C9:0000A8F4:00000002:FFFFFFFFF:verificationjob:store1:root@pam:"}}]})";
    const TimeWindow window = TimeWindow::around(1795000000);
    expect_like_dom(body, "", window);
    const Result r = streamed(body, "", window, 0);
    ASSERT_EQ(r.warnings.size(), 3U);
    EXPECT_THAT(r.warnings[0], HasSubstr("data[0].backup-time: "));
    EXPECT_THAT(r.warnings[0], HasSubstr("(entry skipped)"));
    EXPECT_THAT(r.warnings[2], HasSubstr("data[2].verification.upid: start time "));
    ASSERT_EQ(r.snapshots.size(), 1U);
    EXPECT_EQ(r.snapshots[0].verification, "ok");
    EXPECT_FALSE(r.snapshots[0].verified_at);
}

TEST(PbsSnapshotStream, NamespacesAndUnusableBodies) {
    expect_like_dom(R"({"data":[
        {"backup-type":"vm","backup-id":"1","backup-time":1,"ns":"cluster-a"},
        {"backup-type":"vm","backup-id":"1","backup-time":2,"ns":"cluster-a/child"},
        {"backup-type":"vm","backup-id":"1","backup-time":3}]})",
                    "cluster-a");
    for (const std::string_view body :
         {"", "<html>", R"({"data":{}})", R"({"total":0})", R"({"data":[{"backup-type":"vm",}]})",
          R"({"data":[{"backup-type":tru}]})", R"({"data":[{"x":[1,}]}]})", R"({"data":[{"a":1}])",
          R"({"data":[{"a":"\q"}]})", R"({"data":[{"a":01}]})", R"({"data":[{"a":1}]}{)",
          "{\"data\":[{\"backup-type\":\"v\tm\",\"backup-id\":\"1\",\"backup-time\":1}]}"}) {
        expect_like_dom(body);
        EXPECT_TRUE(streamed(body, "", {}, 0).error) << body;
    }
}

TEST(PbsSnapshotStream, InvalidUtf8IsRepaired) {
    const std::string body = "{\"data\":[{\"backup-type\":\"vm\",\"backup-id\":\"1\",\"backup-time\":1,"
                             "\"comment\":\"caf\xe9\"}]}";
    SnapshotListReader reader("GET /snap", "");
    reader.restart();
    ASSERT_TRUE(reader.write(body));
    reader.finish();
    EXPECT_EQ(reader.replaced_invalid_utf8(), 1U);
    const auto snapshots = reader.take_snapshots();
    ASSERT_EQ(snapshots.size(), 1U);
    EXPECT_EQ(snapshots[0].comment, "caf\xEF\xBF\xBD");
}

TEST(PbsSnapshotStream, OversizedEntryIsAProblem) {
    const std::string body = R"({"data":[{"backup-type":"vm","backup-id":"1","backup-time":1,"comment":")" +
                             std::string(3000, 'x') + R"("},{"backup-type":"vm","backup-id":"2","backup-time":1}]})";
    SnapshotListReader reader("GET /snap", "", {}, 2048);
    reader.restart();
    ASSERT_TRUE(reader.write(body));
    reader.finish();
    EXPECT_THAT(reader.problems(), ElementsAre("GET /snap: data[0]: entry larger than 2048 bytes (entry skipped)"));
    EXPECT_EQ(reader.take_snapshots().size(), 1U);
}

TEST(PbsSnapshotStream, WriteStopsAtAnUnusableBodyAndRestartForgets) {
    SnapshotListReader reader("GET /snap", "");
    reader.restart();
    ASSERT_TRUE(reader.write(R"({"data":[{"backup-type":"vm","backup-id":"1","backup-time":1},)"));
    EXPECT_FALSE(reader.write("]}"));
    EXPECT_FALSE(reader.write("more"));
    try {
        reader.finish();
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("GET /snap: response is not JSON (starts with '{\"data\""));
    }
    reader.restart();
    ASSERT_TRUE(reader.write(R"({"data":[{"backup-type":"vm","backup-id":"1","backup-time":1}]})"));
    reader.finish();
    EXPECT_EQ(reader.take_snapshots().size(), 1U);
    EXPECT_TRUE(reader.problems().empty());
}

} // namespace
