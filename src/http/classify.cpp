#include "http/classify.hpp"

namespace pvr::http {

ErrorKind kind_for_status(long status) noexcept {
    switch (status) {
    case 401:
        return ErrorKind::unauthenticated;
    case 403:
        return ErrorKind::permission_denied;
    case 404: // PBS: endpoint absent
    case 501: // PVE: "Method 'GET /foo' not implemented"
        return ErrorKind::not_implemented;
    default:
        return ErrorKind::http_status;
    }
}

ErrorKind kind_for_transport(TransportFailure failure) noexcept {
    switch (failure) {
    case TransportFailure::resolve:
    case TransportFailure::connect:
    case TransportFailure::connection_lost:
    case TransportFailure::other:
        return ErrorKind::unreachable;
    case TransportFailure::tls_verify:
    case TransportFailure::tls_handshake:
        return ErrorKind::tls;
    case TransportFailure::timeout:
        return ErrorKind::timeout;
    case TransportFailure::bad_response:
        return ErrorKind::invalid_response;
    case TransportFailure::bad_url:
    case TransportFailure::none:
        return ErrorKind::internal;
    }
    return ErrorKind::internal;
}

bool is_retryable_status(long status) noexcept {
    return status == 502 || status == 503 || status == 596 || status == 597;
}

bool is_retryable_transport(TransportFailure failure) noexcept {
    return failure == TransportFailure::timeout || failure == TransportFailure::connection_lost;
}

std::chrono::milliseconds retry_delay(std::chrono::milliseconds backoff, int retry) noexcept {
    const int shift = retry < 1 ? 0 : (retry > 10 ? 9 : retry - 1);
    return backoff * (1LL << shift);
}

} // namespace pvr::http
