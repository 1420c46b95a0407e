// ScenarioCluster: one PVE and one PBS emulator per pbs/<server>/, PBS fingerprints pinned in PVE.

#include "emulator_test_support.hpp"
#include "test_pbs_support.hpp"

#include "emulator/scenario_cluster.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

namespace pvr::emulator::test {
namespace {

using nlohmann::json;

TEST(ScenarioCluster, StartsPveAndOnePbsPerServer) {
    ScenarioCluster cluster(Scenario::from_files(pbs_scenario_files()), {Token{k_token_id, k_secret}}, {pbs_token()});
    const auto pbs = cluster.pbs();
    ASSERT_EQ(pbs.size(), 2U);
    ASSERT_TRUE(pbs.count(k_pbs1) == 1 && pbs.count(k_pbs2) == 1);
    EXPECT_NE(pbs.at(k_pbs1)->port(), pbs.at(k_pbs2)->port());
    EXPECT_NE(pbs.at(k_pbs1)->certificate_fingerprint(), pbs.at(k_pbs2)->certificate_fingerprint());
    EXPECT_EQ(cluster.pbs_url(k_pbs1), pbs.at(k_pbs1)->base_url());
    EXPECT_EQ(cluster.pbs_url("pbs9.example.lan"), std::nullopt);

    auto pve_client = make_client(cluster.pve());
    const auto version = get(*pve_client, "/api2/json/version");
    ASSERT_TRUE(version);
    EXPECT_EQ(version->status, 200);

    const std::string auth = good_pbs_auth();
    auto pbs2_client = make_client(*pbs.at(k_pbs2));
    const auto pbs_version = get(*pbs2_client, "/api2/json/version", &auth);
    ASSERT_TRUE(pbs_version);
    EXPECT_EQ(body_json(pbs_version).at("data").at("version"), "2.1");
}

TEST(ScenarioCluster, PveStoragePinsThePbsEmulatorFingerprints) {
    ScenarioCluster cluster(Scenario::from_files(pbs_scenario_files()), {Token{k_token_id, k_secret}}, {pbs_token()});
    auto client = make_client(cluster.pve());
    const auto result = get(*client, "/api2/json/storage");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    std::map<std::string, json> storages;
    const json body = body_json(result);
    for (const auto& storage : body.at("data")) {
        storages[storage.at("storage").get<std::string>()] = storage;
    }
    const auto pbs = cluster.pbs();
    EXPECT_EQ(storages.at("pbs-main").at("fingerprint"), pbs.at(k_pbs1)->certificate_fingerprint());
    EXPECT_EQ(storages.at("pbs-tank").at("fingerprint"), pbs.at(k_pbs2)->certificate_fingerprint());
    EXPECT_FALSE(storages.at("pbs-gone").contains("fingerprint")); // no pbs/pbs9.example.lan/
    EXPECT_FALSE(storages.at("local").contains("fingerprint"));
    const auto one = get(*client, "/api2/json/storage/pbs-main");
    ASSERT_TRUE(one);
    EXPECT_EQ(body_json(one).at("data").at("fingerprint"), pbs.at(k_pbs1)->certificate_fingerprint());
}

TEST(ScenarioCluster, RequestLogsPerEmulator) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("pvr-cluster-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    {
        ScenarioCluster cluster(Scenario::from_files(pbs_scenario_files()), {Token{k_token_id, k_secret}},
                                {pbs_token()}, dir / "logs");
        auto client = make_client(*cluster.pbs().at(k_pbs1));
        const std::string auth = good_pbs_auth();
        ASSERT_TRUE(get(*client, "/api2/json/version", &auth));
    }
    EXPECT_TRUE(std::filesystem::exists(dir / "logs" / "pve.jsonl"));
    EXPECT_GT(std::filesystem::file_size(dir / "logs" / ("pbs-" + std::string(k_pbs1) + ".jsonl")), 0U);
    EXPECT_TRUE(std::filesystem::exists(dir / "logs" / ("pbs-" + std::string(k_pbs2) + ".jsonl")));
    std::filesystem::remove_all(dir);
}

TEST(ScenarioCluster, WithoutPbsDirectoriesOnlyPve) {
    ScenarioCluster cluster(Scenario::from_files(small_scenario_files()), {Token{k_token_id, k_secret}}, {});
    EXPECT_TRUE(cluster.pbs().empty());
    EXPECT_GT(cluster.pve().port(), 0);
}

TEST(ScenarioCluster, PbsServersOf) {
    const auto servers = pbs_servers_of(Scenario::from_files(pbs_scenario_files()));
    EXPECT_EQ(servers, (std::vector<std::string>{k_pbs1, k_pbs2}));
}

} // namespace
} // namespace pvr::emulator::test
