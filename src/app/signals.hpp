#pragma once
// SIGINT and SIGTERM: the temporary files being written are removed and the process exits with
// 130 (SIGINT) or 143 (SIGTERM), so an interrupted run leaves nothing half-written in OUTPUT_DIR.
//
// The handler only calls async-signal-safe functions (unlink, write, _exit) and reads a fixed
// registry of paths through lock-free atomics.

#include <string>

namespace pvr::app {

/// Installs the SIGINT and SIGTERM handlers (call once, early in main).
void install_signal_handlers();

/// While alive, `path` is removed if the process is interrupted by SIGINT/SIGTERM. At most 16
/// files at once (the tool writes one at a time); beyond that registration is a no-op.
/// Create the file with the signals blocked (see BlockInterruptions) so that no signal falls
/// between its creation and its registration.
class TemporaryFileGuard {
public:
    explicit TemporaryFileGuard(const std::string& path);
    ~TemporaryFileGuard();
    TemporaryFileGuard(const TemporaryFileGuard&) = delete;
    TemporaryFileGuard& operator=(const TemporaryFileGuard&) = delete;

private:
    int m_slot = -1;
};

/// Blocks SIGINT and SIGTERM in the calling thread while alive (they are delivered after).
class BlockInterruptions {
public:
    BlockInterruptions();
    ~BlockInterruptions();
    BlockInterruptions(const BlockInterruptions&) = delete;
    BlockInterruptions& operator=(const BlockInterruptions&) = delete;

private:
    bool m_blocked = false;
    unsigned char m_old[128]{}; // sigset_t storage (no <signal.h> in this header)
};

/// Number of paths currently registered (for tests).
[[nodiscard]] int registered_temporary_files();

} // namespace pvr::app
