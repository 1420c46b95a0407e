#pragma once
// Helpers shared by the HTTP client tests.

#include "http/client.hpp"
#include "test_servers.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pvr::http::test {

inline constexpr const char* token_id = "report@pve!coverage";
inline constexpr const char* secret = "4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60";

inline std::string auth_header() { return std::string("PVEAPIToken=") + token_id + "=" + secret; }

/// Options for a server at `url` ("https://127.0.0.1:port"), trusting the test CA.
inline ClientOptions options_for(const std::string& url) {
    ClientOptions options;
    options.base_url = url + "/api2/json";
    options.auth_header = auth_header();
    options.ca_pem = identity().cert_pem;
    options.redactor.add_secret(secret);
    options.retry_backoff = std::chrono::milliseconds(5);
    options.timeout = std::chrono::seconds(10);
    return options;
}

/// Runs `f`, expecting an HttpError; checks that the secret is absent from what().
template <typename F>
HttpError expect_http_error(F&& f) {
    try {
        f();
    } catch (const HttpError& error) {
        EXPECT_EQ(std::string(error.what()).find(secret), std::string::npos) << error.what();
        EXPECT_EQ(error.reason().find(secret), std::string::npos);
        EXPECT_EQ(error.server_message().find(secret), std::string::npos);
        return error;
    }
    ADD_FAILURE() << "expected an HttpError";
    return HttpError(ErrorKind::internal, "no error", "", 0, "", "");
}

} // namespace pvr::http::test
