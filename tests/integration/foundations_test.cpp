// What a report cannot exist without (src/collect/foundations.hpp), end to end: the real binary
// over HTTPS against the emulator serving the demo scenario, with faults injected.
//  - /cluster/resources failing: the guest inventory comes from the nodes' own lists and the
//    report names that source;
//  - no source of a foundation: exit 4, one line naming the endpoints and why, no report file;
//  - a per-storage PBS variable naming no PBS storage: exit 2 naming it and the storages.

#include "emulator/emulator.hpp"
#include "emulator/scenario_cluster.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

namespace {

using nlohmann::json;
using pvr::emulator::parse_fault;
using pvr::test::run_process;

constexpr const char* k_token_id = "report@pve!coverage";
constexpr const char* k_secret = "4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60";
constexpr const char* k_now = "2026-11-27T07:00:00Z";
constexpr const char* k_pbs_token_id = "pve-report@pbs!coverage";
constexpr const char* k_pbs_secret = "9d1f3e2a-8c4b-4d6e-a1f2-3b4c5d6e7f80";

class FoundationsTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_cluster = std::make_unique<pvr::emulator::ScenarioCluster>(
            pvr::emulator::Scenario::from_directory(std::string(PVR_SOURCE_DIR) + "/scenarios/demo"),
            std::vector<pvr::emulator::Token>{{k_token_id, k_secret}},
            std::vector<pvr::emulator::Token>{{k_pbs_token_id, k_pbs_secret}}, m_dir.path() + "/logs");
        m_emulator = &m_cluster->pve();
        m_ca = m_dir.path() + "/ca.pem";
        std::ofstream(m_ca) << m_emulator->certificate_pem();
    }

    [[nodiscard]] std::map<std::string, std::string> env() const {
        return {{"PVE_URL", m_emulator->base_url()},
                {"PVE_TOKEN_ID", k_token_id},
                {"PVE_TOKEN_SECRET", k_secret},
                {"PVE_CA_BUNDLE", m_ca},
                {"PVE_TIMEOUT", "20"},
                {"LOG_LEVEL", "error"}, // stderr holds the error line only
                {"OUTPUT_DIR", reports()}};
    }

    [[nodiscard]] std::string reports() const { return m_dir.path() + "/reports"; }

    [[nodiscard]] std::vector<std::string> report_files() const {
        std::vector<std::string> files;
        if (std::filesystem::exists(reports())) {
            for (const auto& entry : std::filesystem::directory_iterator(reports())) {
                files.push_back(entry.path().filename().string());
            }
        }
        return files;
    }

    /// A run that must stop before writing anything: exit `code`, one line on stderr, no file.
    void expect_no_report(const pvr::test::ProcessResult& result, int code) const {
        EXPECT_EQ(result.exit_code, code) << result.err;
        EXPECT_TRUE(result.out.empty()) << result.out;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        EXPECT_TRUE(report_files().empty()) << ::testing::PrintToString(report_files());
    }

    void TearDown() override {
        for (const auto& request : m_emulator->requests()) {
            EXPECT_EQ(request.method, "GET") << request.path;
        }
    }

    pvr::test::TempDir m_dir;
    std::unique_ptr<pvr::emulator::ScenarioCluster> m_cluster;
    pvr::emulator::Emulator* m_emulator = nullptr;
    std::string m_ca;
};

std::set<long> vmids_of(const json& report) {
    std::set<long> out;
    for (const auto& g : report["guests"]) {
        out.insert(g["vmid"].get<long>());
    }
    return out;
}

TEST_F(FoundationsTest, FailingClusterResourcesFallsBackToTheNodeLists) {
    const auto normal = run_process(PVR_BINARY, {"--dump-report-data", "--now", k_now}, env());
    ASSERT_EQ(normal.exit_code, 0) << normal.err;
    const json before = json::parse(normal.out);
    EXPECT_EQ(before["cluster"]["inventory_source"], "/cluster/resources");
    EXPECT_EQ(before["cluster"]["node_source"], "/nodes");

    for (const std::string fault : {"/cluster/resources=500:boom", "/cluster/resources=malformed",
                                    "/cluster/resources=403:Permission check failed"}) {
        SCOPED_TRACE(fault);
        m_emulator->clear_faults();
        m_emulator->add_fault(parse_fault(fault));
        const auto result = run_process(PVR_BINARY, {"--dump-report-data", "--now", k_now}, env());
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const json report = json::parse(result.out);
        EXPECT_EQ(report["cluster"]["inventory_source"], "/nodes/{node}/qemu+lxc");
        // Every guest of the online nodes is there with the same coverage; pve3 (offline) cannot
        // list its own guests, and the report says so.
        std::set<long> online;
        std::map<long, json> status_before;
        for (const auto& g : before["guests"]) {
            status_before[g["vmid"].get<long>()] = g["coverage"]["status"];
            if (g["node"] != "pve3") {
                online.insert(g["vmid"].get<long>());
            }
        }
        EXPECT_EQ(vmids_of(report), online);
        EXPECT_GT(online.size(), 20U);
        for (const auto& g : report["guests"]) {
            const long vmid = g["vmid"].get<long>();
            EXPECT_EQ(g["coverage"]["status"], status_before[vmid]) << vmid; // pool members come from /pools
        }
        std::string messages;
        for (const auto& issue : report["collection_issues"]) {
            messages += issue["source"].get<std::string>() + " " + issue["message"].get<std::string>() + "\n";
        }
        EXPECT_NE(messages.find("the guest inventory comes from the guest lists of each online node"),
                  std::string::npos)
            << messages;
        EXPECT_NE(messages.find("node/pve3 the guests of node pve3"), std::string::npos) << messages;
    }
}

