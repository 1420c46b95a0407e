#include "outlet/prometheus.hpp"

#include <fmt/format.h>

#include <deque>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

namespace pvr::outlet {
namespace {

constexpr std::string_view k_prefix = "pve_backup_report_";

using Labels = std::vector<std::pair<std::string, std::string>>;

/// One metric family: HELP, TYPE gauge, then its samples (a family's samples must be contiguous).
class Family {
public:
    Family(std::string_view name, std::string_view help) : m_name(std::string(k_prefix) + std::string(name)) {
        if (!is_valid_metric_name(m_name)) {
            throw std::logic_error("invalid metric name " + m_name);
        }
        m_text = fmt::format("# HELP {} {}\n# TYPE {} gauge\n", m_name, escape_help(help), m_name);
    }

    void add(const Labels& labels, double value) { add_sample(labels, format_value(value)); }
    void add(const Labels& labels, std::int64_t value) { add_sample(labels, std::to_string(value)); }

    [[nodiscard]] const std::string& text() const noexcept { return m_text; }
    [[nodiscard]] bool empty() const noexcept { return m_samples == 0; }

private:
    static std::string format_value(double value) { return fmt::format("{}", value); }

    void add_sample(const Labels& labels, const std::string& value) {
        m_text += m_name;
        if (!labels.empty()) {
            m_text += '{';
            bool first = true;
            for (const auto& [name, label_value] : labels) {
                if (!is_valid_label_name(name)) {
                    throw std::logic_error("invalid label name " + name);
                }
                m_text += fmt::format("{}{}=\"{}\"", first ? "" : ",", name, escape_label_value(label_value));
                first = false;
            }
            m_text += '}';
        }
        m_text += ' ' + value + '\n';
        ++m_samples;
    }

