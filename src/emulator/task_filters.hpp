#pragma once
// `GET /nodes/{node}/tasks` filtering and paging, and task-log paging, as PVE's Tasks.pm does.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pvr::emulator {

struct TaskListQuery {
    long long start = 0;
    long long limit = 50; // 0 returns nothing
    std::optional<std::string> typefilter;
    std::optional<std::string> vmid;       // exact match on the task's `id`
    std::optional<std::string> userfilter; // case-insensitive substring of `user`
    std::optional<long long> since;        // starttime >= since
    std::optional<long long> until;        // starttime <= until
    bool errors = false;                   // drop status "OK" (statusfilter is then ignored)
    std::vector<std::string> statusfilter; // classes: ok, warning, error, unknown
    std::string source = "archive";        // archive (finished), active (running), all
};

struct JsonPage {
    nlohmann::json data = nlohmann::json::array();
    long long total = 0; // PVE's envelope total (matches / lines)
};

/// "ok" | "warning" | "error" | "unknown" for a task status text (running tasks: "unknown").
[[nodiscard]] std::string task_status_class(const nlohmann::json& task);
/// True when the task has no end time yet (or says RUNNING).
[[nodiscard]] bool task_is_running(const nlohmann::json& task);

/// Applies the filters to a node's task list (newest first, as stored) and pages the matches.
[[nodiscard]] JsonPage filter_tasks(const nlohmann::json& tasks, const TaskListQuery& query);

/// Pages a task log: `[{"n": <1-based line>, "t": <text>}]`, limit 0 = all remaining lines.
/// A missing log (nullopt) gives PVE's "unable to open file" line, an empty one "no content".
[[nodiscard]] JsonPage page_task_log(const std::optional<std::string>& log, long long start, long long limit);

} // namespace pvr::emulator
