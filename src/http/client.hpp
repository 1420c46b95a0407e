#pragma once
// The HTTP client seen by the collectors: GET only (the tool is read-only by construction),
// no curl types. Implemented on libcurl in curl_client.cpp.

#include "core/error.hpp"
#include "core/redact.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pvr::http {

using Query = std::vector<std::pair<std::string, std::string>>;

struct Response {
    long status = 0;
    std::string reason; // status-line reason phrase (PVE puts its error text there)
    std::string body;
};

/// The run deadline (REPORT_DEADLINE): no request starts after `at`, and every transfer is cut
/// when `at` passes (its timeouts are bounded by the time left).
struct Deadline {
    std::chrono::steady_clock::time_point at;
    std::chrono::seconds budget{0}; // the whole run's allowance, for messages
    std::string variable = "REPORT_DEADLINE";
};

/// The default maximum decoded body size (MAX_RESPONSE_MB): fits a PBS listing of 1,000,000
/// snapshots (about 300 bytes each) and a /cluster/resources of 10,000 guests with room to spare.
inline constexpr std::size_t default_max_body_bytes = std::size_t{512} * 1024 * 1024;

struct ClientOptions {
    std::string base_url;    // "https://pve1:8006/api2/json" (no trailing slash)
    std::string auth_header; // whole Authorization value, e.g. "PVEAPIToken=id=secret"
    bool verify_tls = true;
    std::optional<std::string> ca_file; // PEM bundle path (PVE_CA_BUNDLE)
    std::optional<std::string> ca_pem;  // PEM text (in-process emulator for --demo)
    /// SHA-256 fingerprint of the server certificate ("AB:CD:.."), PBS-style pinning: when set,
    /// the connection is accepted if and only if the leaf certificate matches.
    std::optional<std::string> pinned_sha256;
    std::chrono::milliseconds connect_timeout{10000};
    std::chrono::seconds timeout{30}; // whole request
    std::size_t max_connections = 8;  // concurrent requests / pooled connections
    std::string user_agent = "pve-backup-report";
    Redactor redactor;          // knows the secret(s): every message and log line goes through it
    std::string source = "pve"; // who this client talks to, for messages ("pve", "pbs/pbs-main")
    /// Transient failures (HTTP 502/503/596/597, curl timeouts, connection resets) are retried
    /// this many times, waiting retry_backoff, then twice as long, ... Never 401/403/404/501/595.
    int max_retries = 2;
    std::chrono::milliseconds retry_backoff{300};
    /// A timeout is retried at most this many times (and never beyond max_retries): a server that
    /// accepts connections but never answers costs (1 + max_timeout_retries) x timeout.
    int max_timeout_retries = 1;
    /// Largest body accepted, counted after content decoding (gzip); 0 = no limit. A bigger answer
    /// is cut and fails with invalid_response "GET /x: answer larger than 512 MiB (MAX_RESPONSE_MB)".
    std::size_t max_body_bytes = default_max_body_bytes;
    std::string max_body_variable = "MAX_RESPONSE_MB"; // named in that message
    std::optional<Deadline> deadline;
    /// Appended to 401 messages (which credentials to check).
    std::string auth_hint = "PVE_TOKEN_ID or PVE_TOKEN_SECRET wrong, token expired, or user disabled";
    /// Appended to certificate-verification failures (how to make verification succeed).
    std::string tls_hint = "set PVE_CA_BUNDLE to the cluster's CA (/etc/pve/pve-root-ca.pem on a node), or "
                           "PVE_VERIFY_TLS=false to skip verification (not recommended)";
};

/// Thrown by Client::get for transport failures and non-2xx answers. `what()` names the method,
/// the endpoint (path without query secrets) and the status with its reason phrase, and is redacted.
class HttpError : public Error {
public:
    using FieldErrors = std::vector<std::pair<std::string, std::string>>;

