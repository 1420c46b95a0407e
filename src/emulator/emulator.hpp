#pragma once
// pve-api-emulator: serves a scenario directory over HTTPS the way the PVE API does
// (token check, GET only, filters, proxy errors for offline nodes, injected faults, request log),
// or, with `Personality::pbs`, the way one Proxmox Backup Server's API does (`pbs/<server>/`).
// Used by the integration tests, the standalone `pve-api-emulator` binary and `--demo`.

#include "emulator/scenario.hpp"
#include "emulator/tls_identity.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pvr::emulator {

/// The API the emulator plays: PVE (`pve/`) or one PBS (`pbs/<server>/`).
enum class Personality : std::uint8_t { pve, pbs };

/// An injected fault. `path_glob` matches the API path without "/api2/json" and without the
/// query (`*` matches any run of characters, also '/'): "/nodes/pve3/*", "/cluster/backup".
struct Fault {
    std::string path_glob;
    int status = 0;                     // 0: no status fault; else answer with it (e.g. 401/403/500/595/596)
    std::string reason;                 // reason phrase / message (default: a realistic one)
    std::chrono::milliseconds delay{0}; // wait before answering
    bool malformed = false;             // answer 200 with a truncated, non-JSON body
    /// Serve exactly these bytes instead of the answer (status: `status`, 200 when 0).
    std::optional<std::string> body;
    std::string content_type;     // of a raw `body` (empty: PVE's "application/json;charset=UTF-8")
    std::string content_encoding; // Content-Encoding header of a raw `body` (e.g. "gzip")
    /// Text substitutions applied to the real answer's body, in order (every occurrence).
    std::vector<std::pair<std::string, std::string>> replace;
    /// How the connection misbehaves once the request has been read.
    enum class Network : std::uint8_t {
        none,
        reset, // half the body is sent, then the connection is closed (RST) despite Content-Length
        stall, // the request is accepted and never answered, until the client goes away
        slow,  // the body trickles: `slow_chunk` bytes every `slow_interval`
    };
    Network network = Network::none;
    std::chrono::milliseconds slow_interval{200};
    std::size_t slow_chunk = 8;

    /// True when this fault changes the answer (anything but a pure delay).
    [[nodiscard]] bool shapes_answer() const noexcept {
        return status != 0 || malformed || body.has_value() || !replace.empty() || network != Network::none;
    }
};
/// Parses "GLOB=595", "GLOB=595:No route to host", "GLOB=delay:1500", "GLOB=malformed", "GLOB=reset",
/// "GLOB=stall", "GLOB=slow:MS" (8 bytes every MS), "GLOB=body:TEXT", "GLOB=nest:DEPTH" (a `data`
/// nested DEPTH arrays deep), "GLOB=gzip-bomb:MIB" (a gzip body inflating to MIB mebibytes).
/// Throws pvr::Error(config) naming the text on a bad spec.
[[nodiscard]] Fault parse_fault(const std::string& spec);

struct Token {
    std::string id;     // "user@realm!name"
    std::string secret; // PVE: "PVEAPIToken=<id>=<secret>", PBS: "PBSAPIToken=<id>:<secret>" (or a space
                        // after the keyword)
};

/// One line per request in the request log (JSON Lines): method, path, query, status,
/// auth ("ok" | "missing" | "invalid"). Never the Authorization header or the secret.
struct RequestLogEntry {
    std::string method;
    std::string path;  // request path as sent, URL-decoded, e.g. "/api2/json/cluster/resources"
    std::string query; // raw query string
    int status = 0;
    std::string auth;
    std::string api_path; // path below "/api2/json" ("/cluster/resources"); empty outside the API
    std::string fault;    // injected faults applied, comma-separated: "delay", "status", "malformed", "body",
                          // "replace", "reset", "stall", "slow"
};

struct EmulatorOptions {
    Personality personality = Personality::pve;
    /// PBS only: the `<server>` directory below `pbs/` to serve (e.g. "pbs1.example.lan").
    std::string pbs_server;
    std::string bind_address = "127.0.0.1";
    int port = 0; // 0: any free port
    std::vector<Token> tokens;
    std::vector<Fault> faults;
    std::optional<std::filesystem::path> request_log; // also kept in memory (requests())
    TlsIdentity tls;                                  // empty: a fresh self-signed identity is generated
    /// Real PVE and PBS delay every 401 by ~3 s; the emulator answers at once unless this is set.
    std::chrono::milliseconds auth_failure_delay{0};
    /// Worker threads: each open connection holds one while it is kept alive, so this bounds the
    /// connections served at once (more wait in the accept queue).
    std::size_t worker_threads = 8;
    /// Every answer waits this long before it is sent (an emulated network round trip), per request;
    /// other connections are served meanwhile.
    std::chrono::milliseconds latency{0};
    /// Serve plain HTTP instead of HTTPS (a misconfigured or impostor server on the HTTPS port).
    bool plain_http = false;
};

class Emulator {
public:
    Emulator(Scenario scenario, EmulatorOptions options);
    ~Emulator();
    Emulator(const Emulator&) = delete;
    Emulator& operator=(const Emulator&) = delete;

    /// Binds, starts serving on a background thread, returns once it accepts connections.
    /// Returns the port. Throws pvr::Error on failure.
    int start();
    void stop();
    [[nodiscard]] int port() const noexcept;
    /// "https://127.0.0.1:<port>"
    [[nodiscard]] std::string base_url() const;
    /// PEM of the certificate the server presents (trust it as the CA).
    [[nodiscard]] const std::string& certificate_pem() const noexcept;
    [[nodiscard]] const std::string& certificate_fingerprint() const noexcept;
    /// PEM of the server's private key (for --key-out).
    [[nodiscard]] const std::string& private_key_pem() const noexcept;
    /// Adds a fault while running (thread-safe).
    void add_fault(Fault fault);
    void clear_faults();
    /// Every request seen so far (thread-safe copy).
    [[nodiscard]] std::vector<RequestLogEntry> requests() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pvr::emulator
