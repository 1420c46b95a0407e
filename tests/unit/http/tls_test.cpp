// Certificate verification: CA (PEM text or file), disabled verification, fingerprint pinning.
#include "client_test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace pvr::http {
namespace {

using namespace test;

class TlsTest : public ::testing::Test {
protected:
    void SetUp() override {
        global_init();
        server.server().Get("/api2/json/version", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(R"({"data":{}})", "application/json");
        });
        server.start();
    }
    ClientOptions options() {
        auto o = options_for(server.url());
        o.max_retries = 0;
        return o;
    }
    HttplibServer server;
};

TEST_F(TlsTest, VerifiedWithCaPem) { EXPECT_EQ(make_curl_client(options())->get("/version").status, 200); }

TEST_F(TlsTest, VerifiedWithCaFile) {
    const auto path = std::filesystem::temp_directory_path() / ("pvr_http_ca_" + std::to_string(::getpid()) + ".pem");
    {
        std::ofstream out(path);
        out << identity().cert_pem;
    }
    auto o = options();
    o.ca_pem.reset();
    o.ca_file = path.string();
    EXPECT_EQ(make_curl_client(o)->get("/version").status, 200);
    std::filesystem::remove(path);
}

TEST_F(TlsTest, UntrustedCertificateIsATlsError) {
    auto o = options();
    o.ca_pem = emulator::generate_self_signed().cert_pem; // some other CA
    const HttpError error = expect_http_error([&] { (void)make_curl_client(o)->get("/version"); });
    EXPECT_EQ(error.kind(), ErrorKind::tls);
    const std::string what = error.what();
    EXPECT_EQ(what.rfind("GET /version: TLS certificate verification failed for " + server.url() + ": ", 0), 0U)
        << what;
    EXPECT_NE(what.find("set PVE_CA_BUNDLE"), std::string::npos) << what;
}

TEST_F(TlsTest, WithoutAnyCaIsATlsError) {
    auto o = options();
    o.ca_pem.reset();
    const HttpError error = expect_http_error([&] { (void)make_curl_client(o)->get("/version"); });
    EXPECT_EQ(error.kind(), ErrorKind::tls);
}

TEST_F(TlsTest, VerificationCanBeDisabled) {
    auto o = options();
    o.ca_pem.reset();
    o.verify_tls = false;
    EXPECT_EQ(make_curl_client(o)->get("/version").status, 200);
}

TEST_F(TlsTest, PinnedFingerprintMatches) {
    auto o = options();
    o.ca_pem.reset(); // no CA at all: the pin alone decides
    o.pinned_sha256 = identity().sha256_fingerprint;
    auto client = make_curl_client(o);
    EXPECT_EQ(client->get("/version").status, 200);
    EXPECT_EQ(client->get("/version").status, 200);
}

TEST_F(TlsTest, PinnedFingerprintIsCaseAndColonInsensitive) {
    auto o = options();
    o.ca_pem.reset();
    std::string lower;
    for (const char c : identity().sha256_fingerprint) {
        if (c != ':') {
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    o.pinned_sha256 = lower;
    EXPECT_EQ(make_curl_client(o)->get("/version").status, 200);
}

TEST_F(TlsTest, PinnedFingerprintMismatch) {
    auto o = options();
    const auto other = emulator::generate_self_signed();
    o.pinned_sha256 = other.sha256_fingerprint; // even though ca_pem would trust the server
    const HttpError error = expect_http_error([&] { (void)make_curl_client(o)->get("/version"); });
    EXPECT_EQ(error.kind(), ErrorKind::tls);
    const std::string what = error.what();
    EXPECT_NE(what.find("fingerprint did not match"), std::string::npos) << what;
    EXPECT_NE(what.find("expected " + other.sha256_fingerprint), std::string::npos) << what;
    EXPECT_NE(what.find("presented " + identity().sha256_fingerprint), std::string::npos) << what;
}

TEST_F(TlsTest, VerifyTlsFalseDoesNotBypassAPin) {
    auto o = options();
    o.verify_tls = false;
    o.pinned_sha256 = emulator::generate_self_signed().sha256_fingerprint;
    const HttpError error = expect_http_error([&] { (void)make_curl_client(o)->get("/version"); });
    EXPECT_EQ(error.kind(), ErrorKind::tls);
}

TEST(TlsHostName, PinIgnoresHostNameButCaVerificationDoesNot) {
    global_init();
    // The certificate names localhost and 127.0.0.1; the server answers on 127.0.0.2.
    HttplibServer server(identity(), "127.0.0.2");
    server.server().Get("/api2/json/version", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("{}", "application/json");
    });
    try {
        server.start();
    } catch (const std::exception& e) {
        GTEST_SKIP() << "no 127.0.0.2 loopback: " << e.what();
    }
    auto verified = options_for(server.url());
    verified.max_retries = 0;
    const HttpError error = expect_http_error([&] { (void)make_curl_client(verified)->get("/version"); });
    EXPECT_EQ(error.kind(), ErrorKind::tls);

    auto pinned = verified;
    pinned.ca_pem.reset();
    pinned.pinned_sha256 = identity().sha256_fingerprint;
    EXPECT_EQ(make_curl_client(pinned)->get("/version").status, 200);
}

} // namespace
} // namespace pvr::http
