#pragma once
// Pure pieces of the HTTP client: error classification, retry policy, status-line and error-body
// parsing, message texts. No curl types (curl codes are mapped in curl_client.cpp).

#include "core/error.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pvr::http {

/// Why a transfer failed before a complete HTTP answer arrived.
enum class TransportFailure {
    none,            // an HTTP status was received
    resolve,         // DNS
    connect,         // TCP connection refused / unreachable
    tls_verify,      // certificate not trusted, wrong host name, fingerprint mismatch
    tls_handshake,   // other TLS failures
    timeout,         // connect or transfer timeout
    connection_lost, // reset, nothing received, send/receive error, truncated body
    bad_response,    // undecodable content encoding, weird HTTP
    bad_url,         // malformed URL or protocol not allowed: a bug or a bad base URL
    other,
};

/// The curl code (a CURLcode value) to the failure it means. Defined in curl_client.cpp.
[[nodiscard]] TransportFailure transport_failure_for_curl_code(int curl_code) noexcept;

/// The client contract: 401 unauthenticated, 403 permission_denied, 404/501 not_implemented,
/// any other non-2xx http_status.
[[nodiscard]] ErrorKind kind_for_status(long status) noexcept;
[[nodiscard]] ErrorKind kind_for_transport(TransportFailure failure) noexcept;
/// 502, 503, 596, 597 are worth another try; 595 (node down), 4xx and 501 never are.
[[nodiscard]] bool is_retryable_status(long status) noexcept;
/// Timeouts and lost connections are worth another try.
[[nodiscard]] bool is_retryable_transport(TransportFailure failure) noexcept;

struct StatusLine {
    long status = 0;
    std::string reason;
};
/// Parses "HTTP/1.1 403 Permission check failed (/, Sys.Audit)\r\n"; nullopt for other header lines.
[[nodiscard]] std::optional<StatusLine> parse_status_line(std::string_view line);

/// What an error body says: PVE JSON `{"data":null,"message":"...\n","errors":{...}}`, plain text or nothing.
struct ServerError {
    std::string message; // trimmed JSON `message`, or a plain-text excerpt; "" if none
    std::vector<std::pair<std::string, std::string>> errors;
};
[[nodiscard]] ServerError parse_error_body(std::string_view body);

/// "GET /cluster/backup: HTTP 403 Permission check failed (/, Sys.Audit)" and friends (not redacted).
[[nodiscard]] std::string status_message(std::string_view endpoint, long status, std::string_view reason,
                                         const ServerError& server, std::string_view auth_hint);

struct TransportDetail {
    std::string origin;     // "https://pve1:8006"
    std::string curl_error; // curl's error buffer (or curl_easy_strerror)
    std::string os_error;   // strerror of the socket error, "" if none
    std::string tls_hint;
};
/// "GET /version: cannot connect to https://pve1:8006 (Connection refused)" and friends (not redacted).
[[nodiscard]] std::string transport_message(std::string_view endpoint, TransportFailure failure,
                                            const TransportDetail& detail);

/// "GET /version: TLS certificate fingerprint did not match for https://...: expected AB:.., presented CD:.."
[[nodiscard]] std::string pin_mismatch_message(std::string_view endpoint, std::string_view origin,
                                               std::string_view expected, std::string_view presented);

/// Normalizes a SHA-256 fingerprint to "AB:CD:..." (upper case, colons). Accepts any case, with or
/// without colons (also spaces). nullopt unless it is exactly 32 bytes of hex.
[[nodiscard]] std::optional<std::string> normalize_fingerprint(std::string_view text);
/// Formats raw digest bytes as "AB:CD:...".
[[nodiscard]] std::string format_fingerprint(const unsigned char* digest, std::size_t size);

/// The wait before retry number `retry` (1-based): backoff, 2*backoff, 4*backoff, ...
[[nodiscard]] std::chrono::milliseconds retry_delay(std::chrono::milliseconds backoff, int retry) noexcept;

/// "3.4 KiB", "512 B", "1.2 MiB" for log lines.
[[nodiscard]] std::string human_size(std::size_t bytes);

} // namespace pvr::http
