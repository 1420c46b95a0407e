// The real pve-backup-report binary over real HTTPS against the emulator serving the demo
// scenario (scenarios/demo), checked against the hand-derived answers in tests/data/demo-expected.json.

#include "emulator/emulator.hpp"
#include "emulator/scenario_cluster.hpp"
#include "support/contract_check.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

namespace {

using nlohmann::json;
using pvr::test::run_process;

constexpr const char* k_token_id = "report@pve!coverage";
constexpr const char* k_secret = "4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60";
constexpr const char* k_now = "2026-11-27T07:00:00Z";
constexpr const char* k_pbs_token_id = "pve-report@pbs!coverage";
constexpr const char* k_pbs_secret = "9d1f3e2a-8c4b-4d6e-a1f2-3b4c5d6e7f80";

json load_json(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in);
}

class PipelineTest : public ::testing::Test {
protected:
    void SetUp() override { start(pvr::emulator::Scenario::from_directory(demo_dir())); }

    static std::string demo_dir() { return std::string(PVR_SOURCE_DIR) + "/scenarios/demo"; }

    /// The PVE emulator and one PBS emulator per PBS server of the scenario.
    void start(pvr::emulator::Scenario scenario) {
        m_cluster = std::make_unique<pvr::emulator::ScenarioCluster>(
            std::move(scenario), std::vector<pvr::emulator::Token>{{k_token_id, k_secret}},
            std::vector<pvr::emulator::Token>{{k_pbs_token_id, k_pbs_secret}}, m_dir.path() + "/logs");
        m_emulator = &m_cluster->pve();
        m_ca = m_dir.path() + "/ca.pem";
        std::ofstream(m_ca) << m_emulator->certificate_pem();
    }

    std::map<std::string, std::string> env(const std::string& secret = k_secret) const {
        return {{"PVE_URL", m_emulator->base_url()},
                {"PVE_TOKEN_ID", k_token_id},
                {"PVE_TOKEN_SECRET", secret},
                {"PVE_CA_BUNDLE", m_ca},
                {"PVE_TIMEOUT", "20"},
                {"OUTPUT_DIR", m_dir.path() + "/reports"}};
    }

    /// env() plus the PBS token and the per-storage URLs of the PBS emulators (the storages'
    /// fingerprints pin the emulators' certificates, as PVE pins the real servers').
    std::map<std::string, std::string> env_with_pbs(const std::string& pbs_secret = k_pbs_secret) const {
        auto e = env();
        e["PBS_TOKEN_ID"] = k_pbs_token_id;
        e["PBS_TOKEN_SECRET"] = pbs_secret;
        e["PBS_PBS_MAIN_URL"] = m_cluster->pbs_url("pbs1.example.lan").value();
        e["PBS_PBS_OFFSITE_URL"] = m_cluster->pbs_url("pbs2.example.lan").value();
        return e;
    }

    pvr::test::ProcessResult run(const std::vector<std::string>& args, const std::map<std::string, std::string>& e) {
        auto result = run_process(PVR_BINARY, args, e);
        m_outputs += result.out + result.err;
        return result;
    }

    void TearDown() override {
        // Read-only by construction, and the secrets never leak: checked after every test.
        std::vector<pvr::emulator::Emulator*> all{m_emulator};
        for (const auto& [server, emulator] : m_cluster->pbs()) {
            all.push_back(emulator);
        }
        for (const auto* emulator : all) {
            for (const auto& request : emulator->requests()) {
                EXPECT_EQ(request.method, "GET") << request.path;
            }
        }
        for (const char* secret : {k_secret, k_pbs_secret}) {
            EXPECT_EQ(m_outputs.find(secret), std::string::npos) << "a token secret appeared in an output";
            for (const auto& entry : std::filesystem::directory_iterator(m_dir.path() + "/logs")) {
                EXPECT_EQ(pvr::test::read_whole_file(entry.path().string()).find(secret), std::string::npos)
                    << "a token secret appeared in " << entry.path();
            }
        }
        m_cluster.reset();
    }

