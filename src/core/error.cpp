#include "core/error.hpp"

namespace pvr {

int exit_code_for(ErrorKind kind) noexcept {
    switch (kind) {
    case ErrorKind::config:
        return exit_code::usage;
    case ErrorKind::unauthenticated:
    case ErrorKind::permission_denied:
        return exit_code::auth;
    case ErrorKind::unreachable:
    case ErrorKind::tls:
    case ErrorKind::timeout:
    case ErrorKind::http_status:
    case ErrorKind::not_implemented:
    case ErrorKind::invalid_response:
        return exit_code::api_unusable;
    case ErrorKind::output:
        return exit_code::output;
    case ErrorKind::internal:
        return exit_code::unexpected;
    }
    return exit_code::unexpected;
}

const char* to_string(ErrorKind kind) noexcept {
    switch (kind) {
    case ErrorKind::config:
        return "configuration error";
    case ErrorKind::unauthenticated:
        return "authentication failed";
    case ErrorKind::permission_denied:
        return "permission denied";
    case ErrorKind::unreachable:
        return "unreachable";
    case ErrorKind::tls:
        return "TLS error";
    case ErrorKind::timeout:
        return "timeout";
    case ErrorKind::http_status:
        return "HTTP error";
    case ErrorKind::not_implemented:
        return "not implemented";
    case ErrorKind::invalid_response:
        return "invalid response";
    case ErrorKind::output:
        return "output error";
    case ErrorKind::internal:
        return "internal error";
    }
    return "error";
}

} // namespace pvr
