#pragma once
// Error kinds shared by every stage, and the exit codes they map to. exit_code_docs() is the one
// description of the exit codes: `--help` prints it, and a test checks the README table and the
// man page's EXIT STATUS against it.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace pvr {

enum class ErrorKind : std::uint8_t {
    config,            // bad environment variable or command line (exit 2)
    unauthenticated,   // HTTP 401: token unknown, expired or wrong secret (exit 3)
    permission_denied, // HTTP 403: the token lacks a privilege (exit 3)
    unreachable,       // connection refused, DNS, no route (exit 4)
    tls,               // certificate verification or handshake failure (exit 4)
    timeout,           // connect or transfer timeout (exit 4)
    http_status,       // any other non-2xx status, incl. PVE proxy codes 595/596/597 (exit 4)
    not_implemented,   // HTTP 501 (PVE) / 404 (PBS): endpoint absent on this version
    invalid_response,  // not JSON, or JSON of the wrong shape (exit 4)
    output,            // report file cannot be written (exit 5)
    internal,          // a bug (exit 1)
};

/// Exit codes of pve-backup-report, documented in the README.
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int unexpected = 1;
inline constexpr int usage = 2;
inline constexpr int auth = 3;
inline constexpr int api_unusable = 4;
inline constexpr int output = 5;
inline constexpr int verdict = 6;   // --fail-on: the verdict reached the threshold (every report was written)
inline constexpr int delivery = 7;  // the e-mail could not be delivered (every report was written)
inline constexpr int sigint = 130;  // interrupted by SIGINT (128 + 2); nothing half-written is left
inline constexpr int sigterm = 143; // interrupted by SIGTERM (128 + 15); nothing half-written is left
} // namespace exit_code

[[nodiscard]] int exit_code_for(ErrorKind kind) noexcept;

/// One documented exit status: its codes ({130, 143} share a line) and what it means.
struct ExitCodeDoc {
    std::vector<int> codes;
    std::string meaning;
};
/// Every exit status of the main command, in order (`monitor` has the Monitoring Plugins' own).
[[nodiscard]] const std::vector<ExitCodeDoc>& exit_code_docs();
[[nodiscard]] const char* to_string(ErrorKind kind) noexcept;

/// The one exception type of the project. `what()` is a complete sentence for a human; it never
/// contains a secret (callers redact before constructing).
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    [[nodiscard]] ErrorKind kind() const noexcept { return m_kind; }

private:
    ErrorKind m_kind;
};

} // namespace pvr
