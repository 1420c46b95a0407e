#pragma once
// What the Proxmox Backup Servers behind the cluster's PBS storages hold (issue: PBS collection).

#include "model/keep_options.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pvr::model {

struct StorageUsage {
    std::int64_t total = 0;
    std::int64_t used = 0;
    std::int64_t avail = 0;
    /// PBS's estimate of when the datastore is full (`estimated-full-date` of
    /// /status/datastore-usage, epoch): nullopt when PBS gave none (too little history, or the
    /// per-datastore status endpoint was used); 0 or a date in the past: usage is not growing.
    std::optional<std::int64_t> estimated_full_date{};
};

/// One snapshot (`/admin/datastore/{store}/snapshots?ns=...`), in the storage's namespace.
struct PbsSnapshot {
    std::string backup_type; // "vm", "ct", "host"
    std::string backup_id;   // VMID for PVE guests
    std::int64_t time = 0;   // backup-time (epoch)
    bool finished = true;    // manifest (index.json.blob) present; false = in progress / incomplete
    bool is_protected = false;
    std::optional<std::int64_t> size;        // bytes (logical); nullopt when unknown
    std::optional<std::string> verification; // "ok" | "failed"; nullopt = never verified
    std::optional<std::int64_t> verified_at; // start time of the verify task (from its UPID)
    bool encrypted = false;
    std::optional<std::string> comment;
    std::string owner;
};

/// A PBS prune job (`/admin/prune` or `/config/prune`), or the legacy datastore-level policy.
struct PbsPruneJob {
    std::string id;
    std::string store;
    std::string ns;                        // "" = root
    std::optional<std::int64_t> max_depth; // nullopt = unlimited
    std::optional<std::string> schedule;
    bool enabled = true;
    KeepOptions keep;
    bool legacy_datastore_policy = false; // keep-* of /config/datastore on PBS < 2.2.2
    std::optional<std::string> last_run_state;
    std::optional<std::int64_t> last_run_endtime;
    std::optional<std::int64_t> next_run;
};

/// One datastore of a PBS server, as far as the storages need it.
struct PbsDatastore {
    std::string name;
    std::optional<StorageUsage> usage;      // nullopt: not collected (error, permissions)
    std::optional<std::string> maintenance; // maintenance mode property string, if any
    std::vector<std::string> namespaces;    // every namespace visible, "" = root
};

/// A PBS server, shared by every PVE storage that points at the same URL with the same token.
struct PbsServer {
    std::string url;                   // "https://pbs1.example.lan:8007"
    std::vector<std::string> storages; // PVE storage ids served by it
    bool reachable = false;
    bool token_refused = false;           // the server answered 401: token wrong, expired or deleted
    std::optional<std::string> version;   // "3.2"
    std::optional<std::string> time_zone; // /nodes/localhost/time: prune periods use it
    std::map<std::string, PbsDatastore> datastores;
    /// nullopt: the prune job list could not be read.
    std::optional<std::vector<PbsPruneJob>> prune_jobs;
};

/// What was read through one PVE storage of type "pbs": its datastore and namespace only.
struct PbsStorageContent {
    std::string storage;
    std::string server_url;
    bool collected = false;             // false: snapshots unknown (retention figures are then null, never 0)
    std::vector<PbsSnapshot> snapshots; // every group of the namespace (vm/ct/host), sorted by time
};

} // namespace pvr::model
