#include "collect/parse_task_log.hpp"

#include "collect/json_fields.hpp"
#include "collect/parse_tasks.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace pvr::collect {
namespace {

/// If `line` starts with `prefix` followed by a VMID, returns it and moves `rest` past the digits.
std::optional<std::int64_t> vmid_after(std::string_view line, std::string_view prefix, std::string_view& rest) {
    if (line.substr(0, prefix.size()) != prefix) {
        return std::nullopt;
    }
    std::string_view tail = line.substr(prefix.size());
    std::size_t digits = 0;
    while (digits < tail.size() && std::isdigit(static_cast<unsigned char>(tail[digits])) != 0) {
        ++digits;
    }
    if (digits == 0 || digits > 18) {
        return std::nullopt;
    }
    const auto vmid = parse_int(tail.substr(0, digits));
    rest = tail.substr(digits);
    return vmid;
}

} // namespace

std::vector<std::string> parse_task_log_lines(std::string_view body, std::string_view endpoint,
                                              std::vector<std::string>* problems) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const Json& items = require_array(envelope.data, endpoint);
    std::vector<std::pair<std::int64_t, std::string>> numbered;
    numbered.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Json& item = items[i];
        const auto t = item.is_object() ? item.find("t") : item.end();
        if (!item.is_object() || t == item.end() || !to_text(*t)) {
            if (problems != nullptr) {
                problems->push_back(item_where(endpoint, i) + ": expected a log line {\"n\", \"t\"}, got " +
                                    describe_value(item) + " (line skipped)");
            }
            continue;
        }
        const auto n = item.find("n");
        const std::int64_t number =
            n != item.end() ? to_int(*n).value_or(static_cast<std::int64_t>(i)) : static_cast<std::int64_t>(i);
        numbered.emplace_back(number, to_text(*t).value_or(""));
    }
    std::stable_sort(numbered.begin(), numbered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> lines;
    lines.reserve(numbered.size());
    for (auto& entry : numbered) {
        lines.push_back(std::move(entry.second));
    }
    return lines;
}

std::vector<LogGuestResult> parse_vzdump_log(const std::vector<std::string>& lines, std::string_view task_status) {
    std::vector<LogGuestResult> results;
    std::map<std::int64_t, std::size_t> index; // vmid -> position in results
    std::vector<std::int64_t> started;
    // The failure whose reason may continue (k_none: none). Not std::optional: GCC 12 -O2 reports a
    // false -Wmaybe-uninitialized on it.
    constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    std::size_t continuing = k_none;

    const auto result_for = [&](std::int64_t vmid) -> LogGuestResult& {
        const auto [it, inserted] = index.emplace(vmid, results.size());
        if (inserted) {
            results.push_back(LogGuestResult{vmid, model::BackupOutcome::ok, std::nullopt});
        }
        return results[it->second];
    };

    for (const auto& raw : lines) {
        std::string_view line = raw;
        while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
            line.remove_suffix(1);
        }
        std::string_view rest;
        if (const auto vmid = vmid_after(line, "INFO: Starting Backup of VM ", rest)) {
            started.push_back(*vmid);
            continuing = k_none;
            continue;
        }
        if (const auto vmid = vmid_after(line, "INFO: Finished Backup of VM ", rest);
            vmid && rest.substr(0, 2) == " (") {
            LogGuestResult& result = result_for(*vmid);
            result.outcome = model::BackupOutcome::ok;
            result.error.reset();
            continuing = k_none;
            continue;
        }
        if (const auto vmid = vmid_after(line, "ERROR: Backup of VM ", rest);
            vmid && rest.substr(0, 10) == " failed - ") {
            LogGuestResult& result = result_for(*vmid);
            result.outcome = model::BackupOutcome::failed;
            result.error = trim(rest.substr(10));
            continuing = index[*vmid];
            continue;
        }
        if (line.substr(0, 7) == "ERROR: " && continuing != k_none && line.substr(0, 18) != "ERROR: Backup job " &&
            line.substr(0, 20) != "ERROR: Backup of VM ") {
            auto& error = results[continuing].error;
            const std::string more = trim(line.substr(7));
            if (!more.empty()) {
                *error += error->empty() ? more : " " + more;
            }
            continue;
        }
        continuing = k_none;
    }

    for (const auto vmid : started) {
        if (index.count(vmid) == 0) {
            LogGuestResult& result = result_for(vmid);
            result.outcome = model::BackupOutcome::failed;
            const std::string status = trim(task_status);
            result.error = status.empty() || is_success_status(status)
                               ? std::string("backup did not finish")
                               : "backup did not finish (task status: " + status + ")";
        }
    }
    return results;
}

} // namespace pvr::collect
