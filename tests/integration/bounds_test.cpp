// The real binary against hostile or slow servers: JSON nested beyond any Proxmox answer, invalid
// UTF-8, answers over MAX_RESPONSE_MB, the run deadline (REPORT_DEADLINE), SIGTERM/SIGINT during a
// run, and two runs in the same second.

#include "emulator/emulator.hpp"
#include "emulator/scenario_cluster.hpp"
#include "emulator/tls_identity.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <thread>

namespace {

using nlohmann::json;

constexpr const char* k_token_id = "report@pve!coverage";
constexpr const char* k_secret = "4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60";
constexpr const char* k_now = "2026-11-27T07:00:00Z";

/// The files left in a directory (names).
std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> names;
    if (!std::filesystem::exists(dir)) {
        return names;
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

/// Starts `program`, sends `signal_number` after `after`, returns its exit code (-1: killed).
int run_and_signal(const std::string& program, const std::vector<std::string>& args,
                   const std::map<std::string, std::string>& env, std::chrono::milliseconds after, int signal_number,
                   std::string& err) {
    char err_tmpl[] = "/tmp/pvr-signal-err-XXXXXX";
    const int err_fd = ::mkstemp(err_tmpl);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    std::vector<std::string> argv_storage{program};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> env_storage;
    for (const auto& [k, v] : env) {
        env_storage.push_back(k + "=" + v);
    }
    for (const char* keep : {"PATH", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TZ", "LC_ALL"}) {
        if (const char* v = std::getenv(keep); v != nullptr && env.count(keep) == 0) {
            env_storage.push_back(std::string(keep) + "=" + v);
        }
    }
    std::vector<char*> envp;
    for (auto& e : env_storage) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(err_fd);
    if (rc != 0) {
        ::unlink(err_tmpl);
        throw std::runtime_error("cannot start " + program);
    }
    std::this_thread::sleep_for(after);
    ::kill(pid, signal_number);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (::waitpid(pid, &status, WNOHANG) != pid) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    err = pvr::test::read_whole_file(err_tmpl);
    ::unlink(err_tmpl);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// ------------------------------------------------------------------------------------------------
// Against the emulator (the demo scenario).

class BoundsTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_cluster = std::make_unique<pvr::emulator::ScenarioCluster>(
            pvr::emulator::Scenario::from_directory(std::string(PVR_SOURCE_DIR) + "/scenarios/demo"),
            std::vector<pvr::emulator::Token>{{k_token_id, k_secret}}, std::vector<pvr::emulator::Token>{},
            m_dir.path() + "/logs");
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
                {"OUTPUT_DIR", reports()}};
    }
    [[nodiscard]] std::string reports() const { return m_dir.path() + "/reports"; }

    pvr::test::TempDir m_dir;
    std::unique_ptr<pvr::emulator::ScenarioCluster> m_cluster;
    pvr::emulator::Emulator* m_emulator = nullptr;
    std::string m_ca;
};

TEST_F(BoundsTest, SigtermDuringTheRunExits143AndLeavesNothing) {
    m_emulator->add_fault(pvr::emulator::parse_fault("/cluster/resources=delay:4000"));
    std::string err;
    const int code = run_and_signal(PVR_BINARY, {"--format", "pdf,json", "--now", k_now}, env(),
                                    std::chrono::milliseconds(1500), SIGTERM, err);
    EXPECT_EQ(code, 143) << err;
    EXPECT_NE(err.find("terminated (SIGTERM)"), std::string::npos) << err;
    EXPECT_TRUE(files_in(reports()).empty()) << ::testing::PrintToString(files_in(reports()));
}

TEST_F(BoundsTest, SigintDuringTheRunExits130) {
    m_emulator->add_fault(pvr::emulator::parse_fault("/cluster/backup=delay:4000"));
    std::string err;
    const int code = run_and_signal(PVR_BINARY, {"--format", "json", "--now", k_now}, env(),
                                    std::chrono::milliseconds(1500), SIGINT, err);
    EXPECT_EQ(code, 130) << err;
    EXPECT_TRUE(files_in(reports()).empty()) << ::testing::PrintToString(files_in(reports()));
}

TEST_F(BoundsTest, DeadlineOnVersionExitsFourWithOneLine) {
    m_emulator->add_fault(pvr::emulator::parse_fault("/version=delay:5000"));
    auto e = env();
    e["REPORT_DEADLINE"] = "1";
    const auto start = std::chrono::steady_clock::now();
    const auto result = pvr::test::run_process(PVR_BINARY, {"--dump-report-data"}, e);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.err.find("run deadline of 1 s (REPORT_DEADLINE) exceeded while reading GET /version"),
              std::string::npos)
        << result.err;
    EXPECT_TRUE(result.out.empty());
}

