// The libcurl implementation of http::Client: the only file that includes <curl/curl.h>.
//
// Connection reuse: each pooled easy handle keeps its own connection alive between requests
// (libcurl documents sharing the connection cache between concurrent threads as unsupported), and
// a CURLSH share object holds the DNS cache and the TLS session cache for every handle, with one
// mutex per kind of shared data. At most max_connections requests run at once; callers beyond
// that wait for a free handle.

#include "http/classify.hpp"
#include "http/client.hpp"
#include "http/url.hpp"

#include "core/strings.hpp"

#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

namespace pvr::http {

TransportFailure transport_failure_for_curl_code(int curl_code) noexcept {
    switch (static_cast<CURLcode>(curl_code)) {
    case CURLE_OK:
        return TransportFailure::none;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return TransportFailure::resolve;
    case CURLE_COULDNT_CONNECT:
        return TransportFailure::connect;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return TransportFailure::tls_verify;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
        return TransportFailure::tls_handshake;
    case CURLE_OPERATION_TIMEDOUT:
        return TransportFailure::timeout;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return TransportFailure::connection_lost;
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_FILESIZE_EXCEEDED:
        return TransportFailure::bad_response;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return TransportFailure::bad_url;
    default:
        return TransportFailure::other;
    }
}

namespace {

/// Per-handle state of PBS-style certificate pinning.
struct PinState {
    std::string expected;  // "AB:CD:..." (normalized); "" when not pinned
    std::string presented; // fingerprint of the leaf seen in the last handshake
    bool mismatch = false;
};

/// Replaces OpenSSL's chain verification: accept iff the leaf certificate has the pinned
/// fingerprint, whatever its issuer or names.
int verify_pinned_leaf(X509_STORE_CTX* store, void* arg) {
    auto* pin = static_cast<PinState*>(arg);
    X509* leaf = X509_STORE_CTX_get0_cert(store);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    pin->presented.clear();
    if (leaf != nullptr && X509_digest(leaf, EVP_sha256(), digest.data(), &size) == 1) {
        pin->presented = format_fingerprint(digest.data(), size);
    }
    pin->mismatch = pin->presented.empty() || pin->presented != pin->expected;
    if (pin->mismatch) {
        X509_STORE_CTX_set_error(store, X509_V_ERR_APPLICATION_VERIFICATION);
        return 0;
    }
    X509_STORE_CTX_set_error(store, X509_V_OK);
    return 1;
}

CURLcode install_pin_verifier(CURL* /*easy*/, void* ssl_ctx, void* arg) {
    SSL_CTX_set_cert_verify_callback(static_cast<SSL_CTX*>(ssl_ctx), verify_pinned_leaf, arg);
    return CURLE_OK;
}

/// One pooled easy handle with the buffers its callbacks write to.
struct Transfer {
    CURL* easy = nullptr;
    std::array<char, CURL_ERROR_SIZE> error{};
    std::string reason;
    std::string body;
    PinState pin;
    std::size_t max_body = 0; // 0 = no limit
    bool too_large = false;   // the body passed max_body: the transfer was aborted
    // Streamed GET: a 2xx body goes to `sink` (counted in `received`), any other stays in `body`.
    BodySink* sink = nullptr;
    std::size_t received = 0;
    bool sink_aborted = false;       // the sink returned false
    std::exception_ptr sink_failure; // the sink threw (rethrown by the caller)

