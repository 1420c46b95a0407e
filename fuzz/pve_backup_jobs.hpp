#pragma once
// Fuzz target pve_backup_jobs: GET /cluster/backup (schedules, VMID lists, retention options,
// legacy vzdump.cron jobs). The whole input is the HTTP body.

#include "collect/parse_backup_jobs.hpp"
#include "fuzz/support.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

inline void pve_backup_jobs(std::string_view input) {
    std::vector<std::string> warnings;
    expect_value_or_error([&] {
        for (const auto& job : collect::parse_backup_jobs(input, warnings)) {
            check(!job.id.empty(), "backup job without an id");
            for (const auto vmid : job.selection.vmids) {
                check(vmid > 0, "job selects a VMID <= 0");
            }
            if (job.prune_backups) {
                (void)job.prune_backups->items();
            }
            (void)collect::is_legacy_job_id(job.id);
        }
    });
}

} // namespace pvr::fuzz
