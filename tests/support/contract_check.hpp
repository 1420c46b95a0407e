#pragma once
// Checks a parsed `--dump-report-data` document against the contract (docs/report-data.md):
// every contract field present with its type. Returns the list of violations (empty = valid).

#include "core/time.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace pvr::test {

class ContractChecker {
public:
    std::vector<std::string> check(const nlohmann::json& root) {
        m_errors.clear();
        object(root, "$");
        integer(root, "$", "schema_version");
        time(root, "$", "generated_at", false);
        string(root, "$", "tool_version", false);
        if (object_field(root, "$", "cluster")) {
            const auto& c = root["cluster"];
            string(c, "$.cluster", "name", true);
            string(c, "$.cluster", "pve_version", true);
            each(c, "$.cluster", "nodes", [&](const nlohmann::json& n, const std::string& p) {
                string(n, p, "node", false);
                string(n, p, "status", false);
            });
        }
        if (object_field(root, "$", "summary")) {
            const auto& s = root["summary"];
            for (const char* k : {"guests_total", "guests_scheduled", "guests_not_backed_up", "guests_undetermined",
                                  "backup_jobs_total", "backup_jobs_enabled", "pbs_storages", "anomalies"}) {
                integer(s, "$.summary", k);
            }
            number(s, "$.summary", "coverage_percent");
        }
        each(root, "$", "pbs_storages", [&](const nlohmann::json& s, const std::string& p) {
            for (const char* k : {"storage", "server", "datastore", "namespace"}) {
                string(s, p, k, false);
            }
            integer(s, p, "port");
            string(s, p, "fingerprint", true);
            boolean(s, p, "enabled", false);
            string_array(s, p, "nodes", true);
            keep_object(s, p, "prune_backups", true);
            if (present(s, p, "usage") && !s["usage"].is_null()) {
                for (const char* k : {"total", "used", "avail"}) {
                    integer(s["usage"], p + ".usage", k);
                }
            }
        });
        each(root, "$", "retention_policies", [&](const nlohmann::json& r, const std::string& p) {
            one_of(r, p, "source", {"pve-job", "pve-storage", "pbs-prune-job", "pbs-datastore"}, false);
            string(r, p, "id", false);
            for (const char* k : {"storage", "datastore", "namespace", "schedule"}) {
                string(r, p, k, true);
            }
            keep_object(r, p, "keep", false);
        });
        each(root, "$", "backup_jobs", [&](const nlohmann::json& j, const std::string& p) {
            string(j, p, "id", false);
            boolean(j, p, "enabled", false);
            for (const char* k : {"schedule", "storage", "mode", "node", "comment"}) {
                string(j, p, k, true);
            }
            if (object_field(j, p, "selection")) {
                const auto& s = j["selection"];
                boolean(s, p + ".selection", "all", false);
                int_array(s, p + ".selection", "vmids");
                string(s, p + ".selection", "pool", true);
                int_array(s, p + ".selection", "exclude");
            }
            time(j, p, "next_run", true);
        });
        each(root, "$", "guests", [&](const nlohmann::json& g, const std::string& p) {
            integer(g, p, "vmid");
            string(g, p, "name", true);
            one_of(g, p, "type", {"qemu", "lxc"}, false);
            string(g, p, "node", false);
            string(g, p, "status", false);
            boolean(g, p, "template", true);
            string(g, p, "pool", true);
            string_array(g, p, "tags", false);
            string(g, p, "notes", true);
            if (object_field(g, p, "coverage")) {
                const auto& c = g["coverage"];
                const std::string cp = p + ".coverage";
                one_of(c, cp, "status", {"sauvegarde_planifiee", "non_sauvegardee", "indetermine"}, false);
                string_array(c, cp, "jobs", false);
                string_array(c, cp, "disabled_jobs", false);
                string(c, cp, "reason", false);
            }
            if (present(g, p, "last_backup") && !g["last_backup"].is_null()) {
                const auto& b = g["last_backup"];
                const std::string bp = p + ".last_backup";
                object(b, bp);
                time(b, bp, "time", false);
                for (const char* k : {"storage", "datastore", "namespace"}) {
                    string(b, bp, k, false);
                }
                nullable_integer(b, bp, "size");
                one_of(b, bp, "verification", {"ok", "failed"}, true);
                boolean(b, bp, "protected", false);
            }
            each(g, p, "retention", [&](const nlohmann::json& r, const std::string& rp) {
                for (const char* k : {"storage", "datastore", "namespace"}) {
                    string(r, rp, k, false);
                }
                keep_object(r, rp, "policy", false);
                for (const char* k : {"expected_versions", "actual_versions", "delta"}) {
                    nullable_integer(r, rp, k);
                }
            });
        });
        each(root, "$", "anomalies", [&](const nlohmann::json& a, const std::string& p) {
            string(a, p, "kind", false);
            one_of(a, p, "severity", {"info", "warning", "critical"}, false);
            string(a, p, "subject", false);
            string(a, p, "message", false);
        });
        each(root, "$", "collection_issues", [&](const nlohmann::json& i, const std::string& p) {
            one_of(i, p, "severity", {"warning", "error"}, false);
            string(i, p, "source", false);
            string(i, p, "endpoint", true);
            string(i, p, "message", false);
        });
        // Added by pve-backup-report: the changes since the previous report (null without history).
        if (present(root, "$", "changes") && !root["changes"].is_null() && object(root["changes"], "$.changes")) {
            changes(root["changes"]);
        }
        return m_errors;
    }

private:
    std::vector<std::string> m_errors;

