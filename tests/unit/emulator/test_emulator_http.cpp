// The emulator over real HTTPS: auth, methods, envelopes, PVE error answers, faults, request log.

#include "emulator_test_support.hpp"

#include "core/error.hpp"
#include "emulator/emulator.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace pvr::emulator::test {
namespace {

using nlohmann::json;

class EmulatorHttp : public ::testing::Test {
protected:
    void start(EmulatorOptions options = options_with_token(), std::vector<ScenarioFile> files = {}) {
        if (files.empty()) {
            files = small_scenario_files();
        }
        m_emulator = std::make_unique<Emulator>(Scenario::from_files(files), std::move(options));
        ASSERT_GT(m_emulator->start(), 0);
        m_client = make_client(*m_emulator);
    }

    httplib::Result get_path(const std::string& path) { return get(*m_client, path); }

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<httplib::SSLClient> m_client;
};

TEST_F(EmulatorHttp, ValidTokenGetsTheDataEnvelope) {
    start();
    const auto result = get_path("/api2/json/version");
    ASSERT_TRUE(result) << httplib::to_string(result.error());
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json;charset=UTF-8");
    const json body = body_json(result);
    EXPECT_EQ(body, json::parse(R"({"data":{"version":"8.2.4","release":"8.2","repoid":"faa83925c9641325"}})"));
    EXPECT_EQ(m_emulator->base_url(), "https://127.0.0.1:" + std::to_string(m_emulator->port()));
    EXPECT_FALSE(m_emulator->certificate_fingerprint().empty());
}

TEST_F(EmulatorHttp, TokenKeywordMayBeFollowedByASpace) {
    start();
    const std::string auth = std::string("PVEAPIToken ") + k_token_id + "=" + k_secret;
    const auto result = get(*m_client, "/api2/json/version", &auth);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
}

TEST_F(EmulatorHttp, WrongSecretIs401AuthenticationFailedWithEmptyBody) {
    start();
    for (const std::string& auth :
         {std::string("PVEAPIToken=") + k_token_id + "=wrong", std::string("PVEAPIToken=nobody@pve!x=") + k_secret,
          std::string("PVEAPIToken=") + k_secret}) {
        const auto result = get(*m_client, "/api2/json/version", &auth);
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 401) << auth;
        EXPECT_EQ(result->reason, "Authentication failed!") << auth;
        EXPECT_TRUE(result->body.empty());
        EXPECT_FALSE(result->has_header("Content-Type"));
    }
    const auto entries = m_emulator->requests();
    ASSERT_EQ(entries.size(), 3U);
    EXPECT_EQ(entries[0].auth, "invalid");
    EXPECT_EQ(entries[0].status, 401);
}

TEST_F(EmulatorHttp, MissingTokenIs401NoTicket) {
    start();
    const std::string none;
    const auto result = get(*m_client, "/api2/json/version", &none);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 401);
    EXPECT_EQ(result->reason, "No ticket");
    EXPECT_TRUE(result->body.empty());
    ASSERT_EQ(m_emulator->requests().size(), 1U);
    EXPECT_EQ(m_emulator->requests()[0].auth, "missing");
}

TEST_F(EmulatorHttp, CookieHeaderIsIgnored) {
    start();
    httplib::Headers headers{{"Authorization", good_auth()}, {"Cookie", "PVEAuthCookie=PVE:root@pam:garbage"}};
    const auto result = m_client->Get("/api2/json/version", headers);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
}