    pvr::test::TempDir m_dir;
    std::unique_ptr<pvr::emulator::ScenarioCluster> m_cluster;
    pvr::emulator::Emulator* m_emulator = nullptr;
    std::string m_ca;
    std::string m_outputs;
};

void expect_demo_coverage(const json& report) {
    const auto errors = pvr::test::ContractChecker{}.check(report);
    EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);

    const json expected = load_json(std::string(PVR_TEST_DATA_DIR) + "/demo-expected.json");
    std::map<std::string, json> guests;
    for (const auto& g : report["guests"]) {
        guests[std::to_string(g["vmid"].get<long>())] = g;
    }
    EXPECT_EQ(guests.size(), expected["guests"].size());
    for (const auto& [vmid, want] : expected["guests"].items()) {
        SCOPED_TRACE("guest " + vmid + ": " + want.value("case", ""));
        ASSERT_EQ(guests.count(vmid), 1U);
        const auto& coverage = guests[vmid]["coverage"];
        EXPECT_EQ(coverage["status"], want["status"]);
        EXPECT_EQ(coverage["jobs"], want["jobs"]);
        EXPECT_EQ(coverage["disabled_jobs"], want["disabled_jobs"]);
        EXPECT_FALSE(coverage["reason"].get<std::string>().empty());
    }
    std::set<std::pair<std::string, std::string>> anomalies;
    for (const auto& a : report["anomalies"]) {
        anomalies.emplace(a["kind"].get<std::string>(), a["subject"].get<std::string>());
    }
    for (const auto& want : expected["anomalies"]) {
        EXPECT_EQ(anomalies.count({want["kind"].get<std::string>(), want["subject"].get<std::string>()}), 1U)
            << "missing anomaly " << want["kind"] << " " << want["subject"];
    }
    // pve3 is offline in the demo: the report says what could not be seen.
    bool pve3_issue = false;
    for (const auto& issue : report["collection_issues"]) {
        if (issue["source"] == "node/pve3") {
            pve3_issue = true;
            // Issue 13: the same as a fact the reports word in their language.
            EXPECT_EQ(issue["fact"], (json{{"kind", "node_offline"}, {"params", {{"node", "pve3"}}}}));
        }
    }
    EXPECT_TRUE(pve3_issue);
}

TEST_F(PipelineTest, DemoScenarioCoverageMatchesProxmoxRules) {
    const auto result = run({"--dump-report-data", "--now", k_now}, env());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    expect_demo_coverage(json::parse(result.out));
}

TEST_F(PipelineTest, WrongTokenExitsThreeWithAClearMessage) {
    const auto result = run({"--dump-report-data"}, env("00000000-dead-beef-0000-000000000000"));
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("401"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("PVE_TOKEN_ID"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("dead-beef"), std::string::npos) << "the wrong secret was echoed";
}

TEST_F(PipelineTest, UnreachablePveExitsFour) {
    auto e = env();
    e["PVE_URL"] = "https://127.0.0.1:1"; // nothing listens on port 1
    e["PVE_TIMEOUT"] = "5";
    const auto result = run({"--dump-report-data"}, e);
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.err.find("127.0.0.1:1"), std::string::npos) << result.err;
}

TEST_F(PipelineTest, NodeAnswering595IsACollectionIssueNotAFailure) {
    m_emulator->add_fault(pvr::emulator::parse_fault("/nodes/pve2/*=595:No route to host"));
    const auto result = run({"--dump-report-data", "--now", k_now}, env());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    bool named = false;
    for (const auto& issue : report["collection_issues"]) {
        if (issue["source"] == "node/pve2") {
            named = true;
            EXPECT_NE(issue["message"].get<std::string>().find("595"), std::string::npos) << issue.dump();
        }
    }
    EXPECT_TRUE(named) << report["collection_issues"].dump(2);
    // Coverage does not depend on the node's own endpoints: the statuses are unchanged.
    const json expected = load_json(std::string(PVR_TEST_DATA_DIR) + "/demo-expected.json");
    for (const auto& g : report["guests"]) {
        const auto vmid = std::to_string(g["vmid"].get<long>());
        EXPECT_EQ(g["coverage"]["status"], expected["guests"][vmid]["status"]) << vmid;
    }
}

