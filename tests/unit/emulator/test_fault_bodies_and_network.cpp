// The fault-matrix extensions of the emulator: raw bodies, substitutions, deep nesting, gzip
// bombs, connection resets, stalls, slow bodies, plain HTTP and certificates for another host.

#include "emulator_test_support.hpp"

#include "core/error.hpp"
#include "emulator/emulator.hpp"
#include "emulator/fault_bodies.hpp"
#include "emulator/faults.hpp"
#include "emulator/tls_identity.hpp"
#include "emulator/token_check.hpp"

#include <gtest/gtest.h>

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <chrono>
#include <string>

namespace pvr::emulator::test {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

TEST(ParseFault, NetworkAndBodyForms) {
    EXPECT_EQ(parse_fault("/version=reset").network, Fault::Network::reset);
    EXPECT_EQ(parse_fault("/version=stall").network, Fault::Network::stall);
    const Fault slow = parse_fault("/nodes=slow:250");
    EXPECT_EQ(slow.network, Fault::Network::slow);
    EXPECT_EQ(slow.slow_interval, milliseconds(250));
    const Fault body = parse_fault("/nodes=body:{\"data\":7}");
    ASSERT_TRUE(body.body);
    EXPECT_EQ(*body.body, "{\"data\":7}");
    EXPECT_EQ(body.status, 0);
    EXPECT_EQ(*parse_fault("/x=nest:2").body, R"({"data":[[]]})");
    const Fault bomb = parse_fault("/x=gzip-bomb:1");
    EXPECT_EQ(bomb.content_encoding, "gzip");
    ASSERT_TRUE(bomb.body);
    EXPECT_LT(bomb.body->size(), 8U * 1024U); // 1 MiB of spaces deflates ~1000:1
    for (const auto* spec : {"/x=reset", "/x=stall", "/x=slow:1", "/x=body:", "/x=nest:1"}) {
        EXPECT_TRUE(parse_fault(spec).shapes_answer()) << spec;
    }
    EXPECT_FALSE(parse_fault("/x=delay:5").shapes_answer());
}

TEST(ParseFault, BadNetworkAndBodySpecsNameTheText) {
    for (const char* spec : {"/x=slow:0", "/x=slow:x", "/x=nest:0", "/x=nest:99999999", "/x=gzip-bomb:0",
                             "/x=gzip-bomb:5000", "/x=resets"}) {
        try {
            (void)parse_fault(spec);
            ADD_FAILURE() << spec;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::config);
            EXPECT_NE(std::string(e.what()).find(spec), std::string::npos) << e.what();
        }
    }
}

TEST(FaultsJson, NetworkBodyAndReplaceKeys) {
    const auto faults = faults_from_json(
        R"([{"path":"/a","network":"slow","slow_ms":5,"slow_chunk":3},
            {"path":"/b","body":"xyz","status":500,"content_type":"text/plain","content_encoding":"identity"},
            {"path":"/c","replace":[["\"vmid\":100","\"vmid\":\"x\""],["a","b"]]},
            {"path":"/d","nest_depth":3},
            {"path":"/e","network":"stall"}])",
        "faults.json");
    ASSERT_EQ(faults.size(), 5U);
    EXPECT_EQ(faults[0].network, Fault::Network::slow);
    EXPECT_EQ(faults[0].slow_interval, milliseconds(5));
    EXPECT_EQ(faults[0].slow_chunk, 3U);
    EXPECT_EQ(*faults[1].body, "xyz");
    EXPECT_EQ(faults[1].status, 500);
    EXPECT_EQ(faults[1].content_type, "text/plain");
    EXPECT_EQ(faults[1].content_encoding, "identity");
    ASSERT_EQ(faults[2].replace.size(), 2U);
    EXPECT_EQ(faults[2].replace[0].second, "\"vmid\":\"x\"");
    EXPECT_EQ(*faults[3].body, R"({"data":[[[]]]})");
    EXPECT_EQ(faults[4].network, Fault::Network::stall);
    for (const char* bad : {R"([{"path":"/a","network":"explode"}])", R"([{"path":"/a","replace":[["only-one"]]}])",
                            R"([{"path":"/a","replace":[["","x"]]}])", R"([{"path":"/a","slow_ms":0}])",
                            R"([{"path":"/a","nest_depth":0}])"}) {
        EXPECT_THROW((void)faults_from_json(bad, "faults.json"), Error) << bad;
    }
}

