#pragma once
// HTTPS servers for the HTTP client tests: cpp-httplib for ordinary answers, and a raw OpenSSL
// responder for exact status lines (httplib writes its own reason phrases).

#include "emulator/tls_identity.hpp"

#include <httplib.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pvr::http::test {

/// The identity shared by every test of the process (generating one costs a few ms).
const emulator::TlsIdentity& identity();
/// Loads the certificate and key into a server context.
bool use_identity(SSL_CTX& ctx, const emulator::TlsIdentity& identity);

/// An httplib::SSLServer on 127.0.0.1 (or another loopback address), port chosen by the system.
class HttplibServer {
public:
    explicit HttplibServer(const emulator::TlsIdentity& id = identity(), const std::string& host = "127.0.0.1");
    ~HttplibServer();
    HttplibServer(const HttplibServer&) = delete;
    HttplibServer& operator=(const HttplibServer&) = delete;

    httplib::Server& server() { return m_server; }
    /// Starts listening; register the handlers first.
    void start();
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] std::string url() const { return "https://" + m_host + ":" + std::to_string(m_port); }

private:
    httplib::SSLServer m_server;
    std::string m_host;
    int m_port = 0;
    std::thread m_thread;
};

/// A tiny HTTPS responder: the handler gets the request head and returns the raw response text
/// ("" closes the connection without answering). Keeps connections alive unless the response
/// contains "Connection: close".
class RawTlsServer {
public:
    using Handler = std::function<std::string(const std::string& request_head)>;
    explicit RawTlsServer(Handler handler, const emulator::TlsIdentity& id = identity());
    ~RawTlsServer();
    RawTlsServer(const RawTlsServer&) = delete;
    RawTlsServer& operator=(const RawTlsServer&) = delete;

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    [[nodiscard]] int connections() const { return m_connections.load(); }
    [[nodiscard]] int requests() const { return m_requests.load(); }

private:
    void accept_loop();
    void serve(int fd);

    Handler m_handler;
    SSL_CTX* m_ctx = nullptr;
    int m_listen_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    std::atomic<int> m_requests{0};
    std::mutex m_mutex;
    std::vector<int> m_client_fds;
    std::vector<std::thread> m_workers;
    std::thread m_acceptor;
};

/// A raw response with Content-Length.
std::string raw_response(int status, const std::string& reason, const std::string& body = "",
                         const std::string& extra_headers = "");

/// A TCP port on 127.0.0.1 where nothing listens.
int closed_port();

} // namespace pvr::http::test