TEST_F(BoundsTest, DeadlineOnDetailsIsOneCollectionIssue) {
    m_emulator->add_fault(pvr::emulator::parse_fault("/nodes/*=delay:6000"));
    auto e = env();
    e["REPORT_DEADLINE"] = "2";
    const auto start = std::chrono::steady_clock::now();
    const auto result = pvr::test::run_process(PVR_BINARY, {"--dump-report-data", "--now", k_now}, e);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    int deadline_issues = 0;
    for (const auto& issue : report["collection_issues"]) {
        const auto message = issue["message"].get<std::string>();
        if (message.find("run deadline of 2 s (REPORT_DEADLINE) exceeded while reading GET /nodes/") !=
            std::string::npos) {
            ++deadline_issues;
        }
    }
    EXPECT_EQ(deadline_issues, 1) << report["collection_issues"].dump(2);
}

TEST_F(BoundsTest, MaxResponseOutOfRangeIsAConfigurationError) {
    auto e = env();
    e["MAX_RESPONSE_MB"] = "0";
    const auto refused = pvr::test::run_process(PVR_BINARY, {"--dump-report-data"}, e);
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("MAX_RESPONSE_MB"), std::string::npos) << refused.err;
}

TEST_F(BoundsTest, TwoRunsInTheSameSecondWriteTwoFiles) {
    const auto first = pvr::test::run_process(PVR_BINARY, {"--format", "json", "--now", k_now}, env());
    const auto second = pvr::test::run_process(PVR_BINARY, {"--format", "json", "--now", k_now}, env());
    ASSERT_EQ(first.exit_code, 0) << first.err;
    ASSERT_EQ(second.exit_code, 0) << second.err;
    const auto files = files_in(reports());
    ASSERT_EQ(files.size(), 4U) << ::testing::PrintToString(files); // 2 reports and their 2 archive records
    EXPECT_NE(std::find(files.begin(), files.end(), "pve-backup-report_pve-prod_2026-11-27_070000-2.data.json.gz"),
              files.end())
        << ::testing::PrintToString(files);
    EXPECT_NE(first.out, second.out);
    EXPECT_NE(second.out.find("_070000-2.json"), std::string::npos) << second.out;
    EXPECT_EQ(pvr::test::read_whole_file(reports() + "/" + files[0]).empty(), false);
}

// ------------------------------------------------------------------------------------------------
// Against a hand-written HTTPS server: answers the emulator cannot give.