TEST_F(FoundationsTest, TheSourceIsNamedInTheDocument) {
    m_emulator->add_fault(parse_fault("/cluster/resources=500:boom"));
    const auto result = run_process(PVR_BINARY, {"--now", k_now, "--format", "html"}, env());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    auto files = report_files();
    ASSERT_EQ(files.size(), 2U); // the HTML and the run's archive record
    std::sort(files.begin(), files.end());
    EXPECT_TRUE(files.front().ends_with(".data.json.gz"));
    const std::string html = pvr::test::read_whole_file(reports() + "/" + files.back());
    EXPECT_NE(html.find("Guest inventory from"), std::string::npos);
    EXPECT_NE(html.find("the lists of each online node"), std::string::npos);
}

TEST_F(FoundationsTest, NoSourceOfTheGuestInventoryExitsFourWithoutAReport) {
    m_emulator->add_fault(parse_fault("/cluster/resources=500:boom"));
    m_emulator->add_fault(parse_fault("/nodes/pve2/lxc=596:Connection timed out"));
    const auto result = run_process(PVR_BINARY, {"--now", k_now, "--format", "pdf,json"}, env());
    expect_no_report(result, 4);
    EXPECT_NE(result.err.find("cannot produce a report: the guest inventory could not be read (GET "
                              "/cluster/resources: HTTP 500 boom; GET /nodes/pve2/lxc: HTTP 596"),
              std::string::npos)
        << result.err;
}

TEST_F(FoundationsTest, FailingBackupJobsExitFourWithoutAReport) {
    for (const std::string fault : {"/cluster/backup=500:boom",
                                    "/cluster/backup=403:Permission check failed (/, "
                                    "Sys.Audit)",
                                    "/cluster/backup=malformed"}) {
        SCOPED_TRACE(fault);
        m_emulator->clear_faults();
        m_emulator->add_fault(parse_fault(fault));
        const auto result = run_process(PVR_BINARY, {"--now", k_now}, env());
        expect_no_report(result, 4);
        EXPECT_NE(result.err.find("cannot produce a report: the backup jobs could not be read (GET /cluster/backup: "),
                  std::string::npos)
            << result.err;
    }
}

TEST_F(FoundationsTest, NoNodeListExitsFour) {
    m_emulator->add_fault(parse_fault("/nodes=500:boom"));
    m_emulator->add_fault(parse_fault("/cluster/status=500:boom"));
    const auto result = run_process(PVR_BINARY, {"--now", k_now}, env());
    expect_no_report(result, 4);
    EXPECT_NE(result.err.find("the node list could not be read (GET /nodes: HTTP 500 boom; GET /cluster/status: "
                              "HTTP 500 boom)"),
              std::string::npos)
        << result.err;

    // One of the two is enough.
    m_emulator->clear_faults();
    m_emulator->add_fault(parse_fault("/nodes=500:boom"));
    const auto one = run_process(PVR_BINARY, {"--dump-report-data", "--now", k_now}, env());
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(json::parse(one.out)["cluster"]["node_source"], "/cluster/status");
}

TEST_F(FoundationsTest, PoolsFailingMarksOnlyThePoolGuestsUndetermined) {
    m_emulator->add_fault(parse_fault("/pools=500:boom"));
    const auto result = run_process(PVR_BINARY, {"--dump-report-data", "--now", k_now}, env());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    std::size_t undetermined = 0;
    for (const auto& g : report["guests"]) {
        undetermined += g["coverage"]["status"] == "indetermine" ? 1 : 0;
    }
    EXPECT_GT(undetermined, 0U);
    EXPECT_LT(undetermined, report["guests"].size());
}

TEST_F(FoundationsTest, AMisspelledPerStorageVariableExitsTwo) {
    auto e = env();
    e["PBS_TOKEN_ID"] = k_pbs_token_id;
    e["PBS_TOKEN_SECRET"] = k_pbs_secret;
    e["PBS_PBS_MAINN_FINGERPRINT"] =
        "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    const auto result = run_process(PVR_BINARY, {"--now", k_now}, e);
    expect_no_report(result, 2);
    EXPECT_NE(result.err.find("PBS_PBS_MAINN_FINGERPRINT names no PBS storage of the cluster"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("pbs-main (PBS_PBS_MAIN_...)"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("pbs-offsite (PBS_PBS_OFFSITE_...)"), std::string::npos) << result.err;
    for (const auto& request : m_emulator->requests()) {
        EXPECT_EQ(request.path.find("/admin"), std::string::npos) << "no PBS request before the check";
    }
    for (const auto& [server, emulator] : m_cluster->pbs()) {
        EXPECT_TRUE(emulator->requests().empty()) << server;
    }

    // The same in the demo.
    const auto demo = run_process(PVR_BINARY, {"--demo", "--now", k_now},
                                  {{"OUTPUT_DIR", reports()},
                                   {"PBS_PBS_MAINN_URL", "https://pbs.example.lan:8007"},
                                   {"PBS_TOKEN_ID", k_pbs_token_id},
                                   {"PBS_TOKEN_SECRET", k_pbs_secret}});
    EXPECT_EQ(demo.exit_code, 2) << demo.err;
    EXPECT_NE(demo.err.find("PBS_PBS_MAINN_URL names no PBS storage"), std::string::npos) << demo.err;
}

} // namespace
