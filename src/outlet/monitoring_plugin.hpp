#pragma once
// `pve-backup-report monitor`: the report as a Monitoring Plugins check
// (https://www.monitoring-plugins.org/doc/guidelines.html), for Icinga, Nagios, Checkmk's MRPE,
// Zabbix, ...: one status line with performance data, then the offending guests (long output),
// and the plugin's status 0/1/2/3 (OK/WARNING/CRITICAL/UNKNOWN). Pure: ReportData in, text out.

#include "model/report_data.hpp"
#include "outlet/threshold_range.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::outlet {

enum class PluginStatus { ok = 0, warning = 1, critical = 2, unknown = 3 };
/// "OK", "WARNING", "CRITICAL", "UNKNOWN".
[[nodiscard]] const char* to_string(PluginStatus status) noexcept;

/// The counts a threshold can apply to (all from ReportData::verdict, so accepted exceptions are
/// already left out).
enum class PluginMetric { not_backed_up, undetermined, failed, overdue, collection_issues };
/// The metric's name in options and performance data: "not-backed-up" / "not_backed_up", ...
[[nodiscard]] const char* option_name(PluginMetric metric) noexcept;
[[nodiscard]] const char* perfdata_label(PluginMetric metric) noexcept;
[[nodiscard]] std::int64_t metric_value(const model::Verdict& verdict, PluginMetric metric) noexcept;

struct MetricThresholds {
    std::optional<ThresholdRange> warning;
    std::optional<ThresholdRange> critical;
};

struct PluginOptions {
    /// Empty: the report's verdict decides (good/info -> OK, warning -> WARNING, critical ->
    /// CRITICAL). Otherwise these thresholds alone decide: the worst state any of them raises.
    std::map<PluginMetric, MetricThresholds> thresholds;
    /// Guests listed after the status line at most; then "... and N more".
    std::size_t max_detail_lines = 50;
};

struct PluginResult {
    PluginStatus status = PluginStatus::unknown;
    std::string text; // the whole output, each line ending with '\n'
    [[nodiscard]] int exit_code() const noexcept { return static_cast<int>(status); }
};

/// "PVE BACKUP CRITICAL - 10 of 40 guests not backed up, 1 failed | covered=30;;;0;40 ...", then
/// one line per guest not backed up, with a failed last backup, overdue or undetermined.
[[nodiscard]] PluginResult monitoring_plugin_result(const model::ReportData& report, const PluginOptions& options);

/// "PVE BACKUP UNKNOWN - <message>": invalid options, configuration errors, API unreachable, ...
[[nodiscard]] PluginResult monitoring_plugin_unknown(std::string_view message);

/// The status the verdict alone gives.
[[nodiscard]] PluginStatus status_from_verdict(model::VerdictLevel level) noexcept;

/// Plugin output must stay on its line and must not contain '|' (it starts the performance data):
/// control characters become spaces, '|' becomes '/'.
[[nodiscard]] std::string plugin_safe(std::string_view text);

} // namespace pvr::outlet
