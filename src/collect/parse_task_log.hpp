#pragma once
// GET /nodes/{node}/tasks/{upid}/log and the per-guest results in a vzdump task log.

#include "model/task.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// The log lines ordered by their line number `n`. `endpoint` names the request for errors. An
/// element without a text `t` is left out and, when `problems` is given, named there (index).
[[nodiscard]] std::vector<std::string> parse_task_log_lines(std::string_view body, std::string_view endpoint,
                                                            std::vector<std::string>* problems = nullptr);

struct LogGuestResult {
    std::int64_t vmid = 0;
    model::BackupOutcome outcome = model::BackupOutcome::ok;
    std::optional<std::string> error; // reason of a failure, continuation lines joined with ' '
};

/// Per-guest results, in order of first appearance:
///  - "INFO: Finished Backup of VM <vmid> (" -> ok;
///  - "ERROR: Backup of VM <vmid> failed - <reason>" -> failed (also without a "Starting" line),
///    and following "ERROR: " lines that start no new guest or job message continue the reason;
///  - a guest with "INFO: Starting Backup of VM <vmid>" and neither line (the task died) -> failed,
///    with the task status as the reason.
[[nodiscard]] std::vector<LogGuestResult> parse_vzdump_log(const std::vector<std::string>& lines,
                                                           std::string_view task_status);

} // namespace pvr::collect
