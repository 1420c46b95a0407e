#include "report/json_report.hpp"

#include "core/time.hpp"
#include "report/changes_json.hpp"
#include "report/history_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace pvr::report {
namespace {

using nlohmann::ordered_json;
using namespace pvr::model;

template <typename T>
ordered_json opt(const std::optional<T>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json opt_time(const std::optional<std::int64_t>& epoch) {
    return epoch ? ordered_json(iso8601_utc(*epoch)) : ordered_json(nullptr);
}

/// A collection issue's fact: {"kind", "params": {name: value}}; integers, durations and sizes are
/// numbers, times ISO 8601 strings, lists arrays of strings, texts and identifiers strings.
ordered_json issue_fact_json(const Fact& fact) {
    if (fact.empty()) {
        return nullptr;
    }
    ordered_json params = ordered_json::object();
    for (const auto& param : fact.params) {
        using Type = FactParam::Type;
        switch (param.type) {
        case Type::integer:
        case Type::seconds:
        case Type::bytes:
            params[param.name] = std::stoll(param.value);
            break;
        case Type::time:
            params[param.name] = iso8601_utc(std::stoll(param.value));
            break;
        case Type::list: {
            ordered_json items = ordered_json::array();
            std::size_t start = 0;
            while (!param.value.empty() && start <= param.value.size()) {
                const auto end = std::min(param.value.find('\n', start), param.value.size());
                items.push_back(param.value.substr(start, end - start));
                start = end + 1;
            }
            params[param.name] = std::move(items);
            break;
        }
        case Type::text:
        case Type::identifier:
            params[param.name] = param.value;
            break;
        }
    }
    return {{"kind", fact.kind}, {"params", std::move(params)}};
}

ordered_json keep_json(const KeepOptions& keep) {
    ordered_json out = ordered_json::object();
    for (const auto& [name, value] : keep.items()) {
        out[name] = value;
    }
    return out;
}

ordered_json cluster_json(const ClusterInfo& cluster) {
    ordered_json nodes = ordered_json::array();
    for (const auto& node : cluster.nodes) {
        nodes.push_back({{"node", node.name}, {"status", node.status}, {"ip", opt(node.ip)}, {"local", node.local}});
    }
    return {{"name", opt(cluster.name)},
            {"pve_version", opt(cluster.pve_version)},
            {"pve_release", opt(cluster.pve_release)},
            {"quorate", opt(cluster.quorate)},
            {"nodes", nodes},
            {"node_source", opt(cluster.node_source)},
            {"inventory_source", opt(cluster.inventory_source)}};
}

ordered_json summary_json(const ReportSummary& s) {
    return {{"guests_total", s.guests_total},
            {"guests_scheduled", s.guests_scheduled},
            {"guests_not_backed_up", s.guests_not_backed_up},
            {"guests_undetermined", s.guests_undetermined},
            {"coverage_percent", std::round(s.coverage_percent * 10.0) / 10.0},
            {"backup_jobs_total", s.backup_jobs_total},
            {"backup_jobs_enabled", s.backup_jobs_enabled},
            {"pbs_storages", s.pbs_storages},
            {"anomalies", s.anomalies}};
}

ordered_json verdict_json(const Verdict& v) {
    return {{"level", to_string(v.level)},
            {"guests_not_backed_up", v.guests_not_backed_up},
            {"guests_undetermined", v.guests_undetermined},
            {"critical_anomalies", v.critical_anomalies},
            {"warning_anomalies", v.warning_anomalies},
            {"info_anomalies", v.info_anomalies},
            {"collection_issues", v.collection_issues},
            {"failed_backups", v.failed_backups},
            {"overdue_backups", v.overdue_backups},
            {"accepted_guests_not_backed_up", v.accepted_guests_not_backed_up},
            {"accepted_critical_anomalies", v.accepted_critical_anomalies},
            {"accepted_warning_anomalies", v.accepted_warning_anomalies},
            {"accepted_info_anomalies", v.accepted_info_anomalies},
            {"accepted_failed_backups", v.accepted_failed_backups},
            {"accepted_overdue_backups", v.accepted_overdue_backups}};
}

ordered_json exception_json(const AcceptedException& e) {
    ordered_json match = ordered_json::object();
    if (!e.match.vmids.empty()) {
        match["vmid"] = e.match.vmids;
    }
    if (e.match.name) {
        match["name"] = *e.match.name;
    }
    if (e.match.pool) {
        match["pool"] = *e.match.pool;
    }
    if (e.match.tag) {
        match["tag"] = *e.match.tag;
    }
    return {{"id", e.id},
            {"index", e.index},
            {"source", e.source},
            {"file", e.file.empty() ? ordered_json(nullptr) : ordered_json(e.file)},
            {"line", e.line > 0 ? ordered_json(e.line) : ordered_json(nullptr)},
            {"match", match},
            {"accept", e.accept},
            {"reason", e.reason},
            {"owner", opt(e.owner)},
            {"until", opt(e.until)}};
}

ordered_json guest_exception_json(const std::optional<GuestException>& applied) {
    if (!applied) {
        return nullptr;
    }
    ordered_json out = exception_json(applied->exception);
    out["accepted"] = applied->accepted;
    return out;
}

ordered_json pbs_storage_json(const PbsStorageReport& report) {
    const Storage& st = report.storage;
    const PbsTarget pbs = st.pbs.value_or(PbsTarget{});
    ordered_json nodes = nullptr;
    if (st.nodes) {
        nodes = ordered_json::array();
        for (const auto& n : *st.nodes) {
            nodes.push_back(n);
        }
    }
    ordered_json usage = nullptr;
    if (report.usage) {
        usage = {{"total", report.usage->total},
                 {"used", report.usage->used},
                 {"avail", report.usage->avail},
                 // PBS's estimate as a time; null when PBS gave none, or 0 / negative ("not growing")
                 {"estimated_full_date", report.usage->estimated_full_date && *report.usage->estimated_full_date > 0
                                             ? ordered_json(iso8601_utc(*report.usage->estimated_full_date))
                                             : ordered_json(nullptr)}};
    }
    return {{"storage", st.id},
            {"server", pbs.server},
            {"port", pbs.port},
            {"datastore", pbs.datastore},
            {"namespace", pbs.ns},
            {"fingerprint", opt(pbs.fingerprint)},
            {"enabled", st.enabled},
            {"nodes", nodes},
            {"prune_backups", st.prune_backups ? keep_json(*st.prune_backups) : ordered_json(nullptr)},
            {"usage", usage},
            {"username", opt(pbs.username)},
            {"encrypted", pbs.encrypted}};
}

ordered_json policy_json(const RetentionPolicy& p) {
    return {{"source", p.source},
            {"id", p.id},
            {"storage", opt(p.storage)},
            {"datastore", opt(p.datastore)},
            {"namespace", opt(p.ns)},
            {"schedule", opt(p.schedule)},
            {"keep", keep_json(p.keep)},
            {"server", opt(p.server)},
            {"max_depth", opt(p.max_depth)},
            {"enabled", p.enabled},
            {"storages", p.storages}};
}

ordered_json job_json(const BackupJob& job) {
    return {{"id", job.id},
            {"enabled", job.enabled},
            {"schedule", opt(job.schedule)},
            {"storage", opt(job.storage)},
            {"mode", opt(job.mode)},
            {"node", opt(job.node)},
            {"selection",
             {{"all", job.selection.all},
              {"vmids", job.selection.vmids},
              {"pool", opt(job.selection.pool)},
              {"exclude", job.selection.exclude}}},
            {"next_run", opt_time(job.next_run)},
            {"comment", opt(job.comment)},
            {"prune_backups", job.prune_backups ? keep_json(*job.prune_backups) : ordered_json(nullptr)},
            {"legacy", job.legacy},
            {"problems", job.problems}};
}

ordered_json last_task_json(const std::optional<GuestBackupResult>& result) {
    if (!result) {
        return nullptr;
    }
    return {{"time", iso8601_utc(result->time)},
            {"end_time", opt_time(result->endtime)},
            {"node", result->node},
            {"status", result->outcome == BackupOutcome::ok ? "ok" : "failed"},
            {"error", opt(result->error)},
            {"upid", result->upid}};
}

ordered_json non_empty(const std::string& text) { return text.empty() ? ordered_json(nullptr) : ordered_json(text); }

/// {"kind": ..., "params": {name: value}}: integers, times (epoch seconds), durations and sizes as
/// numbers, lists as arrays, texts and identifiers as strings; null for no fact.
ordered_json fact_json(const Fact& fact) {
    if (fact.empty()) {
        return nullptr;
    }
    ordered_json params = ordered_json::object();
    for (const auto& p : fact.params) {
        switch (p.type) {
        case FactParam::Type::integer:
        case FactParam::Type::time:
        case FactParam::Type::seconds:
        case FactParam::Type::bytes: {
            std::int64_t n = 0;
            const auto [end, ec] = std::from_chars(p.value.data(), p.value.data() + p.value.size(), n);
            params[p.name] =
                ec == std::errc() && end == p.value.data() + p.value.size() ? ordered_json(n) : ordered_json(p.value);
            break;
        }
        case FactParam::Type::list: {
            ordered_json items = ordered_json::array();
            std::size_t start = 0;
            while (!p.value.empty()) {
                const auto at = p.value.find('\n', start);
                items.push_back(p.value.substr(start, at == std::string::npos ? std::string::npos : at - start));
                if (at == std::string::npos) {
                    break;
                }
                start = at + 1;
            }
            params[p.name] = std::move(items);
            break;
        }
        case FactParam::Type::text:
        case FactParam::Type::identifier:
            params[p.name] = p.value;
            break;
        }
    }
    return {{"kind", fact.kind}, {"params", std::move(params)}};
}

ordered_json facts_json(const std::vector<Fact>& facts) {
    ordered_json out = ordered_json::array();
    for (const auto& fact : facts) {
        out.push_back(fact_json(fact));
    }
    return out;
}

ordered_json freshness_json(const GuestFreshness& f) {
    return {{"last_success", opt_time(f.last_success)},
            {"age_seconds", opt(f.age_seconds)},
            {"expected_since", opt_time(f.expected_since)},
            {"grace_seconds", opt(f.grace_seconds)},
            {"overdue", opt(f.overdue)},
            {"overdue_storages", f.overdue_storages},
            {"last_verified", opt_time(f.last_verified)},
            {"last_verification", opt(f.last_verification)},
            {"note", non_empty(f.note)},
            {"note_facts", facts_json(f.note_facts)}};
}

ordered_json orphan_json(const PbsOrphanGroup& g) {
    return {{"storage", g.storage},
            {"datastore", g.datastore},
            {"namespace", g.ns},
            {"backup_type", g.backup_type},
            {"backup_id", g.backup_id},
            {"snapshots", g.snapshots},
            {"last_backup", opt_time(g.last_backup)}};
}

ordered_json rules_json(const std::vector<CoverageRule>& rules) {
    ordered_json out = ordered_json::array();
    for (const auto& rule : rules) {
        out.push_back({{"job", rule.job},
                       {"enabled", rule.enabled},
                       {"selection", to_code(rule.selection)},
                       {"pool", opt(rule.pool)},
                       {"node", opt(rule.node)},
                       {"storage", opt(rule.storage)},
                       {"excluded_count", rule.excluded_count}});
    }
    return out;
}

ordered_json guest_json(const GuestReport& report) {
    const Guest& g = report.guest;
    ordered_json last_backup = nullptr;
    if (report.last_backup) {
        const LastBackup& b = *report.last_backup;
        last_backup = {{"time", iso8601_utc(b.time)}, {"storage", b.storage}, {"datastore", b.datastore},
                       {"namespace", b.ns},           {"size", opt(b.size)},  {"verification", opt(b.verification)},
                       {"protected", b.is_protected}};
    }
    ordered_json retention = ordered_json::array();
    for (const auto& r : report.retention) {
        retention.push_back({{"storage", r.storage},
                             {"datastore", r.datastore},
                             {"namespace", r.ns},
                             {"policy", keep_json(r.policy)},
                             {"expected_versions", opt(r.expected_versions)},
                             {"actual_versions", opt(r.actual_versions)},
                             {"delta", opt(r.delta)},
                             {"policy_source", r.policy_source},
                             {"jobs", r.jobs},
                             {"pbs_prune_jobs", r.pbs_prune_jobs},
                             {"oldest_snapshot", opt_time(r.oldest_snapshot)},
                             {"steady_state_since", opt_time(r.steady_state_since)},
                             {"note", non_empty(r.note)},
                             {"note_facts", facts_json(r.note_facts)}});
    }
    ordered_json volumes = ordered_json::array();
    for (const auto& v : g.volumes) {
        volumes.push_back({{"key", v.key}, {"volume", v.volume}, {"included", v.included}, {"reason", v.reason}});
    }
    return {{"vmid", g.vmid},
            {"name", opt(g.name)},
            {"type", to_string(g.type)},
            {"node", g.node},
            {"status", g.status},
            {"template", opt(g.is_template)},
            {"pool", opt(g.pool)},
            {"tags", g.tags},
            {"notes", opt(g.notes)},
            {"coverage",
             {{"status", to_code(report.coverage.status)},
              {"jobs", report.coverage.jobs},
              {"disabled_jobs", report.coverage.disabled_jobs},
              {"reason", report.coverage.reason},
              {"excluded_volumes", report.coverage.excluded_volumes},
              {"rules", rules_json(report.coverage.rules)},
              {"reason_fact", fact_json(report.coverage.reason_fact)}}},
            {"last_backup", last_backup},
            {"retention", retention},
            {"last_task", last_task_json(report.last_task)},
            {"freshness", freshness_json(report.freshness)},
            {"lock", opt(g.lock)},
            {"hastate", opt(g.hastate)},
            {"volumes", g.config_collected ? volumes : ordered_json(nullptr)},
            {"exception", guest_exception_json(report.exception)}};
}

ordered_json archive_json(const ArchiveLink& link) {
    ordered_json previous = nullptr;
    if (link.previous_file) {
        previous = {{"file", *link.previous_file},
                    {"sha256", opt(link.previous_sha256)},
                    {"generated_at", opt_time(link.previous_generated_at)}};
    }
    ordered_json pruned = ordered_json::array();
    for (const auto& p : link.pruned) {
        pruned.push_back({{"file", p.file}, {"sha256", p.sha256}, {"generated_at", iso8601_utc(p.generated_at)}});
    }
    // own_sha256/own_file are never written: a file cannot hold its own hash.
    return {{"previous", previous}, {"pruned", pruned}};
}

} // namespace

std::string to_json(const ReportData& data, JsonLayout layout) {
    ordered_json root;
    root["schema_version"] = data.schema_version;
    root["generated_at"] = iso8601_utc(data.generated_at);
    root["tool_version"] = data.tool_version;
    root["cluster"] = cluster_json(data.cluster);
    root["summary"] = summary_json(data.summary);
    root["verdict"] = verdict_json(data.verdict);
    root["changes"] = changes_json(data.changes); // null: the history was not read
    root["pbs_storages"] = ordered_json::array();
    for (const auto& s : data.pbs_storages) {
        root["pbs_storages"].push_back(pbs_storage_json(s));
    }
    root["retention_policies"] = ordered_json::array();
    for (const auto& p : data.retention_policies) {
        root["retention_policies"].push_back(policy_json(p));
    }
    root["backup_jobs"] = ordered_json::array();
    for (const auto& j : data.backup_jobs) {
        root["backup_jobs"].push_back(job_json(j));
    }
    root["guests"] = ordered_json::array();
    for (const auto& g : data.guests) {
        root["guests"].push_back(guest_json(g));
    }
    root["anomalies"] = ordered_json::array();
    for (const auto& a : data.anomalies) {
        root["anomalies"].push_back({{"kind", a.kind},
                                     {"severity", to_string(a.severity)},
                                     {"subject", a.subject},
                                     {"message", a.message},
                                     {"accepted_by", opt(a.accepted_by)},
                                     {"fact", fact_json(a.fact)}});
    }
    root["exceptions"] = ordered_json::array();
    for (const auto& use : data.exceptions) {
        ordered_json e = exception_json(use.exception);
        e["status"] = use.status;
        e["guests"] = use.subjects;
        e["accepted_findings"] = use.accepted_findings;
        root["exceptions"].push_back(std::move(e));
    }
    root["pbs_orphan_groups"] = ordered_json::array();
    for (const auto& g : data.pbs_orphan_groups) {
        root["pbs_orphan_groups"].push_back(orphan_json(g));
    }
    root["trends"] = trends_json(data.trends);
    root["capacity"] = capacity_json(data.capacity);
    root["collection_issues"] = ordered_json::array();
    for (const auto& i : data.collection_issues) {
        root["collection_issues"].push_back({{"severity", i.severity == IssueSeverity::error ? "error" : "warning"},
                                             {"source", i.source},
                                             {"endpoint", opt(i.endpoint)},
                                             {"message", i.message},
                                             {"fact", issue_fact_json(i.fact)}});
    }
    if (data.archive) {
        root["archive"] = archive_json(*data.archive);
    }
    return root.dump(layout == JsonLayout::indented ? 2 : -1, ' ', false, ordered_json::error_handler_t::replace) +
           "\n";
}

} // namespace pvr::report
