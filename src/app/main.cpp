#include "app/run.hpp"
#include "app/signals.hpp"

#include <csignal>

int main(int argc, char** argv, char** envp) {
    // A peer that closes a TLS connection early must give EPIPE, not kill the process (libcurl runs
    // with CURLOPT_NOSIGNAL, and the --demo emulator writes to sockets too).
    std::signal(SIGPIPE, SIG_IGN);
    // SIGINT/SIGTERM: remove the report file being written, exit 130/143.
    pvr::app::install_signal_handlers();
    return pvr::app::main(argc, argv, envp);
}
