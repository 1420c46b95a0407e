#include "app/run.hpp"

#include <csignal>

int main(int argc, char** argv, char** envp) {
    // A peer that closes a TLS connection early must give EPIPE, not kill the process (libcurl runs
    // with CURLOPT_NOSIGNAL, and the --demo emulator writes to sockets too).
    std::signal(SIGPIPE, SIG_IGN);
    return pvr::app::main(argc, argv, envp);
}
