#pragma once
// Parsers of the Proxmox Backup Server answers the PBS collector reads. Lenient like the PVE
// ones: PBS booleans are true/false, but 0/1 and numeric strings are accepted too. Entries that
// cannot be read are skipped with a warning naming the endpoint and the field path.

#include "collect/time_window.hpp"
#include "model/pbs.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

// --- GET /version ---------------------------------------------------------------------------------

struct PbsVersion {
    std::string version;                // "3.2"
    std::optional<std::string> release; // "4"
    std::optional<int> major;
    std::optional<int> minor;
    std::optional<int> patch; // from release

    /// "3.2.4", or "3.2" without a numeric release.
    [[nodiscard]] std::string text() const;
    /// True when the version is known to be >= major.minor.patch; `if_unknown` otherwise.
    [[nodiscard]] bool at_least(int want_major, int want_minor, int want_patch, bool if_unknown = true) const;
};

/// Throws Error(invalid_response) when the body is not a PBS /version answer.
[[nodiscard]] PbsVersion parse_pbs_version(std::string_view body);

// --- GET /nodes/localhost/time (PBS), /nodes/{node}/time (PVE) ------------------------------------

/// The `timezone` field ("Europe/Paris"); nullopt when absent or empty. Throws on a non-JSON body.
[[nodiscard]] std::optional<std::string> parse_time_zone(std::string_view body, std::string_view endpoint);

// --- datastores -------------------------------------------------------------------------------------

struct PbsDatastoreEntry {
    std::string name;
    std::optional<std::string> maintenance;
};

/// GET /admin/datastore: the datastores visible to the token.
[[nodiscard]] std::vector<PbsDatastoreEntry> parse_pbs_datastores(std::string_view body,
                                                                  std::vector<std::string>& warnings);

struct PbsUsageEntry {
    std::string store;
    std::optional<model::StorageUsage> usage; // nullopt: sizes omitted (no Audit) or `error`
    std::optional<std::string> error;         // "datastore 'x' is in offline maintenance mode: ..."
};

/// GET /status/datastore-usage.
[[nodiscard]] std::vector<PbsUsageEntry> parse_pbs_datastore_usage(std::string_view body,
                                                                   std::vector<std::string>& warnings);

/// GET /admin/datastore/{store}/status: nullopt when total, used and avail are all 0 (what PBS
/// answers without Datastore.Audit/Backup on the store).
[[nodiscard]] std::optional<model::StorageUsage> parse_pbs_datastore_status(std::string_view body,
                                                                            std::string_view endpoint);

/// GET /admin/datastore/{store}/namespace: every namespace listed ("" = root), in the answer's order.
[[nodiscard]] std::vector<std::string> parse_pbs_namespaces(std::string_view body, std::string_view endpoint,
                                                            std::vector<std::string>& warnings);

// --- snapshots --------------------------------------------------------------------------------------

/// GET /admin/datastore/{store}/snapshots?ns=<ns>, sorted by (type, id, time); ids made of digits
/// only compare as numbers. An item that names another namespace (a field `ns` other than `ns`)
/// is never counted: it is left out and counted in `other_namespace`. A snapshot whose backup-time
/// is outside `window` is skipped with a warning naming it (a verification time outside it is ignored).
[[nodiscard]] std::vector<model::PbsSnapshot> parse_pbs_snapshots(std::string_view body, std::string_view endpoint,
                                                                  std::string_view ns,
                                                                  std::vector<std::string>& warnings,
                                                                  std::size_t* other_namespace = nullptr,
                                                                  const TimeWindow& window = {});

/// Orders snapshots by (type, id, time), numeric ids as numbers.
[[nodiscard]] bool snapshot_less(const model::PbsSnapshot& a, const model::PbsSnapshot& b);

// --- retention ----------------------------------------------------------------------------------------

/// GET /admin/prune or /config/prune (PBS >= 2.2.2).
[[nodiscard]] std::vector<model::PbsPruneJob> parse_pbs_prune_jobs(std::string_view body, std::string_view endpoint,
                                                                   std::vector<std::string>& warnings);

struct PbsDatastoreConfig {
    std::string name;
    /// The legacy datastore-level policy (keep-* and prune-schedule), nullopt when no keep-* is set.
    std::optional<model::PbsPruneJob> legacy_policy;
};

/// GET /config/datastore: the datastores the token may audit, with their legacy keep-* options.
[[nodiscard]] std::vector<PbsDatastoreConfig> parse_pbs_datastore_config(std::string_view body,
                                                                         std::vector<std::string>& warnings);

} // namespace pvr::collect
