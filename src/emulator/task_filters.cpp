#include "emulator/task_filters.hpp"

#include "core/strings.hpp"

#include <algorithm>

namespace pvr::emulator {
namespace {

std::string as_text(const nlohmann::json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_null()) {
        return {};
    }
    return value.dump();
}

std::optional<long long> as_integer(const nlohmann::json& value) {
    if (value.is_number_integer()) {
        return value.get<long long>();
    }
    if (value.is_number()) {
        return static_cast<long long>(value.get<double>());
    }
    if (value.is_string()) {
        if (const auto parsed = parse_int(value.get<std::string>())) {
            return static_cast<long long>(*parsed);
        }
    }
    return std::nullopt;
}

std::string field(const nlohmann::json& task, const char* name) {
    const auto it = task.find(name);
    return it == task.end() ? std::string{} : as_text(*it);
}

bool matches(const nlohmann::json& task, const TaskListQuery& query) {
    const bool running = task_is_running(task);
    if (query.source == "archive" && running) {
        return false;
    }
    if (query.source == "active" && !running) {
        return false;
    }
    if (query.typefilter && field(task, "type") != *query.typefilter) {
        return false;
    }
    if (query.vmid && field(task, "id") != *query.vmid) {
        return false;
    }
    if (query.userfilter && to_lower(field(task, "user")).find(to_lower(*query.userfilter)) == std::string::npos) {
        return false;
    }
    if (query.since || query.until) {
        const auto it = task.find("starttime");
        const auto start = it == task.end() ? std::nullopt : as_integer(*it);
        if (!start || (query.since && *start < *query.since) || (query.until && *start > *query.until)) {
            return false;
        }
    }
    if (query.errors) {
        return running || field(task, "status") != "OK";
    }
    if (!query.statusfilter.empty()) {
        const std::string cls = task_status_class(task);
        return std::find(query.statusfilter.begin(), query.statusfilter.end(), cls) != query.statusfilter.end();
    }
    return true;
}

} // namespace

bool task_is_running(const nlohmann::json& task) {
    if (!task.is_object()) {
        return false;
    }
    const auto status = task.find("status");
    if (status != task.end() && status->is_string() && status->get<std::string>() == "RUNNING") {
        return true;
    }
    return !task.contains("endtime");
}

std::string task_status_class(const nlohmann::json& task) {
    if (task_is_running(task)) {
        return "unknown";
    }
    const std::string status = field(task, "status");
    if (status == "OK") {
        return "ok";
    }
    if (status.rfind("WARNINGS", 0) == 0) {
        return "warning";
    }
    if (status.empty() || status == "unexpected status") {
        return "unknown";
    }
    return "error";
}

JsonPage filter_tasks(const nlohmann::json& tasks, const TaskListQuery& query) {
    JsonPage page;
    if (!tasks.is_array()) {
        return page;
    }
    for (const auto& task : tasks) {
        if (!task.is_object() || !matches(task, query)) {
            continue;
        }
        const long long index = page.total++;
        if (index < query.start || index >= query.start + query.limit) {
            continue;
        }
        nlohmann::json item = task;
        if (task_is_running(task)) {
            item["status"] = "RUNNING";
            item.erase("endtime");
        }
        page.data.push_back(std::move(item));
    }
    return page;
}

JsonPage page_task_log(const std::optional<std::string>& log, long long start, long long limit) {
    JsonPage page;
    std::vector<std::string> lines;
    if (!log) {
        lines.emplace_back("unable to open file - No such file or directory");
    } else {
        std::size_t begin = 0;
        while (begin < log->size()) {
            auto end = log->find('\n', begin);
            if (end == std::string::npos) {
                end = log->size();
            }
            std::string line = log->substr(begin, end - begin);
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            lines.push_back(std::move(line));
            begin = end + 1;
        }
        if (lines.empty()) {
            lines.emplace_back("no content");
        }
    }
    page.total = static_cast<long long>(lines.size());
    const long long first = std::max(0LL, start);
    const long long last = limit == 0 ? page.total : std::min(page.total, first + limit);
    for (long long i = first; i < last; ++i) {
        page.data.push_back({{"n", i + 1}, {"t", lines[static_cast<std::size_t>(i)]}});
    }
    return page;
}

} // namespace pvr::emulator
