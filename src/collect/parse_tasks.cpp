#include "collect/parse_tasks.hpp"

#include "collect/json_fields.hpp"
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
    const Json& items = require_array(envelope.data, endpoint);
    if (item_count != nullptr) {
        *item_count = items.size();
    }
    std::vector<model::VzdumpTask> tasks;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(endpoint, i));
            const auto upid_text = item.text("upid");
            const auto upid = upid_text ? parse_upid(*upid_text) : std::nullopt;
            const auto type = item.text("type");
            if (!upid) {
                if (type.value_or("vzdump") == "vzdump") {
                    warnings.push_back(item.where() + ": task without a valid UPID" +
                                       (upid_text ? " ('" + *upid_text + "')" : std::string()) + ", skipped");
                }
                continue;
            }
            if (type.value_or(upid->type) != "vzdump") {
                continue;
            }
            model::VzdumpTask task;
            task.upid = *upid_text;
            task.node = item.text("node").value_or(upid->node);
            task.starttime = read_time(item, "starttime", window).value_or(upid->starttime);
            if (auto why = window.problem(task.starttime)) {
                throw FieldError(item.where("upid"), "start time " + *why);
            }
            task.endtime = read_time(item, "endtime", window);
            task.status = trim(item.text("status").value_or(""));
            task.id = trim(item.text("id").value_or(upid->id));
            task.user = item.text("user").value_or(upid->user);
            if (const auto token = item.text("tokenid");
                token && !token->empty() && task.user.find('!') == std::string::npos) {
                task.user += "!" + *token;
            }
            if (task.status.empty() && !task.endtime) {
                task.status = "RUNNING";
            }
            tasks.push_back(std::move(task));
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (task skipped)");
        }
    }
    return tasks;
}

} // namespace pvr::collect
