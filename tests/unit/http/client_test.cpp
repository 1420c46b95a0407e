// The curl client against cpp-httplib: answers, headers, classification, compression.
#include "client_test_support.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace pvr::http {
namespace {

using namespace test;

class CurlClientTest : public ::testing::Test {
protected:
    void SetUp() override { global_init(); }
    HttplibServer server;
};

TEST_F(CurlClientTest, GetReturnsBodyAndReason) {
    server.server().Get("/api2/json/version", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"data":{"version":"8.2.4","release":"8.2"}})", "application/json;charset=UTF-8");
    });
    server.start();
    auto client = make_curl_client(options_for(server.url()));
    const Response response = client->get("/version");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.reason, "OK");
    EXPECT_EQ(response.body, R"({"data":{"version":"8.2.4","release":"8.2"}})");
    EXPECT_EQ(client->request_count(), 1U);
}

TEST_F(CurlClientTest, SendsExactHeaders) {
    std::string authorization;
    std::string accept;
    std::string user_agent;
    std::string cookie = "unset";
    std::string method;
    server.server().Get("/api2/json/version", [&](const httplib::Request& req, httplib::Response& res) {
        authorization = req.get_header_value("Authorization");
        accept = req.get_header_value("Accept");
        user_agent = req.get_header_value("User-Agent");
        cookie = req.has_header("Cookie") ? req.get_header_value("Cookie") : "";
        method = req.method;
        res.set_content("{}", "application/json");
    });
    server.start();
    (void)make_curl_client(options_for(server.url()))->get("/version");
    EXPECT_EQ(authorization, "PVEAPIToken=report@pve!coverage=4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60");
    EXPECT_EQ(accept, "application/json");
    EXPECT_EQ(user_agent, "pve-backup-report");
    EXPECT_EQ(cookie, "");
    EXPECT_EQ(method, "GET");
}

TEST_F(CurlClientTest, QueryValuesAreEncodedAndPathIsKept) {
    std::string target;
    std::string content;
    std::string odd;
    server.server().Get(R"(/api2/json/nodes/([^/]+)/tasks/([^/]+)/status)",
                        [&](const httplib::Request& req, httplib::Response& res) {
                            target = req.target;
                            content = req.get_param_value("content");
                            odd = req.get_param_value("odd key");
                            res.set_content("{}", "application/json");
                        });
    server.start();
    auto client = make_curl_client(options_for(server.url()));
    (void)client->get("/nodes/pve1/tasks/UPID%3Apve1%3A00/status", {{"content", "backup"}, {"odd key", "a&b=c d"}});
    EXPECT_EQ(target, "/api2/json/nodes/pve1/tasks/UPID%3Apve1%3A00/status?content=backup&odd%20key=a%26b%3Dc%20d");
    EXPECT_EQ(content, "backup");
    EXPECT_EQ(odd, "a&b=c d");
}

TEST_F(CurlClientTest, CompressedBodiesAreDecoded) {
    std::string encoding;
    std::string big = "{\"data\":[";
    for (int i = 0; i < 5000; ++i) {
        big += "{\"vmid\":" + std::to_string(100 + i) + ",\"name\":\"guest\"},";
    }
    big += "{}]}";
    server.server().Get("/api2/json/cluster/resources", [&](const httplib::Request& req, httplib::Response& res) {
        encoding = req.get_header_value("Accept-Encoding");
        res.set_content(big, "application/json");
    });
    server.start();
    const Response response = make_curl_client(options_for(server.url()))->get("/cluster/resources");
    EXPECT_EQ(response.body, big);
    EXPECT_NE(encoding.find("gzip"), std::string::npos) << encoding;
}

struct StatusCase {
    int status;
    ErrorKind kind;
};

class StatusClassification : public CurlClientTest, public ::testing::WithParamInterface<StatusCase> {};

TEST_P(StatusClassification, KindFollowsTheContract) {
    server.server().Get("/api2/json/x", [](const httplib::Request&, httplib::Response& res) {
        res.status = GetParam().status;
        res.set_content(R"({"data":null,"message":"something went wrong\n"})", "application/json");
    });
    server.start();
    auto options = options_for(server.url());
    options.max_retries = 0;
    auto client = make_curl_client(options);
    const HttpError error = expect_http_error([&] { (void)client->get("/x"); });
    EXPECT_EQ(error.kind(), GetParam().kind);
    EXPECT_EQ(error.status(), GetParam().status);
    EXPECT_EQ(error.endpoint(), "/x");
    EXPECT_EQ(error.server_message(), "something went wrong");
    EXPECT_EQ(std::string(error.what()).rfind("GET /x: HTTP " + std::to_string(GetParam().status), 0), 0U)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("something went wrong"), std::string::npos) << error.what();
}

