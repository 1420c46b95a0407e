#include "collect/parse_tasks.hpp"

#include "collect/list_reader.hpp"
#include "collect/upid.hpp"
#include "core/strings.hpp"

namespace pvr::collect {

bool is_running(const model::VzdumpTask& task) {
    return to_lower(task.status) == "running" || (task.status.empty() && !task.endtime);
}

bool is_success_status(std::string_view status) {
    const std::string s = trim(status);
    return s == "OK" || s.rfind("WARNINGS", 0) == 0;
}

std::vector<model::VzdumpTask> parse_tasks(std::string_view body, std::string_view endpoint,
                                           std::vector<std::string>& warnings, std::size_t* item_count,
                                           const TimeWindow& window) {
    const Envelope envelope = parse_envelope(body, endpoint);
    auto tasks = read_list<model::VzdumpTask>(
        envelope.data, endpoint,
        [&](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::VzdumpTask> {
            const auto upid_text = item.required_text("upid");
            const auto upid = upid_text ? parse_upid(*upid_text) : std::nullopt;
            const auto type = item.required_text("type");
            if (item.failed()) {
                return std::nullopt;
            }
            if (!upid) {
                if (type.value_or("vzdump") == "vzdump") {
                    problems.push_back(item.where() + ": task without a valid UPID" +
                                       (upid_text ? " ('" + *upid_text + "')" : std::string()) + ", skipped");
                }
                return std::nullopt;
            }
            if (type.value_or(upid->type) != "vzdump") {
                return std::nullopt; // another kind of task
            }
            model::VzdumpTask task;
            task.upid = *upid_text;
            task.node = item.required_text("node").value_or(upid->node);
            task.starttime = read_time(item, "starttime", window, Need::required).value_or(upid->starttime);
            if (auto why = window.problem(task.starttime)) {
                item.problem("upid", "start time " + *why, Need::required);
            }
            task.endtime = read_time(item, "endtime", window, Need::required);
            task.status = trim(item.required_text("status").value_or(""));
            task.id = trim(item.required_text("id").value_or(upid->id));
            task.user = item.required_text("user").value_or(upid->user);
            if (const auto token = item.required_text("tokenid");
                token && !token->empty() && task.user.find('!') == std::string::npos) {
                task.user += "!" + *token;
            }
            if (task.status.empty() && !task.endtime) {
                task.status = "RUNNING";
            }
            return task;
        },
        warnings);
    if (item_count != nullptr) {
        *item_count = envelope.data.size(); // an array: read_list checked it
    }
    return tasks;
}

} // namespace pvr::collect
