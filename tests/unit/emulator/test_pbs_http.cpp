// The PBS personality over real HTTPS: PBS token, 401/404/400 plain-text answers, faults, log.

#include "emulator_test_support.hpp"
#include "test_pbs_support.hpp"

#include "core/error.hpp"
#include "emulator/emulator.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pvr::emulator::test {
namespace {

using nlohmann::json;

EmulatorOptions pbs_options(const std::string& server = k_pbs1) {
    EmulatorOptions options;
    options.personality = Personality::pbs;
    options.pbs_server = server;
    options.tokens.push_back(pbs_token());
    return options;
}

class PbsHttp : public ::testing::Test {
protected:
    void start(EmulatorOptions options = pbs_options(), std::vector<ScenarioFile> files = pbs_scenario_files()) {
        m_emulator = std::make_unique<Emulator>(Scenario::from_files(files), std::move(options));
        ASSERT_GT(m_emulator->start(), 0);
        m_client = make_client(*m_emulator);
    }

    httplib::Result pbs_get(const std::string& path, const std::string& auth = good_pbs_auth()) {
        return get(*m_client, path, &auth);
    }

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<httplib::SSLClient> m_client;
};

TEST_F(PbsHttp, TokenOkGetsTheDataEnvelope) {
    start();
    const auto result = pbs_get("/api2/json/version");
    ASSERT_TRUE(result) << httplib::to_string(result.error());
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json;charset=UTF-8");
    EXPECT_FALSE(result->has_header("Server")); // no pve-api-daemon banner
    EXPECT_EQ(body_json(result), json::parse(R"({"data":{"version":"3.2","release":"4","repoid":"4940514b0f05"}})"));
    const auto space = pbs_get("/api2/json/version", std::string("PBSAPIToken ") + k_pbs_token_id + ":" + k_pbs_secret);
    ASSERT_TRUE(space);
    EXPECT_EQ(space->status, 200);
}

TEST_F(PbsHttp, BadCredentialsAre401AuthenticationFailed) {
    start();
    for (const std::string& auth :
         {std::string("PBSAPIToken=") + k_pbs_token_id + ":wrong",
          std::string("PVEAPIToken=") + k_pbs_token_id + "=" + k_pbs_secret, std::string("Bearer x"), std::string()}) {
        const auto result = pbs_get("/api2/json/admin/datastore", auth);
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 401) << auth;
        EXPECT_EQ(result->reason, "Unauthorized") << auth;
        EXPECT_EQ(result->body, "authentication failed") << auth;
    }
    const auto entries = m_emulator->requests();
    ASSERT_EQ(entries.size(), 4U);
    EXPECT_EQ(entries[0].auth, "invalid");
    EXPECT_EQ(entries[1].auth, "invalid");
    EXPECT_EQ(entries[3].auth, "missing");
    EXPECT_EQ(entries[0].status, 401);
}

TEST_F(PbsHttp, PingNeedsNoToken) {
    start();
    const auto result = pbs_get("/api2/json/ping", "");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(body_json(result), json::parse(R"({"data":{"pong":true}})"));
}

TEST_F(PbsHttp, ErrorsArePlainText) {
    start();
    const auto unknown = pbs_get("/api2/json/cluster/resources");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(unknown->reason, "Not Found");
    EXPECT_EQ(unknown->body, "Path '/api2/json/cluster/resources' not found.");

    const auto store = pbs_get("/api2/json/admin/datastore/x/snapshots?ns=a");
    ASSERT_TRUE(store);
    EXPECT_EQ(store->status, 400);
    EXPECT_EQ(store->reason, "Bad Request");
    EXPECT_EQ(store->body, "no such datastore 'x'");

    const auto outside = pbs_get("/index.html");
    ASSERT_TRUE(outside);
    EXPECT_EQ(outside->status, 404);
    EXPECT_EQ(outside->body, "Path '/index.html' not found.");

    const auto post = m_client->Post("/api2/json/version", httplib::Headers{{"Authorization", good_pbs_auth()}}, "",
                                     "application/json");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->get_header_value("Allow"), "GET");
}

TEST_F(PbsHttp, SnapshotsOverHttpsWithEncodedNamespace) {
    start();
    const auto result = pbs_get("/api2/json/admin/datastore/store1/snapshots?ns=a%2Fb&backup-type=vm");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    const auto data = body_json(result).at("data");
    ASSERT_EQ(data.size(), 1U);
    EXPECT_EQ(data[0].at("backup-id"), "300");
    EXPECT_FALSE(data[0].contains("ns"));
    EXPECT_EQ(m_emulator->requests().back().api_path, "/admin/datastore/store1/snapshots");
}

TEST_F(PbsHttp, PruneConfigAbsentIs404) {
    start(pbs_options(k_pbs2));
    const auto result = pbs_get("/api2/json/config/prune");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 404);
    EXPECT_EQ(result->body, "Path '/api2/json/config/prune' not found.");
}

