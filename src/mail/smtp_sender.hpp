#pragma once
// Sends a Message over SMTP with libcurl: STARTTLS required for smtp:// (unless SMTP_TLS=none),
// implicit TLS for smtps://, the server's certificate always verified (system CAs or
// SMTP_CA_BUNDLE), AUTH with SMTP_USER/SMTP_PASSWORD when set. The body is built with curl's MIME
// API: multipart/mixed { multipart/alternative { text/plain, text/html }, application/pdf }.

#include "config/config.hpp"
#include "mail/message.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace pvr::mail {

struct SmtpOptions {
    std::chrono::seconds connect_timeout{30};
    std::chrono::seconds timeout{120}; // the whole delivery
    std::string helo_domain;           // EHLO name ("" = this host's name)
};

/// Delivers `message` to every recipient. Returns nullopt when the server accepted it, else a
/// sentence saying why not (naming the server and, for a refused login, SMTP_USER). The password
/// never appears in it. An expected failure, not an exception: the caller decides the exit code.
[[nodiscard]] std::optional<std::string> send_message(const Message& message, const config::MailConfig& config,
                                                      const SmtpOptions& options = {});

} // namespace pvr::mail
