#include "history/digest.hpp"

#include "core/json_text.hpp"
#include "core/time.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <utility>

namespace pvr::history {
namespace {

using nlohmann::json;
using namespace pvr::model;

const char* coverage_word(CoverageStatus status) {
    switch (status) {
    case CoverageStatus::scheduled:
        return "scheduled";
    case CoverageStatus::not_backed_up:
        return "not_backed_up";
    case CoverageStatus::undetermined:
        return "undetermined";
    }
    return "undetermined";
}

/// The JSON codes of guests[].coverage.status -> RunDigest's words.
std::optional<std::string> coverage_from_code(const std::string& code) {
    for (const auto status : {CoverageStatus::scheduled, CoverageStatus::not_backed_up, CoverageStatus::undetermined}) {
        if (code == to_code(status)) {
            return coverage_word(status);
        }
    }
    return std::nullopt;
}

double one_decimal(double value) { return std::round(value * 10.0) / 10.0; }

/// A field of the record has an unexpected type or value: the record is skipped with this text.
struct BadRecord {
    std::string why;
};

[[noreturn]] void bad(const std::string& path, const std::string& expected) {
    throw BadRecord{fmt::format("{}: expected {}", path, expected)};
}

const json& member(const json& object, const std::string& /*path*/, const char* key) {
    static const json k_null;
    const auto it = object.find(key);
    return it == object.end() ? k_null : *it;
}

std::string sub(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }

const json& object_at(const json& parent, const std::string& path, const char* key) {
    const json& v = member(parent, path, key);
    if (!v.is_object()) {
        bad(sub(path, key), "an object");
    }
    return v;
}

const json* optional_object(const json& parent, const std::string& path, const char* key) {
    const json& v = member(parent, path, key);
    if (v.is_null()) {
        return nullptr;
    }
    if (!v.is_object()) {
        bad(sub(path, key), "an object or null");
    }
    return &v;
}

const json& array_at(const json& parent, const std::string& path, const char* key, bool required = true) {
    static const json k_empty = json::array();
    const json& v = member(parent, path, key);
    if (v.is_null() && !required) {
        return k_empty;
    }
    if (!v.is_array()) {
        bad(sub(path, key), "a list");
    }
    return v;
}

std::string string_at(const json& parent, const std::string& path, const char* key) {
    const json& v = member(parent, path, key);
    if (!v.is_string()) {
        bad(sub(path, key), "a string");
    }
    return v.get<std::string>();
}

std::optional<std::string> optional_string(const json& parent, const std::string& path, const char* key) {
    const json& v = member(parent, path, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (!v.is_string()) {
        bad(sub(path, key), "a string or null");
    }
    return v.get<std::string>();
}

std::int64_t int_at(const json& parent, const std::string& path, const char* key) {
    const json& v = member(parent, path, key);
    if (!v.is_number_integer()) {
        bad(sub(path, key), "an integer");
    }
    return v.get<std::int64_t>();
}

std::int64_t int_or(const json& parent, const std::string& path, const char* key, std::int64_t fallback) {
    const json& v = member(parent, path, key);
    return v.is_null() ? fallback : int_at(parent, path, key);
}

std::optional<std::int64_t> optional_int(const json& parent, const std::string& path, const char* key) {
    const json& v = member(parent, path, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    return int_at(parent, path, key);
}

double number_at(const json& parent, const std::string& path, const char* key) {
    const json& v = member(parent, path, key);
    if (!v.is_number()) {
        bad(sub(path, key), "a number");
    }
    return v.get<double>();
}

bool bool_or(const json& parent, const std::string& path, const char* key, bool fallback) {
    const json& v = member(parent, path, key);
    if (v.is_null()) {
        return fallback;
    }
    if (!v.is_boolean()) {
        bad(sub(path, key), "true or false");
    }
    return v.get<bool>();
}

std::int64_t time_at(const json& parent, const std::string& path, const char* key) {
    const auto text = string_at(parent, path, key);
    const auto t = parse_iso8601(text);
    if (!t) {
        bad(sub(path, key), "an ISO 8601 time");
    }
    return *t;
}

std::optional<std::int64_t> optional_time(const json& parent, const std::string& path, const char* key) {
    const json& v = member(parent, path, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (v.is_number_integer()) {
        return v.get<std::int64_t>();
    }
    return time_at(parent, path, key);
}

std::string keep_from_json(const json* keep, const std::string& path) {
    if (keep == nullptr) {
        return "";
    }
    KeepOptions options;
    for (const auto& [name, value] : keep->items()) {
        if (!value.is_number_integer()) {
            bad(path + "." + name, "an integer");
        }
        options.set(name, value.get<std::int64_t>());
    }
    return keep_text(options);
}

std::string indexed(const char* list, std::size_t i) { return fmt::format("{}[{}]", list, i); }

void read_guests(const json& root, RunDigest& d) {
    const json& guests = array_at(root, "", "guests");
    for (std::size_t i = 0; i < guests.size(); ++i) {
        const std::string path = indexed("guests", i);
        const json& g = guests[i];
        if (!g.is_object()) {
            bad(path, "an object");
        }
        GuestDigest gd;
        gd.vmid = int_at(g, path, "vmid");
        gd.type = string_at(g, path, "type");
        gd.name = optional_string(g, path, "name").value_or("");
        gd.node = optional_string(g, path, "node").value_or("");
        const json& cov = object_at(g, path, "coverage");
        const std::string cov_path = path + ".coverage";
        const auto code = string_at(cov, cov_path, "status");
        const auto word = coverage_from_code(code);
        if (!word) {
            bad(cov_path + ".status", "a coverage status");
        }
        gd.coverage = *word;
        for (const auto& job : array_at(cov, cov_path, "jobs", false)) {
            if (!job.is_string()) {
                bad(cov_path + ".jobs", "a list of strings");
            }
            gd.jobs.push_back(job.get<std::string>());
        }
        if (const json* ex = optional_object(g, path, "exception")) {
            gd.accepted = !array_at(*ex, path + ".exception", "accepted", false).empty();
        }
        if (const json* lb = optional_object(g, path, "last_backup")) {
            gd.last_backup = time_at(*lb, path + ".last_backup", "time");
            gd.last_backup_storage = optional_string(*lb, path + ".last_backup", "storage");
        }
        if (const json* lt = optional_object(g, path, "last_task")) {
            gd.last_task_time = time_at(*lt, path + ".last_task", "time");
            gd.last_task_failed = string_at(*lt, path + ".last_task", "status") == "failed";
        }
        if (const json* fr = optional_object(g, path, "freshness")) {
            const json& overdue = member(*fr, path + ".freshness", "overdue");
            gd.overdue = overdue.is_boolean() && overdue.get<bool>();
        }
        d.guests.push_back(std::move(gd));
    }
}

void read_lists(const json& root, RunDigest& d) {
    const json& anomalies = array_at(root, "", "anomalies");
    for (std::size_t i = 0; i < anomalies.size(); ++i) {
        const std::string path = indexed("anomalies", i);
        const json& a = anomalies[i];
        if (!a.is_object()) {
            bad(path, "an object");
        }
        d.anomalies.push_back({string_at(a, path, "kind"), string_at(a, path, "severity"),
                               string_at(a, path, "subject"), string_at(a, path, "message"),
                               optional_string(a, path, "accepted_by").has_value()});
    }
    const json& jobs = array_at(root, "", "backup_jobs");
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const std::string path = indexed("backup_jobs", i);
        const json& j = jobs[i];
        if (!j.is_object()) {
            bad(path, "an object");
        }
        d.jobs.push_back({string_at(j, path, "id"), bool_or(j, path, "enabled", true),
                          optional_string(j, path, "schedule").value_or(""),
                          optional_string(j, path, "storage").value_or(""),
                          keep_from_json(optional_object(j, path, "prune_backups"), path + ".prune_backups")});
    }
    const json& policies = array_at(root, "", "retention_policies");
    for (std::size_t i = 0; i < policies.size(); ++i) {
        const std::string path = indexed("retention_policies", i);
        const json& p = policies[i];
        if (!p.is_object()) {
            bad(path, "an object");
        }
        d.retention_policies.push_back({string_at(p, path, "source"), string_at(p, path, "id"),
                                        keep_from_json(optional_object(p, path, "keep"), path + ".keep")});
    }
    const json& storages = array_at(root, "", "pbs_storages");
    for (std::size_t i = 0; i < storages.size(); ++i) {
        const std::string path = indexed("pbs_storages", i);
        const json& s = storages[i];
        if (!s.is_object()) {
            bad(path, "an object");
        }
        DatastoreDigest ds;
        ds.server = fmt::format("{}:{}", string_at(s, path, "server"), int_or(s, path, "port", 8007));
        ds.datastore = string_at(s, path, "datastore");
        if (const json* usage = optional_object(s, path, "usage")) {
            ds.used = optional_int(*usage, path + ".usage", "used");
            ds.total = optional_int(*usage, path + ".usage", "total");
            ds.estimated_full_date = optional_time(*usage, path + ".usage", "estimated_full_date");
        }
        const bool seen = std::any_of(d.datastores.begin(), d.datastores.end(), [&](const DatastoreDigest& other) {
            return other.server == ds.server && other.datastore == ds.datastore;
        });
        if (!seen) {
            d.datastores.push_back(std::move(ds));
        }
    }
}

ArchiveLink read_link(const json& root) {
    ArchiveLink link;
    const json* archive = optional_object(root, "", "archive");
    if (archive == nullptr) {
        return link;
    }
    if (const json* prev = optional_object(*archive, "archive", "previous")) {
        link.previous_file = string_at(*prev, "archive.previous", "file");
        link.previous_sha256 = string_at(*prev, "archive.previous", "sha256");
        link.previous_generated_at = optional_time(*prev, "archive.previous", "generated_at");
    }
    const json& pruned = array_at(*archive, "archive", "pruned", false);
    for (std::size_t i = 0; i < pruned.size(); ++i) {
        const std::string path = "archive." + indexed("pruned", i);
        if (!pruned[i].is_object()) {
            bad(path, "an object");
        }
        link.pruned.push_back({string_at(pruned[i], path, "file"), string_at(pruned[i], path, "sha256"),
                               optional_time(pruned[i], path, "generated_at").value_or(0)});
    }
    return link;
}

std::string cluster_key_from_json(const json& cluster) {
    if (const auto name = optional_string(cluster, "cluster", "name")) {
        return *name;
    }
    const json& nodes = array_at(cluster, "cluster", "nodes", false);
    for (const auto& node : nodes) {
        if (node.is_object() && node.value("local", false) && node.contains("node") && node["node"].is_string()) {
            return node["node"].get<std::string>();
        }
    }
    return "standalone";
}

} // namespace

std::string keep_text(const KeepOptions& keep) {
    std::string out;
    for (const auto& [name, value] : keep.items()) {
        out += fmt::format("{}{}={}", out.empty() ? "" : ",", name, value);
    }
    return out;
}

std::string cluster_key(const ClusterInfo& cluster) {
    if (cluster.name) {
        return *cluster.name;
    }
    for (const auto& node : cluster.nodes) {
        if (node.local) {
            return node.name;
        }
    }
    return "standalone";
}

RunDigest digest_of(const ReportData& report) {
    RunDigest d;
    d.schema_version = report.schema_version;
    d.generated_at = report.generated_at;
    d.cluster = cluster_key(report.cluster);
    d.guests_total = report.summary.guests_total;
    d.guests_covered = report.summary.guests_scheduled;
    d.guests_not_backed_up = report.verdict.guests_not_backed_up;
    d.guests_undetermined = report.verdict.guests_undetermined;
    d.coverage_percent = one_decimal(report.summary.coverage_percent);
    d.failed_backups = report.verdict.failed_backups;
    d.overdue_backups = report.verdict.overdue_backups;
    d.anomalies_critical = report.verdict.critical_anomalies;
    d.anomalies_warning = report.verdict.warning_anomalies;
    d.anomalies_info = report.verdict.info_anomalies;
    for (const auto& g : report.guests) {
        GuestDigest gd;
        gd.vmid = g.guest.vmid;
        gd.type = to_string(g.guest.type);
        gd.name = g.guest.name.value_or("");
        gd.node = g.guest.node;
        gd.coverage = coverage_word(g.coverage.status);
        gd.jobs = g.coverage.jobs;
        gd.accepted = g.exception && !g.exception->accepted.empty();
        if (g.last_backup) {
            gd.last_backup = g.last_backup->time;
            gd.last_backup_storage = g.last_backup->storage;
        }
        if (g.last_task) {
            gd.last_task_time = g.last_task->time;
            gd.last_task_failed = g.last_task->outcome == BackupOutcome::failed;
        }
        gd.overdue = g.freshness.overdue.value_or(false);
        d.guests.push_back(std::move(gd));
    }
    for (const auto& a : report.anomalies) {
        d.anomalies.push_back({a.kind, to_string(a.severity), a.subject, a.message, a.accepted_by.has_value()});
    }
    for (const auto& j : report.backup_jobs) {
        d.jobs.push_back({j.id, j.enabled, j.schedule.value_or(""), j.storage.value_or(""),
                          j.prune_backups ? keep_text(*j.prune_backups) : ""});
    }
    for (const auto& p : report.retention_policies) {
        d.retention_policies.push_back({p.source, p.id, keep_text(p.keep)});
    }
    for (const auto& s : report.pbs_storages) {
        const PbsTarget pbs = s.storage.pbs.value_or(PbsTarget{});
        DatastoreDigest ds;
        ds.server = fmt::format("{}:{}", pbs.server, pbs.port);
        ds.datastore = pbs.datastore;
        if (s.usage) {
            ds.used = s.usage->used;
            ds.total = s.usage->total;
        }
        const bool seen = std::any_of(d.datastores.begin(), d.datastores.end(), [&](const DatastoreDigest& other) {
            return other.server == ds.server && other.datastore == ds.datastore;
        });
        if (!seen) {
            d.datastores.push_back(std::move(ds));
        }
    }
    return d;
}

/// What the digest reads, kept while parsing: the rest of a record (the guests' retention and
/// volumes, the collection issues, the changes, the trends, ...) is dropped as soon as it is read,
/// so a record of 10,000 guests is not held whole in memory.
namespace {

json::parser_callback_t parse_filter() {
    using Keys = std::set<std::string, std::less<>>;
    static const Keys k_top = {
        "schema_version", "generated_at",       "cluster",      "summary", "verdict", "guests", "anomalies",
        "backup_jobs",    "retention_policies", "pbs_storages", "archive"};
    static const Keys k_guest = {"vmid",      "type",        "name",      "node",     "coverage",
                                 "exception", "last_backup", "last_task", "freshness"};
    // Within those members of a guest: what read_guests reads.
    static const std::map<std::string, Keys, std::less<>> k_guest_member = {{"coverage", {"status", "jobs"}},
                                                                            {"exception", {"accepted"}},
                                                                            {"last_backup", {"time", "storage"}},
                                                                            {"last_task", {"time", "status"}},
                                                                            {"freshness", {"overdue"}}};
    struct State {
        std::string top;   // the current member of the root
        std::string guest; // the current member of a guest
    };
    auto state = std::make_shared<State>();
    return [state](int depth, json::parse_event_t event, json& parsed) {
        if (event != json::parse_event_t::key || !parsed.is_string()) {
            return true;
        }
        const auto& key = parsed.get_ref<const std::string&>();
        if (depth == 1) {
            state->top = key;
            return k_top.count(key) > 0;
        }
        if (state->top != "guests") {
            return true;
        }
        if (depth == 3) {
            state->guest = key;
            return k_guest.count(key) > 0;
        }
        if (depth == 4) {
            const auto member = k_guest_member.find(state->guest);
            return member == k_guest_member.end() || member->second.count(key) > 0;
        }
        return true;
    };
}

} // namespace

std::optional<ArchiveRecord> record_from_json(std::string_view bytes, std::string& why) {
    if (bytes.size() > max_record_bytes) {
        why = fmt::format("larger than {} MiB", max_record_bytes / (1024 * 1024));
        return std::nullopt;
    }
    if (!json_depth_within(bytes, max_record_depth)) {
        why = fmt::format("JSON nested deeper than {} levels", max_record_depth);
        return std::nullopt;
    }
    const json root = json::parse(bytes, parse_filter(), false);
    if (root.is_discarded()) {
        why = "not valid JSON";
        return std::nullopt;
    }
    if (!root.is_object()) {
        why = "not a JSON object";
        return std::nullopt;
    }
    try {
        ArchiveRecord record;
        RunDigest& d = record.digest;
        const auto version = int_at(root, "", "schema_version");
        if (version > supported_schema_version || version < 1) {
            why = fmt::format("schema_version {} is not one this version reads (1..{})", version,
                              supported_schema_version);
            return std::nullopt;
        }
        d.schema_version = static_cast<int>(version);
        d.generated_at = time_at(root, "", "generated_at");
        d.cluster = cluster_key_from_json(object_at(root, "", "cluster"));
        const json& summary = object_at(root, "", "summary");
        d.guests_total = int_at(summary, "summary", "guests_total");
        d.guests_covered = int_at(summary, "summary", "guests_scheduled");
        d.coverage_percent = one_decimal(number_at(summary, "summary", "coverage_percent"));
        const json& verdict = object_at(root, "", "verdict");
        d.guests_not_backed_up = int_at(verdict, "verdict", "guests_not_backed_up");
        d.guests_undetermined = int_at(verdict, "verdict", "guests_undetermined");
        d.failed_backups = int_at(verdict, "verdict", "failed_backups");
        d.overdue_backups = int_at(verdict, "verdict", "overdue_backups");
        d.anomalies_critical = int_at(verdict, "verdict", "critical_anomalies");
        d.anomalies_warning = int_at(verdict, "verdict", "warning_anomalies");
        d.anomalies_info = int_at(verdict, "verdict", "info_anomalies");
        read_guests(root, d);
        read_lists(root, d);
        record.link = read_link(root);
        return record;
    } catch (const BadRecord& e) {
        why = e.why;
        return std::nullopt;
    } catch (const json::exception& e) {
        why = e.what(); // a number out of range for its type
        return std::nullopt;
    }
}

std::optional<RunDigest> digest_from_json(std::string_view bytes, std::string& why) {
    auto record = record_from_json(bytes, why);
    if (!record) {
        return std::nullopt;
    }
    return std::move(record->digest);
}

} // namespace pvr::history