    Transfer() = default;
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer() {
        if (easy != nullptr) {
            curl_easy_cleanup(easy);
        }
    }
};

/// The bounded part of a non-2xx body kept for the error message of a streamed GET.
constexpr std::size_t max_error_body = std::size_t{64} * 1024;

/// Streamed GET: 2xx bodies go to the sink, others are kept (bounded) for the message.
std::size_t on_streamed_body(Transfer& transfer, const char* data, std::size_t bytes) {
    if (transfer.max_body != 0 && bytes > transfer.max_body - std::min(transfer.max_body, transfer.received)) {
        transfer.too_large = true;
        return 0;
    }
    transfer.received += bytes;
    long status = 0;
    curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status >= 300) {
        if (transfer.body.size() < max_error_body) {
            transfer.body.append(data, std::min(bytes, max_error_body - transfer.body.size()));
        }
        return bytes;
    }
    try {
        if (!transfer.sink->write(std::string_view(data, bytes))) {
            transfer.sink_aborted = true;
            return 0;
        }
    } catch (...) {
        transfer.sink_failure = std::current_exception();
        return 0;
    }
    return bytes;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    try {
        auto* transfer = static_cast<Transfer*>(user);
        const std::size_t bytes = size * count;
        if (transfer->sink != nullptr) {
            return on_streamed_body(*transfer, data, bytes);
        }
        if (transfer->max_body != 0 &&
            bytes > transfer->max_body - std::min(transfer->max_body, transfer->body.size())) {
            transfer->too_large = true;
            return 0; // aborts the transfer with CURLE_WRITE_ERROR
        }
        transfer->body.append(data, bytes);
        return bytes;
    } catch (...) {
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    try {
        // The last status line wins (after a "100 Continue" or a proxy's CONNECT answer).
        if (auto line = parse_status_line(std::string_view(data, size * count))) {
            auto* transfer = static_cast<Transfer*>(user);
            transfer->reason = std::move(line->reason);
            transfer->body.clear();
        }
        return size * count;
    } catch (...) {
        return 0;
    }
}

/// What one perform() produced.
struct Attempt {
    CURLcode code = CURLE_OK;
    long status = 0;
    std::string reason;
    std::string body;
    long os_errno = 0;
    std::string curl_error;
    PinState pin;
    std::chrono::milliseconds elapsed{0};
    bool too_large = false;        // body larger than max_body_bytes (decoded or announced)
    bool deadline_limited = false; // the run deadline, not the request timeout, bounded this attempt
    bool deadline_passed = false;  // not even started: the run deadline had passed
    std::size_t received = 0;      // streamed: body bytes given to the sink
    bool sink_aborted = false;
    std::exception_ptr sink_failure;
};

struct Failure {
    HttpError error;
    bool retryable;
};

/// The "http" logger: the application's if it registered one, else a registered stderr logger
/// (stdout is reserved for machine output) that follows spdlog's global level.
std::shared_ptr<spdlog::logger> http_logger() {
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    if (auto logger = spdlog::get("http")) {
        return logger;
    }
    auto logger = std::make_shared<spdlog::logger>("http", std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    try {
        spdlog::initialize_logger(logger);
    } catch (const spdlog::spdlog_ex&) {
        if (auto existing = spdlog::get("http")) {
            return existing; // registered meanwhile by another thread
        }
    }
    return logger;
}

class CurlClient final : public Client {
public:
    explicit CurlClient(ClientOptions options);
    ~CurlClient() override;
    CurlClient(const CurlClient&) = delete;
    CurlClient& operator=(const CurlClient&) = delete;

    [[nodiscard]] Response get(const std::string& path, const Query& query) override;
    StreamedResponse get_streamed(const std::string& path, const Query& query, BodySink& sink) override;
    [[nodiscard]] std::size_t request_count() const override { return m_requests.load(); }

private:
    [[nodiscard]] std::unique_ptr<Transfer> acquire();
    void release(std::unique_ptr<Transfer> transfer);
    [[nodiscard]] std::unique_ptr<Transfer> make_transfer();
    [[nodiscard]] Attempt perform(const std::string& url, BodySink* sink);
    /// The attempts of one GET with their retries: the successful attempt, or throws HttpError.
    [[nodiscard]] Attempt execute(const std::string& path, const Query& query, BodySink* sink);
    [[nodiscard]] Failure failure_of(const std::string& path, const Attempt& attempt) const;
    [[nodiscard]] DeadlineExceeded deadline_error(const std::string& path) const;
    /// Time left before the run deadline (nullopt: no deadline).
    [[nodiscard]] std::optional<std::chrono::milliseconds> time_left() const;
    [[nodiscard]] std::string redact(std::string_view text) const { return m_options.redactor.redact(text); }

    static void lock_share(CURL* /*easy*/, curl_lock_data data, curl_lock_access /*access*/, void* user);
    static void unlock_share(CURL* /*easy*/, curl_lock_data data, void* user);

    ClientOptions m_options;
    std::string m_origin;
    std::string m_pin; // normalized fingerprint, "" if none
    std::size_t m_max_connections;
    curl_slist* m_headers = nullptr;
    CURLSH* m_share = nullptr;
    std::array<std::mutex, CURL_LOCK_DATA_LAST> m_share_locks;
    std::mutex m_pool_mutex;
    std::condition_variable m_pool_cv;
    std::vector<std::unique_ptr<Transfer>> m_idle;
    std::size_t m_created = 0;
    std::atomic<std::size_t> m_requests{0};
    std::shared_ptr<spdlog::logger> m_log;
};

void CurlClient::lock_share(CURL* /*easy*/, curl_lock_data data, curl_lock_access /*access*/, void* user) {
    static_cast<CurlClient*>(user)->m_share_locks.at(static_cast<std::size_t>(data)).lock();
}

void CurlClient::unlock_share(CURL* /*easy*/, curl_lock_data data, void* user) {
    static_cast<CurlClient*>(user)->m_share_locks.at(static_cast<std::size_t>(data)).unlock();
}

CurlClient::CurlClient(ClientOptions options)
    : m_options(std::move(options)), m_max_connections(std::max<std::size_t>(1, m_options.max_connections)),
      m_log(http_logger()) {
    // Defence in depth: whatever the caller registered, never echo the Authorization value.
    m_options.redactor.add_secret(m_options.auth_header);
    if (const auto eq = m_options.auth_header.find_last_of("=:"); eq != std::string::npos) {
        const std::string tail = m_options.auth_header.substr(eq + 1);
        if (tail.size() >= 8) {
            m_options.redactor.add_secret(tail);
        }
    }
    while (!m_options.base_url.empty() && m_options.base_url.back() == '/') {
        m_options.base_url.pop_back();
    }
    if (to_lower(m_options.base_url).rfind("https://", 0) != 0) {
        throw Error(ErrorKind::config,
                    redact("HTTP client: the base URL must start with https://, got '" + m_options.base_url + "'"));
    }
    m_origin = origin_of(m_options.base_url);
    if (m_options.pinned_sha256) {
        auto normalized = normalize_fingerprint(*m_options.pinned_sha256);
        if (!normalized) {
            throw Error(ErrorKind::config, "HTTP client: the pinned certificate fingerprint '" +
                                               *m_options.pinned_sha256 +
                                               "' is not a SHA-256 fingerprint (32 hex bytes, e.g. AB:CD:...)");
        }
        m_pin = std::move(*normalized);
        const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
        if (info == nullptr || info->ssl_version == nullptr ||
            std::string_view(info->ssl_version).find("OpenSSL") != 0) {
            throw Error(ErrorKind::tls,
                        "HTTP client: certificate fingerprint pinning needs libcurl built with OpenSSL");
        }
    }
    global_init();

    const auto append_header = [this](const std::string& line) {
        curl_slist* grown = curl_slist_append(m_headers, line.c_str());
        if (grown == nullptr) {
            throw std::bad_alloc();
        }
        m_headers = grown;
    };
    try {
        if (!m_options.auth_header.empty()) {
            append_header("Authorization: " + m_options.auth_header);
        }
        append_header("Accept: application/json");
        append_header("Expect:"); // never "100-continue"

        m_share = curl_share_init();
        if (m_share == nullptr) {
            throw Error(ErrorKind::internal, "HTTP client: curl_share_init failed");
        }
        curl_share_setopt(m_share, CURLSHOPT_LOCKFUNC, &CurlClient::lock_share);
        curl_share_setopt(m_share, CURLSHOPT_UNLOCKFUNC, &CurlClient::unlock_share);
        curl_share_setopt(m_share, CURLSHOPT_USERDATA, this);
        curl_share_setopt(m_share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
        curl_share_setopt(m_share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
        // Fail early on bad TLS options (e.g. pinning on a non-OpenSSL libcurl).
        release(make_transfer());
        m_created = 1;
    } catch (...) {
        m_idle.clear();
        if (m_share != nullptr) {
            curl_share_cleanup(m_share);
        }
        curl_slist_free_all(m_headers);
        throw;
    }
}

CurlClient::~CurlClient() {
    m_idle.clear(); // easy handles first: they use the share object
    curl_share_cleanup(m_share);
    curl_slist_free_all(m_headers);
}

std::unique_ptr<Transfer> CurlClient::make_transfer() {
    auto transfer = std::make_unique<Transfer>();
    transfer->easy = curl_easy_init();
    if (transfer->easy == nullptr) {
        throw Error(ErrorKind::internal, "HTTP client: curl_easy_init failed");
    }
    CURL* easy = transfer->easy;
    CURLcode rc = CURLE_OK;
    const auto set = [&rc](CURLcode result) {
        if (rc == CURLE_OK) {
            rc = result;
        }
    };
    set(curl_easy_setopt(easy, CURLOPT_SHARE, m_share));
    set(curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L));
    set(curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "https"));
    set(curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "https"));
    set(curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L));
    set(curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L));
    set(curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1))); // keeps reasons
    set(curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""));
    set(curl_easy_setopt(easy, CURLOPT_HTTPHEADER, m_headers));
    set(curl_easy_setopt(easy, CURLOPT_USERAGENT, m_options.user_agent.c_str()));
    set(curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L));
    set(curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error.data()));
    set(curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body));
    set(curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get()));
    set(curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header));
    set(curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get()));
    set(curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connect_timeout.count())));
    set(curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS,
                         static_cast<long>(std::chrono::milliseconds(m_options.timeout).count())));
    transfer->max_body = m_options.max_body_bytes;
    if (m_options.max_body_bytes != 0) {
        // When the server announces the size (Content-Length; the wire size, before decoding).
        set(curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(m_options.max_body_bytes)));
    }
    if (!m_pin.empty()) {
        // Pinned: the fingerprint alone decides (PBS semantics), so no CA or host-name check.
        transfer->pin.expected = m_pin;
        set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L));
        set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L));
        set(curl_easy_setopt(easy, CURLOPT_SSL_CTX_FUNCTION, &install_pin_verifier));
        set(curl_easy_setopt(easy, CURLOPT_SSL_CTX_DATA, &transfer->pin));
    } else if (m_options.verify_tls) {
        set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L));
        set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L));
        if (m_options.ca_file) {
            set(curl_easy_setopt(easy, CURLOPT_CAINFO, m_options.ca_file->c_str()));
        }
        if (m_options.ca_pem) {
            curl_blob blob{};
            blob.data = m_options.ca_pem->data();
            blob.len = m_options.ca_pem->size();
            blob.flags = CURL_BLOB_COPY;
            set(curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &blob));
        }
    } else {
        set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L));
        set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L));
    }
    if (rc != CURLE_OK) {
        throw Error(rc == CURLE_NOT_BUILT_IN || rc == CURLE_UNKNOWN_OPTION ? ErrorKind::tls : ErrorKind::internal,
                    std::string("HTTP client: libcurl refused an option: ") + curl_easy_strerror(rc));
    }
    return transfer;
}

