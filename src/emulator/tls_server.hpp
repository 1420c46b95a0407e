#pragma once
// An HTTPS httplib::Server that can put any reason phrase on the status line.
//
// cpp-httplib 0.11.4 ignores Response::reason: the status line always carries its own table's
// text ("HTTP/1.1 595 Internal Server Error", "HTTP/1.1 401 Unauthorized"). PVE puts its error
// text there ("HTTP/1.1 595 No route to host"), so this server runs its own TLS connection loop
// (overriding Server::process_and_close_socket, calling the protected process_request) with a
// Stream that rewrites the response head: a handler sets the internal header k_reason_header,
// the stream moves its value onto the status line and drops every "X-Pvr-*" header.

#include <httplib.h>

#include <openssl/ssl.h>

#include <optional>
#include <string>
#include <string_view>

namespace pvr::emulator {

inline constexpr const char* k_reason_header = "X-Pvr-Reason";
/// Set by the emulator's handlers when they logged the request themselves (never sent).
inline constexpr const char* k_logged_header = "X-Pvr-Logged";

/// The response head with the status line's reason replaced by the X-Pvr-Reason value and all
/// X-Pvr-* headers removed; nullopt if `data` is not a complete head with such headers.
[[nodiscard]] std::optional<std::string> rewrite_response_head(std::string_view data);

class TlsServer final : public httplib::Server {
public:
    /// Throws pvr::Error(config) if the PEM certificate or key cannot be used.
    TlsServer(const std::string& cert_pem, const std::string& key_pem);
    ~TlsServer() override;
    TlsServer(const TlsServer&) = delete;
    TlsServer& operator=(const TlsServer&) = delete;

    [[nodiscard]] bool is_valid() const override { return m_ctx != nullptr; }

private:
    bool process_and_close_socket(socket_t sock) override;
    [[nodiscard]] bool wait_for_request(socket_t sock, SSL* ssl) const;

    SSL_CTX* m_ctx = nullptr;
};

} // namespace pvr::emulator
