// Bounded retries of transient failures only; timeouts.
#include "client_test_support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace pvr::http {
namespace {

using namespace test;

TEST(Retry, ProxyTimeoutThenSuccess) {
    global_init();
    std::atomic<int> hits{0};
    RawTlsServer server([&](const std::string&) {
        return ++hits == 1 ? raw_response(596, "Connection timed out") : raw_response(200, "OK", "{\"data\":[]}");
    });
    auto options = options_for(server.url());
    auto client = make_curl_client(options);
    const Response response = client->get("/nodes/pve2/storage/nfs/content");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "{\"data\":[]}");
    EXPECT_EQ(hits.load(), 2);
    EXPECT_EQ(client->request_count(), 2U);
}

TEST(Retry, GivesUpAfterMaxRetries) {
    global_init();
    HttplibServer server;
    std::atomic<int> hits{0};
    server.server().Get("/api2/json/x", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        res.status = 503;
    });
    server.start();
    auto options = options_for(server.url());
    options.max_retries = 2;
    auto client = make_curl_client(options);
    const HttpError error = expect_http_error([&] { (void)client->get("/x"); });
    EXPECT_EQ(error.kind(), ErrorKind::http_status);
    EXPECT_EQ(error.status(), 503);
    EXPECT_EQ(hits.load(), 3);
    EXPECT_EQ(client->request_count(), 3U);
}

TEST(Retry, RetriesAre502503596597Only) {
    global_init();
    HttplibServer server;
    std::atomic<int> hits{0};
    std::atomic<int> status{0};
    server.server().Get("/api2/json/x", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        res.status = status.load();
    });
    server.start();
    auto options = options_for(server.url());
    options.max_retries = 1;
    auto client = make_curl_client(options);
    for (const int code : {400, 401, 403, 404, 500, 501, 595, 502, 503, 596, 597}) {
        hits = 0;
        status = code;
        (void)expect_http_error([&] { (void)client->get("/x"); });
        const bool retryable = code == 502 || code == 503 || code == 596 || code == 597;
        EXPECT_EQ(hits.load(), retryable ? 2 : 1) << code;
    }
}

TEST(Retry, ZeroRetries) {
    global_init();
    std::atomic<int> hits{0};
    RawTlsServer server([&](const std::string&) {
        ++hits;
        return raw_response(597, "Connection reset");
    });
    auto options = options_for(server.url());
    options.max_retries = 0;
    (void)expect_http_error([&] { (void)make_curl_client(options)->get("/x"); });
    EXPECT_EQ(hits.load(), 1);
}

TEST(Retry, ConnectionClosedWithoutAnswerIsRetried) {
    global_init();
    std::atomic<int> hits{0};
    RawTlsServer server([&](const std::string&) {
        return ++hits < 3 ? std::string() : raw_response(200, "OK", "{}"); // "" = hang up
    });
    auto client = make_curl_client(options_for(server.url()));
    EXPECT_EQ(client->get("/x").status, 200);
    EXPECT_EQ(hits.load(), 3);
    EXPECT_EQ(client->request_count(), 3U);
}

TEST(Retry, ConnectionClosedEveryTimeIsUnreachable) {
    global_init();
    RawTlsServer server([&](const std::string&) { return std::string(); });
    auto options = options_for(server.url());
    options.max_retries = 1;
    auto client = make_curl_client(options);
    const HttpError error = expect_http_error([&] { (void)client->get("/x"); });
    EXPECT_EQ(error.kind(), ErrorKind::unreachable);
    EXPECT_NE(std::string(error.what()).find("GET /x: connection to " + server.url() + " lost"), std::string::npos)
        << error.what();
    EXPECT_EQ(client->request_count(), 2U);
}

TEST(Timeout, SlowServerTimesOutAndIsRetried) {
    global_init();
    std::atomic<int> hits{0};
    HttplibServer server;
    server.server().Get("/api2/json/slow", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        res.set_content("{}", "application/json");
    });
    server.start();
    auto options = options_for(server.url());
    options.timeout = std::chrono::seconds(1);
    options.max_retries = 1;
    auto client = make_curl_client(options);
    const auto start = std::chrono::steady_clock::now();
    const HttpError error = expect_http_error([&] { (void)client->get("/slow"); });
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(error.kind(), ErrorKind::timeout);
    EXPECT_EQ(std::string(error.what()).rfind("GET /slow: timeout talking to " + server.url(), 0), 0U) << error.what();
    EXPECT_EQ(client->request_count(), 2U);
    EXPECT_GE(elapsed, std::chrono::milliseconds(1900));
    EXPECT_LT(elapsed, std::chrono::milliseconds(6000));
}

} // namespace
} // namespace pvr::http
