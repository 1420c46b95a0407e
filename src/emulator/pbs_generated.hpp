#pragma once
// A PBS datastore described compactly (`pbs/<server>/generated.json`, see docs/scenarios.md
// "Generated PBS datastores") instead of a `snapshots.json` holding every snapshot: each backup group
// says how many snapshots it has, the newest snapshot's time and the interval between snapshots.
// The snapshot listing is produced piece by piece on request (no DOM of the whole listing), so an
// emulator serves a million snapshots with a few MB of memory. Pure functions, no I/O.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pvr::emulator {

struct GeneratedGroup {
    std::string ns;   // "" = root
    std::string type; // "vm" | "ct" | "host"
    std::string id;
    std::int64_t count = 0;           // snapshots in the group
    std::int64_t newest = 0;          // backup-time of the newest snapshot
    std::int64_t interval = 86400;    // seconds between two snapshots
    std::int64_t disk_size = 0;       // size of the disk archive of each snapshot
    std::int64_t unverified = 1;      // the newest N snapshots carry no `verification`
    std::int64_t protected_count = 0; // the oldest N snapshots are `protected`
};

struct GeneratedStore {
    std::string name;
    std::vector<std::string> namespaces; // "" first, then depth-first
    std::string owner;
    std::vector<GeneratedGroup> groups; // sorted by (ns, type, id)
};

/// Reads `generated.json` ({"datastores": {"<store>": {...}}}). Throws pvr::Error(config) naming
/// `origin` and the field on a bad spec.
[[nodiscard]] std::vector<GeneratedStore> parse_generated_stores(const std::string& text, const std::string& origin);

/// Produces the `{"data":[...]}` body of `GET .../snapshots` for `ns` (and type/id) piece by piece:
/// each call appends roughly `chunk_bytes` of JSON to `out` and returns false once the body is
/// complete. The returned function keeps a copy of what it needs (the store must outlive it).
[[nodiscard]] std::function<bool(std::string& out)>
generated_snapshot_stream(const GeneratedStore& store, const std::string& ns,
                          const std::optional<std::string>& backup_type, const std::optional<std::string>& backup_id,
                          std::size_t chunk_bytes = 256 * 1024);

/// The whole listing as one string (tests, faults that rewrite a body).
[[nodiscard]] std::string generated_snapshot_body(const GeneratedStore& store, const std::string& ns,
                                                  const std::optional<std::string>& backup_type = std::nullopt,
                                                  const std::optional<std::string>& backup_id = std::nullopt);

/// `GET .../groups?ns=X`, consistent with the listing (same shape as derive_groups).
[[nodiscard]] nlohmann::json generated_groups(const GeneratedStore& store, const std::string& ns);
/// The verbose status `counts` over all namespaces (same shape as snapshot_counts).
[[nodiscard]] nlohmann::json generated_counts(const GeneratedStore& store);

} // namespace pvr::emulator
