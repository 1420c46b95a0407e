#pragma once
// `--check`: verifies that the token can read what the report needs, and says which privilege
// is missing when a listing is refused or comes back empty.

#include "collect/pbs_connection.hpp"
#include "config/config.hpp"
#include "http/client.hpp"

#include <ostream>

namespace pvr::app {

/// Prints one line per check to `out`: the PVE listings the report reads, then every PBS server
/// the report would read (the PVE storages of type pbs with the PBS_* settings): reachable,
/// certificate trusted or matching its pinned fingerprint, token accepted, each storage's
/// datastore and namespace visible, the prune jobs readable — with the missing privilege named.
/// Returns the exit code: 0 all readable, 3 a token refused or a privilege missing (PVE or PBS),
/// 4 an API unreachable, untrusted or unusable.
[[nodiscard]] int run_check(http::Client& pve, const std::string& url, const config::Config& config,
                            const collect::PbsClientFactory& pbs_factory, std::ostream& out);

} // namespace pvr::app
