// Log lines of the client go to the "http" logger and are redacted.
#include "client_test_support.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

namespace pvr::http {
namespace {

using namespace test;

TEST(Logging, LinesAreRedacted) {
    global_init();
    std::ostringstream out;
    spdlog::drop("http");
    auto logger = std::make_shared<spdlog::logger>("http", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
    logger->set_level(spdlog::level::trace);
    logger->set_pattern("%n %l %v");
    spdlog::register_logger(logger);

    int hits = 0;
    RawTlsServer server([&](const std::string&) {
        return ++hits == 1 ? raw_response(596, std::string("slow ") + secret)
                           : raw_response(200, "OK", std::string(3482, 'x'));
    });
    auto client = make_curl_client(options_for(server.url()));
    (void)client->get(std::string("/echo/") + secret);
    spdlog::drop("http");

    const std::string text = out.str();
    EXPECT_EQ(text.find(secret), std::string::npos) << text;
    EXPECT_NE(text.find("http warning GET /echo/***: HTTP 596 slow ***; retry 1/2 in 5 ms"), std::string::npos) << text;
    EXPECT_NE(text.find("http debug GET /echo/*** -> 200 ("), std::string::npos) << text;
    EXPECT_NE(text.find(" ms, 3.4 KiB)"), std::string::npos) << text;
}

} // namespace
} // namespace pvr::http