TEST_F(PipelineTest, TlsIsVerifiedByDefault) {
    auto e = env();
    e.erase("PVE_CA_BUNDLE");
    const auto result = run({"--dump-report-data"}, e);
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.err.find("certificate"), std::string::npos) << result.err;

    e["PVE_VERIFY_TLS"] = "false";
    const auto insecure = run({"--dump-report-data", "--now", k_now}, e);
    EXPECT_EQ(insecure.exit_code, 0) << insecure.err;
}

TEST_F(PipelineTest, ConfigurationErrorsAreAllReportedWithExitTwo) {
    const auto result = run({"--dump-report-data"}, {{"PVE_URL", "ftp://pve"}, {"PVE_TIMEOUT", "soon"}});
    EXPECT_EQ(result.exit_code, 2);
    for (const char* name : {"PVE_URL", "PVE_TOKEN_ID", "PVE_TOKEN_SECRET", "PVE_TIMEOUT"}) {
        EXPECT_NE(result.err.find(name), std::string::npos) << name << " not named in:\n" << result.err;
    }
    EXPECT_TRUE(m_emulator->requests().empty()) << "configuration errors must stop before any API call";
}

TEST_F(PipelineTest, WritesDatedReportFilesAndNeverOverwritesOne) {
    const auto result = run({"--now", k_now, "--format", "json,html", "--generate-pdf"}, env());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(m_dir.path() + "/reports")) {
        files.insert(entry.path().filename().string());
    }
    const std::string base = "pve-backup-report_pve-prod_2026-11-27_070000";
    EXPECT_EQ(files, (std::set<std::string>{base + ".json", base + ".html", base + ".pdf", base + ".data.json.gz"}));
    expect_demo_coverage(load_json(m_dir.path() + "/reports/" + base + ".json"));
    EXPECT_EQ(pvr::test::read_whole_file(m_dir.path() + "/reports/" + base + ".pdf").substr(0, 5), "%PDF-");

    // The same run again (same second): a new file, the first one untouched.
    const auto again = run({"--now", k_now}, env());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(std::filesystem::exists(m_dir.path() + "/reports/" + base + "-2.pdf"));
}

TEST_F(PipelineTest, UnwritableOutputExitsFiveBeforeCollecting) {
    auto e = env();
    e["OUTPUT_DIR"] = m_ca + "/reports"; // below a regular file: cannot be created, even as root
    const auto result = run({}, e);
    EXPECT_EQ(result.exit_code, 5) << result.err;
    EXPECT_NE(result.err.find("OUTPUT_DIR"), std::string::npos) << result.err;
}

TEST_F(PipelineTest, CheckReportsTheMissingPrivilege) {
    const auto ok = run({"--check"}, env());
    EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
    EXPECT_NE(ok.out.find("/cluster/backup"), std::string::npos) << ok.out;

    m_emulator->add_fault(pvr::emulator::parse_fault("/cluster/backup=403:Permission check failed (/, Sys.Audit)"));
    const auto refused = run({"--check"}, env());
    EXPECT_EQ(refused.exit_code, 3) << refused.out << refused.err;
    EXPECT_NE(refused.out.find("Sys.Audit"), std::string::npos) << refused.out;
}

