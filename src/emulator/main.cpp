// pve-api-emulator: serves a scenario directory over HTTPS like the PVE API, or with --pbs-server
// like that Proxmox Backup Server's API (see docs/scenarios.md).
// Prints exactly one line "PORT=<n>" once it accepts connections, serves until SIGINT/SIGTERM.

#include "core/error.hpp"
#include "emulator/emulator.hpp"

#include <CLI/CLI.hpp>

#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

using pvr::Error;
using pvr::ErrorKind;
using pvr::emulator::Token;

Token parse_token(const std::string& text, const std::string& origin) {
    const auto split = text.rfind('=');
    if (split == std::string::npos || split == 0 || split + 1 == text.size()) {
        throw Error(ErrorKind::config, origin + ": expected ID=SECRET (e.g. report@pve!ci=<uuid>)");
    }
    return Token{text.substr(0, split), text.substr(split + 1)};
}

std::vector<Token> read_token_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw Error(ErrorKind::config, "--token-file: cannot read '" + path + "'");
    }
    std::vector<Token> tokens;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
            line.pop_back();
        }
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') {
            continue;
        }
        tokens.push_back(parse_token(line.substr(first), "--token-file '" + path + "' line " + std::to_string(number)));
    }
    return tokens;
}

void write_file(const std::string& path, const std::string& content, const char* option) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
        throw Error(ErrorKind::config, std::string(option) + ": cannot write '" + path + "'");
    }
}

int run(int argc, char** argv) {
    CLI::App app{"pve-api-emulator: serves a scenario directory over HTTPS like the Proxmox VE API "
                 "(or, with --pbs-server, like a Proxmox Backup Server API)"};
    std::string scenario_dir;
    std::string pbs_server;
    pvr::emulator::EmulatorOptions options;
    std::vector<std::string> token_specs;
    std::string token_file;
    std::vector<std::string> fault_specs;
    std::string request_log;
    std::string cert_out;
    std::string key_out;
    app.add_option("--scenario", scenario_dir, "Scenario directory (see docs/scenarios.md)")->required();
    app.add_option("--pbs-server", pbs_server,
                   "Serve the PBS API of the scenario's pbs/NAME/ directory instead of the PVE API");
    app.add_option("--bind", options.bind_address, "Address to listen on")->capture_default_str();
    app.add_option("--port", options.port, "Port (0: any free port)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    app.add_option("--token", token_specs, "Accepted API token ID=SECRET (repeatable)");
    app.add_option("--token-file", token_file, "File with ID=SECRET lines (keeps secrets off the command line)");
    app.add_option("--fault", fault_specs,
                   "Fault GLOB=STATUS[:REASON] | GLOB=delay:MS | GLOB=malformed | GLOB=reset | GLOB=stall | "
                   "GLOB=slow:MS | GLOB=body:TEXT | GLOB=nest:DEPTH | GLOB=gzip-bomb:MIB (repeatable)");
    app.add_option("--request-log", request_log, "Append every request as JSON Lines to this file");
    long long latency_ms = 0;
    app.add_option("--latency-ms", latency_ms,
                   "Wait this many milliseconds before sending every answer (an emulated round trip)")
        ->check(CLI::Range(0LL, 600000LL));
    app.add_option("--threads", options.worker_threads,
                   "Worker threads = connections served at once (each kept-alive connection holds one)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
    app.add_option("--cert-out", cert_out, "Write the server certificate (the CA to trust) as PEM");
    app.add_option("--key-out", key_out, "Write the server's private key as PEM");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : pvr::exit_code::usage;
    }

    options.latency = std::chrono::milliseconds(latency_ms);
    for (const auto& spec : token_specs) {
        options.tokens.push_back(parse_token(spec, "--token"));
    }
    if (!token_file.empty()) {
        for (auto& token : read_token_file(token_file)) {
            options.tokens.push_back(std::move(token));
        }
    }
    if (options.tokens.empty()) {
        throw Error(ErrorKind::config, "no API token: give --token ID=SECRET or --token-file FILE");
    }
    for (const auto& spec : fault_specs) {
        options.faults.push_back(pvr::emulator::parse_fault(spec));
    }
    if (!request_log.empty()) {
        options.request_log = request_log;
    }
    if (!pbs_server.empty()) {
        options.personality = pvr::emulator::Personality::pbs;
        options.pbs_server = pbs_server;
    }

    // Block the stop signals before any thread exists, so only sigwait() below receives them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    pvr::emulator::Emulator emulator(pvr::emulator::Scenario::from_directory(scenario_dir), std::move(options));
    if (!cert_out.empty()) {
        write_file(cert_out, emulator.certificate_pem(), "--cert-out");
    }
    if (!key_out.empty()) {
        write_file(key_out, emulator.private_key_pem(), "--key-out");
    }
    const int port = emulator.start();
    std::cout << "PORT=" << port << std::endl;

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    emulator.stop();
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const pvr::Error& e) {
        std::cerr << "pve-api-emulator: " << e.what() << '\n';
        return e.kind() == ErrorKind::config ? pvr::exit_code::usage : pvr::exit_code::unexpected;
    } catch (const std::exception& e) {
        std::cerr << "pve-api-emulator: " << e.what() << '\n';
        return pvr::exit_code::unexpected;
    }
}
