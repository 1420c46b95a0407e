// Generated PBS datastores (generated.json): the listing produced piece by piece, the groups and
// counts consistent with it, the routes serving it, and the spec errors.

#include "test_pbs_support.hpp"

#include "core/error.hpp"
#include "emulator/pbs_generated.hpp"
#include "emulator/personality.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace pvr::emulator::test {
namespace {

using nlohmann::json;

const char* const k_spec = R"({"datastores": {"store1": {
    "owner": "scale@pbs!pve", "interval": 86400, "unverified": 1, "namespaces": ["a"],
    "groups": [
        {"ns": "a/b", "type": "vm", "id": "101", "count": 3, "newest": 1000000, "disk-size": 100, "protected": 1},
        {"ns": "a/b", "type": "ct", "id": "102", "count": 2, "newest": 2000000},
        {"ns": "", "type": "vm", "id": "100", "count": 1, "newest": 3000000}
    ]}}})";

GeneratedStore store() {
    auto stores = parse_generated_stores(k_spec, "generated.json");
    EXPECT_EQ(stores.size(), 1U);
    return stores.at(0);
}

TEST(PbsGenerated, ListingHasTheShapeOfARealOneAndHonoursTheNamespace) {
    const GeneratedStore s = store();
    EXPECT_EQ(s.namespaces, (std::vector<std::string>{"", "a", "a/b"}));
    const json body = json::parse(generated_snapshot_body(s, "a/b"));
    const json& data = body.at("data");
    ASSERT_EQ(data.size(), 5U);
    // Sorted by group (ct before vm), oldest snapshot first.
    EXPECT_EQ(data[0]["backup-type"], "ct");
    EXPECT_EQ(data[0]["backup-time"], 2000000 - 86400);
    EXPECT_EQ(data[1]["backup-time"], 2000000);
    const json& oldest_vm = data[2];
    EXPECT_EQ(oldest_vm["backup-id"], "101");
    EXPECT_EQ(oldest_vm["backup-time"], 1000000 - 2 * 86400);
    EXPECT_EQ(oldest_vm["protected"], true);
    EXPECT_EQ(oldest_vm["owner"], "scale@pbs!pve");
    EXPECT_EQ(oldest_vm["verification"]["state"], "ok");
    // Verified 9 h after the backup: the UPID carries that start time (827200 + 32400 = 0xD1DD0).
    EXPECT_NE(oldest_vm["verification"]["upid"].get<std::string>().find(":000D1DD0:verificationjob:store1:"),
              std::string::npos);
    EXPECT_EQ(oldest_vm["files"][1]["filename"], "drive-scsi0.img.fidx");
    EXPECT_EQ(oldest_vm["files"][1]["size"], 100);
    EXPECT_EQ(oldest_vm["files"][2]["filename"], "index.json.blob");
    EXPECT_EQ(data[4]["backup-time"], 1000000);
    EXPECT_EQ(data[4]["protected"], false);
    EXPECT_FALSE(data[4].contains("verification")); // the newest one is not verified yet
    EXPECT_EQ(json::parse(generated_snapshot_body(s, ""))["data"].size(), 1U);
    EXPECT_EQ(json::parse(generated_snapshot_body(s, "a"))["data"].size(), 0U);
    EXPECT_EQ(json::parse(generated_snapshot_body(s, "a/b", std::string("vm"), std::string("101")))["data"].size(), 3U);
}

TEST(PbsGenerated, StreamComesInPiecesThatMakeTheSameBody) {
    const GeneratedStore s = store();
    auto next = generated_snapshot_stream(s, "a/b", std::nullopt, std::nullopt, 1);
    std::string body;
    int pieces = 0;
    bool more = true;
    while (more) {
        std::string piece;
        more = next(piece);
        body += piece;
        ++pieces;
    }
    EXPECT_GT(pieces, 3);
    EXPECT_EQ(body, generated_snapshot_body(s, "a/b"));
    // Appending to a growing string (ApiResponse::materialize) makes progress too.
    auto again = generated_snapshot_stream(s, "a/b", std::nullopt, std::nullopt, 1);
    std::string whole;
    int calls = 0;
    while (again(whole) && calls < 100) {
        ++calls;
    }
    EXPECT_LT(calls, 100);
    EXPECT_EQ(whole, body);
}

TEST(PbsGenerated, GroupsAndCountsAgreeWithTheListing) {
    const GeneratedStore s = store();
    const json groups = generated_groups(s, "a/b");
    ASSERT_EQ(groups.size(), 2U);
    EXPECT_EQ(groups[1]["backup-id"], "101");
    EXPECT_EQ(groups[1]["backup-count"], 3);
    EXPECT_EQ(groups[1]["last-backup"], 1000000);
    const json counts = generated_counts(s);
    EXPECT_EQ(counts["vm"]["groups"], 2);
    EXPECT_EQ(counts["vm"]["snapshots"], 4);
    EXPECT_EQ(counts["ct"]["snapshots"], 2);
    EXPECT_TRUE(counts["host"].is_null());
}

TEST(PbsGenerated, BadSpecNamesTheField) {
    try {
        static_cast<void>(parse_generated_stores(R"({"datastores": {"s": {"groups": [{"type": "vm", "count": -1}]}}})",
                                                 "pbs/x/generated.json"));
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::config);
        EXPECT_NE(std::string(e.what()).find("pbs/x/generated.json"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("datastores.s.groups[0]"), std::string::npos);
    }
    EXPECT_THROW(static_cast<void>(parse_generated_stores("[]", "g.json")), Error);
}

TEST(PbsGenerated, RoutesServeTheGeneratedStore) {
    const Scenario scenario = Scenario::from_files({{"pbs/pbs9/generated.json", k_spec}});
    const auto routes = make_pbs_personality(scenario, "pbs9", {pbs_token()});
    ApiRequest request;
    request.method = "GET";
    request.path = "/admin/datastore/store1/snapshots";
    request.params = {{"ns", "a/b"}};
    ApiResponse response = routes->handle(request);
    EXPECT_EQ(response.status, 200);
    ASSERT_TRUE(static_cast<bool>(response.body_chunks));
    response.materialize();
    EXPECT_EQ(json::parse(response.body)["data"].size(), 5U);

    request.path = "/admin/datastore/store1/groups";
    response = routes->handle(request);
    EXPECT_EQ(json::parse(response.body)["data"].size(), 2U);

    request.path = "/admin/datastore/store1/snapshots";
    request.params = {{"ns", "nope"}};
    EXPECT_EQ(routes->handle(request).status, 400);

    request.path = "/admin/datastore/store1/namespace";
    request.params = {};
    EXPECT_EQ(json::parse(routes->handle(request).body)["data"].size(), 3U);

    request.path = "/admin/datastore/store1/status";
    request.params = {{"verbose", "1"}};
    EXPECT_EQ(json::parse(routes->handle(request).body)["data"]["counts"]["vm"]["snapshots"], 4);
}

} // namespace
} // namespace pvr::emulator::test