    std::string m_name;
    std::string m_text;
    std::size_t m_samples = 0;
};

class Exposition {
public:
    Family& family(std::string_view name, std::string_view help) { return m_families.emplace_back(name, help); }
    [[nodiscard]] std::string text() const {
        std::string out;
        for (const auto& f : m_families) {
            if (!f.empty()) {
                out += f.text();
            }
        }
        return out;
    }

private:
    std::deque<Family> m_families; // references stay valid as families are added
};

std::string cluster_name(const model::ReportData& report) { return report.cluster.name.value_or("standalone"); }

const char* status_label(model::CoverageStatus status) noexcept {
    switch (status) {
    case model::CoverageStatus::scheduled:
        return "scheduled";
    case model::CoverageStatus::not_backed_up:
        return "not_backed_up";
    case model::CoverageStatus::undetermined:
        return "undetermined";
    }
    return "undetermined";
}

constexpr model::CoverageStatus k_statuses[] = {model::CoverageStatus::scheduled, model::CoverageStatus::not_backed_up,
                                                model::CoverageStatus::undetermined};

void cluster_metrics(Exposition& out, const model::ReportData& report, const PrometheusRun& run) {
    const std::string cluster = cluster_name(report);
    const Labels base{{"cluster", cluster}};

    out.family("info", "Always 1: the version of pve-backup-report and of Proxmox VE")
        .add(Labels{{"cluster", cluster},
                    {"version", report.tool_version},
                    {"pve_version", report.cluster.pve_version.value_or("")}},
             std::int64_t{1});

    auto& verdict = out.family("verdict", "1 for the report's overall verdict level (good, info, warning, critical), "
                                          "0 for the other levels");
    for (const auto level : {model::VerdictLevel::good, model::VerdictLevel::info, model::VerdictLevel::warning,
                             model::VerdictLevel::critical}) {
        verdict.add(Labels{{"cluster", cluster}, {"level", model::to_string(level)}},
                    std::int64_t{report.verdict.level == level ? 1 : 0});
    }

    auto& guests = out.family("guests", "Guests (VMs and containers) by backup coverage status");
    const std::int64_t counts[] = {report.summary.guests_scheduled, report.summary.guests_not_backed_up,
                                   report.summary.guests_undetermined};
    for (std::size_t i = 0; i < std::size(k_statuses); ++i) {
        guests.add(Labels{{"cluster", cluster}, {"status", status_label(k_statuses[i])}}, counts[i]);
    }
    out.family("coverage_ratio", "Share of the guests included in an enabled backup job (0 to 1; 0 without guests)")
        .add(base, report.summary.guests_total > 0 ? static_cast<double>(report.summary.guests_scheduled) /
                                                         static_cast<double>(report.summary.guests_total)
                                                   : 0.0);
    out.family("guests_backup_failed", "Guests whose latest vzdump backup failed (accepted exceptions left out)")
        .add(base, report.verdict.failed_backups);
    out.family("guests_backup_overdue",
               "Guests with no successful backup since their job's last scheduled run plus the grace period "
               "(accepted exceptions left out)")
        .add(base, report.verdict.overdue_backups);

    std::map<std::pair<std::string, std::string>, std::int64_t> anomalies; // (severity, kind)
    for (const auto& anomaly : report.anomalies) {
        ++anomalies[{model::to_string(anomaly.severity), anomaly.kind}];
    }
    auto& anomaly_family = out.family("anomalies", "Anomalies found by the report, by severity and kind");
    for (const auto& [key, count] : anomalies) {
        anomaly_family.add(Labels{{"cluster", cluster}, {"severity", key.first}, {"kind", key.second}}, count);
    }

    std::int64_t issue_warnings = 0;
    std::int64_t issue_errors = 0;
    for (const auto& issue : report.collection_issues) {
        ++(issue.severity == model::IssueSeverity::error ? issue_errors : issue_warnings);
    }
    auto& issues = out.family("collection_issues", "Things the report could not read (nodes offline, listings "
                                                   "refused, ...), by severity");
    issues.add(Labels{{"cluster", cluster}, {"severity", "warning"}}, issue_warnings);
    issues.add(Labels{{"cluster", cluster}, {"severity", "error"}}, issue_errors);

    out.family("run_duration_seconds", "Duration of the last successful run: collection, analysis and reports")
        .add(base, run.duration_seconds);
    out.family("last_success_timestamp_seconds", "Time of the last successful run (Unix time)")
        .add(base, report.generated_at);
}

void guest_metrics(Exposition& out, const model::ReportData& report) {
    const std::string cluster = cluster_name(report);
    auto& coverage = out.family("guest_coverage", "1 for the guest's backup coverage status (scheduled, not_backed_up, "
                                                  "undetermined), 0 for the other statuses");
    auto& last_backup = out.family("guest_last_backup_timestamp_seconds",
                                   "Time of the guest's newest finished backup on its PBS storages (Unix time)");
    auto& overdue = out.family("guest_backup_overdue",
                               "1 when the guest has no successful backup since its job's last scheduled run "
                               "plus the grace period");
    auto& failed = out.family("guest_last_backup_failed", "1 when the guest's latest vzdump backup failed");
    auto& expected = out.family("guest_expected_versions",
                                "Backup versions the retention policy should keep for the guest on a PBS storage");
    auto& actual = out.family("guest_actual_versions", "Backup versions of the guest present on a PBS storage");

    for (const auto& g : report.guests) {
        const Labels labels{{"cluster", cluster},
                            {"vmid", std::to_string(g.guest.vmid)},
                            {"name", g.guest.name.value_or("")},
                            {"node", g.guest.node},
                            {"type", model::to_string(g.guest.type)}};
        for (const auto status : k_statuses) {
            auto with_status = labels;
            with_status.emplace_back("status", status_label(status));
            coverage.add(with_status, std::int64_t{g.coverage.status == status ? 1 : 0});
        }
        if (g.freshness.last_success) {
            last_backup.add(labels, *g.freshness.last_success);
        } else if (g.last_backup) {
            last_backup.add(labels, g.last_backup->time);
        }
        if (g.freshness.overdue) {
            overdue.add(labels, std::int64_t{*g.freshness.overdue ? 1 : 0});
        }
        if (g.last_task) {
            failed.add(labels, std::int64_t{g.last_task->outcome == model::BackupOutcome::failed ? 1 : 0});
        }
        for (const auto& r : g.retention) {
            auto with_storage = labels;
            with_storage.emplace_back("storage", r.storage);
            if (r.expected_versions) {
                expected.add(with_storage, *r.expected_versions);
            }
            if (r.actual_versions) {
                actual.add(with_storage, *r.actual_versions);
            }
        }
    }
}

void datastore_metrics(Exposition& out, const model::ReportData& report) {
    const std::string cluster = cluster_name(report);
    // Several PVE storages may point at one datastore (different namespaces): one series each.
    std::map<std::pair<std::string, std::string>, model::StorageUsage> datastores; // (server, datastore)
    for (const auto& s : report.pbs_storages) {
        if (s.usage && s.storage.pbs) {
            datastores.emplace(
                std::pair(fmt::format("{}:{}", s.storage.pbs->server, s.storage.pbs->port), s.storage.pbs->datastore),
                *s.usage);
        }
    }
    auto& used = out.family("pbs_datastore_used_bytes", "Used space of a PBS datastore");
    auto& total = out.family("pbs_datastore_size_bytes", "Total space of a PBS datastore");
    auto& avail = out.family("pbs_datastore_available_bytes", "Available space of a PBS datastore");
    for (const auto& [key, usage] : datastores) {
        const Labels labels{{"cluster", cluster}, {"server", key.first}, {"datastore", key.second}};
        used.add(labels, usage.used);
        total.add(labels, usage.total);
        avail.add(labels, usage.avail);
    }
}

/// Appends the UTF-8 sequence starting at `text[i]` if valid, else U+FFFD; returns its length.
std::size_t append_utf8(std::string& out, std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    std::size_t length = 0;
    if (c < 0x80) {
        length = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
    }
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
        valid = (byte(i + k) & 0xC0) == 0x80;
    }
    if (valid && length >= 3) { // no overlong forms, surrogates or code points above U+10FFFF
        const unsigned char d = byte(i + 1);
        valid = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0) && !(c == 0xF0 && d < 0x90) &&
                !(c == 0xF4 && d >= 0x90);
    }
    if (!valid) {
        out += "\xEF\xBF\xBD";
        return 1;
    }
    out.append(text.substr(i, length));
    return length;
}

} // namespace

std::string escape_label_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        const char c = value[i];
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            i += append_utf8(out, value, i);
            continue;
        }
        ++i;
    }
    return out;
}

std::string escape_help(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

bool is_valid_metric_name(std::string_view name) noexcept {
    if (name.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
            return false;
        }
    }
    return true;
}

bool is_valid_label_name(std::string_view name) noexcept {
    if (name.empty() || name.rfind("__", 0) == 0) {
        return false;
    }
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
            return false;
        }
    }
    return true;
}

std::string prometheus_file_name(const model::ReportData& report) {
    std::string safe;
    for (const char c : cluster_name(report)) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        safe += ok ? c : '_';
    }
    return "pve_backup_report_" + (safe.empty() ? std::string("cluster") : safe) + ".prom";
}

std::string prometheus_textfile(const model::ReportData& report, const PrometheusRun& run) {
    Exposition out;
    cluster_metrics(out, report, run);
    guest_metrics(out, report);
    datastore_metrics(out, report);
    return out.text();
}

} // namespace pvr::outlet
