#include "outlet/monitoring_plugin.hpp"

#include "core/time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

namespace pvr::outlet {
namespace {

constexpr std::string_view k_service = "PVE BACKUP";
constexpr std::array k_metrics = {PluginMetric::not_backed_up, PluginMetric::failed, PluginMetric::overdue,
                                  PluginMetric::undetermined, PluginMetric::collection_issues};

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

template <typename T>
std::int64_t not_accepted(const std::vector<T>& items) {
    return std::count_if(items.begin(), items.end(), [](const T& item) { return !item.accepted; });
}

bool new_unprotected(const model::GuestChange& g) { return g.after == "not_backed_up" && !g.accepted; }

/// What got worse since the previous report (accepted exceptions left out, as in the verdict).
struct ChangeCounts {
    std::int64_t lost_coverage = 0;
    std::int64_t new_unprotected = 0;
    std::int64_t new_failed = 0;
};

ChangeCounts change_counts(const model::Changes& c) {
    return {not_accepted(c.lost_coverage), std::count_if(c.new_guests.begin(), c.new_guests.end(), new_unprotected),
            not_accepted(c.new_failed_backups)};
}

/// "2 lost coverage, 1 new failure since 2026-11-26" ("" when nothing got worse or no history).
std::string change_text(const model::ReportData& report) {
    if (!report.changes || report.changes->first_report || !report.changes->previous_at) {
        return {};
    }
    const auto counts = change_counts(*report.changes);
    std::vector<std::string> parts;
    if (counts.lost_coverage > 0) {
        parts.push_back(fmt::format("{} lost coverage", counts.lost_coverage));
    }
    if (counts.new_unprotected > 0) {
        parts.push_back(fmt::format("{} new unprotected", counts.new_unprotected));
    }
    if (counts.new_failed > 0) {
        parts.push_back(plural(counts.new_failed, "new failure", "new failures"));
    }
    if (parts.empty()) {
        return {};
    }
    std::string text;
    for (const auto& part : parts) {
        text += text.empty() ? part : ", " + part;
    }
    return text + " since " + iso8601_utc(*report.changes->previous_at).substr(0, 10);
}

/// "10 of 40 guests not backed up, 1 failed, 3 overdue, 2 undetermined, ..."
std::string summary_text(const model::ReportData& report) {
    const model::Verdict& v = report.verdict;
    const std::int64_t total = report.summary.guests_total;
    std::vector<std::string> parts;
    if (total == 0) {
        parts.emplace_back("no guest found");
    } else if (v.guests_not_backed_up > 0) {
        parts.push_back(fmt::format("{} of {} guests not backed up", v.guests_not_backed_up, total));
    } else if (v.accepted_guests_not_backed_up > 0) {
        parts.push_back(fmt::format("0 of {} guests not backed up", total));
    } else {
        parts.push_back(fmt::format("{} of {} guests covered by a backup job", report.summary.guests_scheduled, total));
    }
    if (v.accepted_guests_not_backed_up > 0) { // accepted exceptions: known, not alerted on
        parts.push_back(fmt::format("{} accepted", v.accepted_guests_not_backed_up));
    }
    if (v.failed_backups > 0) {
        parts.push_back(fmt::format("{} failed", v.failed_backups));
    }
    if (v.overdue_backups > 0) {
        parts.push_back(fmt::format("{} overdue", v.overdue_backups));
    }
    if (v.guests_undetermined > 0) {
        parts.push_back(fmt::format("{} undetermined", v.guests_undetermined));
    }
    if (v.critical_anomalies > 0) {
        parts.push_back(plural(v.critical_anomalies, "critical anomaly", "critical anomalies"));
    }
    if (v.warning_anomalies > 0) {
        parts.push_back(plural(v.warning_anomalies, "warning anomaly", "warning anomalies"));
    }
    if (v.collection_issues > 0) {
        parts.push_back(plural(v.collection_issues, "collection issue", "collection issues"));
    }
    if (auto changed = change_text(report); !changed.empty()) {
        parts.push_back(std::move(changed));
    }
    std::string text;
    for (const auto& part : parts) {
        text += text.empty() ? part : ", " + part;
    }
    if (report.cluster.name) {
        text += fmt::format(" (cluster {})", *report.cluster.name);
    }
    return plugin_safe(text);
}

std::string range_text(const std::optional<ThresholdRange>& range) { return range ? range->text : std::string(); }

/// `label=value;warn;crit;min;max` (https://www.monitoring-plugins.org/doc/guidelines.html#AEN201).
std::string perfdata(const model::ReportData& report, const PluginOptions& options) {
    const model::Verdict& v = report.verdict;
    const std::int64_t total = report.summary.guests_total;
    std::string out = fmt::format("guests={};;;0 covered={};;;0;{}", total, report.summary.guests_scheduled, total);
    for (const auto metric : k_metrics) {
        const auto found = options.thresholds.find(metric);
        const MetricThresholds none;
        const MetricThresholds& t = found == options.thresholds.end() ? none : found->second;
        const bool per_guest = metric != PluginMetric::collection_issues;
        out += fmt::format(" {}={};{};{};0{}", perfdata_label(metric), metric_value(v, metric), range_text(t.warning),
                           range_text(t.critical), per_guest ? fmt::format(";{}", total) : std::string());
    }
    out += fmt::format(" anomalies_critical={};;;0 anomalies_warning={};;;0 anomalies_info={};;;0",
                       v.critical_anomalies, v.warning_anomalies, v.info_anomalies);
    out += fmt::format(" accepted_not_backed_up={};;;0;{}", v.accepted_guests_not_backed_up, total);
    out += fmt::format(" coverage={}%;;;0;100", report.summary.coverage_percent);
    if (report.changes) { // since the previous report (0 for the first one)
        const auto counts = change_counts(*report.changes);
        out += fmt::format(" lost_coverage={};;;0 new_unprotected={};;;0 new_failed={};;;0", counts.lost_coverage,
                           counts.new_unprotected, counts.new_failed);
    }
    return out;
}

std::string guest_label(const model::GuestReport& g) {
    std::string label = g.guest.subject();
    if (g.guest.name && !g.guest.name->empty()) {
        label += " " + *g.guest.name;
    }
    if (!g.guest.node.empty()) {
        label += " (node " + g.guest.node + ")";
    }
    return label;
}

/// Whether an accepted exception takes `what` ("not_backed_up", "overdue") of this guest out of the alert.
bool accepted(const model::GuestReport& g, std::string_view what) {
    return g.exception &&
           std::find(g.exception->accepted.begin(), g.exception->accepted.end(), what) != g.exception->accepted.end();
}

/// One line per offending guest, most serious first: not backed up, failed, overdue, undetermined.
/// Guests whose finding an accepted exception covers are not listed (they are in the report).
std::vector<std::string> detail_lines(const model::ReportData& report) {
    std::vector<std::string> lines;
    if (report.changes && !report.changes->first_report) { // what got worse since the previous report
        const auto since =
            report.changes->previous_at ? " since " + iso8601_utc(*report.changes->previous_at) : std::string();
        const auto label = [](std::int64_t vmid, const std::string& type, const std::string& name) {
            return (type == "lxc" ? "ct/" : "vm/") + std::to_string(vmid) + (name.empty() ? "" : " " + name);
        };
        for (const auto& g : report.changes->lost_coverage) {
            if (!g.accepted) {
                lines.push_back(fmt::format("lost coverage{}: {}: {} -> {}", since, label(g.vmid, g.type, g.name),
                                            g.before, g.after));
            }
        }
        for (const auto& g : report.changes->new_guests) {
            if (new_unprotected(g)) {
                lines.push_back(fmt::format("new unprotected{}: {}", since, label(g.vmid, g.type, g.name)));
            }
        }
        for (const auto& f : report.changes->new_failed_backups) {
            if (!f.accepted) {
                lines.push_back(fmt::format("new failure{}: {}{}", since, label(f.vmid, f.type, f.name),
                                            f.task_time > 0 ? ": backup of " + iso8601_utc(f.task_time) + " failed"
                                                            : std::string()));
            }
        }
    }
    for (const auto& g : report.guests) {
        if (g.coverage.status == model::CoverageStatus::not_backed_up && !accepted(g, "not_backed_up")) {
            lines.push_back(fmt::format("not backed up: {}: {}", guest_label(g), g.coverage.reason));
        }
    }
    for (const auto& g : report.guests) {
        if (g.last_task && g.last_task->outcome == model::BackupOutcome::failed) {
            lines.push_back(fmt::format("failed: {}: backup of {} failed{}", guest_label(g),
                                        iso8601_utc(g.last_task->time),
                                        g.last_task->error ? " - " + *g.last_task->error : std::string()));
        }
    }
    for (const auto& g : report.guests) {
        if (g.freshness.overdue.value_or(false) && !accepted(g, "overdue")) {
            lines.push_back(fmt::format("overdue: {}: {}", guest_label(g),
                                        g.freshness.last_success
                                            ? "last backup " + iso8601_utc(*g.freshness.last_success)
                                            : std::string("no backup found")));
        }
    }
    for (const auto& g : report.guests) {
        if (g.coverage.status == model::CoverageStatus::undetermined) {
            lines.push_back(fmt::format("undetermined: {}: {}", guest_label(g), g.coverage.reason));
        }
    }
    return lines;
}

} // namespace

const char* to_string(PluginStatus status) noexcept {
    switch (status) {
    case PluginStatus::ok:
        return "OK";
    case PluginStatus::warning:
        return "WARNING";
    case PluginStatus::critical:
        return "CRITICAL";
    case PluginStatus::unknown:
        return "UNKNOWN";
    }
    return "UNKNOWN";
}

const char* option_name(PluginMetric metric) noexcept {
    switch (metric) {
    case PluginMetric::not_backed_up:
        return "not-backed-up";
    case PluginMetric::undetermined:
        return "undetermined";
    case PluginMetric::failed:
        return "failed";
    case PluginMetric::overdue:
        return "overdue";
    case PluginMetric::collection_issues:
        return "collection-issues";
    }
    return "";
}

const char* perfdata_label(PluginMetric metric) noexcept {
    switch (metric) {
    case PluginMetric::not_backed_up:
        return "not_backed_up";
    case PluginMetric::undetermined:
        return "undetermined";
    case PluginMetric::failed:
        return "failed";
    case PluginMetric::overdue:
        return "overdue";
    case PluginMetric::collection_issues:
        return "collection_issues";
    }
    return "";
}

std::int64_t metric_value(const model::Verdict& verdict, PluginMetric metric) noexcept {
    switch (metric) {
    case PluginMetric::not_backed_up:
        return verdict.guests_not_backed_up;
    case PluginMetric::undetermined:
        return verdict.guests_undetermined;
    case PluginMetric::failed:
        return verdict.failed_backups;
    case PluginMetric::overdue:
        return verdict.overdue_backups;
    case PluginMetric::collection_issues:
        return verdict.collection_issues;
    }
    return 0;
}

PluginStatus status_from_verdict(model::VerdictLevel level) noexcept {
    switch (level) {
    case model::VerdictLevel::good:
    case model::VerdictLevel::info:
        return PluginStatus::ok;
    case model::VerdictLevel::warning:
        return PluginStatus::warning;
    case model::VerdictLevel::critical:
        return PluginStatus::critical;
    }
    return PluginStatus::unknown;
}

std::string plugin_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '|') {
            out += '/';
        } else if (u < 0x20 || u == 0x7f) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