TEST(FaultBodies, DeepNestingIsValidJsonOfTheRequestedDepth) {
    const std::string text = deeply_nested_json(100000);
    EXPECT_EQ(text.size(), 9U + 200000U);
    EXPECT_EQ(text.substr(0, 10), R"({"data":[[)");
    EXPECT_EQ(text.substr(text.size() - 3), "]]}");
}

TEST(FaultBodies, GzipBombIsCachedAndSmall) {
    const std::string& first = gzip_bomb(std::size_t{4} << 20);
    const std::string& again = gzip_bomb(std::size_t{4} << 20);
    EXPECT_EQ(&first, &again);
    EXPECT_EQ(first.substr(0, 2), "\x1f\x8b"); // gzip magic
    EXPECT_LT(first.size(), 16U * 1024U);
    EXPECT_EQ(gzip("hello").substr(0, 2), "\x1f\x8b");
}

TEST(TokenCheck, SecretFullOfSpecialCharactersIsAcceptedAsSent) {
    const std::string secret = "a\"b\\c%2F&d=e+f/g?h#i;j k";
    const std::vector<Token> tokens{{"report@pve!sweep", secret}};
    EXPECT_EQ(check_token_header("PVEAPIToken=report@pve!sweep=" + secret, "PVEAPIToken", '=', tokens), AuthCheck::ok);
    EXPECT_EQ(check_token_header("PBSAPIToken=report@pve!sweep:" + secret, "PBSAPIToken", ':', tokens), AuthCheck::ok);
    // cpp-httplib hands header values over URL-decoded.
    EXPECT_EQ(check_token_header("PVEAPIToken=report@pve!sweep=a\"b\\c/&d=e+f/g?h#i;j k", "PVEAPIToken", '=', tokens),
              AuthCheck::ok);
    EXPECT_EQ(check_token_header("PVEAPIToken=report@pve!sweep=" + secret + "x", "PVEAPIToken", '=', tokens),
              AuthCheck::invalid);
    EXPECT_EQ(check_token_header("PVEAPIToken=report@pve!other=" + secret, "PVEAPIToken", '=', tokens),
              AuthCheck::invalid);
}

class FaultHttp : public ::testing::Test {
protected:
    void start(EmulatorOptions options = options_with_token()) {
        m_emulator = std::make_unique<Emulator>(Scenario::from_files(small_scenario_files()), std::move(options));
        ASSERT_GT(m_emulator->start(), 0);
        m_client = make_client(*m_emulator);
    }

    httplib::Result get_path(const std::string& path) { return get(*m_client, path); }

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<httplib::SSLClient> m_client;
};

TEST_F(FaultHttp, RawBodyIsServedExactlyWithItsStatusAndReason) {
    start();
    Fault fault;
    fault.path_glob = "/version";
    fault.body = std::string("{\"data\":{\"version\":\"8.\xff\"}}");
    m_emulator->add_fault(fault);
    Fault refused;
    refused.path_glob = "/nodes";
    refused.status = 596;
    refused.reason = "Broken pipe";
    refused.body = "not json at all";
    refused.content_type = "text/plain";
    m_emulator->add_fault(refused);

    const auto version = get_path("/api2/json/version");
    ASSERT_TRUE(version);
    EXPECT_EQ(version->status, 200);
    EXPECT_EQ(version->body, *fault.body);
    const auto nodes = get_path("/api2/json/nodes");
    ASSERT_TRUE(nodes);
    EXPECT_EQ(nodes->status, 596);
    EXPECT_EQ(nodes->reason, "Broken pipe");
    EXPECT_EQ(nodes->body, "not json at all");
    EXPECT_EQ(nodes->get_header_value("Content-Type"), "text/plain");
    EXPECT_EQ(m_emulator->requests().at(0).fault, "body");
}

TEST_F(FaultHttp, ReplaceEditsTheRealAnswer) {
    start();
    Fault fault;
    fault.path_glob = "/cluster/resources";
    fault.replace = {{"\"vmid\":100", "\"vmid\":\"hundred\""}};
    m_emulator->add_fault(fault);
    const auto result = get_path("/api2/json/cluster/resources?type=vm");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_NE(result->body.find("\"vmid\":\"hundred\""), std::string::npos) << result->body;
    EXPECT_EQ(result->body.find("\"vmid\":100,"), std::string::npos) << result->body;
    EXPECT_EQ(m_emulator->requests().at(0).fault, "replace");
}

