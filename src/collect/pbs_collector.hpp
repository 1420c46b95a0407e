#pragma once
// Collects what the Proxmox Backup Servers behind the PVE storages of type pbs hold: version,
// time zone, datastore usage, namespaces, the snapshots of each storage's namespace, prune jobs.
// Every problem becomes a CollectionIssue; nothing here throws for an unreachable or refusing PBS.

#include "collect/pbs_connection.hpp"
#include "config/config.hpp"
#include "core/time.hpp"
#include "model/inventory.hpp"

#include <cstddef>

namespace pvr::collect {

struct PbsCollectorOptions {
    std::size_t parallelism = 4; // concurrent requests over all servers
    /// The run's time: snapshot times before 2000 or more than a day after it are rejected per
    /// snapshot (nullopt: only times beyond calendar arithmetic are).
    std::optional<EpochSeconds> now;
    /// false (`--check`): everything but the snapshot listings (which may be large); every
    /// pbs_content entry then stays collected = false.
    bool read_snapshots = true;
};

/// Fills inventory.pbs_configured, pbs_servers and pbs_content for every PVE storage of type pbs
/// in inventory.storages (disabled ones too: they may still hold backups). When PBS is not
/// configured (config.pbs_configured() is false) nothing is requested and the lists stay empty.
/// Storages that share (url, token id, fingerprint) share one client (one factory call) and one
/// PbsServer. Issue sources: "pbs/<storage id>" for a storage's problems, "pbs/<host:port>" for a
/// server's (the message names the storages affected).
void collect_pbs(model::Inventory& inventory, const config::Config& config, const PbsClientFactory& factory,
                 const PbsCollectorOptions& options);

/// The production factory: a curl client per connection (PBSAPIToken header, certificate pinning
/// with the connection's fingerprint, else PBS_CA_BUNDLE / system CAs and PBS_VERIFY_TLS,
/// PBS_TIMEOUT, MAX_RESPONSE_MB, the run deadline, hints naming the PBS variables, secrets redacted).
[[nodiscard]] PbsClientFactory make_pbs_client_factory(const config::Config& config,
                                                       std::optional<http::Deadline> deadline = std::nullopt);

} // namespace pvr::collect
