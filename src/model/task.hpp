#pragma once
// vzdump tasks and the per-guest results read from their logs.

#include <cstdint>
#include <optional>
#include <string>

namespace pvr::model {

struct VzdumpTask {
    std::string upid;
    std::string node;
    std::int64_t starttime = 0;
    std::optional<std::int64_t> endtime;
    std::string status; // "OK", "WARNINGS: 2", "job errors", free text, "RUNNING"
    std::string id;     // VMID for single-guest tasks, else ""
    std::string user;
};

enum class BackupOutcome { ok, failed };

/// The latest vzdump result for one guest, from a task log (multi-guest tasks) or a single-guest task.
struct GuestBackupResult {
    std::int64_t vmid = 0;
    std::string node;
    std::int64_t time = 0; // task start time (epoch)
    std::optional<std::int64_t> endtime;
    BackupOutcome outcome = BackupOutcome::ok;
    std::optional<std::string> error; // reason from "ERROR: Backup of VM <id> failed - <reason>"
    std::string upid;
};

} // namespace pvr::model