TEST_F(FaultHttp, GzipBombInflatesToTheAnnouncedSize) {
    start();
    m_emulator->add_fault(parse_fault("/nodes=gzip-bomb:2"));
    const auto result = get_path("/api2/json/nodes"); // httplib inflates gzip bodies itself
    ASSERT_TRUE(result);
    EXPECT_EQ(result->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(result->body.size(), std::size_t{2} << 20);
    EXPECT_TRUE(json::accept(result->body));
}

TEST_F(FaultHttp, ResetCutsTheBodyShort) {
    start();
    m_emulator->add_fault(parse_fault("/cluster/resources=reset"));
    const auto result = get_path("/api2/json/cluster/resources");
    EXPECT_FALSE(result && result->status == 200 && json::accept(result->body));
    EXPECT_EQ(m_emulator->requests().at(0).fault, "reset");
    m_client = make_client(*m_emulator);
    const auto after = get_path("/api2/json/version"); // the server is still fine
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);
}

TEST_F(FaultHttp, StallNeverAnswersAndFreesItsWorkerWhenTheClientLeaves) {
    EmulatorOptions options = options_with_token();
    options.worker_threads = 1; // a stalled worker that never came back would block the next request
    start(std::move(options));
    m_emulator->add_fault(parse_fault("/version=stall"));
    m_client->set_read_timeout(0, 500'000);
    const auto begin = std::chrono::steady_clock::now();
    EXPECT_FALSE(get_path("/api2/json/version"));
    EXPECT_GE(std::chrono::steady_clock::now() - begin, milliseconds(450));
    m_client.reset(); // closes the connection
    const auto requests = m_emulator->requests();
    ASSERT_EQ(requests.size(), 1U);
    EXPECT_EQ(requests[0].fault, "stall");
    EXPECT_EQ(requests[0].status, 0);

    m_client = make_client(*m_emulator);
    const auto nodes = get_path("/api2/json/nodes");
    ASSERT_TRUE(nodes);
    EXPECT_EQ(nodes->status, 200);
}

TEST_F(FaultHttp, SlowBodyTricklesButArrivesWhole) {
    start();
    Fault fault = parse_fault("/version=slow:20");
    fault.slow_chunk = 16;
    m_emulator->add_fault(fault);
    const auto begin = std::chrono::steady_clock::now();
    const auto result = get_path("/api2/json/version");
    const auto elapsed = std::chrono::steady_clock::now() - begin;
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_TRUE(json::accept(result->body));
    const auto chunks = (result->body.size() + 15) / 16;
    EXPECT_GE(elapsed, milliseconds(20 * static_cast<long>(chunks) - 20));
    EXPECT_EQ(m_emulator->requests().at(0).fault, "slow");
}

TEST(FaultServer, PlainHttpOnTheHttpsPort) {
    EmulatorOptions options = options_with_token();
    options.plain_http = true;
    Emulator emulator(Scenario::from_files(small_scenario_files()), std::move(options));
    ASSERT_GT(emulator.start(), 0);
    auto tls_client = make_client(emulator);
    EXPECT_FALSE(get(*tls_client, "/api2/json/version"));
    httplib::Client plain("127.0.0.1", emulator.port());
    const auto result = plain.Get("/api2/json/version", {{"Authorization", good_auth()}});
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
}

TEST(FaultServer, CertificateForAnotherHostFailsHostNameVerification) {
    const TlsIdentity other = generate_self_signed_for({"pve.example.invalid"});
    BIO* bio = BIO_new_mem_buf(other.cert_pem.data(), static_cast<int>(other.cert_pem.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    ASSERT_NE(cert, nullptr);
    EXPECT_EQ(X509_check_host(cert, "pve.example.invalid", 0, 0, nullptr), 1);
    EXPECT_NE(X509_check_host(cert, "localhost", 0, 0, nullptr), 1);
    EXPECT_NE(X509_check_ip_asc(cert, "127.0.0.1", 0), 1);
    X509_free(cert);

    EmulatorOptions options = options_with_token();
    options.tls = other;
    Emulator emulator(Scenario::from_files(small_scenario_files()), std::move(options));
    ASSERT_GT(emulator.start(), 0);
    auto client = make_client(emulator); // trusts the certificate, connects to 127.0.0.1
    EXPECT_FALSE(get(*client, "/api2/json/version"));
}

} // namespace
} // namespace pvr::emulator::test
