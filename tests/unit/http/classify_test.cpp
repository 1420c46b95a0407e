#include "http/classify.hpp"

#include <curl/curl.h>
#include <gtest/gtest.h>

namespace pvr::http {
namespace {

TEST(KindForStatus, Table) {
    const std::pair<long, ErrorKind> table[] = {
        {400, ErrorKind::http_status},     {401, ErrorKind::unauthenticated}, {403, ErrorKind::permission_denied},
        {404, ErrorKind::not_implemented}, {500, ErrorKind::http_status},     {501, ErrorKind::not_implemented},
        {502, ErrorKind::http_status},     {503, ErrorKind::http_status},     {595, ErrorKind::http_status},
        {596, ErrorKind::http_status},     {597, ErrorKind::http_status},     {302, ErrorKind::http_status},
    };
    for (const auto& [status, kind] : table) {
        EXPECT_EQ(kind_for_status(status), kind) << status;
    }
}

TEST(RetryableStatus, Table) {
    for (const long status : {502L, 503L, 596L, 597L}) {
        EXPECT_TRUE(is_retryable_status(status)) << status;
    }
    for (const long status : {200L, 302L, 400L, 401L, 403L, 404L, 500L, 501L, 504L, 595L}) {
        EXPECT_FALSE(is_retryable_status(status)) << status;
    }
}

TEST(TransportFailureForCurlCode, Table) {
    const std::pair<CURLcode, TransportFailure> table[] = {
        {CURLE_OK, TransportFailure::none},
        {CURLE_COULDNT_RESOLVE_HOST, TransportFailure::resolve},
        {CURLE_COULDNT_CONNECT, TransportFailure::connect},
        {CURLE_PEER_FAILED_VERIFICATION, TransportFailure::tls_verify},
        {CURLE_SSL_CACERT_BADFILE, TransportFailure::tls_verify},
        {CURLE_SSL_CONNECT_ERROR, TransportFailure::tls_handshake},
        {CURLE_OPERATION_TIMEDOUT, TransportFailure::timeout},
        {CURLE_RECV_ERROR, TransportFailure::connection_lost},
        {CURLE_SEND_ERROR, TransportFailure::connection_lost},
        {CURLE_GOT_NOTHING, TransportFailure::connection_lost},
        {CURLE_PARTIAL_FILE, TransportFailure::connection_lost},
        {CURLE_BAD_CONTENT_ENCODING, TransportFailure::bad_response},
        {CURLE_UNSUPPORTED_PROTOCOL, TransportFailure::bad_url},
        {CURLE_URL_MALFORMAT, TransportFailure::bad_url},
        {CURLE_OUT_OF_MEMORY, TransportFailure::other},
    };
    for (const auto& [code, failure] : table) {
        EXPECT_EQ(transport_failure_for_curl_code(code), failure) << curl_easy_strerror(code);
    }
}

TEST(KindForTransport, Table) {
    EXPECT_EQ(kind_for_transport(TransportFailure::resolve), ErrorKind::unreachable);
    EXPECT_EQ(kind_for_transport(TransportFailure::connect), ErrorKind::unreachable);
    EXPECT_EQ(kind_for_transport(TransportFailure::tls_verify), ErrorKind::tls);
    EXPECT_EQ(kind_for_transport(TransportFailure::tls_handshake), ErrorKind::tls);
    EXPECT_EQ(kind_for_transport(TransportFailure::timeout), ErrorKind::timeout);
    EXPECT_EQ(kind_for_transport(TransportFailure::connection_lost), ErrorKind::unreachable);
    EXPECT_EQ(kind_for_transport(TransportFailure::bad_response), ErrorKind::invalid_response);
    EXPECT_EQ(kind_for_transport(TransportFailure::bad_url), ErrorKind::internal);
    EXPECT_EQ(kind_for_transport(TransportFailure::other), ErrorKind::unreachable);
}

TEST(RetryableTransport, Table) {
    EXPECT_TRUE(is_retryable_transport(TransportFailure::timeout));
    EXPECT_TRUE(is_retryable_transport(TransportFailure::connection_lost));
    for (const auto failure : {TransportFailure::resolve, TransportFailure::connect, TransportFailure::tls_verify,
                               TransportFailure::tls_handshake, TransportFailure::bad_response,
                               TransportFailure::bad_url, TransportFailure::other}) {
        EXPECT_FALSE(is_retryable_transport(failure));
    }
}

TEST(RetryDelay, Doubles) {
    using std::chrono::milliseconds;
    EXPECT_EQ(retry_delay(milliseconds(300), 1), milliseconds(300));
    EXPECT_EQ(retry_delay(milliseconds(300), 2), milliseconds(600));
    EXPECT_EQ(retry_delay(milliseconds(300), 3), milliseconds(1200));
    EXPECT_EQ(retry_delay(milliseconds(0), 5), milliseconds(0));
}

TEST(ParseStatusLine, Lines) {
    auto line = parse_status_line("HTTP/1.1 403 Permission check failed (/, Sys.Audit)\r\n");
    ASSERT_TRUE(line);
    EXPECT_EQ(line->status, 403);
    EXPECT_EQ(line->reason, "Permission check failed (/, Sys.Audit)");

    line = parse_status_line("HTTP/1.1 401 Authentication failed!\r\n");
    ASSERT_TRUE(line);
    EXPECT_EQ(line->reason, "Authentication failed!");

    line = parse_status_line("HTTP/1.1 595 No route to host\r\n");
    ASSERT_TRUE(line);
    EXPECT_EQ(line->status, 595);
    EXPECT_EQ(line->reason, "No route to host");

    line = parse_status_line("HTTP/2 200 \r\n");
    ASSERT_TRUE(line);
    EXPECT_EQ(line->status, 200);
    EXPECT_EQ(line->reason, "");

    line = parse_status_line("HTTP/1.1 204\r\n");
    ASSERT_TRUE(line);
    EXPECT_EQ(line->status, 204);
    EXPECT_EQ(line->reason, "");

    EXPECT_FALSE(parse_status_line("Content-Type: application/json\r\n"));
    EXPECT_FALSE(parse_status_line("\r\n"));
    EXPECT_FALSE(parse_status_line("HTTP/1.1 20x Bad\r\n"));
    EXPECT_FALSE(parse_status_line("HTTP/1.1 2000 Bad\r\n"));
    EXPECT_FALSE(parse_status_line("X-HTTP/1.1 200 OK\r\n"));
}

TEST(ParseErrorBody, PveJsonMessageIsTrimmed) {
    const auto error = parse_error_body(R"({"data":null,"message":"Permission check failed (/, Sys.Audit)\n"})");
    EXPECT_EQ(error.message, "Permission check failed (/, Sys.Audit)");
    EXPECT_TRUE(error.errors.empty());
}

TEST(ParseErrorBody, ErrorsMap) {
    const auto error = parse_error_body(
        R"({"data":null,"errors":{"type":"value 'pool' does not have a value in the enumeration 'vm, storage, node, sdn'","foo":"property is not defined in schema"},"message":"Parameter verification failed.\n"})");
    EXPECT_EQ(error.message, "Parameter verification failed.");
    ASSERT_EQ(error.errors.size(), 2U);
    EXPECT_EQ(error.errors[0].first, "type"); // the server's order
    EXPECT_EQ(error.errors[1].first, "foo");
    EXPECT_EQ(error.errors[0].second, "value 'pool' does not have a value in the enumeration 'vm, storage, node, sdn'");
}

TEST(ParseErrorBody, OldPveWithoutMessage) {
    const auto error = parse_error_body(R"({"data":null})");
    EXPECT_EQ(error.message, "");
    EXPECT_TRUE(error.errors.empty());
}

TEST(ParseErrorBody, NonStringErrorValuesAreDumped) {
    const auto error = parse_error_body(R"({"errors":{"n":5}})");
    ASSERT_EQ(error.errors.size(), 1U);
    EXPECT_EQ(error.errors[0].second, "5");
}

TEST(ParseErrorBody, PlainTextEmptyHtmlAndBrokenJson) {
    EXPECT_EQ(parse_error_body("proxy loop detected\n").message, "proxy loop detected");
    EXPECT_EQ(parse_error_body("").message, "");
    EXPECT_EQ(parse_error_body("  \r\n").message, "");
    EXPECT_EQ(parse_error_body("<html><body>502 Bad Gateway</body></html>").message, "");
    EXPECT_EQ(parse_error_body("{oops").message, "{oops");
    EXPECT_EQ(parse_error_body("line1\nline2").message, "line1 line2");
    const auto long_text = parse_error_body(std::string(1000, 'x')).message;
    EXPECT_EQ(long_text.size(), 303U);
    EXPECT_EQ(long_text.substr(300), "...");
}

TEST(ParseErrorBody, AHostileServerCannotPutMegabytesIntoAMessage) {
    const std::string huge(2 * 1024 * 1024, 'x');
    const auto error = parse_error_body(R"({"data":null,"message":")" + huge + R"("})");
    EXPECT_EQ(error.message, std::string(300, 'x') + "...");

    // Cut before a UTF-8 sequence, never inside it ("é" is two bytes, the 300th byte starts one).
    const auto utf8 = parse_error_body(R"({"message":")" + std::string(299, 'a') + "\xC3\xA9" + R"(tail"})");
    EXPECT_EQ(utf8.message, std::string(299, 'a') + "...");

    std::string errors = R"({"message":"bad","errors":{")" + std::string(500, 'a') + R"(":"v")";
    for (int i = 0; i < 25; ++i) {
        errors += R"(,"f)" + std::to_string(100 + i) + R"(":")" + std::string(1000, 'x') + '"';
    }
    const auto many = parse_error_body(errors + "}}");
    ASSERT_EQ(many.errors.size(), 21U);
    EXPECT_EQ(many.errors[0].first, std::string(80, 'a') + "...");
    EXPECT_EQ(many.errors[1].second, std::string(300, 'x') + "...");
    EXPECT_EQ(many.errors[20], (std::pair<std::string, std::string>("...", "6 more")));
    const std::string message = status_message("GET /x", 500, "Internal", many, "");
    EXPECT_LT(message.size(), 21U * 400U);
}

TEST(StatusMessage, Formats) {
    EXPECT_EQ(status_message("GET /nodes/pve3/tasks", 595, "No route to host", {}, "hint"),
              "GET /nodes/pve3/tasks: HTTP 595 No route to host");
    EXPECT_EQ(status_message("GET /cluster/backup", 403, "Permission check failed (/, Sys.Audit)",
                             {"Permission check failed (/, Sys.Audit)", {}}, "hint"),
              "GET /cluster/backup: HTTP 403 Permission check failed (/, Sys.Audit)");
    EXPECT_EQ(status_message("GET /pools", 400, "Parameter verification failed.",
                             {"Parameter verification failed.", {{"type", "bad"}, {"x", "y"}}}, "hint"),
              "GET /pools: HTTP 400 Parameter verification failed. (type: bad; x: y)");
    EXPECT_EQ(status_message("GET /x", 500, "Internal Server Error", {"storage 'nfs' is offline", {}}, "hint"),
              "GET /x: HTTP 500 Internal Server Error: storage 'nfs' is offline");
    EXPECT_EQ(status_message("GET /x", 500, "", {"boom", {}}, "hint"), "GET /x: HTTP 500: boom");
    EXPECT_EQ(status_message("GET /version", 401, "Authentication failed!", {}, "PVE_TOKEN_ID or secret wrong"),
              "GET /version: HTTP 401 Authentication failed! (the API token was refused: PVE_TOKEN_ID or secret "
              "wrong)");
}

TEST(TransportMessage, Formats) {
    const TransportDetail detail{"https://pve1:8006", "curl says", "Connection refused", "set PVE_CA_BUNDLE"};
    EXPECT_EQ(transport_message("GET /version", TransportFailure::connect, detail),
              "GET /version: cannot connect to https://pve1:8006 (Connection refused)");
    EXPECT_EQ(transport_message("GET /version", TransportFailure::connect, {"https://pve1:8006", "curl says", "", ""}),
              "GET /version: cannot connect to https://pve1:8006 (curl says)");
    EXPECT_EQ(transport_message("GET /version", TransportFailure::resolve, detail),
              "GET /version: cannot connect to https://pve1:8006 (curl says)");
    EXPECT_EQ(transport_message("GET /version", TransportFailure::tls_verify, detail),
              "GET /version: TLS certificate verification failed for https://pve1:8006: curl says; set PVE_CA_BUNDLE");
    EXPECT_EQ(transport_message("GET /version", TransportFailure::timeout, detail),
              "GET /version: timeout talking to https://pve1:8006 (curl says)");
    EXPECT_EQ(transport_message("GET /version", TransportFailure::connection_lost, detail),
              "GET /version: connection to https://pve1:8006 lost (curl says)");
}

TEST(PinMismatchMessage, ShowsBothFingerprints) {
    EXPECT_EQ(pin_mismatch_message("GET /version", "https://pbs:8007", "AA:BB", "CC:DD"),
              "GET /version: TLS certificate fingerprint did not match for https://pbs:8007: expected AA:BB, the "
              "server presented CC:DD");
}

TEST(Fingerprint, Normalize) {
    const std::string upper = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:"
                              "45:67:89";
    EXPECT_EQ(normalize_fingerprint(upper), upper);
    EXPECT_EQ(normalize_fingerprint("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"), upper);
    EXPECT_EQ(normalize_fingerprint("ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:"
                                    "ef:01:23:45:67:89"),
              upper);
    EXPECT_FALSE(normalize_fingerprint("AB:CD"));
    EXPECT_FALSE(normalize_fingerprint(upper + ":00"));
    EXPECT_FALSE(normalize_fingerprint("zz" + upper.substr(2)));
    EXPECT_FALSE(normalize_fingerprint(""));
}

TEST(Fingerprint, Format) {
    const unsigned char digest[] = {0x00, 0x0f, 0xa0, 0xff};
    EXPECT_EQ(format_fingerprint(digest, sizeof(digest)), "00:0F:A0:FF");
    EXPECT_EQ(format_fingerprint(digest, 0), "");
}

TEST(HumanSize, Units) {
    EXPECT_EQ(human_size(0), "0 B");
    EXPECT_EQ(human_size(1023), "1023 B");
    EXPECT_EQ(human_size(3482), "3.4 KiB");
    EXPECT_EQ(human_size(5 * 1024 * 1024), "5.0 MiB");
}

} // namespace
} // namespace pvr::http
