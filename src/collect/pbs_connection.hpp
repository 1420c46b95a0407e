#pragma once
// How the PBS collector reaches one Proxmox Backup Server.

#include "http/client.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace pvr::collect {

struct PbsConnection {
    std::string url;          // "https://pbs1.example.lan:8007" (no path)
    std::string token_id;     // user@realm!name
    std::string token_secret; // never logged
    /// Pinned SHA-256 certificate fingerprint ("AB:CD:...", upper case): the only trust anchor.
    std::optional<std::string> fingerprint;
    // For messages only:
    std::string token_variable = "PBS_TOKEN_ID"; // where token_id comes from ("PBS_PBS_MAIN_TOKEN_ID")
    std::string source = "pbs";                  // issue source of server-level problems ("pbs/pbs1:8007")

    /// The variable holding the secret: token_variable with _TOKEN_SECRET instead of _TOKEN_ID.
    [[nodiscard]] std::string secret_variable() const;
};

/// Makes the client of one connection (called once per connection, possibly from several threads).
using PbsClientFactory = std::function<std::unique_ptr<http::Client>(const PbsConnection&)>;

} // namespace pvr::collect
