#pragma once
// Everything the collectors gathered from the APIs, typed. Analysis is a pure function of this.

#include "model/backup_job.hpp"
#include "model/cluster.hpp"
#include "model/collection_issue.hpp"
#include "model/guest.hpp"
#include "model/pbs.hpp"
#include "model/pool.hpp"
#include "model/storage.hpp"
#include "model/task.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pvr::model {

struct NotBackedUpItem {
    std::int64_t vmid = 0;
    std::string type;
    std::optional<std::string> name;
};

/// The same thing listed twice by the API. It is counted once (the first entry is kept) and the
/// analysis reports it as an anomaly.
struct DuplicateEntry {
    enum class Kind {
        guest_vmid, // one VMID twice in the guest inventory (`places`: the nodes, in listing order)
        job_id,     // one job id twice in /cluster/backup
        job_vmid,   // one VMID twice in a job's vmid list (`job`: the job)
        storage_id, // one storage id twice in /storage
    };
    Kind kind = Kind::guest_vmid;
    std::string id;                  // "105", "backup-1", "pbs-main"
    std::string job;                 // job_vmid: the job's id
    std::vector<std::string> places; // guest_vmid: the nodes
};

struct Inventory {
    ClusterInfo cluster;
    std::vector<Storage> storages;
    bool storages_collected = false;
    /// nullopt: /cluster/backup could not be read, coverage is undetermined.
    std::optional<std::vector<BackupJob>> jobs;
    std::vector<Guest> guests;
    bool guests_collected = false;
    std::map<std::string, Pool> pools; // by pool id
    bool pools_collected = false;
    /// Latest vzdump result per VMID (only guests that appear in a task seen).
    std::map<std::int64_t, GuestBackupResult> last_results;
    bool tasks_collected = false;
    /// PVE's own answer; nullopt when it could not be read.
    std::optional<std::vector<NotBackedUpItem>> not_backed_up;
    std::vector<CollectionIssue> issues;
    /// Entries listed twice, counted once (see DuplicateEntry).
    std::vector<DuplicateEntry> duplicates;
    /// Nodes whose vzdump task history was read (tasks_collected: at least one). A guest on a node
    /// not listed here may have results PVE knows of but the collector could not see.
    std::vector<std::string> task_history_nodes;
    /// Privileges the report relies on that the token lacks, from /access/permissions, in the
    /// wording "Sys.Audit on /", "VM.Audit", "Datastore.Audit", "Pool.Audit"; nullopt when the
    /// permissions could not be read.
    std::optional<std::vector<std::string>> missing_privileges;
    /// Time zone of the PVE nodes (/nodes/{node}/time of an online node): schedules run in it.
    std::optional<std::string> pve_time_zone;

    // Proxmox Backup Server side (empty when PBS collection is not configured).
    bool pbs_configured = false;
    std::vector<PbsServer> pbs_servers;
    std::map<std::string, PbsStorageContent> pbs_content; // by PVE storage id
};

} // namespace pvr::model