    void changes(const nlohmann::json& c) {
        const std::string p = "$.changes";
        boolean(c, p, "first_report", false);
        time(c, p, "previous_at", true);
        string(c, p, "previous_file", true);
        const std::set<std::string> coverage = {"scheduled", "not_backed_up", "undetermined"};
        for (const char* list : {"lost_coverage", "gained_coverage", "new_guests", "removed_guests"}) {
            each(c, p, list, [&](const nlohmann::json& g, const std::string& gp) {
                integer(g, gp, "vmid");
                one_of(g, gp, "type", {"qemu", "lxc"}, false);
                string(g, gp, "name", true);
                one_of(g, gp, "before", coverage, true);
                one_of(g, gp, "after", coverage, true);
                boolean(g, gp, "accepted", false);
            });
        }
        for (const char* list : {"new_anomalies", "resolved_anomalies", "ongoing_anomalies"}) {
            each(c, p, list, [&](const nlohmann::json& a, const std::string& ap) {
                string(a, ap, "kind", false);
                one_of(a, ap, "severity", {"info", "warning", "critical"}, false);
                string(a, ap, "subject", false);
                string(a, ap, "message", false);
                time(a, ap, "open_since", false);
                integer(a, ap, "days_open");
                boolean(a, ap, "accepted", false);
            });
        }
        each(c, p, "new_failed_backups", [&](const nlohmann::json& f, const std::string& fp) {
            integer(f, fp, "vmid");
            one_of(f, fp, "type", {"qemu", "lxc"}, false);
            string(f, fp, "name", true);
            time(f, fp, "task_time", true);
            boolean(f, fp, "accepted", false);
        });
        each(c, p, "jobs", [&](const nlohmann::json& j, const std::string& jp) {
            string(j, jp, "id", false);
            one_of(j, jp, "change", {"added", "removed", "enabled", "disabled", "retention_changed"}, false);
            string(j, jp, "before", true);
            string(j, jp, "after", true);
        });
        each(c, p, "retention_policies", [&](const nlohmann::json& r, const std::string& rp) {
            string(r, rp, "source", false);
            string(r, rp, "id", false);
            one_of(r, rp, "change", {"added", "removed", "changed"}, false);
            string(r, rp, "before", true);
            string(r, rp, "after", true);
        });
    }

    void fail(const std::string& path, const std::string& what) { m_errors.push_back(path + ": " + what); }