PluginResult monitoring_plugin_result(const model::ReportData& report, const PluginOptions& options) {
    PluginResult result;
    if (options.thresholds.empty()) {
        result.status = status_from_verdict(report.verdict.level);
    } else {
        result.status = PluginStatus::ok;
        for (const auto& [metric, t] : options.thresholds) {
            const auto value = static_cast<double>(metric_value(report.verdict, metric));
            if (t.critical && t.critical->alerts(value)) {
                result.status = PluginStatus::critical;
            } else if (t.warning && t.warning->alerts(value) && result.status == PluginStatus::ok) {
                result.status = PluginStatus::warning;
            }
        }
    }
    result.text = fmt::format("{} {} - {} | {}\n", k_service, to_string(result.status), summary_text(report),
                              perfdata(report, options));
    const auto lines = detail_lines(report);
    const std::size_t shown = std::min(lines.size(), options.max_detail_lines);
    for (std::size_t i = 0; i < shown; ++i) {
        result.text += plugin_safe(lines[i]) + '\n';
    }
    if (shown < lines.size()) {
        result.text += fmt::format("... and {} more\n", lines.size() - shown);
    }
    return result;
}

PluginResult monitoring_plugin_unknown(std::string_view message) {
    PluginResult result;
    result.status = PluginStatus::unknown;
    // The first line of the message is the status line; the others (one problem each) follow.
    bool first = true;
    std::size_t start = 0;
    while (start <= message.size()) {
        const auto end = std::min(message.find('\n', start), message.size());
        const auto line = message.substr(start, end - start);
        const auto from = line.find_first_not_of(" \t\r");
        if (from != std::string_view::npos || first) {
            const std::string text = from == std::string_view::npos ? std::string() : plugin_safe(line.substr(from));
            result.text += first ? fmt::format("{} UNKNOWN - {}\n", k_service, text) : text + '\n';
            first = false;
        }
        start = end + 1;
    }
    return result;
}

} // namespace pvr::outlet
