#pragma once
// Task lists: GET /nodes/{node}/tasks and GET /cluster/tasks.

#include "collect/time_window.hpp"
#include "model/task.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// The vzdump tasks of a task list, in answer order (other types are dropped). Missing fields
/// are taken from the UPID; a task still running has status "RUNNING". Entries without a usable
/// UPID are skipped and described in `warnings`. `endpoint` is "GET /nodes/pve1/tasks".
/// `item_count` (optional) receives the number of entries in the answer, of any type. A task whose
/// start or end time is outside `window` is skipped with a warning naming the field.
[[nodiscard]] std::vector<model::VzdumpTask> parse_tasks(std::string_view body, std::string_view endpoint,
                                                         std::vector<std::string>& warnings,
                                                         std::size_t* item_count = nullptr,
                                                         const TimeWindow& window = {});

/// Still running: status "RUNNING" (any case), or neither a status nor an end time.
[[nodiscard]] bool is_running(const model::VzdumpTask& task);

/// "OK" or "WARNINGS: <n>": the task (and, for a single-guest task, the guest) succeeded.
[[nodiscard]] bool is_success_status(std::string_view status);

} // namespace pvr::collect