TEST_F(EmulatorHttp, OtherMethodsAre405AndLogged) {
    start();
    const httplib::Headers headers{{"Authorization", good_auth()}};
    const auto post = m_client->Post("/api2/json/version", headers, "a=b", "application/x-www-form-urlencoded");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    const auto put = m_client->Put("/api2/json/nodes/pve1/qemu/100/config", headers, "x=1", "text/plain");
    ASSERT_TRUE(put);
    EXPECT_EQ(put->status, 405);
    const auto del = m_client->Delete("/api2/json/cluster/backup/backup-1", headers);
    ASSERT_TRUE(del);
    EXPECT_EQ(del->status, 405);
    const auto options = m_client->Options("/api2/json/version", headers);
    ASSERT_TRUE(options);
    EXPECT_EQ(options->status, 405);
    const auto head = m_client->Head("/api2/json/version", headers);
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 405);
    // The connection stays usable after a request body was sent.
    const auto after = get_path("/api2/json/version");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);

    const auto entries = m_emulator->requests();
    ASSERT_EQ(entries.size(), 6U);
    EXPECT_EQ(entries[0].method, "POST");
    EXPECT_EQ(entries[0].status, 405);
    EXPECT_EQ(entries[0].path, "/api2/json/version");
    EXPECT_EQ(entries[1].method, "PUT");
    EXPECT_EQ(entries[2].method, "DELETE");
    EXPECT_EQ(entries[3].method, "OPTIONS");
    EXPECT_EQ(entries[4].method, "HEAD");
    EXPECT_EQ(entries[5].status, 200);
}

TEST_F(EmulatorHttp, TotalOnlyWhenNonZero) {
    start();
    const auto some = get_path("/api2/json/nodes/pve1/tasks?typefilter=vzdump");
    ASSERT_TRUE(some);
    const json with_total = body_json(some);
    EXPECT_EQ(with_total.at("total"), 3);
    EXPECT_EQ(with_total.at("data").size(), 3U);

    const auto none = get_path("/api2/json/nodes/pve1/tasks?typefilter=nothing");
    ASSERT_TRUE(none);
    EXPECT_EQ(body_json(none), json::parse(R"({"data":[]})"));

    const auto pve2 = get_path("/api2/json/nodes/pve2/tasks");
    ASSERT_TRUE(pve2);
    EXPECT_EQ(pve2->status, 200);
    EXPECT_EQ(body_json(pve2), json::parse(R"({"data":[]})"));
}

TEST_F(EmulatorHttp, ResourceTypeFilterAndItsParameterError) {
    start();
    const auto vms = get_path("/api2/json/cluster/resources?type=vm");
    ASSERT_TRUE(vms);
    const json data = body_json(vms).at("data");
    ASSERT_EQ(data.size(), 2U);
    EXPECT_EQ(data[0].at("type"), "qemu");
    EXPECT_EQ(data[1].at("type"), "lxc");

    const auto pool = get_path("/api2/json/cluster/resources?type=pool");
    ASSERT_TRUE(pool);
    EXPECT_EQ(pool->status, 400);
    EXPECT_EQ(pool->reason, "Parameter verification failed.");
    EXPECT_EQ(
        body_json(pool),
        json::parse(
            R"({"data":null,"errors":{"type":"value 'pool' does not have a value in the enumeration 'vm, storage, node, sdn'"},"message":"Parameter verification failed.\n"})"));
}

TEST_F(EmulatorHttp, TaskListPagingAndLimitZero) {
    start();
    const auto page = get_path("/api2/json/nodes/pve1/tasks?start=1&limit=2");
    ASSERT_TRUE(page);
    const json body = body_json(page);
    EXPECT_EQ(body.at("total"), 4); // archive: the running task is not listed
    ASSERT_EQ(body.at("data").size(), 2U);
    EXPECT_EQ(body["data"][0].at("status"), "job errors");

    const auto zero = get_path("/api2/json/nodes/pve1/tasks?limit=0");
    ASSERT_TRUE(zero);
    const json zero_body = body_json(zero);
    EXPECT_TRUE(zero_body.at("data").empty());
    EXPECT_EQ(zero_body.at("total"), 4);

    const auto bad = get_path("/api2/json/nodes/pve1/tasks?errors=true");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(body_json(bad).at("errors").at("errors"), "type check ('boolean') failed - got 'true'");
}

