// Bounds of one request: the decoded body size (MAX_RESPONSE_MB), the run deadline
// (REPORT_DEADLINE), and retries of timeouts.
#include "client_test_support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace pvr::http {
namespace {

using namespace test;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

TEST(BodyLimit, AnnouncedBodyOverTheLimitIsRefusedOnce) {
    global_init();
    std::atomic<int> hits{0};
    RawTlsServer server([&](const std::string&) {
        ++hits;
        return raw_response(200, "OK", std::string(5000, 'x'));
    });
    auto options = options_for(server.url());
    options.max_body_bytes = 1000;
    auto client = make_curl_client(options);
    const HttpError error = expect_http_error([&] { (void)client->get("/cluster/resources"); });
    EXPECT_EQ(error.kind(), ErrorKind::invalid_response);
    EXPECT_STREQ(error.what(), "GET /cluster/resources: answer larger than 1000 bytes (MAX_RESPONSE_MB)");
    EXPECT_EQ(hits.load(), 1); // not retried
}

TEST(BodyLimit, ChunkedBodyIsCountedWhileItArrives) {
    global_init();
    RawTlsServer server([&](const std::string&) {
        std::string chunks;
        for (int i = 0; i < 8; ++i) {
            chunks += "400\r\n" + std::string(1024, 'y') + "\r\n";
        }
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks +
               "0\r\n\r\n";
    });
    auto options = options_for(server.url());
    options.max_body_bytes = 4096;
    auto client = make_curl_client(options);
    const HttpError error = expect_http_error([&] { (void)client->get("/x"); });
    EXPECT_EQ(error.kind(), ErrorKind::invalid_response);
    EXPECT_STREQ(error.what(), "GET /x: answer larger than 4096 bytes (MAX_RESPONSE_MB)");
    options.max_body_bytes = 8192; // exactly the size: accepted
    EXPECT_EQ(make_curl_client(options)->get("/x").body.size(), 8192U);
}

TEST(BodyLimit, CompressedBodyIsCountedAfterDecoding) {
    global_init();
    HttplibServer server;
    const std::string big(8 * 1024 * 1024, '0'); // compresses to a few KiB
    server.server().Get("/api2/json/big", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(big, "application/json");
    });
    server.start();
    auto options = options_for(server.url());
    options.max_body_bytes = std::size_t{1} << 20;
    auto client = make_curl_client(options);
    const HttpError error = expect_http_error([&] { (void)client->get("/big"); });
    EXPECT_EQ(error.kind(), ErrorKind::invalid_response);
    EXPECT_STREQ(error.what(), "GET /big: answer larger than 1 MiB (MAX_RESPONSE_MB)");
    options.max_body_bytes = 0; // no limit
    EXPECT_EQ(make_curl_client(options)->get("/big").body.size(), big.size());
}

TEST(Deadline, NoRequestStartsAfterIt) {
    global_init();
    std::atomic<int> hits{0};
    RawTlsServer server([&](const std::string&) {
        ++hits;
        return raw_response(200, "OK", "{}");
    });
    auto options = options_for(server.url());
    options.deadline = Deadline{steady_clock::now() - milliseconds(1), std::chrono::seconds(60)};
    auto client = make_curl_client(options);
    try {
        (void)client->get("/nodes");
        ADD_FAILURE() << "no error";
    } catch (const DeadlineExceeded& e) {
        EXPECT_EQ(e.kind(), ErrorKind::timeout);
        EXPECT_STREQ(e.what(), "run deadline of 60 s (REPORT_DEADLINE) exceeded while reading GET /nodes");
        EXPECT_TRUE(is_deadline_exceeded(e));
    }
    EXPECT_EQ(hits.load(), 0);
    EXPECT_EQ(client->request_count(), 0U);
}

TEST(Deadline, CutsARunningRequest) {
    global_init();
    HttplibServer server;
    server.server().Get("/api2/json/slow", [&](const httplib::Request&, httplib::Response& res) {
        std::this_thread::sleep_for(milliseconds(4000));
        res.set_content("{}", "application/json");
    });
    server.start();
    auto options = options_for(server.url());
    options.timeout = std::chrono::seconds(30);
    options.deadline = Deadline{steady_clock::now() + milliseconds(800), std::chrono::seconds(1)};
    auto client = make_curl_client(options);
    const auto start = steady_clock::now();
    const HttpError error = expect_http_error([&] { (void)client->get("/slow"); });
    const auto elapsed = steady_clock::now() - start;
    EXPECT_EQ(error.kind(), ErrorKind::timeout);
    EXPECT_STREQ(error.what(), "run deadline of 1 s (REPORT_DEADLINE) exceeded while reading GET /slow");
    EXPECT_LT(elapsed, milliseconds(3000));
    EXPECT_EQ(client->request_count(), 1U); // not retried
}

TEST(Deadline, NoRetryWouldStartAfterIt) {
    global_init();
    std::atomic<int> hits{0};
    RawTlsServer server([&](const std::string&) {
        ++hits;
        return raw_response(503, "Service Unavailable");
    });
    auto options = options_for(server.url());
    options.retry_backoff = milliseconds(2000);
    options.deadline = Deadline{steady_clock::now() + milliseconds(1000), std::chrono::seconds(1)};
    auto client = make_curl_client(options);
    const auto start = steady_clock::now();
    const HttpError error = expect_http_error([&] { (void)client->get("/x"); });
    EXPECT_EQ(error.status(), 503); // the failure itself, at once
    EXPECT_EQ(hits.load(), 1);
    EXPECT_LT(steady_clock::now() - start, milliseconds(900));
}

TEST(Timeout, IsRetriedOnlyOnce) {
    global_init();
    std::atomic<int> hits{0};
    HttplibServer server;
    server.server().Get("/api2/json/slow", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        std::this_thread::sleep_for(milliseconds(1500));
        res.set_content("{}", "application/json");
    });
    server.start();
    auto options = options_for(server.url());
    options.timeout = std::chrono::seconds(1);
    options.max_retries = 2; // 502/503/596/597 and lost connections: twice; timeouts: once
    auto client = make_curl_client(options);
    const HttpError error = expect_http_error([&] { (void)client->get("/slow"); });
    EXPECT_EQ(error.kind(), ErrorKind::timeout);
    EXPECT_EQ(client->request_count(), 2U);
}

} // namespace
} // namespace pvr::http
