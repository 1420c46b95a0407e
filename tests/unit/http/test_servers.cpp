#include "test_servers.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include <csignal>

// The raw TLS responders write to clients that may already have closed: that must fail with EPIPE,
// not kill the test process (as the emulator and the application do).
static const bool k_sigpipe_ignored = [] {
    std::signal(SIGPIPE, SIG_IGN);
    return true;
}();

namespace pvr::http::test {

const emulator::TlsIdentity& identity() {
    static const emulator::TlsIdentity id = emulator::generate_self_signed();
    return id;
}

bool use_identity(SSL_CTX& ctx, const emulator::TlsIdentity& id) {
    BIO* cert_bio = BIO_new_mem_buf(id.cert_pem.data(), static_cast<int>(id.cert_pem.size()));
    X509* cert = PEM_read_bio_X509(cert_bio, nullptr, nullptr, nullptr);
    BIO_free(cert_bio);
    BIO* key_bio = BIO_new_mem_buf(id.key_pem.data(), static_cast<int>(id.key_pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio, nullptr, nullptr, nullptr);
    BIO_free(key_bio);
    const bool ok = cert != nullptr && key != nullptr && SSL_CTX_use_certificate(&ctx, cert) == 1 &&
                    SSL_CTX_use_PrivateKey(&ctx, key) == 1;
    X509_free(cert);
    EVP_PKEY_free(key);
    return ok;
}

HttplibServer::HttplibServer(const emulator::TlsIdentity& id, const std::string& host)
    : m_server([&id](SSL_CTX& ctx) { return use_identity(ctx, id); }), m_host(host) {
    if (!m_server.is_valid()) {
        throw std::runtime_error("httplib::SSLServer is not valid");
    }
}

void HttplibServer::start() {
    m_port = m_server.bind_to_any_port(m_host);
    if (m_port <= 0) {
        throw std::runtime_error("cannot bind " + m_host);
    }
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    for (int i = 0; i < 5000 && !m_server.is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

HttplibServer::~HttplibServer() {
    m_server.stop();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

RawTlsServer::RawTlsServer(Handler handler, const emulator::TlsIdentity& id) : m_handler(std::move(handler)) {
    m_ctx = SSL_CTX_new(TLS_server_method());
    if (m_ctx == nullptr || !use_identity(*m_ctx, id)) {
        throw std::runtime_error("cannot set up the TLS context");
    }
    m_listen_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    if (::bind(m_listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::listen(m_listen_fd, 16) != 0 ||
        ::getsockname(m_listen_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        throw std::runtime_error("cannot listen");
    }
    m_port = ntohs(address.sin_port);
    m_acceptor = std::thread([this] { accept_loop(); });
}

RawTlsServer::~RawTlsServer() {
    m_stop = true;
    ::shutdown(m_listen_fd, SHUT_RDWR);
    m_acceptor.join();
    ::close(m_listen_fd);
    {
        const std::lock_guard lock(m_mutex);
        for (const int fd : m_client_fds) {
            ::shutdown(fd, SHUT_RDWR);
        }
    }
    for (auto& worker : m_workers) {
        worker.join();
    }
    SSL_CTX_free(m_ctx);
}

void RawTlsServer::accept_loop() {
    while (!m_stop) {
        const int fd = ::accept(m_listen_fd, nullptr, nullptr);
        if (fd < 0) {
            if (m_stop) {
                return;
            }
            continue;
        }
        ++m_connections;
        const std::lock_guard lock(m_mutex);
        m_client_fds.push_back(fd);
        m_workers.emplace_back([this, fd] { serve(fd); });
    }
}

void RawTlsServer::serve(int fd) {
    SSL* ssl = SSL_new(m_ctx);
    SSL_set_fd(ssl, fd);
    if (SSL_accept(ssl) == 1) {
        std::string buffer;
        std::array<char, 4096> chunk{};
        bool open = true;
        while (open && !m_stop) {
            auto end = buffer.find("\r\n\r\n");
            while (end == std::string::npos) {
                const int n = SSL_read(ssl, chunk.data(), static_cast<int>(chunk.size()));
                if (n <= 0) {
                    open = false;
                    break;
                }
                buffer.append(chunk.data(), static_cast<std::size_t>(n));
                end = buffer.find("\r\n\r\n");
            }
            if (!open) {
                break;
            }
            const std::string head = buffer.substr(0, end + 4);
            buffer.erase(0, end + 4);
            ++m_requests;
            const std::string response = m_handler(head);
            if (response.empty()) {
                break;
            }
            if (SSL_write(ssl, response.data(), static_cast<int>(response.size())) <= 0) {
                break;
            }
            open = response.find("Connection: close") == std::string::npos;
        }
        SSL_shutdown(ssl);
    }
    SSL_free(ssl);
    ::shutdown(fd, SHUT_RDWR);
    {
        const std::lock_guard lock(m_mutex);
        std::erase(m_client_fds, fd);
    }
    ::close(fd);
}

std::string raw_response(int status, const std::string& reason, const std::string& body,
                         const std::string& extra_headers) {
    return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n" + extra_headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd); // bound but never listening, then released: connections are refused
    return ntohs(address.sin_port);
}

} // namespace pvr::http::test
