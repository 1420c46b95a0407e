#pragma once
// Fuzz target pve_tasks: the task lists (GET /nodes/{node}/tasks, /cluster/tasks) and the task
// logs (GET /nodes/{node}/tasks/{upid}/log) with the per-guest results read from a vzdump log.
// First byte modulo 3: 0 a task list, 1 a task log answer (JSON), 2 a plain-text log (one line
// per line) given straight to the vzdump log reader.

#include "collect/parse_task_log.hpp"
#include "collect/parse_tasks.hpp"
#include "collect/time_window.hpp"
#include "fuzz/support.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

inline void check_log_results(const std::vector<std::string>& lines, std::string_view status) {
    for (const auto& result : collect::parse_vzdump_log(lines, status)) {
        check(result.vmid >= 0, "negative VMID in a task log");
        check(result.outcome == model::BackupOutcome::ok || result.error.has_value(),
              "a failed guest without a reason");
    }
}

inline void pve_tasks(std::string_view input) {
    const Selected in = select(input);
    std::vector<std::string> warnings;
    expect_value_or_error([&] {
        switch (in.selector % 3) {
        case 0: {
            std::size_t count = 0;
            // Without a run time, or the collectors' window around 2026-11-18.
            const auto window =
                (in.selector / 3) % 2 == 0 ? collect::TimeWindow{} : collect::TimeWindow::around(1795000000);
            const auto tasks = collect::parse_tasks(in.rest, "GET /nodes/pve1/tasks", warnings, &count, window);
            check(tasks.size() <= count, "more tasks than entries");
            for (const auto& task : tasks) {
                check(task.starttime >= window.earliest && task.starttime <= window.latest,
                      "task start time outside the window");
                (void)collect::is_running(task);
                (void)collect::is_success_status(task.status);
            }
            break;
        }
        case 1: {
            const auto lines = collect::parse_task_log_lines(in.rest, "GET /nodes/pve1/tasks/UPID/log");
            check_log_results(lines, (in.selector / 3) % 2 == 0 ? "OK" : "job errors");
            break;
        }
        default: {
            std::vector<std::string> lines;
            std::size_t pos = 0;
            while (pos <= in.rest.size()) {
                auto end = in.rest.find('\n', pos);
                if (end == std::string_view::npos) {
                    end = in.rest.size();
                }
                lines.emplace_back(in.rest.substr(pos, end - pos));
                pos = end + 1;
            }
            check_log_results(lines, (in.selector / 3) % 2 == 0 ? "" : "unexpected status");
            break;
        }
        }
    });
}

} // namespace pvr::fuzz
