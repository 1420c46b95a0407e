// Several threads share one client: connection reuse and the max_connections bound.
#include "client_test_support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace pvr::http {
namespace {

using namespace test;

TEST(Concurrency, ThreadsReuseABoundedSetOfConnections) {
    global_init();
    HttplibServer server;
    std::mutex mutex;
    std::set<int> client_ports;
    std::atomic<int> in_flight{0};
    std::atomic<int> max_in_flight{0};
    std::atomic<int> hits{0};
    server.server().set_keep_alive_max_count(1000); // httplib closes after 5 requests by default
    server.server().Get(R"(/api2/json/nodes/(\w+)/status)", [&](const httplib::Request& req, httplib::Response& res) {
        ++hits;
        const int now = ++in_flight;
        int seen = max_in_flight.load();
        while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
        }
        {
            const std::lock_guard lock(mutex);
            client_ports.insert(req.remote_port);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        res.set_content("{\"data\":\"" + req.matches[1].str() + "\"}", "application/json");
        --in_flight;
    });
    server.start();

    auto options = options_for(server.url());
    options.max_connections = 3;
    auto client = make_curl_client(options);
    constexpr int threads = 6;
    constexpr int per_thread = 10;
    std::atomic<int> ok{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) {
                const std::string node = "pve" + std::to_string(t);
                try {
                    if (client->get("/nodes/" + node + "/status").body == "{\"data\":\"" + node + "\"}") {
                        ++ok;
                    }
                } catch (const std::exception& e) {
                    ADD_FAILURE() << e.what();
                }
            }
        });
    }
    for (auto& worker : workers) {
        worker.join();
    }
    EXPECT_EQ(ok.load(), threads * per_thread);
    EXPECT_EQ(hits.load(), threads * per_thread);
    EXPECT_EQ(client->request_count(), static_cast<std::size_t>(threads * per_thread));
    EXPECT_LE(max_in_flight.load(), 3);
    EXPECT_LE(client_ports.size(), 3U) << "connections were not reused";
}

TEST(Concurrency, SequentialRequestsUseOneConnection) {
    global_init();
    RawTlsServer server([](const std::string&) { return raw_response(200, "OK", "{}"); });
    auto client = make_curl_client(options_for(server.url()));
    for (int i = 0; i < 5; ++i) {
        (void)client->get("/version");
    }
    EXPECT_EQ(server.requests(), 5);
    EXPECT_EQ(server.connections(), 1);
}

} // namespace
} // namespace pvr::http
