// The streamed GET (Client::get_streamed): bodies reach the sink as they arrive, restarted before a
// retry; non-2xx bodies make the usual errors and never reach the sink; the sink may stop the
// transfer; the body limit counts; an idle transfer times out, a long but flowing one does not.
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

class Collect final : public BodySink {
public:
    void restart() override {
        ++restarts;
        body.clear();
    }
    bool write(std::string_view chunk) override {
        ++writes;
        body.append(chunk);
        return !stop;
    }
    std::string body;
    int restarts = 0;
    int writes = 0;
    bool stop = false;
};

std::string chunked(int pieces, std::size_t size, char fill) {
    std::string out = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < pieces; ++i) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "%zx", size);
        out += std::string(hex) + "\r\n" + std::string(size, fill) + "\r\n";
    }
    return out + "0\r\n\r\n";
}

TEST(Streamed, BodyReachesTheSinkAsItArrives) {
    global_init();
    RawTlsServer server([&](const std::string&) { return chunked(8, 1024, 'y'); });
    auto client = make_curl_client(options_for(server.url()));
    Collect sink;
    const StreamedResponse response = client->get_streamed("/x", {}, sink);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.reason, "OK");
    EXPECT_EQ(response.bytes, 8192U);
    EXPECT_FALSE(response.aborted);
    EXPECT_EQ(sink.body, std::string(8192, 'y'));
    EXPECT_EQ(sink.restarts, 1);
    EXPECT_EQ(client->request_count(), 1U);
}

TEST(Streamed, ErrorAnswersAreErrorsAndNeverReachTheSink) {
    global_init();
    RawTlsServer server([&](const std::string&) {
        return raw_response(500, "Internal Server Error", R"({"message":"datastore is locked\n","data":null})");
    });
    auto client = make_curl_client(options_for(server.url()));
    Collect sink;
    const HttpError error = expect_http_error([&] { (void)client->get_streamed("/x", {}, sink); });
    EXPECT_EQ(error.status(), 500);
    EXPECT_EQ(error.server_message(), "datastore is locked");
    EXPECT_TRUE(sink.body.empty());
    EXPECT_EQ(sink.writes, 0);
}

TEST(Streamed, RetryRestartsTheSink) {
    global_init();
    std::atomic<int> hits{0};
    RawTlsServer server([&](const std::string&) {
        return ++hits == 1 ? raw_response(503, "Service Unavailable", "busy") : raw_response(200, "OK", "[1,2]");
    });
    auto client = make_curl_client(options_for(server.url()));
    Collect sink;
    sink.body = "stale";
    const StreamedResponse response = client->get_streamed("/x", {}, sink);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(sink.body, "[1,2]");
    EXPECT_EQ(sink.restarts, 2);
    EXPECT_EQ(hits.load(), 2);
}

TEST(Streamed, TheSinkMayStopTheTransfer) {
    global_init();
    std::atomic<int> hits{0};
    RawTlsServer server([&](const std::string&) {
        ++hits;
        return chunked(64, 1024, 'z');
    });
    auto client = make_curl_client(options_for(server.url()));
    Collect sink;
    sink.stop = true;
    const StreamedResponse response = client->get_streamed("/x", {}, sink);
    EXPECT_TRUE(response.aborted);
    EXPECT_EQ(sink.writes, 1);
    EXPECT_EQ(hits.load(), 1); // never retried
}

TEST(Streamed, BodyLimitCounts) {
    global_init();
    RawTlsServer server([&](const std::string&) { return chunked(8, 1024, 'y'); });
    auto options = options_for(server.url());
    options.max_body_bytes = 4096;
    auto client = make_curl_client(options);
    Collect sink;
    const HttpError error = expect_http_error([&] { (void)client->get_streamed("/x", {}, sink); });
    EXPECT_EQ(error.kind(), ErrorKind::invalid_response);
    EXPECT_STREQ(error.what(), "GET /x: answer larger than 4096 bytes (MAX_RESPONSE_MB)");
}

TEST(Streamed, NoWholeRequestLimitButAnIdleOne) {
    global_init();
    HttplibServer server;
    // Flows for 3.2 s, a piece every 200 ms: longer than the timeout, never idle that long
    // (octet-stream: httplib does not compress it, so nothing is held back in a compressor).
    server.server().Get("/api2/json/flowing", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/octet-stream", [](std::size_t offset, httplib::DataSink& out) {
            if (offset >= 16 * 4096) {
                out.done();
                return true;
            }
            std::this_thread::sleep_for(milliseconds(200));
            const std::string piece(4096, 'x');
            out.write(piece.data(), piece.size());
            return true;
        });
    });
    // One piece, then silence.
    server.server().Get("/api2/json/stalled", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/octet-stream", [](std::size_t offset, httplib::DataSink& out) {
            if (offset == 0) {
                out.write("[", 1);
                return true;
            }
            std::this_thread::sleep_for(milliseconds(4500));
            out.done();
            return true;
        });
    });
    server.start();
    auto options = options_for(server.url());
    options.timeout = std::chrono::seconds(2);
    options.max_timeout_retries = 0;
    auto client = make_curl_client(options);
    Collect sink;
    const StreamedResponse response = client->get_streamed("/flowing", {}, sink);
    EXPECT_EQ(sink.body, std::string(16 * 4096, 'x'));
    EXPECT_EQ(response.bytes, 16U * 4096);
    EXPECT_THROW((void)client->get("/flowing"), HttpError); // get() keeps its whole-request timeout

    const auto start = steady_clock::now();
    const HttpError error = expect_http_error([&] { (void)client->get_streamed("/stalled", {}, sink); });
    EXPECT_EQ(error.kind(), ErrorKind::timeout);
    EXPECT_FALSE(is_deadline_exceeded(error));
    EXPECT_LT(steady_clock::now() - start, milliseconds(4400));
}

TEST(Streamed, TheDeadlineCutsIt) {
    global_init();
    HttplibServer server;
    server.server().Get("/api2/json/flowing", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/octet-stream", [](std::size_t offset, httplib::DataSink& out) {
            if (offset >= 20) {
                out.done();
                return true;
            }
            std::this_thread::sleep_for(milliseconds(200));
            out.write("x", 1);
            return true;
        });
    });
    server.start();
    auto options = options_for(server.url());
    options.timeout = std::chrono::seconds(30);
    options.deadline = Deadline{steady_clock::now() + milliseconds(1000), std::chrono::seconds(1)};
    auto client = make_curl_client(options);
    Collect sink;
    try {
        (void)client->get_streamed("/flowing", {}, sink);
        ADD_FAILURE() << "no error";
    } catch (const DeadlineExceeded& e) {
        EXPECT_STREQ(e.what(), "run deadline of 1 s (REPORT_DEADLINE) exceeded while reading GET /flowing");
    }
}

} // namespace
} // namespace pvr::http
