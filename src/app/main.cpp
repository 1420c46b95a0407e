#include "app/output.hpp"
#include "app/run.hpp"
#include "app/signals.hpp"

#include <csignal>

int main(int argc, char** argv, char** envp) {
    // A peer that closes a TLS connection early must give EPIPE, not kill the process (libcurl runs
    // with CURLOPT_NOSIGNAL, and the --demo emulator writes to sockets too).
    std::signal(SIGPIPE, SIG_IGN);
    // SIGINT/SIGTERM: remove the report file being written, exit 130/143.
    pvr::app::install_signal_handlers();
    // Reports get 0666 minus the umask: read it now, before any thread could create a file.
    static_cast<void>(pvr::app::report_file_mode());
    return pvr::app::main(argc, argv, envp);
}