TEST_F(PipelineTest, CheckCoversEveryPbsServer) {
    // Both servers, their certificates (pinned by the storages' fingerprints), the token, and each
    // storage's datastore and namespace.
    const auto ok = run({"--check"}, env_with_pbs());
    EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
    for (const std::string storage : {"pbs-main", "pbs-offsite"}) {
        EXPECT_NE(ok.out.find("(storage " + storage + "): Proxmox Backup Server"), std::string::npos) << ok.out;
        EXPECT_NE(ok.out.find("storage " + storage + " reads datastore"), std::string::npos) << ok.out;
    }
    // No snapshot listing is read by --check.
    for (const auto& [server, emulator] : m_cluster->pbs()) {
        for (const auto& request : emulator->requests()) {
            EXPECT_EQ(request.path.find("/snapshots"), std::string::npos) << request.path;
        }
    }

    // A refused PBS token: FAIL naming the variables, exit 3.
    const auto refused = run({"--check"}, env_with_pbs("wrong-secret"));
    EXPECT_EQ(refused.exit_code, 3) << refused.out << refused.err;
    EXPECT_NE(refused.out.find("FAIL  PBS "), std::string::npos) << refused.out;
    EXPECT_NE(refused.out.find("PBS_TOKEN_SECRET"), std::string::npos) << refused.out;

    // A datastore the token may not see: the privilege is named, exit 3.
    m_cluster->pbs().begin()->second->add_fault(
        pvr::emulator::parse_fault("/admin/datastore/store1/*=403:permission check failed"));
    const auto hidden = run({"--check"}, env_with_pbs());
    EXPECT_EQ(hidden.exit_code, 3) << hidden.out << hidden.err;
    EXPECT_NE(hidden.out.find("Datastore.Audit"), std::string::npos) << hidden.out;

    // An unreachable PBS: exit 4.
    auto e = env_with_pbs();
    e["PBS_PBS_OFFSITE_URL"] = "https://127.0.0.1:1";
    m_cluster->pbs().begin()->second->clear_faults();
    const auto down = run({"--check"}, e);
    EXPECT_EQ(down.exit_code, 4) << down.out << down.err;
    EXPECT_NE(down.out.find("FAIL"), std::string::npos) << down.out;

    // PBS storages but no PBS token: a warning, not a failure.
    const auto unconfigured = run({"--check"}, env());
    EXPECT_EQ(unconfigured.exit_code, 0) << unconfigured.out;
    EXPECT_NE(unconfigured.out.find("WARN  PBS not checked"), std::string::npos) << unconfigured.out;
}

/// The PBS part of the demo: actual versions per storage, last backups, orphans, anomalies.
void expect_demo_pbs(const json& report) {
    const json expected = load_json(std::string(PVR_TEST_DATA_DIR) + "/demo-expected.json")["pbs"];
    std::map<std::string, json> guests;
    for (const auto& g : report["guests"]) {
        guests[std::to_string(g["vmid"].get<long>())] = g;
    }
    for (const auto& [vmid, want] : expected["guests"].items()) {
        SCOPED_TRACE("guest " + vmid + ": " + want.value("case", ""));
        ASSERT_EQ(guests.count(vmid), 1U);
        const auto& g = guests[vmid];
        std::map<std::string, json> actual;
        for (const auto& r : g["retention"]) {
            actual[r["storage"].get<std::string>()] = r["actual_versions"];
        }
        for (const auto& [storage, count] : want["actual_versions"].items()) {
            EXPECT_EQ(actual[storage], count) << storage;
        }
        ASSERT_FALSE(g["last_backup"].is_null());
        EXPECT_EQ(g["last_backup"]["time"], want["last_backup_time"]);
        EXPECT_EQ(g["last_backup"]["storage"], want["last_backup_storage"]);
        EXPECT_EQ(g["last_backup"]["verification"], want["verification"]);
    }
    std::set<std::pair<std::string, std::string>> anomalies;
    for (const auto& a : report["anomalies"]) {
        anomalies.emplace(a["kind"].get<std::string>(), a["subject"].get<std::string>());
    }
    for (const auto& want : expected["anomalies"]) {
        EXPECT_EQ(anomalies.count({want["kind"].get<std::string>(), want["subject"].get<std::string>()}), 1U)
            << "missing anomaly " << want["kind"] << " " << want["subject"];
    }
    std::set<std::string> orphans;
    for (const auto& o : report["pbs_orphan_groups"]) {
        orphans.insert(o["storage"].get<std::string>() + ":" + o["backup_type"].get<std::string>() + "/" +
                       o["backup_id"].get<std::string>());
    }
    std::set<std::string> want_orphans;
    for (const auto& o : expected["orphan_groups"]) {
        want_orphans.insert(o["storage"].get<std::string>() + ":" + o["group"].get<std::string>());
    }
    EXPECT_EQ(orphans, want_orphans);
    for (const auto& s : report["pbs_storages"]) {
        EXPECT_FALSE(s["usage"].is_null()) << s["storage"];
    }
}