std::unique_ptr<Transfer> CurlClient::acquire() {
    std::unique_lock lock(m_pool_mutex);
    m_pool_cv.wait(lock, [this] { return !m_idle.empty() || m_created < m_max_connections; });
    if (!m_idle.empty()) {
        auto transfer = std::move(m_idle.back()); // most recently used: its connection is warm
        m_idle.pop_back();
        return transfer;
    }
    ++m_created;
    lock.unlock();
    try {
        return make_transfer();
    } catch (...) {
        lock.lock();
        --m_created;
        lock.unlock();
        m_pool_cv.notify_one();
        throw;
    }
}

void CurlClient::release(std::unique_ptr<Transfer> transfer) {
    {
        const std::lock_guard lock(m_pool_mutex);
        m_idle.push_back(std::move(transfer));
    }
    m_pool_cv.notify_one();
}

Attempt CurlClient::perform(const std::string& url, BodySink* sink) {
    std::unique_ptr<Transfer> transfer = acquire();
    struct Return {
        CurlClient* client;
        std::unique_ptr<Transfer>& transfer;
        ~Return() { client->release(std::move(transfer)); }
    } give_back{this, transfer};

    transfer->error[0] = '\0';
    transfer->reason.clear();
    transfer->body.clear();
    transfer->pin.presented.clear();
    transfer->pin.mismatch = false;
    transfer->too_large = false;
    transfer->sink = sink;
    transfer->received = 0;
    transfer->sink_aborted = false;
    transfer->sink_failure = nullptr;
    Attempt attempt;
    if (const CURLcode rc = curl_easy_setopt(transfer->easy, CURLOPT_URL, url.c_str()); rc != CURLE_OK) {
        attempt.code = rc;
        attempt.curl_error = curl_easy_strerror(rc);
        return attempt;
    }
    // Timeouts of this attempt: the configured ones, bounded by the time left before the deadline.
    // A streamed GET has no whole-request limit (only the deadline), but fails when no byte
    // arrives for `timeout` (curl's low-speed check: under 1 byte/s for that many seconds).
    auto timeout = sink != nullptr ? std::chrono::milliseconds(0) : std::chrono::milliseconds(m_options.timeout);
    auto connect_timeout = m_options.connect_timeout;
    const auto left = time_left();
    if (left) {
        if (*left <= std::chrono::milliseconds(0)) {
            attempt.deadline_passed = true;
            return attempt;
        }
        if (sink != nullptr || *left < timeout) {
            timeout = *left;
            attempt.deadline_limited = true;
        }
        connect_timeout = std::min(connect_timeout, *left);
    }
    const long idle_seconds =
        sink != nullptr ? static_cast<long>(std::max<std::int64_t>(1, m_options.timeout.count())) : 0L;
    curl_easy_setopt(transfer->easy, CURLOPT_LOW_SPEED_LIMIT, sink != nullptr ? 1L : 0L);
    curl_easy_setopt(transfer->easy, CURLOPT_LOW_SPEED_TIME, idle_seconds);
    curl_easy_setopt(transfer->easy, CURLOPT_TIMEOUT_MS,
                     sink != nullptr && !left ? 0L : static_cast<long>(std::max<std::int64_t>(1, timeout.count())));
    curl_easy_setopt(transfer->easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::max<std::int64_t>(1, connect_timeout.count())));
    m_requests.fetch_add(1);
    const auto start = std::chrono::steady_clock::now();
    attempt.code = curl_easy_perform(transfer->easy);
    attempt.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    curl_easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &attempt.status);
    curl_easy_getinfo(transfer->easy, CURLINFO_OS_ERRNO, &attempt.os_errno);
    attempt.curl_error = transfer->error[0] != '\0' ? std::string(transfer->error.data())
                                                    : std::string(curl_easy_strerror(attempt.code));
    attempt.reason = std::move(transfer->reason);
    attempt.body = std::move(transfer->body);
    attempt.pin = transfer->pin;
    attempt.too_large = transfer->too_large || attempt.code == CURLE_FILESIZE_EXCEEDED;
    attempt.received = transfer->received;
    attempt.sink_aborted = transfer->sink_aborted;
    attempt.sink_failure = transfer->sink_failure;
    if (sink != nullptr && attempt.deadline_limited && attempt.code == CURLE_OPERATION_TIMEDOUT) {
        // Streamed: the low-speed limit also times out; only a cut at the deadline is the deadline's.
        const auto after = time_left();
        attempt.deadline_limited = after && *after <= std::chrono::milliseconds(50);
    }
    transfer->body = std::string(); // do not keep a large buffer per pooled handle
    transfer->sink = nullptr;
    transfer->sink_failure = nullptr;
    return attempt;
}