/// An HTTPS server answering PVE paths with fixed bodies (anything else: 501 like PVE).
class RawApi {
public:
    RawApi(const std::string& dir, std::map<std::string, std::pair<int, std::string>> answers)
        : m_identity(pvr::emulator::generate_self_signed()), m_cert(write(dir + "/server.pem", m_identity.cert_pem)),
          m_key(write(dir + "/server.key", m_identity.key_pem)), m_server(m_cert.c_str(), m_key.c_str()),
          m_answers(std::move(answers)) {
        m_server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
            const std::string path = req.path.substr(std::string("/api2/json").size());
            const auto it = m_answers.find(path);
            if (it == m_answers.end()) {
                res.status = 501;
                res.set_content("{\"data\":null}", "application/json");
                return;
            }
            res.status = it->second.first;
            // Not a type httplib compresses: brotli on megabytes would take seconds.
            res.set_content(it->second.second, "application/octet-stream");
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] {
            m_server.listen_after_bind();
            m_returned = true;
        });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!m_server.is_running() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ~RawApi() {
        while (!m_returned.load()) { // stop() is a no-op until the accept loop runs
            m_server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        m_thread.join();
    }
    RawApi(const RawApi&) = delete;
    RawApi& operator=(const RawApi&) = delete;

    [[nodiscard]] std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    [[nodiscard]] const std::string& ca() const { return m_identity.cert_pem; }

private:
    static std::string write(const std::string& path, const std::string& text) {
        std::ofstream(path) << text;
        return path;
    }

    pvr::emulator::TlsIdentity m_identity;
    std::string m_cert;
    std::string m_key;
    httplib::SSLServer m_server;
    std::map<std::string, std::pair<int, std::string>> m_answers;
    int m_port = 0;
    std::atomic<bool> m_returned{false};
    std::thread m_thread;
};

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

const char* k_version = R"({"data":{"version":"8.2.4","release":"8.2","repoid":"faa83925c9641325"}})";

class HostileApiTest : public ::testing::Test {
protected:
    std::map<std::string, std::string> env(const RawApi& api) {
        std::ofstream(m_dir.path() + "/ca.pem") << api.ca();
        return {{"PVE_URL", api.url()},         {"PVE_TOKEN_ID", k_token_id},
                {"PVE_TOKEN_SECRET", k_secret}, {"PVE_CA_BUNDLE", m_dir.path() + "/ca.pem"},
                {"PVE_TIMEOUT", "10"},          {"OUTPUT_DIR", m_dir.path() + "/reports"}};
    }
    pvr::test::TempDir m_dir;
};

/// The messages of the collection issues of a --dump-report-data output.
std::vector<std::string> issue_messages(const std::string& out) {
    std::vector<std::string> messages;
    const json report = json::parse(out);
    for (const auto& issue : report["collection_issues"]) {
        messages.push_back(issue["message"].get<std::string>());
    }
    return messages;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& needle) {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& text) { return text.find(needle) != std::string::npos; });
}

TEST_F(HostileApiTest, DeeplyNestedAnswersAndErrorBodiesNeverCrash) {
    const std::string deep = "{\"data\":" + nested(100000) + "}";
    const std::string deep_error = "{\"data\":null,\"message\":\"x\",\"errors\":{\"vmid\":" + nested(100000) + "}}";
    RawApi api(m_dir.path(), {{"/version", {200, k_version}},
                              {"/cluster/resources", {200, deep}},
                              {"/nodes", {200, R"({"data":[{"node":"pve1","status":"online"}]})"}},
                              {"/cluster/backup", {500, deep_error}},
                              {"/storage", {200, "{\"data\":[{\"storage\":" + nested(300) + "}]}"}}});
    const auto result = pvr::test::run_process(PVR_BINARY, {"--dump-report-data", "--now", k_now}, env(api));
    ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 4) << result.exit_code << "\n" << result.err;
    if (result.exit_code == 0) {
        const auto messages = issue_messages(result.out);
        EXPECT_TRUE(any_contains(messages, "GET /cluster/resources: JSON nested deeper than 256 levels"))
            << ::testing::PrintToString(messages);
        EXPECT_TRUE(any_contains(messages, "GET /storage: JSON nested deeper than 256 levels"))
            << ::testing::PrintToString(messages);
        EXPECT_TRUE(any_contains(messages, "HTTP 500")) << ::testing::PrintToString(messages);
    } else {
        // The backup jobs are a foundation (collect/foundations.hpp): their failure stops the run,
        // with the error body's nesting cut short in the one line.
        EXPECT_NE(result.err.find("cannot produce a report: the backup jobs could not be read"), std::string::npos)
            << result.err;
        EXPECT_LT(result.err.size(), 4096U) << "the error body is bounded in the message";
    }
}