    bool object(const nlohmann::json& v, const std::string& path) {
        if (!v.is_object()) {
            fail(path, "expected an object");
            return false;
        }
        return true;
    }
    bool present(const nlohmann::json& o, const std::string& path, const char* key) {
        if (!o.is_object() || !o.contains(key)) {
            fail(path + "." + key, "missing");
            return false;
        }
        return true;
    }
    bool object_field(const nlohmann::json& o, const std::string& path, const char* key) {
        return present(o, path, key) && object(o[key], path + "." + key);
    }
    void integer(const nlohmann::json& o, const std::string& path, const char* key) {
        if (present(o, path, key) && !o[key].is_number_integer()) {
            fail(path + "." + key, "expected an integer");
        }
    }
    void nullable_integer(const nlohmann::json& o, const std::string& path, const char* key) {
        if (present(o, path, key) && !o[key].is_null() && !o[key].is_number_integer()) {
            fail(path + "." + key, "expected an integer or null");
        }
    }
    void number(const nlohmann::json& o, const std::string& path, const char* key) {
        if (present(o, path, key) && !o[key].is_number()) {
            fail(path + "." + key, "expected a number");
        }
    }
    void string(const nlohmann::json& o, const std::string& path, const char* key, bool nullable) {
        if (present(o, path, key) && !o[key].is_string() && !(nullable && o[key].is_null())) {
            fail(path + "." + key, nullable ? "expected a string or null" : "expected a string");
        }
    }
    void boolean(const nlohmann::json& o, const std::string& path, const char* key, bool nullable) {
        if (present(o, path, key) && !o[key].is_boolean() && !(nullable && o[key].is_null())) {
            fail(path + "." + key, nullable ? "expected a boolean or null" : "expected a boolean");
        }
    }
    void time(const nlohmann::json& o, const std::string& path, const char* key, bool nullable) {
        if (!present(o, path, key) || (nullable && o[key].is_null())) {
            return;
        }
        if (!o[key].is_string() || !parse_iso8601(o[key].get<std::string>())) {
            fail(path + "." + key, "expected an ISO 8601 time with an offset");
        }
    }
    void one_of(const nlohmann::json& o, const std::string& path, const char* key, const std::set<std::string>& values,
                bool nullable) {
        if (!present(o, path, key) || (nullable && o[key].is_null())) {
            return;
        }
        if (!o[key].is_string() || values.count(o[key].get<std::string>()) == 0) {
            fail(path + "." + key, "unexpected value " + o[key].dump());
        }
    }
    void string_array(const nlohmann::json& o, const std::string& path, const char* key, bool nullable) {
        if (!present(o, path, key) || (nullable && o[key].is_null())) {
            return;
        }
        if (!o[key].is_array()) {
            fail(path + "." + key, "expected an array of strings");
            return;
        }
        for (const auto& e : o[key]) {
            if (!e.is_string()) {
                fail(path + "." + key, "expected an array of strings");
                return;
            }
        }
    }
    void int_array(const nlohmann::json& o, const std::string& path, const char* key) {
        if (!present(o, path, key)) {
            return;
        }
        if (!o[key].is_array()) {
            fail(path + "." + key, "expected an array of integers");
            return;
        }
        for (const auto& e : o[key]) {
            if (!e.is_number_integer()) {
                fail(path + "." + key, "expected an array of integers");
                return;
            }
        }
    }
    void keep_object(const nlohmann::json& o, const std::string& path, const char* key, bool nullable) {
        if (!present(o, path, key) || (nullable && o[key].is_null())) {
            return;
        }
        if (!object(o[key], path + "." + key)) {
            return;
        }
        static const std::set<std::string> k_keys = {"keep-all",    "keep-last",    "keep-hourly", "keep-daily",
                                                     "keep-weekly", "keep-monthly", "keep-yearly"};
        for (const auto& [name, value] : o[key].items()) {
            if (k_keys.count(name) == 0 || !value.is_number_integer()) {
                fail(path + "." + key + "." + name, "expected a keep-* integer");
            }
        }
    }
    template <typename F>
    void each(const nlohmann::json& o, const std::string& path, const char* key, F&& f) {
        if (!present(o, path, key)) {
            return;
        }
        if (!o[key].is_array()) {
            fail(path + "." + key, "expected an array");
            return;
        }
        for (std::size_t i = 0; i < o[key].size(); ++i) {
            const std::string p = path + "." + key + "[" + std::to_string(i) + "]";
            if (object(o[key][i], p)) {
                f(o[key][i], p);
            }
        }
    }
};

} // namespace pvr::test