std::optional<std::chrono::milliseconds> CurlClient::time_left() const {
    if (!m_options.deadline) {
        return std::nullopt;
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_options.deadline->at -
                                                                 std::chrono::steady_clock::now());
}

DeadlineExceeded CurlClient::deadline_error(const std::string& path) const {
    const auto& deadline = *m_options.deadline;
    return DeadlineExceeded(redact(fmt::format("run deadline of {} s ({}) exceeded while reading GET {}",
                                               deadline.budget.count(), deadline.variable, path)),
                            path);
}

Failure CurlClient::failure_of(const std::string& path, const Attempt& attempt) const {
    const std::string endpoint = "GET " + path;
    if (attempt.too_large) {
        const std::size_t mib = m_options.max_body_bytes / (1024 * 1024);
        const std::string limit =
            mib > 0 ? fmt::format("{} MiB", mib) : fmt::format("{} bytes", m_options.max_body_bytes);
        return {HttpError(
                    ErrorKind::invalid_response,
                    redact(fmt::format("{}: answer larger than {} ({})", endpoint, limit, m_options.max_body_variable)),
                    path, 0, "", ""),
                false};
    }
    if (attempt.pin.mismatch) {
        const std::string message = pin_mismatch_message(endpoint, m_origin, m_pin, attempt.pin.presented);
        return {HttpError(ErrorKind::tls, redact(message), path, 0, "", ""), false};
    }
    if (attempt.code != CURLE_OK) {
        const TransportFailure failure = transport_failure_for_curl_code(attempt.code);
        TransportDetail detail{m_origin, attempt.curl_error, "", m_options.tls_hint};
        if (failure == TransportFailure::connect && attempt.os_errno != 0) {
            detail.os_error = std::generic_category().message(static_cast<int>(attempt.os_errno));
        }
        const std::string message = transport_message(endpoint, failure, detail);
        return {HttpError(kind_for_transport(failure), redact(message), path, 0, "", ""),
                is_retryable_transport(failure)};
    }
    const ServerError server = parse_error_body(attempt.body);
    const std::string message = status_message(endpoint, attempt.status, attempt.reason, server, m_options.auth_hint);
    HttpError::FieldErrors errors;
    for (const auto& [field, text] : server.errors) {
        errors.emplace_back(redact(field), redact(text));
    }
    return {HttpError(kind_for_status(attempt.status), redact(message), path, attempt.status, redact(attempt.reason),
                      redact(server.message), std::move(errors)),
            is_retryable_status(attempt.status)};
}