TEST_F(EmulatorHttp, TaskLogPaging) {
    start();
    const std::string log = "/api2/json/nodes/pve1/tasks/UPID:pve1:00000003:00000001:67744D43:vzdump::root@pam:/log";
    const auto first = get_path(log);
    ASSERT_TRUE(first);
    json body = body_json(first);
    EXPECT_EQ(body.at("total"), 120);
    ASSERT_EQ(body.at("data").size(), 50U);
    EXPECT_EQ(body["data"][0], json::parse(R"({"n":1,"t":"INFO: line 1"})"));

    const auto rest = get_path(log + "?start=100&limit=0");
    ASSERT_TRUE(rest);
    body = body_json(rest);
    ASSERT_EQ(body.at("data").size(), 20U);
    EXPECT_EQ(body["data"][0], json::parse(R"({"n":101,"t":"INFO: line 101"})"));

    // The UPID may arrive URL-encoded.
    const auto encoded =
        get_path("/api2/json/nodes/pve1/tasks/UPID%3Apve1%3A00000003%3A00000001%3A67744D43%3Avzdump%3A%3Aroot%40pam%3A/"
                 "log?start=0&limit=2");
    ASSERT_TRUE(encoded);
    EXPECT_EQ(body_json(encoded).at("data").size(), 2U);

    const auto missing = get_path("/api2/json/nodes/pve1/tasks/UPID:pve1:0:0:0:vzdump::root@pam:/log");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 200);
    EXPECT_EQ(body_json(missing).at("data"),
              json::parse(R"([{"n":1,"t":"unable to open file - No such file or directory"}])"));
}

TEST_F(EmulatorHttp, OfflineNodeIs595WithEmptyBody) {
    start();
    for (const char* path : {"/api2/json/nodes/pve3/tasks", "/api2/json/nodes/pve3/qemu/100/config",
                             "/api2/json/nodes/pve3/storage/local/content?content=backup"}) {
        const auto result = get_path(path);
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 595) << path;
        EXPECT_EQ(result->reason, "No route to host") << path;
        EXPECT_TRUE(result->body.empty()) << path;
        EXPECT_FALSE(result->has_header("Content-Type"));
    }
}

TEST_F(EmulatorHttp, GuestConfigOnTheWrongNodeIs500) {
    start();
    const auto right = get_path("/api2/json/nodes/pve1/qemu/100/config");
    ASSERT_TRUE(right);
    EXPECT_EQ(right->status, 200);
    EXPECT_EQ(body_json(right).at("data").at("name"), "web01");

    const auto wrong = get_path("/api2/json/nodes/pve2/qemu/100/config");
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 500);
    EXPECT_EQ(wrong->reason, "Configuration file 'nodes/pve2/qemu-server/100.conf' does not exist");
    EXPECT_EQ(
        body_json(wrong),
        json::parse(
            R"({"data":null,"message":"Configuration file 'nodes/pve2/qemu-server/100.conf' does not exist\n"})"));

    const auto lxc = get_path("/api2/json/nodes/pve2/lxc/101/config");
    ASSERT_TRUE(lxc);
    EXPECT_EQ(lxc->reason, "Configuration file 'nodes/pve2/lxc/101.conf' does not exist");
}

TEST_F(EmulatorHttp, UnknownNodeIs500HostnameLookup) {
    start();
    const auto result = get_path("/api2/json/nodes/ghost/tasks");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 500);
    EXPECT_EQ(result->reason,
              "hostname lookup 'ghost' failed - failed to get address info for: ghost: Name or service not known");
}

TEST_F(EmulatorHttp, UnknownPathIs501) {
    start();
    const auto result = get_path("/api2/json/cluster/nothing?x=1");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 501);
    EXPECT_EQ(result->reason, "Method 'GET /cluster/nothing' not implemented");
    EXPECT_EQ(body_json(result),
              json::parse(R"({"data":null,"message":"Method 'GET /cluster/nothing' not implemented"})"));

    const auto outside = get_path("/index.html");
    ASSERT_TRUE(outside);
    EXPECT_EQ(outside->status, 501);
    EXPECT_EQ(outside->reason, "no such file '/index.html'");
}

