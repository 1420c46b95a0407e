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

const std::vector<ExitCodeDoc>& exit_code_docs() {
    static const std::vector<ExitCodeDoc> docs = {
        {{exit_code::ok},
         "report produced (possibly with collection issues, listed in the report); verify-archive: every chain "
         "holds"},
        {{exit_code::unexpected},
         "unexpected error (a bug: please report it); verify-archive: a break in the archive's hash chain (an "
         "edited, missing, inserted or unreadable record, each named); history: no kept report shows the guest"},
        {{exit_code::usage},
         "configuration or usage error (every problem named with its variable or option), also a "
         "PBS_<STORAGE>_* variable naming no PBS storage of the cluster; verify-archive/history: an unreadable "
         "directory"},
        {{exit_code::auth}, "authentication or permission failure (token refused, privilege missing)"},
        {{exit_code::api_unusable},
         "PVE API unreachable or unusable (connection, TLS, timeout, not a PVE API), a foundation of the report "
         "missing (version, nodes, guests, backup jobs: no report is written), or the run deadline exceeded"},
        {{exit_code::output},
         "output not writable: OUTPUT_DIR or HISTORY_DIR (or, with OUTPUT_DIR_MUST_BE_MOUNTED=true as in the container "
         "image, not a mount "
         "point)"},
        {{exit_code::verdict}, "the verdict is at or above --fail-on / FAIL_ON (every report was written)"},
        {{exit_code::delivery},
         "the e-mail could not be delivered (every report was written; takes precedence over 6)"},
        {{exit_code::sigint, exit_code::sigterm},
         "interrupted by SIGINT (Ctrl-C) or SIGTERM; nothing half-written is left"},
    };
    return docs;
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