json pbs_issue_for(const json& report, const std::string& source) {
    for (const auto& issue : report["collection_issues"]) {
        if (issue["source"] == source) {
            return issue;
        }
    }
    return nullptr;
}

/// Every retention figure of `storage` is null (not collected), never 0.
void expect_retention_unknown(const json& report, const std::string& storage) {
    std::size_t entries = 0;
    for (const auto& g : report["guests"]) {
        for (const auto& r : g["retention"]) {
            if (r["storage"] == storage) {
                ++entries;
                EXPECT_TRUE(r["actual_versions"].is_null()) << g["vmid"] << " " << r.dump();
                EXPECT_TRUE(r["delta"].is_null()) << g["vmid"];
            }
        }
    }
    EXPECT_GT(entries, 0U) << "the guests' retention entries for " << storage << " are still listed";
}

TEST_F(PipelineTest, PbsRetentionLastBackupsAndOrphansMatchTheDemo) {
    const auto result = run({"--dump-report-data", "--now", k_now}, env_with_pbs());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    expect_demo_coverage(report);
    expect_demo_pbs(report);
    for (const auto& issue : report["collection_issues"]) {
        EXPECT_NE(issue["source"].get<std::string>().rfind("pbs", 0), 0U) << issue.dump();
    }
}

// Issue 10: PBS collection starts once the PVE storages are known and runs beside the rest of the
// PVE collection. Every PVE task-history request is held 1.5 s, so a PBS collection that waited
// for PVE would end after it; here it ends before, and the report is the same as ever.
TEST_F(PipelineTest, PbsCollectionOverlapsThePveTaskHistories) {
    m_emulator->add_fault(pvr::emulator::parse_fault("/nodes/*/tasks*=delay:1500"));
    const auto result = run({"--dump-report-data", "--now", k_now}, env_with_pbs());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto pbs_start = result.err.find("PBS collection starts");
    const auto pbs_done = result.err.find("PBS collection done");
    const auto pve_done = result.err.find(" from PVE in ");
    ASSERT_NE(pbs_start, std::string::npos) << result.err;
    ASSERT_NE(pbs_done, std::string::npos) << result.err;
    ASSERT_NE(pve_done, std::string::npos) << result.err;
    EXPECT_LT(pbs_start, pbs_done);
    EXPECT_LT(pbs_done, pve_done) << "the PBS collection did not end while PVE was still collecting:\n" << result.err;
    std::size_t delayed = 0;
    for (const auto& request : m_emulator->requests()) {
        delayed += request.fault.find("delay") != std::string::npos ? 1U : 0U;
    }
    EXPECT_GT(delayed, 0U) << "no task-history request was held";
    const json report = json::parse(result.out);
    expect_demo_coverage(report);
    expect_demo_pbs(report);
}

TEST_F(PipelineTest, UnreachablePbsIsAnIssueForItsStoragesOnly) {
    auto e = env_with_pbs();
    e["PBS_PBS_OFFSITE_URL"] = "https://127.0.0.1:1";
    const auto result = run({"--dump-report-data", "--now", k_now}, e);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    std::string messages;
    for (const auto& issue : report["collection_issues"]) {
        messages += issue["message"].get<std::string>() + "\n";
    }
    EXPECT_NE(messages.find("127.0.0.1:1"), std::string::npos) << messages;
    EXPECT_NE(messages.find("pbs-offsite"), std::string::npos) << messages;
    expect_retention_unknown(report, "pbs-offsite");
    // pbs-main is still fully read.
    for (const auto& g : report["guests"]) {
        for (const auto& r : g["retention"]) {
            if (r["storage"] == "pbs-main") {
                EXPECT_TRUE(r["actual_versions"].is_number_integer()) << g["vmid"];
            }
        }
    }
    expect_demo_coverage(report);
}

