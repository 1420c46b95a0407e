#pragma once
// GET /cluster/backup: backup jobs (jobs.cfg and legacy vzdump.cron).

#include "collect/json_fields.hpp"
#include "model/backup_job.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// Every job with an id. A field that is present but cannot be interpreted is recorded in
/// BackupJob::problems as "<field>: <why>" and the rest of the job is still read. A job without
/// an id is skipped and described in `warnings`.
[[nodiscard]] std::vector<model::BackupJob> parse_backup_jobs(std::string_view body,
                                                              std::vector<std::string>& warnings);

/// A `vmid`/`exclude` value: a list split on ',', ';' and white space, or a single number.
/// Tokens that are not VMIDs are left out and described in `problems` ("'abc' is not a VMID");
/// a value of the wrong JSON type gives "expected a VMID list, got ...".
/// `repeated` (when given) receives the VMIDs written more than once, each once.
[[nodiscard]] std::vector<std::int64_t> parse_vmid_list(const Json& value, std::vector<std::string>& problems,
                                                        std::vector<std::int64_t>* repeated = nullptr);

/// "<40 hex>:<n>", the id of a job from /etc/pve/vzdump.cron.
[[nodiscard]] bool is_legacy_job_id(std::string_view id);

} // namespace pvr::collect
