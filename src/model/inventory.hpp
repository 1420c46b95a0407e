#pragma once
// Everything the collectors gathered from the APIs, typed. Analysis is a pure function of this.

#include "model/backup_job.hpp"
#include "model/cluster.hpp"
#include "model/collection_issue.hpp"
#include "model/guest.hpp"
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
};

} // namespace pvr::model
