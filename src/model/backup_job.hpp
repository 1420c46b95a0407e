#pragma once
// A backup job from /cluster/backup (jobs.cfg or legacy vzdump.cron).

#include "model/keep_options.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pvr::model {

struct JobSelection {
    bool all = false;
    std::vector<std::int64_t> vmids;
    std::optional<std::string> pool;
    std::vector<std::int64_t> exclude;
};

struct BackupJob {
    std::string id;
    bool enabled = true; // `enabled` absent means enabled
    std::optional<std::string> schedule;
    std::optional<std::string> storage;
    std::optional<std::string> mode;
    std::optional<std::string> node;
    JobSelection selection;
    std::optional<std::int64_t> next_run; // epoch
    std::optional<std::string> comment;
    std::optional<KeepOptions> prune_backups;
    bool repeat_missed = false;
    bool legacy = false; // from vzdump.cron (id "<sha1>:<n>")
    /// Fields that were present but could not be interpreted, with why ("vmid: 'abc' is not a VMID").
    std::vector<std::string> problems;
    /// VMIDs written more than once in `vmid` (counted once; reported as a duplicate).
    std::vector<std::int64_t> repeated_vmids{};
};

} // namespace pvr::model