    HttpError(ErrorKind kind, const std::string& message, std::string endpoint, long status, std::string reason,
              std::string server_message)
        : Error(kind, message), m_endpoint(std::move(endpoint)), m_status(status), m_reason(std::move(reason)),
          m_server_message(std::move(server_message)) {}
    HttpError(ErrorKind kind, const std::string& message, std::string endpoint, long status, std::string reason,
              std::string server_message, FieldErrors errors)
        : HttpError(kind, message, std::move(endpoint), status, std::move(reason), std::move(server_message)) {
        m_errors = std::move(errors);
    }
    [[nodiscard]] const std::string& endpoint() const noexcept { return m_endpoint; }
    [[nodiscard]] long status() const noexcept { return m_status; } // 0 for transport failures
    [[nodiscard]] const std::string& reason() const noexcept { return m_reason; }
    /// PVE's JSON `message` (trimmed) or plain-text body excerpt, "" if none.
    [[nodiscard]] const std::string& server_message() const noexcept { return m_server_message; }
    /// PVE's JSON `errors` map (parameter -> reason, e.g. for 400), in the server's order.
    [[nodiscard]] const FieldErrors& errors() const noexcept { return m_errors; }

private:
    std::string m_endpoint;
    long m_status;
    std::string m_reason;
    std::string m_server_message;
    FieldErrors m_errors;
};

/// Thrown by Client::get when the run deadline has passed (before or during the request): kind
/// timeout, "run deadline of 1800 s (REPORT_DEADLINE) exceeded while reading GET /cluster/resources".
class DeadlineExceeded : public HttpError {
public:
    DeadlineExceeded(const std::string& message, std::string endpoint)
        : HttpError(ErrorKind::timeout, message, std::move(endpoint), 0, "", "") {}
};

/// Receives the decoded body of a streamed GET (Client::get_streamed) chunk by chunk, as it arrives.
class BodySink {
public:
    virtual ~BodySink() = default;
    BodySink() = default;
    BodySink(const BodySink&) = delete;
    BodySink& operator=(const BodySink&) = delete;

    /// Called before each attempt (the first and every retry): forget what earlier attempts wrote.
    virtual void restart() = 0;
    /// The next piece of a 2xx answer's body. Returning false ends the transfer at once (the sink
    /// keeps its own reason): get_streamed then returns with `aborted` set and never retries.
    [[nodiscard]] virtual bool write(std::string_view chunk) = 0;
};

/// What a streamed GET answered (its body went to the sink).
struct StreamedResponse {
    long status = 0;
    std::string reason;
    std::size_t bytes = 0; // decoded body bytes given to the sink by the last attempt
    bool aborted = false;  // the sink returned false
};

/// True for a DeadlineExceeded.
[[nodiscard]] bool is_deadline_exceeded(const std::exception& error) noexcept;

class Client {
public:
    virtual ~Client() = default;
    Client() = default;
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    /// GET base_url + path (path starts with '/'), query values URL-encoded. Returns the response
    /// for 2xx statuses; throws HttpError otherwise:
    ///   401 -> unauthenticated, 403 -> permission_denied, 501 and 404 -> not_implemented,
    ///   any other status (incl. 500, 595, 596, 597) -> http_status,
    ///   connect/DNS failures -> unreachable, certificate/handshake -> tls, timeouts -> timeout.
    /// Thread-safe: collectors call it from several threads at once.
    [[nodiscard]] virtual Response get(const std::string& path, const Query& query = {}) = 0;
    /// Like get(), but a 2xx body is handed to `sink` as it arrives instead of being kept: memory
    /// does not grow with the answer. Same errors, retries (the sink is restarted before each
    /// attempt), deadline, redaction and max_body_bytes; a non-2xx body is kept (bounded) for the
    /// error message and never reaches the sink. Made for long listings: no whole-request timeout,
    /// but a transfer that receives no byte for `timeout` fails as a timeout; the run deadline
    /// still cuts it. The default implementation calls get() and writes the whole body at once.
    virtual StreamedResponse get_streamed(const std::string& path, const Query& query, BodySink& sink);
    /// Number of requests sent so far (for the run summary).
    [[nodiscard]] virtual std::size_t request_count() const = 0;
};

[[nodiscard]] std::unique_ptr<Client> make_curl_client(ClientOptions options);

/// Call once in main() before any thread starts.
void global_init();

} // namespace pvr::http