TEST_F(PbsHttp, StatusAndMalformedFaults) {
    EmulatorOptions options = pbs_options();
    options.faults.push_back(parse_fault("/admin/datastore/*/groups=403"));
    options.faults.push_back(parse_fault("/status/*=500:rrd cache busy"));
    options.faults.push_back(parse_fault("/config/*=malformed"));
    start(std::move(options));
    const auto forbidden = pbs_get("/api2/json/admin/datastore/store1/groups");
    ASSERT_TRUE(forbidden);
    EXPECT_EQ(forbidden->status, 403);
    EXPECT_EQ(forbidden->body, "permission check failed");
    const auto busy = pbs_get("/api2/json/status/datastore-usage");
    ASSERT_TRUE(busy);
    EXPECT_EQ(busy->status, 500);
    EXPECT_EQ(busy->body, "rrd cache busy");
    const auto malformed = pbs_get("/api2/json/config/datastore");
    ASSERT_TRUE(malformed);
    EXPECT_EQ(malformed->status, 200);
    EXPECT_TRUE(json::parse(malformed->body, nullptr, false).is_discarded());
    // A fault never bypasses the token check.
    const auto unauthenticated = pbs_get("/api2/json/status/datastore-usage", "PBSAPIToken=a@pbs!b:c");
    ASSERT_TRUE(unauthenticated);
    EXPECT_EQ(unauthenticated->status, 401);
    const auto entries = m_emulator->requests();
    ASSERT_EQ(entries.size(), 4U);
    EXPECT_EQ(entries[0].fault, "status");
    EXPECT_EQ(entries[2].fault, "malformed");
}

TEST_F(PbsHttp, FaultsJsonOfTheServerDirectory) {
    auto files = pbs_scenario_files();
    files.push_back({std::string("pbs/") + k_pbs1 + "/faults.json",
                     R"([{"path":"/version","status":503,"reason":"maintenance"}])"});
    files.push_back({"faults.json", R"([{"path":"/admin/*","status":500}])"}); // PVE's, not applied here
    start(pbs_options(), files);
    const auto version = pbs_get("/api2/json/version");
    ASSERT_TRUE(version);
    EXPECT_EQ(version->status, 503);
    EXPECT_EQ(version->body, "maintenance");
    const auto stores = pbs_get("/api2/json/admin/datastore");
    ASSERT_TRUE(stores);
    EXPECT_EQ(stores->status, 200);
}

TEST_F(PbsHttp, RequestLogWithoutSecret) {
    const auto log =
        std::filesystem::temp_directory_path() /
        ("pvr-pbs-log-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".jsonl");
    EmulatorOptions options = pbs_options();
    options.request_log = log;
    start(std::move(options));
    ASSERT_TRUE(pbs_get("/api2/json/admin/datastore/store1/groups?ns=a"));
    ASSERT_TRUE(pbs_get("/api2/json/version", "PBSAPIToken=x@pbs!y:z"));
    m_emulator->stop();
    std::ifstream in(log);
    std::stringstream content;
    content << in.rdbuf();
    std::filesystem::remove(log);
    EXPECT_EQ(content.str().find(k_pbs_secret), std::string::npos);
    std::vector<json> lines;
    std::string line;
    while (std::getline(content, line)) {
        lines.push_back(json::parse(line));
    }
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0].at("api_path"), "/admin/datastore/store1/groups");
    EXPECT_EQ(lines[0].at("query"), "ns=a");
    EXPECT_EQ(lines[0].at("status"), 200);
    EXPECT_EQ(lines[1].at("auth"), "invalid");
}

TEST(PbsEmulator, UnknownServerDirectoryIsAConfigError) {
    EXPECT_THROW(Emulator(Scenario::from_files(pbs_scenario_files()), pbs_options("pbs7.example.lan")), Error);
}

TEST_F(PbsHttp, GeneratedListingIsStreamedChunked) {
    const std::string spec = R"({"datastores": {"big": {"groups": [
        {"ns": "ns1", "type": "vm", "id": "100", "count": 3000, "newest": 1800000000},
        {"ns": "ns1", "type": "ct", "id": "101", "count": 2000, "newest": 1800000000}]}}})";
    start(pbs_options("pbs9"), {{"pbs/pbs9/generated.json", spec}});
    const auto result = pbs_get("/api2/json/admin/datastore/big/snapshots?ns=ns1");
    ASSERT_TRUE(result) << httplib::to_string(result.error());
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Transfer-Encoding"), "chunked");
    const json body = body_json(result);
    EXPECT_EQ(body["data"].size(), 5000U);
    const auto groups = body_json(pbs_get("/api2/json/admin/datastore/big/groups?ns=ns1"));
    EXPECT_EQ(groups["data"].size(), 2U);
    // A fault that rewrites the body gets the whole listing.
    m_emulator->add_fault(parse_fault("/admin/datastore/big/snapshots=malformed"));
    const auto cut = pbs_get("/api2/json/admin/datastore/big/snapshots?ns=ns1");
    ASSERT_TRUE(cut);
    EXPECT_FALSE(json::accept(cut->body));
    EXPECT_GT(cut->body.size(), 100000U);
}

} // namespace
} // namespace pvr::emulator::test