TEST_F(PipelineTest, RefusedPbsTokenNamesTheVariable) {
    const auto result =
        run({"--dump-report-data", "--now", k_now}, env_with_pbs("00000000-0000-0000-0000-00000000beef"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    std::string messages;
    for (const auto& issue : report["collection_issues"]) {
        messages += issue["message"].get<std::string>() + "\n";
    }
    EXPECT_NE(messages.find("401"), std::string::npos) << messages;
    EXPECT_NE(messages.find("PBS_TOKEN_ID"), std::string::npos) << messages;
    EXPECT_EQ(messages.find("beef"), std::string::npos) << "the wrong PBS secret was echoed";
    expect_retention_unknown(report, "pbs-main");
    expect_retention_unknown(report, "pbs-offsite");
}

TEST_F(PipelineTest, FingerprintMismatchIsAClearErrorForThatStorageOnly) {
    auto e = env_with_pbs();
    e["PBS_PBS_MAIN_FINGERPRINT"] =
        "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";
    const auto result = run({"--dump-report-data", "--now", k_now}, e);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    std::string messages;
    for (const auto& issue : report["collection_issues"]) {
        messages += issue["message"].get<std::string>() + "\n";
    }
    EXPECT_NE(messages.find("fingerprint"), std::string::npos) << messages;
    EXPECT_NE(messages.find("pbs-main"), std::string::npos) << messages;
    expect_retention_unknown(report, "pbs-main");
    for (const auto& g : report["guests"]) {
        for (const auto& r : g["retention"]) {
            if (r["storage"] == "pbs-offsite") {
                EXPECT_TRUE(r["actual_versions"].is_number_integer()) << g["vmid"];
            }
        }
    }
}

TEST_F(PipelineTest, PermissionFilteredEmptyListingIsUnknownNotZero) {
    // A token without Datastore.Audit on pbs2: PBS hides the groups it does not own (here: all).
    std::vector<pvr::emulator::ScenarioFile> files;
    const auto demo = pvr::emulator::Scenario::from_directory(demo_dir());
    for (const auto& [path, content] : demo.files()) {
        std::string text = content;
        if (path == "pbs/pbs2.example.lan/admin/datastore/offsite/snapshots.json") {
            text = "[]";
        } else if (path == "pbs/pbs2.example.lan/access/permissions.json") {
            text = R"({"/datastore/offsite": {"Datastore.Backup": true}})";
        }
        files.push_back({path, text});
    }
    m_cluster.reset();
    start(pvr::emulator::Scenario::from_files(files));
    const auto result = run({"--dump-report-data", "--now", k_now}, env_with_pbs());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    const json issue = pbs_issue_for(report, "pbs/pbs-offsite");
    ASSERT_FALSE(issue.is_null()) << report["collection_issues"].dump(2);
    EXPECT_NE(issue["message"].get<std::string>().find("Datastore.Audit"), std::string::npos) << issue.dump();
    expect_retention_unknown(report, "pbs-offsite");
}

TEST(Demo, BuiltInDemoRunsThePipelineOverHttps) {
    pvr::test::TempDir dir;
    const auto result = run_process(PVR_BINARY, {"--demo", "--dump-report-data"}, {{"OUTPUT_DIR", dir.path()}});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    EXPECT_EQ(report["generated_at"], k_now);
    expect_demo_coverage(report);
    expect_demo_pbs(report);
}

TEST(Cli, VersionAndHelp) {
    const auto version = run_process(PVR_BINARY, {"--version"}, {});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_NE(version.out.find(PVR_VERSION), std::string::npos);
    const auto help = run_process(PVR_BINARY, {"--help"}, {});
    EXPECT_EQ(help.exit_code, 0);
    for (const char* word : {"--dump-report-data", "--check", "--demo", "PVE_URL", "Exit codes"}) {
        EXPECT_NE(help.out.find(word), std::string::npos) << word;
    }
    const auto bad = run_process(PVR_BINARY, {"--no-such-flag"}, {});
    EXPECT_EQ(bad.exit_code, 2);
}

} // namespace
