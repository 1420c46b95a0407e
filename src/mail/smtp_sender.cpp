#include "mail/smtp_sender.hpp"

#include "core/redact.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include <unistd.h>

namespace pvr::mail {
namespace {

struct CurlDeleter {
    void operator()(CURL* curl) const noexcept { curl_easy_cleanup(curl); }
    void operator()(curl_mime* mime) const noexcept { curl_mime_free(mime); }
    void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
template <typename T>
using CurlPtr = std::unique_ptr<T, CurlDeleter>;

void append(CurlPtr<curl_slist>& list, const std::string& line) {
    curl_slist* next = curl_slist_append(list.get(), line.c_str());
    if (next == nullptr) {
        throw std::bad_alloc();
    }
    static_cast<void>(list.release());
    list.reset(next);
}

/// This host's name for EHLO (curl would say "localhost"), or "localhost" when it is not a plain
/// host name.
std::string local_host_name() {
    char buffer[256] = {};
    if (::gethostname(buffer, sizeof buffer - 1) != 0) {
        return "localhost";
    }
    const std::string name(buffer);
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.';
    });
    return plain ? name : "localhost";
}

/// Text with CRLF line ends: curl's quoted-printable encoder breaks lines only there (a lone LF
/// would travel as "=0A" inside one long logical line).
std::string crlf_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 40);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) {
            out += '\r';
        }
        out += text[i];
    }
    return out;
}

/// Adds a part holding `data`.
curl_mimepart* add_part(curl_mime* mime, const std::string& data, const char* type, const char* encoder) {
    curl_mimepart* part = curl_mime_addpart(mime);
    if (part == nullptr || curl_mime_data(part, data.data(), data.size()) != CURLE_OK ||
        curl_mime_type(part, type) != CURLE_OK || curl_mime_encoder(part, encoder) != CURLE_OK) {
        throw std::bad_alloc();
    }
    return part;
}

std::string explain(CURLcode code, const char* error_buffer, long response, const config::MailConfig& config) {
    const std::string server = config.smtp_url;
    const std::string detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    const std::string smtp_code = response > 0 && detail.find(std::to_string(response)) == std::string::npos
                                      ? fmt::format(", SMTP {}", response)
                                      : std::string();
    if (detail.rfind("RCPT failed", 0) == 0) {
        return fmt::format("{} refused a recipient of MAIL_TO ({}{}); the message was sent to nobody", server, detail,
                           smtp_code);
    }
    if (detail.rfind("MAIL failed", 0) == 0) {
        return fmt::format("{} refused the sender MAIL_FROM ({}{})", server, detail, smtp_code);
    }
    switch (code) {
    case CURLE_LOGIN_DENIED:
        return fmt::format("{} refused the login of SMTP_USER '{}' ({}{}): check SMTP_USER and SMTP_PASSWORD", server,
                           config.smtp_user, detail, smtp_code);
    case CURLE_USE_SSL_FAILED:
        return fmt::format("{} does not offer STARTTLS ({}); SMTP_TLS=required refuses to send without TLS "
                           "(use smtps:// for implicit TLS, or SMTP_TLS=none for a trusted relay)",
                           server, detail);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
        return fmt::format("the TLS certificate of {} is not trusted ({}); set SMTP_CA_BUNDLE to the CA that "
                           "signed it",
                           server, detail);
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
        return fmt::format("cannot connect to {} ({})", server, detail);
    case CURLE_OPERATION_TIMEDOUT:
        return fmt::format("{} did not answer in time ({})", server, detail);
    default:
        return fmt::format("{}: {}{}", server, detail, smtp_code);
    }
}

} // namespace

std::optional<std::string> send_message(const Message& message, const config::MailConfig& config,
                                        const SmtpOptions& options) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    Redactor redactor;
    redactor.add_secret(config.smtp_password);

    CurlPtr<CURL> curl(curl_easy_init());
    if (!curl) {
        return std::string("cannot initialise libcurl");
    }
    CURL* c = curl.get();
    char error_buffer[CURL_ERROR_SIZE] = {};
    const std::string helo = options.helo_domain.empty() ? local_host_name() : options.helo_domain;
    const std::string url = config.smtp_url + "/" + helo; // the path is the EHLO domain
    const std::string mail_from = "<" + message.from.address + ">";

    CurlPtr<curl_slist> recipients;
    for (const auto& to : message.to) {
        append(recipients, "<" + to.address + ">");
    }
    CurlPtr<curl_slist> headers;
    for (const auto& line : header_lines(message)) {
        append(headers, line);
    }

    // multipart/mixed { multipart/alternative { text/plain, text/html }, application/pdf }
    CurlPtr<curl_mime> mime(curl_mime_init(c));
    curl_mime* alternative = curl_mime_init(c);
    add_part(alternative, crlf_lines(message.text), "text/plain; charset=utf-8", "quoted-printable");
    add_part(alternative, crlf_lines(message.html), "text/html; charset=utf-8", "quoted-printable");
    curl_mimepart* body = curl_mime_addpart(mime.get());
    if (curl_mime_subparts(body, alternative) != CURLE_OK) { // `mime` owns `alternative` from here
        curl_mime_free(alternative);
        throw std::bad_alloc();
    }
    static_cast<void>(curl_mime_type(body, "multipart/alternative"));
    CurlPtr<curl_slist> inline_header;
    append(inline_header, "Content-Disposition: inline");
    static_cast<void>(curl_mime_headers(body, inline_header.release(), 1));
    if (!message.attachment.empty()) {
        curl_mimepart* pdf = add_part(mime.get(), message.attachment, "application/pdf", "base64");
        static_cast<void>(curl_mime_filename(pdf, message.attachment_name.c_str()));
    }

    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(config.smtp_tls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (config.smtp_ca_bundle) {
        curl_easy_setopt(c, CURLOPT_CAINFO, config.smtp_ca_bundle->c_str());
    }
    if (!config.smtp_user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, config.smtp_user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, config.smtp_password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get()); // the message's own headers
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);

    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK) {
        return std::nullopt;
    }
    long response = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response);
    return redactor.redact(explain(code, error_buffer, response, config));
}

} // namespace pvr::mail