TEST_F(EmulatorHttp, StatusFaultsCarryTheirReason) {
    start();
    m_emulator->add_fault(parse_fault("/nodes/pve2/*=596:Connection timed out"));
    m_emulator->add_fault(parse_fault("/cluster/backup=500"));
    m_emulator->add_fault(parse_fault("/storage=403"));
    m_emulator->add_fault(parse_fault("/pools=401"));

    const auto timeout = get_path("/api2/json/nodes/pve2/tasks");
    ASSERT_TRUE(timeout);
    EXPECT_EQ(timeout->status, 596);
    EXPECT_EQ(timeout->reason, "Connection timed out");
    EXPECT_TRUE(timeout->body.empty());

    const auto internal = get_path("/api2/json/cluster/backup");
    ASSERT_TRUE(internal);
    EXPECT_EQ(internal->status, 500);
    EXPECT_EQ(body_json(internal), json::parse(R"({"data":null,"message":"internal error\n"})"));

    const auto forbidden = get_path("/api2/json/storage");
    ASSERT_TRUE(forbidden);
    EXPECT_EQ(forbidden->status, 403);
    EXPECT_EQ(forbidden->reason, "Permission check failed (/, Sys.Audit)");
    EXPECT_EQ(body_json(forbidden).at("message"), "Permission check failed (/, Sys.Audit)\n");

    const auto unauthorized = get_path("/api2/json/pools");
    ASSERT_TRUE(unauthorized);
    EXPECT_EQ(unauthorized->status, 401);
    EXPECT_EQ(unauthorized->reason, "Authentication failed!");
    EXPECT_TRUE(unauthorized->body.empty());

    const auto untouched = get_path("/api2/json/nodes/pve1/tasks");
    ASSERT_TRUE(untouched);
    EXPECT_EQ(untouched->status, 200);

    m_emulator->clear_faults();
    const auto cleared = get_path("/api2/json/cluster/backup");
    ASSERT_TRUE(cleared);
    EXPECT_EQ(cleared->status, 200);
    EXPECT_EQ(m_emulator->requests()[0].fault, "status");
}

TEST_F(EmulatorHttp, DelayFault) {
    EmulatorOptions options = options_with_token();
    options.faults.push_back(parse_fault("/cluster/backup=delay:400"));
    start(std::move(options));
    const auto begin = std::chrono::steady_clock::now();
    const auto result = get_path("/api2/json/cluster/backup");
    const auto elapsed = std::chrono::steady_clock::now() - begin;
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_GE(elapsed, std::chrono::milliseconds(400));
    EXPECT_EQ(m_emulator->requests().at(0).fault, "delay");

    const auto fast_begin = std::chrono::steady_clock::now();
    ASSERT_TRUE(get_path("/api2/json/version"));
    EXPECT_LT(std::chrono::steady_clock::now() - fast_begin, std::chrono::milliseconds(400));
}

TEST_F(EmulatorHttp, MalformedFaultAnswers200WithTruncatedJson) {
    start();
    m_emulator->add_fault(parse_fault("/pools*=malformed"));
    const auto result = get_path("/api2/json/pools");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_FALSE(result->body.empty());
    EXPECT_EQ(result->body.front(), '{');
    EXPECT_FALSE(json::accept(result->body));
}

TEST_F(EmulatorHttp, FaultsJsonInTheScenario) {
    auto files = small_scenario_files();
    files.push_back({"faults.json", R"([{"path": "/nodes/pve2/tasks*", "status": 596, "reason": "Connection timed out"},
                                        {"path": "/pools*", "malformed": true}])"});
    start(options_with_token(), files);
    const auto timeout = get_path("/api2/json/nodes/pve2/tasks?limit=5");
    ASSERT_TRUE(timeout);
    EXPECT_EQ(timeout->status, 596);
    EXPECT_EQ(timeout->reason, "Connection timed out");
    const auto pools = get_path("/api2/json/pools");
    ASSERT_TRUE(pools);
    EXPECT_FALSE(json::accept(pools->body));
}

