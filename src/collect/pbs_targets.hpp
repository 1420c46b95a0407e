#pragma once
// Which PBS server, datastore and namespace each PVE storage of type pbs reads, with which token
// and certificate pin (the storage's settings, then the PBS_<S>_* overrides, then the global token).

#include "collect/pbs_connection.hpp"
#include "config/config.hpp"
#include "model/fact.hpp"
#include "model/storage.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pvr::collect {

struct PbsStorageTarget {
    std::string storage; // PVE storage id
    std::string datastore;
    std::string ns; // "" = root
    PbsConnection connection;
    /// Where the pin comes from, for messages: "the fingerprint of storage pbs-main" or
    /// "PBS_PBS_MAIN_FINGERPRINT"; "" without a pin.
    std::string fingerprint_origin;
};

/// The target of a storage, or nullopt with `problem` set (a complete sentence naming the storage)
/// and, when given, `fact` (pbs_storage_no_datastore, pbs_storage_no_server, pbs_storage_bad_url,
/// pbs_no_token or pbs_bad_fingerprint).
[[nodiscard]] std::optional<PbsStorageTarget> resolve_pbs_target(const model::Storage& storage,
                                                                 const config::Config& config, std::string& problem,
                                                                 model::Fact* fact = nullptr);

/// Storages that share (url, token id, fingerprint) share one connection: one group each, in the
/// order of their first storage.
struct PbsTargetGroup {
    PbsConnection connection;
    std::vector<PbsStorageTarget> storages;
};
[[nodiscard]] std::vector<PbsTargetGroup> group_pbs_targets(std::vector<PbsStorageTarget> targets);

/// "AB:CD:..." from any case, ':' optional; nullopt unless 32 hex bytes.
[[nodiscard]] std::optional<std::string> normalize_pbs_fingerprint(std::string_view text);

/// "/datastore/store1" or "/datastore/store1/a/b" for namespace "a/b".
[[nodiscard]] std::string pbs_acl_path(std::string_view store, std::string_view ns);

} // namespace pvr::collect
