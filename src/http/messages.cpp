#include "http/classify.hpp"

#include <fmt/format.h>

namespace pvr::http {

std::string status_message(std::string_view endpoint, long status, std::string_view reason, const ServerError& server,
                           std::string_view auth_hint) {
    std::string out = fmt::format("{}: HTTP {}", endpoint, status);
    if (!reason.empty()) {
        out += ' ';
        out += reason;
    }
    if (!server.message.empty() && server.message != reason) {
        out += ": ";
        out += server.message;
    }
    if (!server.errors.empty()) {
        out += " (";
        bool first = true;
        for (const auto& [field, text] : server.errors) {
            out += first ? "" : "; ";
            out += field + ": " + text;
            first = false;
        }
        out += ')';
    }
    if (status == 401) {
        out += fmt::format(" (the API token was refused: {})", auth_hint);
    }
    return out;
}

std::string transport_message(std::string_view endpoint, TransportFailure failure, const TransportDetail& detail) {
    const std::string& why = detail.os_error.empty() ? detail.curl_error : detail.os_error;
    switch (failure) {
    case TransportFailure::resolve:
        return fmt::format("{}: cannot connect to {} ({})", endpoint, detail.origin, detail.curl_error);
    case TransportFailure::connect:
        return fmt::format("{}: cannot connect to {} ({})", endpoint, detail.origin, why);
    case TransportFailure::tls_verify:
        return fmt::format("{}: TLS certificate verification failed for {}: {}; {}", endpoint, detail.origin,
                           detail.curl_error, detail.tls_hint);
    case TransportFailure::tls_handshake:
        return fmt::format("{}: TLS handshake with {} failed: {}", endpoint, detail.origin, detail.curl_error);
    case TransportFailure::timeout:
        return fmt::format("{}: timeout talking to {} ({})", endpoint, detail.origin, detail.curl_error);
    case TransportFailure::connection_lost:
        return fmt::format("{}: connection to {} lost ({})", endpoint, detail.origin, detail.curl_error);
    case TransportFailure::bad_response:
        return fmt::format("{}: unusable answer from {} ({})", endpoint, detail.origin, detail.curl_error);
    case TransportFailure::bad_url:
        return fmt::format("{}: invalid request URL for {} ({})", endpoint, detail.origin, detail.curl_error);
    case TransportFailure::none:
    case TransportFailure::other:
        break;
    }
    return fmt::format("{}: request to {} failed ({})", endpoint, detail.origin, detail.curl_error);
}

std::string pin_mismatch_message(std::string_view endpoint, std::string_view origin, std::string_view expected,
                                 std::string_view presented) {
    return fmt::format("{}: TLS certificate fingerprint did not match for {}: expected {}, the server presented {}",
                       endpoint, origin, expected, presented.empty() ? "no certificate" : presented);
}

std::string human_size(std::size_t bytes) {
    if (bytes < 1024) {
        return fmt::format("{} B", bytes);
    }
    const double kib = static_cast<double>(bytes) / 1024.0;
    if (kib < 1024.0) {
        return fmt::format("{:.1f} KiB", kib);
    }
    return fmt::format("{:.1f} MiB", kib / 1024.0);
}

} // namespace pvr::http