TEST_F(EmulatorHttp, RequestLogFileHasEveryRequestButNoSecret) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("pvr-emulator-log-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(dir);
    EmulatorOptions options = options_with_token();
    options.request_log = dir / "requests.jsonl";
    start(std::move(options));
    ASSERT_TRUE(get_path("/api2/json/version"));
    ASSERT_TRUE(get_path("/api2/json/cluster/resources?type=vm"));
    const std::string bad = std::string("PVEAPIToken=") + k_token_id + "=not-the-secret";
    ASSERT_TRUE(get(*m_client, "/api2/json/version", &bad));
    ASSERT_TRUE(
        m_client->Post("/api2/json/version", httplib::Headers{{"Authorization", good_auth()}}, "", "text/plain"));

    std::ifstream in(dir / "requests.jsonl");
    std::stringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    EXPECT_EQ(text.find(k_secret), std::string::npos);
    EXPECT_EQ(text.find("not-the-secret"), std::string::npos);
    EXPECT_EQ(text.find("PVEAPIToken"), std::string::npos);

    std::vector<json> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        lines.push_back(json::parse(line));
    }
    ASSERT_EQ(lines.size(), 4U);
    EXPECT_EQ(lines[0].at("path"), "/api2/json/version");
    EXPECT_EQ(lines[0].at("api_path"), "/version");
    EXPECT_EQ(lines[0].at("auth"), "ok");
    EXPECT_EQ(lines[1].at("query"), "type=vm");
    EXPECT_EQ(lines[2].at("status"), 401);
    EXPECT_EQ(lines[2].at("auth"), "invalid");
    EXPECT_EQ(lines[3].at("method"), "POST");
    EXPECT_EQ(lines[3].at("status"), 405);
    m_client.reset();
    m_emulator.reset();
    std::filesystem::remove_all(dir);
}

TEST_F(EmulatorHttp, ConcurrentClients) {
    start();
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([this, &ok] {
            auto client = make_client(*m_emulator);
            for (int i = 0; i < 15; ++i) {
                const auto result = get(*client, i % 2 == 0 ? "/api2/json/cluster/resources" : "/api2/json/version");
                if (result && result->status == 200) {
                    ++ok;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(ok.load(), 90);
    EXPECT_EQ(m_emulator->requests().size(), 90U);
}

TEST(EmulatorLatency, EveryAnswerWaitsButConnectionsAreNotSerialized) {
    EmulatorOptions options = options_with_token();
    options.latency = std::chrono::milliseconds(300);
    options.worker_threads = 4;
    Emulator emulator(Scenario::from_files(small_scenario_files()), std::move(options));
    ASSERT_GT(emulator.start(), 0);
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> clients;
    std::atomic<int> ok{0};
    for (int i = 0; i < 4; ++i) {
        clients.emplace_back([&] {
            auto client = make_client(emulator);
            for (int n = 0; n < 2; ++n) {
                const auto result = get(*client, "/api2/json/version");
                if (result && result->status == 200) {
                    ++ok;
                }
            }
        });
    }
    for (auto& client : clients) {
        client.join();
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(ok.load(), 8);
    // 2 requests per connection: >= 600 ms; 8 serialized requests would take 2.4 s.
    EXPECT_GE(elapsed, std::chrono::milliseconds(600));
    EXPECT_LT(elapsed, std::chrono::milliseconds(1800));
}

TEST(EmulatorLifecycle, StopIsIdempotentAndRestartWorks) {
    Emulator emulator(Scenario::from_files(small_scenario_files()), options_with_token());
    emulator.stop(); // not started: nothing to do
    const int port = emulator.start();
    EXPECT_GT(port, 0);
    {
        auto client = make_client(emulator);
        const auto result = get(*client, "/api2/json/version");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 200);
    }
    emulator.stop();
    emulator.stop();
    EXPECT_GT(emulator.start(), 0);
    auto client = make_client(emulator);
    ASSERT_TRUE(get(*client, "/api2/json/version"));
}

TEST(EmulatorLifecycle, StopWhileAClientKeepsTheConnectionOpen) {
    auto emulator = std::make_unique<Emulator>(Scenario::from_files(small_scenario_files()), options_with_token());
    emulator->start();
    auto client = make_client(*emulator);
    ASSERT_TRUE(get(*client, "/api2/json/version"));
    const auto begin = std::chrono::steady_clock::now();
    emulator.reset();
    EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(2));
}

TEST(EmulatorLifecycle, BusyPortIsAConfigError) {
    Emulator first(Scenario::from_files(small_scenario_files()), options_with_token());
    const int port = first.start();
    EmulatorOptions options = options_with_token();
    options.port = port;
    Emulator second(Scenario::from_files(small_scenario_files()), options);
    EXPECT_THROW(second.start(), pvr::Error);
}

} // namespace
} // namespace pvr::emulator::test