INSTANTIATE_TEST_SUITE_P(
    Table, StatusClassification,
    ::testing::Values(StatusCase{400, ErrorKind::http_status}, StatusCase{401, ErrorKind::unauthenticated},
                      StatusCase{403, ErrorKind::permission_denied}, StatusCase{404, ErrorKind::not_implemented},
                      StatusCase{500, ErrorKind::http_status}, StatusCase{501, ErrorKind::not_implemented},
                      StatusCase{595, ErrorKind::http_status}));

TEST_F(CurlClientTest, RedirectsAreNotFollowed) {
    std::atomic<int> hits{0};
    server.server().Get("/api2/json/old", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        res.set_redirect("/api2/json/new");
    });
    server.server().Get("/api2/json/new", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        res.set_content("{}", "application/json");
    });
    server.start();
    const HttpError error = expect_http_error([&] { (void)make_curl_client(options_for(server.url()))->get("/old"); });
    EXPECT_EQ(error.kind(), ErrorKind::http_status);
    EXPECT_EQ(error.status(), 302);
    EXPECT_EQ(hits.load(), 1);
}

TEST_F(CurlClientTest, TrailingSlashOfBaseUrlIsIgnored) {
    server.server().Get("/api2/json/version", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("{}", "application/json");
    });
    server.start();
    auto options = options_for(server.url());
    options.base_url += "/";
    EXPECT_EQ(make_curl_client(options)->get("/version").status, 200);
}

TEST(CurlClientOptions, RejectsNonHttpsBaseUrl) {
    ClientOptions options;
    options.base_url = "http://127.0.0.1:8006/api2/json";
    try {
        (void)make_curl_client(options);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::config);
    }
}

TEST(CurlClientOptions, RejectsBadFingerprint) {
    ClientOptions options;
    options.base_url = "https://127.0.0.1:8006/api2/json";
    options.pinned_sha256 = "AB:CD";
    try {
        (void)make_curl_client(options);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::config);
        EXPECT_NE(std::string(error.what()).find("AB:CD"), std::string::npos);
    }
}

TEST(CurlClientTransport, UnreachablePort) {
    global_init();
    const int port = closed_port();
    auto options = options_for("https://127.0.0.1:" + std::to_string(port));
    auto client = make_curl_client(options);
    const HttpError error = expect_http_error([&] { (void)client->get("/version"); });
    EXPECT_EQ(error.kind(), ErrorKind::unreachable);
    EXPECT_EQ(error.status(), 0);
    EXPECT_EQ(std::string(error.what()),
              "GET /version: cannot connect to https://127.0.0.1:" + std::to_string(port) + " (Connection refused)");
    EXPECT_EQ(client->request_count(), 1U); // never retried
}

TEST(CurlClientTransport, UnresolvableHost) {
    global_init();
    auto options = options_for("https://no-such-host.invalid:8006");
    options.connect_timeout = std::chrono::milliseconds(3000);
    const HttpError error = expect_http_error([&] { (void)make_curl_client(options)->get("/version"); });
    EXPECT_EQ(error.kind(), ErrorKind::unreachable);
    EXPECT_NE(std::string(error.what()).find("cannot connect to https://no-such-host.invalid:8006"), std::string::npos)
        << error.what();
}

TEST_F(CurlClientTest, SecretNeverInMessagesEvenWhenEchoed) {
    server.server().Get("/api2/json/echo", [](const httplib::Request& req, httplib::Response& res) {
        res.status = 500;
        res.set_content("{\"data\":null,\"message\":\"bad header " + req.get_header_value("Authorization") +
                            "\",\"errors\":{\"auth\":\"" + secret + "\"}}",
                        "application/json");
    });
    server.start();
    auto options = options_for(server.url());
    options.redactor = Redactor(); // the client still knows the secret from the Authorization header
    const HttpError error = expect_http_error([&] { (void)make_curl_client(options)->get("/echo"); });
    EXPECT_NE(std::string(error.what()).find("***"), std::string::npos) << error.what();
    ASSERT_EQ(error.errors().size(), 1U);
    EXPECT_EQ(error.errors()[0].second, "***");
}

} // namespace
} // namespace pvr::http