TEST_F(HostileApiTest, DeeplyNestedVersionExitsFour) {
    RawApi api(m_dir.path(), {{"/version", {200, "{\"data\":" + nested(100000) + "}"}}});
    const auto result = pvr::test::run_process(PVR_BINARY, {"--dump-report-data"}, env(api));
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.err.find("GET /version: JSON nested deeper than 256 levels"), std::string::npos) << result.err;
}

TEST_F(HostileApiTest, InvalidUtf8KeepsTheGuestsAndIsNoted) {
    const std::string resources = "{\"data\":["
                                  "{\"id\":\"qemu/100\",\"type\":\"qemu\",\"vmid\":100,\"node\":\"pve1\","
                                  "\"name\":\"web\xFF\",\"status\":\"running\"},"
                                  "{\"id\":\"storage/pve1/n\xE9w\",\"type\":\"storage\",\"storage\":\"n\xE9w\","
                                  "\"node\":\"pve1\"},"
                                  "{\"id\":\"lxc/101\",\"type\":\"lxc\",\"vmid\":101,\"node\":\"pve1\","
                                  "\"name\":\"db\",\"status\":\"running\"}]}";
    RawApi api(m_dir.path(), {{"/version", {200, k_version}},
                              {"/cluster/resources", {200, resources}},
                              {"/nodes", {200, R"({"data":[{"node":"pve1","status":"online"}]})"}},
                              {"/cluster/backup", {200, R"({"data":[]})"}},
                              {"/storage", {200, R"({"data":[]})"}}});
    const auto result = pvr::test::run_process(PVR_BINARY, {"--dump-report-data", "--now", k_now}, env(api));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    EXPECT_EQ(report["guests"].size(), 2U) << report["guests"].dump(2);
    const auto messages = issue_messages(result.out);
    EXPECT_TRUE(any_contains(messages, "GET /cluster/resources: 3 invalid UTF-8 sequences replaced by U+FFFD"))
        << ::testing::PrintToString(messages);
}

TEST_F(HostileApiTest, AnswerOverMaxResponseIsRefused) {
    std::string big = "{\"data\":[";
    for (int i = 0; i < 12000; ++i) {
        big += "{\"id\":\"qemu/" + std::to_string(1000 + i) +
               "\",\"type\":\"qemu\",\"vmid\":" + std::to_string(1000 + i) + ",\"node\":\"pve1\",\"name\":\"" +
               std::string(40, 'n') + "\"},";
    }
    big.back() = ']';
    big += "}";
    // Node pve1 offline: no per-guest request, only the listing matters.
    ASSERT_GT(big.size(), std::size_t{1} << 20);
    ASSERT_LT(big.size(), std::size_t{2} << 20);
    RawApi api(m_dir.path(), {{"/version", {200, k_version}},
                              {"/cluster/resources", {200, big}},
                              {"/nodes", {200, R"({"data":[{"node":"pve1","status":"offline"}]})"}},
                              {"/cluster/backup", {200, R"({"data":[]})"}},
                              {"/storage", {200, R"({"data":[]})"}}});
    auto e = env(api);
    e["MAX_RESPONSE_MB"] = "1";
    const auto result = pvr::test::run_process(PVR_BINARY, {"--dump-report-data", "--now", k_now}, e);
    ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 4) << result.exit_code << "\n" << result.err;
    const std::string needle = "GET /cluster/resources: answer larger than 1 MiB (MAX_RESPONSE_MB)";
    if (result.exit_code == 0) {
        EXPECT_TRUE(any_contains(issue_messages(result.out), needle)) << result.out;
    } else {
        EXPECT_NE(result.err.find(needle), std::string::npos) << result.err;
    }
    e["MAX_RESPONSE_MB"] = "2";
    const auto accepted = pvr::test::run_process(PVR_BINARY, {"--dump-report-data", "--now", k_now}, e);
    ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
    EXPECT_EQ(json::parse(accepted.out)["guests"].size(), 12000U)
        << ::testing::PrintToString(issue_messages(accepted.out));
}

} // namespace