Response CurlClient::get(const std::string& path, const Query& query) {
    Attempt attempt = execute(path, query, nullptr);
    return Response{attempt.status, std::move(attempt.reason), std::move(attempt.body)};
}

StreamedResponse CurlClient::get_streamed(const std::string& path, const Query& query, BodySink& sink) {
    Attempt attempt = execute(path, query, &sink);
    return StreamedResponse{attempt.status, std::move(attempt.reason), attempt.received, attempt.sink_aborted};
}

Attempt CurlClient::execute(const std::string& path, const Query& query, BodySink* sink) {
    const std::string url = m_options.base_url + path + query_string(query);
    for (int attempt_number = 0;; ++attempt_number) {
        if (sink != nullptr) {
            sink->restart();
        }
        Attempt attempt = perform(url, sink);
        if (attempt.sink_failure) {
            std::rethrow_exception(attempt.sink_failure);
        }
        if (attempt.deadline_passed ||
            (attempt.deadline_limited && attempt.code == CURLE_OPERATION_TIMEDOUT && !attempt.pin.mismatch)) {
            DeadlineExceeded error = deadline_error(path);
            m_log->debug("{}", error.what());
            throw error;
        }
        if (attempt.sink_aborted) {
            m_log->debug("{}",
                         redact(fmt::format("GET {} -> {}: stopped by its reader after {} ({} ms)", path,
                                            attempt.status, human_size(attempt.received), attempt.elapsed.count())));
            return attempt;
        }
        if (attempt.code == CURLE_OK && attempt.status >= 200 && attempt.status < 300) {
            m_log->debug("{}",
                         redact(fmt::format("GET {} -> {} ({} ms, {})", path, attempt.status, attempt.elapsed.count(),
                                            human_size(sink != nullptr ? attempt.received : attempt.body.size()))));
            return attempt;
        }
        Failure failure = failure_of(path, attempt);
        const int allowed = failure.error.kind() == ErrorKind::timeout
                                ? std::min(m_options.max_retries, m_options.max_timeout_retries)
                                : m_options.max_retries;
        const auto delay = retry_delay(m_options.retry_backoff, attempt_number + 1);
        const auto left = time_left();
        // No retry that would start after the run deadline: the failure itself is the answer.
        if (failure.retryable && attempt_number < allowed && (!left || *left > delay)) {
            m_log->warn("{}; retry {}/{} in {} ms", failure.error.what(), attempt_number + 1, allowed, delay.count());
            std::this_thread::sleep_for(delay);
            continue;
        }
        m_log->debug("{} ({} ms)", failure.error.what(), attempt.elapsed.count());
        throw std::move(failure.error);
    }
}

} // namespace

bool is_deadline_exceeded(const std::exception& error) noexcept {
    return dynamic_cast<const DeadlineExceeded*>(&error) != nullptr;
}

std::unique_ptr<Client> make_curl_client(ClientOptions options) {
    return std::make_unique<CurlClient>(std::move(options));
}

void global_init() {
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (result != CURLE_OK) {
        throw Error(ErrorKind::internal, std::string("curl_global_init failed: ") + curl_easy_strerror(result));
    }
}

} // namespace pvr::http
