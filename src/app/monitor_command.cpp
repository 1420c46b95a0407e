#include "app/monitor_command.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <array>

namespace pvr::app {
namespace {

constexpr std::array k_metrics = {outlet::PluginMetric::not_backed_up, outlet::PluginMetric::failed,
                                  outlet::PluginMetric::overdue, outlet::PluginMetric::undetermined,
                                  outlet::PluginMetric::collection_issues};

const char* metric_help(outlet::PluginMetric metric) {
    switch (metric) {
    case outlet::PluginMetric::not_backed_up:
        return "guests in no enabled backup job";
    case outlet::PluginMetric::failed:
        return "guests whose latest backup failed";
    case outlet::PluginMetric::overdue:
        return "guests with no backup since their last scheduled run";
    case outlet::PluginMetric::undetermined:
        return "guests whose coverage cannot be decided";
    case outlet::PluginMetric::collection_issues:
        return "things that could not be read";
    }
    return "";
}

} // namespace

std::optional<int> parse_monitor_arguments(const std::vector<std::string>& args, MonitorOptions& options,
                                           std::ostream& out) {
    CLI::App app{"Check the backups as a Monitoring Plugins plugin (Icinga, Nagios, Checkmk MRPE, Zabbix): "
                 "prints one status line with performance data and the offending guests, writes no file, "
                 "and exits 0 OK, 1 WARNING, 2 CRITICAL or 3 UNKNOWN. Without thresholds the report's "
                 "verdict decides (critical: a guest not backed up or a critical anomaly; warning: a guest "
                 "undetermined, a warning anomaly or a collection issue); with thresholds, they alone decide.",
                 "pve-backup-report monitor"};
    app.add_flag("--demo", options.demo, "Run against the built-in demo cluster (no Proxmox needed)");
    app.add_option("--max-lines", options.plugin.max_detail_lines,
                   "Guests listed after the status line at most (then '... and N more')")
        ->check(CLI::Range(std::size_t{0}, std::size_t{100000}))
        ->capture_default_str();
    app.add_option("--now", options.now, "Pretend the current time is TIME (ISO 8601)")->type_name("TIME")->group("");
    std::array<std::array<std::string, 2>, k_metrics.size()> ranges;
    for (std::size_t i = 0; i < k_metrics.size(); ++i) {
        for (std::size_t level = 0; level < 2; ++level) {
            const char* name = level == 0 ? "warning" : "critical";
            app.add_option(fmt::format("--{}-{}", name, outlet::option_name(k_metrics[i])), ranges[i][level],
                           fmt::format("{} when the number of {} is outside RANGE (N means 0..N: alert above "
                                       "N; also N:, ~:N, N:M, @N:M)",
                                       level == 0 ? "WARNING" : "CRITICAL", metric_help(k_metrics[i])))
                ->type_name("RANGE");
        }
    }
    app.footer("Example: pve-backup-report monitor --critical-not-backed-up 0 --critical-failed 0 "
               "--warning-overdue 2\nThe configuration is the same as for a report (pve-backup-report --help); "
               "set LOG_LEVEL to see the logs on standard error.");
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return 0;
    } catch (const CLI::ParseError& e) {
        return print_monitor_unknown(fmt::format("monitor: {} (see monitor --help)", e.what()), out);
    }
    for (std::size_t i = 0; i < k_metrics.size(); ++i) {
        for (std::size_t level = 0; level < 2; ++level) {
            if (ranges[i][level].empty()) {
                continue;
            }
            std::string problem;
            auto range = outlet::parse_threshold_range(ranges[i][level], problem);
            if (!range) {
                return print_monitor_unknown(fmt::format("--{}-{}: {}", level == 0 ? "warning" : "critical",
                                                         outlet::option_name(k_metrics[i]), problem),
                                             out);
            }
            auto& thresholds = options.plugin.thresholds[k_metrics[i]];
            (level == 0 ? thresholds.warning : thresholds.critical) = std::move(*range);
        }
    }
    return std::nullopt;
}

int print_monitor_result(const model::ReportData& report, const outlet::PluginOptions& options, std::ostream& out) {
    const auto result = outlet::monitoring_plugin_result(report, options);
    out << result.text << std::flush;
    return result.exit_code();
}

int print_monitor_unknown(std::string_view message, std::ostream& out) {
    const auto result = outlet::monitoring_plugin_unknown(message);
    out << result.text << std::flush;
    return result.exit_code();
}

} // namespace pvr::app
