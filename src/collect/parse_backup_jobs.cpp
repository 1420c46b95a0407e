#include "collect/parse_backup_jobs.hpp"

#include "schedule/calendar_event_error.hpp"
#include "schedule/parse.hpp"

#include "collect/list_reader.hpp"
#include "collect/parse_keep_options.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <cctype>

namespace pvr::collect {
namespace {

constexpr std::string_view endpoint = "GET /cluster/backup";
constexpr std::int64_t max_vmid = 999999999;

/// The job's own problem list takes a field's problem as "<field>: <why>".
ProblemSink job_sink(model::BackupJob& job) {
    return [&job](const FieldProblem& problem) {
        job.problems.push_back(std::string(problem.field) + ": " + problem.why);
    };
}

void read_selection(ObjectReader& item, model::BackupJob& job) {
    job.selection.all = item.boolean("all").value_or(false);
    const auto pool = item.text("pool");
    if (pool && !pool->empty()) {
        job.selection.pool = pool;
    }
    for (const char* key : {"vmid", "exclude"}) {
        if (const Json* value = item.find(key)) {
            std::vector<std::string> problems;
            const bool vmid = std::string_view(key) == "vmid";
            auto ids = parse_vmid_list(*value, problems, vmid ? &job.repeated_vmids : nullptr);
            for (const auto& problem : problems) {
                job.problems.push_back(std::string(key) + ": " + problem);
            }
            (vmid ? job.selection.vmids : job.selection.exclude) = std::move(ids);
        }
    }
}

void read_enabled(const ObjectReader& item, model::BackupJob& job) {
    const Json* value = item.find("enabled");
    if (value == nullptr) {
        return; // absent = enabled
    }
    if (const auto flag = to_bool(*value)) {
        job.enabled = *flag;
        return;
    }
    if (value->is_string() && trim(value->get_ref<const std::string&>()).empty()) {
        job.enabled = false; // Perl's false, as legacy vzdump.cron jobs may carry it
        return;
    }
    // Perl would treat any other non-empty text as true.
    job.enabled = true;
    job.problems.push_back("enabled: expected a boolean, got " + describe_value(*value) + " (taken as enabled)");
}

model::BackupJob read_job(const Json& object, const std::string& where, const std::string& id) {
    model::BackupJob job;
    job.id = id;
    job.legacy = is_legacy_job_id(id);
    const ProblemSink sink = job_sink(job);
    ObjectReader item(object, where, sink, Need::optional); // every field of a job is optional
    read_enabled(item, job);
    job.schedule = item.string("schedule");
    if (job.schedule) {
        // PVE validates schedules with proxmox-time; a hand-edited one may not parse: the job then never runs.
        try {
            static_cast<void>(schedule::parse_pve_calendar_event(*job.schedule));
        } catch (const schedule::CalendarEventError& e) {
            job.problems.push_back("schedule: '" + *job.schedule + "' is not a valid calendar event (" + e.reason() +
                                   ")");
        }
    }
    job.storage = item.text("storage");
    job.mode = item.text("mode");
    const auto node = item.text("node");
    if (node && !node->empty()) {
        job.node = node;
    }
    job.next_run = item.integer("next-run");
    job.comment = item.text("comment");
    job.repeat_missed = item.boolean("repeat-missed").value_or(false);
    if (const Json* prune = item.find("prune-backups")) {
        std::vector<std::string> problems;
        job.prune_backups = keep_options_from_json(*prune, problems);
        for (const auto& problem : problems) {
            job.problems.push_back("prune-backups: " + problem);
        }
    }
    read_selection(item, job);
    return job;
}

} // namespace

bool is_legacy_job_id(std::string_view id) {
    const auto colon = id.find(':');
    if (colon != 40 || colon + 1 >= id.size()) {
        return false;
    }
    const auto hex = id.substr(0, 40);
    const auto number = id.substr(41);
    return std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }) &&
           std::all_of(number.begin(), number.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::vector<std::int64_t> parse_vmid_list(const Json& value, std::vector<std::string>& problems,
                                          std::vector<std::int64_t>* repeated) {
    std::vector<std::int64_t> ids;
    if (value.is_number()) {
        const auto id = to_int(value);
        if (id && *id > 0 && *id <= max_vmid) {
            ids.push_back(*id);
        } else {
            problems.push_back(describe_value(value) + " is not a VMID");
        }
        return ids;
    }
    if (!value.is_string()) {
        problems.push_back("expected a VMID list, got " + describe_value(value));
        return ids;
    }
    const auto tokens = split_list(value.get_ref<const std::string&>());
    std::vector<std::string> bad;
    for (const auto& token : tokens) {
        const auto id = parse_int(token);
        if (id && *id > 0 && *id <= max_vmid) {
            if (std::find(ids.begin(), ids.end(), *id) == ids.end()) {
                ids.push_back(*id);
            } else if (repeated != nullptr && std::find(repeated->begin(), repeated->end(), *id) == repeated->end()) {
                repeated->push_back(*id);
            }
        } else {
            bad.push_back(token);
        }
    }
    if (ids.empty() && !bad.empty()) {
        problems.push_back("expected a VMID list, got " + describe_value(value));
    } else {
        for (const auto& token : bad) {
            problems.push_back("'" + token + "' is not a VMID");
        }
    }
    return ids;
}

std::vector<model::BackupJob> parse_backup_jobs(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    return read_list<model::BackupJob>(
        envelope.data, endpoint,
        [](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::BackupJob> {
            const Json* id_value = item.find("id");
            const auto id = id_value ? to_text(*id_value) : std::nullopt;
            if (!id || trim(*id).empty()) {
                problems.push_back(item.where() + ": backup job without an id" +
                                   (id_value ? " (got " + describe_value(*id_value) + ")" : std::string()) +
                                   ", skipped");
                return std::nullopt;
            }
            return read_job(item.json(), item.where(), *id);
        },
        warnings);
}

} // namespace pvr::collect
