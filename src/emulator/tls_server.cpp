#include "emulator/tls_server.hpp"

#include "core/error.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <memory>

namespace pvr::emulator {
namespace {

constexpr int k_poll_slice_ms = 50;

bool iequals_prefix(std::string_view line, std::string_view prefix) {
    if (line.size() < prefix.size()) {
        return false;
    }
    return std::equal(prefix.begin(), prefix.end(), line.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

bool poll_socket(socket_t sock, short events, int timeout_ms) {
    pollfd pfd{};
    pfd.fd = sock;
    pfd.events = events;
    int rc = 0;
    do {
        rc = ::poll(&pfd, 1, timeout_ms);
    } while (rc < 0 && errno == EINTR);
    return rc > 0;
}

void address_of(const sockaddr_storage& addr, std::string& ip, int& port) {
    char buffer[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
        ::inet_ntop(AF_INET, &in->sin_addr, buffer, sizeof(buffer));
        port = ntohs(in->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&addr);
        ::inet_ntop(AF_INET6, &in6->sin6_addr, buffer, sizeof(buffer));
        port = ntohs(in6->sin6_port);
    }
    ip = buffer;
}

/// httplib::Stream over an accepted TLS connection (blocking socket with SO_RCVTIMEO/SNDTIMEO).
class TlsStream final : public httplib::Stream {
public:
    TlsStream(socket_t sock, SSL* ssl, int read_timeout_ms, int write_timeout_ms)
        : m_sock(sock), m_ssl(ssl), m_read_timeout_ms(read_timeout_ms), m_write_timeout_ms(write_timeout_ms) {}

    bool is_readable() const override {
        return SSL_pending(m_ssl) > 0 || poll_socket(m_sock, POLLIN, m_read_timeout_ms);
    }
    bool is_writable() const override { return poll_socket(m_sock, POLLOUT, m_write_timeout_ms); }

    ssize_t read(char* ptr, size_t size) override {
        if (!is_readable()) {
            return -1;
        }
        const int n = SSL_read(m_ssl, ptr, static_cast<int>(std::min<size_t>(size, INT_MAX)));
        if (n > 0) {
            return n;
        }
        return SSL_get_error(m_ssl, n) == SSL_ERROR_ZERO_RETURN ? 0 : -1;
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (const auto head = rewrite_response_head(std::string_view(ptr, size))) {
            return write_all(head->data(), head->size()) ? static_cast<ssize_t>(size) : -1;
        }
        return write_all(ptr, size) ? static_cast<ssize_t>(size) : -1;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage addr{};
        socklen_t len = sizeof(addr);
        if (::getpeername(m_sock, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
            address_of(addr, ip, port);
        }
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage addr{};
        socklen_t len = sizeof(addr);
        if (::getsockname(m_sock, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
            address_of(addr, ip, port);
        }
    }
    socket_t socket() const override { return m_sock; }

private:
    bool write_all(const char* ptr, size_t size) {
        while (size > 0) {
            const int n = SSL_write(m_ssl, ptr, static_cast<int>(std::min<size_t>(size, INT_MAX)));
            if (n <= 0) {
                return false;
            }
            ptr += n;
            size -= static_cast<size_t>(n);
        }
        return true;
    }

    socket_t m_sock;
    SSL* m_ssl;
    int m_read_timeout_ms;
    int m_write_timeout_ms;
};

void set_socket_timeout(socket_t sock, int option, time_t sec, time_t usec) {
    timeval tv{};
    tv.tv_sec = sec;
    tv.tv_usec = static_cast<suseconds_t>(usec);
    ::setsockopt(sock, SOL_SOCKET, option, &tv, sizeof(tv));
}

int to_ms(time_t sec, time_t usec) { return static_cast<int>(sec * 1000 + usec / 1000); }

} // namespace

std::optional<std::string> rewrite_response_head(std::string_view data) {
    if (data.substr(0, 9) != "HTTP/1.1 ") {
        return std::nullopt;
    }
    const auto head_end = data.find("\r\n\r\n");
    if (head_end == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view head = data.substr(0, head_end + 2); // each line ends with CRLF
    if (head.find("\r\nX-Pvr-") == std::string_view::npos && head.find("\r\nx-pvr-") == std::string_view::npos) {
        return std::nullopt;
    }
    std::string status_line;
    std::string headers;
    std::optional<std::string> reason;
    std::size_t begin = 0;
    bool first = true;
    while (begin < head.size()) {
        const auto end = head.find("\r\n", begin);
        const std::string_view line = head.substr(begin, end - begin);
        begin = end + 2;
        if (first) {
            status_line = std::string(line);
            first = false;
            continue;
        }
        if (iequals_prefix(line, "X-Pvr-")) {
            if (iequals_prefix(line, std::string(k_reason_header) + ":")) {
                std::string_view value = line.substr(std::string_view(k_reason_header).size() + 1);
                while (!value.empty() && value.front() == ' ') {
                    value.remove_prefix(1);
                }
                reason = std::string(value);
            }
            continue;
        }
        headers.append(line).append("\r\n");
    }
    if (reason) {
        // "HTTP/1.1 595 Internal Server Error" -> "HTTP/1.1 595 <reason>"
        const auto code_end = status_line.find(' ', 9);
        status_line =
            status_line.substr(0, code_end == std::string::npos ? status_line.size() : code_end) + " " + *reason;
    }
    std::string out = status_line + "\r\n" + headers + "\r\n";
    out.append(data.substr(head_end + 4));
    return out;
}

TlsServer::TlsServer(const std::string& cert_pem, const std::string& key_pem) {
    using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
    using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
    using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
    BioPtr cert_bio(BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size())), &BIO_free);
    BioPtr key_bio(BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size())), &BIO_free);
    X509Ptr cert(cert_bio ? PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr) : nullptr, &X509_free);
    KeyPtr key(key_bio ? PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
    if (!cert || !key) {
        ERR_clear_error();
        throw Error(ErrorKind::config, "the emulator's TLS certificate or key is not valid PEM");
    }
    m_ctx = SSL_CTX_new(TLS_server_method());
    if (m_ctx == nullptr || SSL_CTX_set_min_proto_version(m_ctx, TLS1_2_VERSION) != 1 ||
        SSL_CTX_use_certificate(m_ctx, cert.get()) != 1 || SSL_CTX_use_PrivateKey(m_ctx, key.get()) != 1 ||
        SSL_CTX_check_private_key(m_ctx) != 1) {
        ERR_clear_error();
        SSL_CTX_free(m_ctx);
        m_ctx = nullptr;
        throw Error(ErrorKind::config, "the emulator's TLS certificate and key do not fit together");
    }
    SSL_CTX_set_options(m_ctx, SSL_OP_NO_COMPRESSION);
    SSL_CTX_set_mode(m_ctx, SSL_MODE_AUTO_RETRY);
}

TlsServer::~TlsServer() { SSL_CTX_free(m_ctx); }

bool TlsServer::wait_for_request(socket_t sock, SSL* ssl) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
    while (true) {
        if (SSL_pending(ssl) > 0 || poll_socket(sock, POLLIN, k_poll_slice_ms)) {
            return true;
        }
        if (svr_sock_ == INVALID_SOCKET || std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
    }
}

bool TlsServer::process_and_close_socket(socket_t sock) {
    set_socket_timeout(sock, SO_RCVTIMEO, read_timeout_sec_, read_timeout_usec_);
    set_socket_timeout(sock, SO_SNDTIMEO, write_timeout_sec_, write_timeout_usec_);
    // The response head and body are written separately: without TCP_NODELAY, Nagle's algorithm and
    // the client's delayed ACK add ~40 ms to every request.
    const int one = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    bool ok = false;
    SSL* ssl = SSL_new(m_ctx);
    if (ssl != nullptr && SSL_set_fd(ssl, sock) == 1 && SSL_accept(ssl) == 1) {
        TlsStream stream(sock, ssl, to_ms(read_timeout_sec_, read_timeout_usec_),
                         to_ms(write_timeout_sec_, write_timeout_usec_));
        std::size_t remaining = keep_alive_max_count_;
        while (remaining > 0 && wait_for_request(sock, ssl)) {
            const bool close_connection = remaining == 1 || svr_sock_ == INVALID_SOCKET;
            bool connection_closed = false;
            ok = process_request(stream, close_connection, connection_closed,
                                 [ssl](httplib::Request& request) { request.ssl = ssl; });
            if (!ok || connection_closed) {
                break;
            }
            --remaining;
        }
        if (ok) {
            SSL_shutdown(ssl);
        }
    }
    ERR_clear_error();
    SSL_free(ssl);
    ::shutdown(sock, SHUT_RDWR);
    httplib::detail::close_socket(sock);
    return ok;
}

} // namespace pvr::emulator
