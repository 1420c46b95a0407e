// Exact PVE status lines (reason phrases) from a raw TLS responder.
#include "client_test_support.hpp"

#include <gtest/gtest.h>

namespace pvr::http {
namespace {

using namespace test;

ClientOptions raw_options(const RawTlsServer& server) {
    auto options = options_for(server.url());
    options.max_retries = 0;
    return options;
}

TEST(StatusLine, ReasonOfSuccessIsCaptured) {
    global_init();
    RawTlsServer server([](const std::string&) { return raw_response(200, "Fine Thanks", "{\"data\":1}"); });
    const Response response = make_curl_client(raw_options(server))->get("/version");
    EXPECT_EQ(response.reason, "Fine Thanks");
    EXPECT_EQ(response.body, "{\"data\":1}");
}

TEST(StatusLine, LastStatusLineWinsAfter100Continue) {
    global_init();
    RawTlsServer server(
        [](const std::string&) { return "HTTP/1.1 100 Continue\r\n\r\n" + raw_response(200, "Real Answer", "{}"); });
    EXPECT_EQ(make_curl_client(raw_options(server))->get("/version").reason, "Real Answer");
}

TEST(StatusLine, PermissionDenied) {
    global_init();
    RawTlsServer server([](const std::string&) {
        return raw_response(403, "Permission check failed (/, Sys.Audit)",
                            "{\"data\":null,\"message\":\"Permission check failed (/, Sys.Audit)\\n\"}",
                            "Content-Type: application/json;charset=UTF-8\r\n");
    });
    const HttpError error =
        expect_http_error([&] { (void)make_curl_client(raw_options(server))->get("/cluster/backup"); });
    EXPECT_EQ(error.kind(), ErrorKind::permission_denied);
    EXPECT_STREQ(error.what(), "GET /cluster/backup: HTTP 403 Permission check failed (/, Sys.Audit)");
    EXPECT_EQ(error.reason(), "Permission check failed (/, Sys.Audit)");
    EXPECT_EQ(error.server_message(), "Permission check failed (/, Sys.Audit)");
}

TEST(StatusLine, ProxyErrorWithEmptyBody) {
    global_init();
    RawTlsServer server([](const std::string&) { return raw_response(595, "No route to host"); });
    const HttpError error =
        expect_http_error([&] { (void)make_curl_client(raw_options(server))->get("/nodes/pve3/tasks"); });
    EXPECT_EQ(error.kind(), ErrorKind::http_status);
    EXPECT_STREQ(error.what(), "GET /nodes/pve3/tasks: HTTP 595 No route to host");
    EXPECT_EQ(error.status(), 595);
    EXPECT_EQ(error.server_message(), "");
}

TEST(StatusLine, AuthenticationFailed) {
    global_init();
    RawTlsServer server([](const std::string&) { return raw_response(401, "Authentication failed!"); });
    const HttpError error = expect_http_error([&] { (void)make_curl_client(raw_options(server))->get("/version"); });
    EXPECT_EQ(error.kind(), ErrorKind::unauthenticated);
    EXPECT_STREQ(error.what(), "GET /version: HTTP 401 Authentication failed! (the API token was refused: "
                               "PVE_TOKEN_ID or PVE_TOKEN_SECRET wrong, token expired, or user disabled)");
}

TEST(StatusLine, ParameterErrorsAreKept) {
    global_init();
    RawTlsServer server([](const std::string&) {
        return raw_response(
            400, "Parameter verification failed.",
            R"({"data":null,"errors":{"type":"value 'pool' does not have a value in the enumeration 'vm, storage, node, sdn'"},"message":"Parameter verification failed.\n"})");
    });
    const HttpError error = expect_http_error([&] {
        (void)make_curl_client(raw_options(server))->get("/cluster/resources", {{"type", "pool"}});
    });
    EXPECT_EQ(error.kind(), ErrorKind::http_status);
    EXPECT_EQ(error.endpoint(), "/cluster/resources");
    ASSERT_EQ(error.errors().size(), 1U);
    EXPECT_EQ(error.errors()[0].first, "type");
    EXPECT_STREQ(error.what(), "GET /cluster/resources: HTTP 400 Parameter verification failed. (type: value 'pool' "
                               "does not have a value in the enumeration 'vm, storage, node, sdn')");
}

TEST(StatusLine, PlainTextBody) {
    global_init();
    RawTlsServer server([](const std::string&) { return raw_response(501, "no such uri", "no such uri\n"); });
    const HttpError error = expect_http_error([&] { (void)make_curl_client(raw_options(server))->get("/foo"); });
    EXPECT_EQ(error.kind(), ErrorKind::not_implemented);
    EXPECT_STREQ(error.what(), "GET /foo: HTTP 501 no such uri");
    EXPECT_EQ(error.server_message(), "no such uri");
}

TEST(StatusLine, SecretInReasonIsRedacted) {
    global_init();
    RawTlsServer server(
        [](const std::string&) { return raw_response(500, std::string("token ") + secret + " broke"); });
    const HttpError error = expect_http_error([&] { (void)make_curl_client(raw_options(server))->get("/x"); });
    EXPECT_STREQ(error.what(), "GET /x: HTTP 500 token *** broke");
    EXPECT_EQ(error.reason(), "token *** broke");
}

TEST(StatusLine, ExactAuthorizationHeaderOnTheWire) {
    global_init();
    std::string head;
    RawTlsServer server([&](const std::string& request) {
        head = request;
        return raw_response(200, "OK", "{}");
    });
    (void)make_curl_client(raw_options(server))->get("/version");
    EXPECT_NE(head.find("\r\nAuthorization: PVEAPIToken=report@pve!coverage=4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60\r\n"),
              std::string::npos)
        << head;
    EXPECT_EQ(head.rfind("GET /api2/json/version HTTP/1.1\r\n", 0), 0U) << head;
    EXPECT_EQ(head.find("Cookie"), std::string::npos) << head;
    EXPECT_EQ(head.find("Expect"), std::string::npos) << head;
}

} // namespace
} // namespace pvr::http
