#pragma once
// `pve-backup-report monitor`: the report as a Monitoring Plugins check (outlet/monitoring_plugin.hpp).
// Same configuration as a report run; writes no file; exits 0/1/2/3 (OK/WARNING/CRITICAL/UNKNOWN),
// every error (usage, configuration, API unreachable, ...) being UNKNOWN.

#include "model/report_data.hpp"
#include "outlet/monitoring_plugin.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::app {

struct MonitorOptions {
    bool demo = false;
    std::string now; // hidden --now, as for a report run
    outlet::PluginOptions plugin;
};

/// Parses the arguments after `monitor`. nullopt: go on; otherwise the exit status, after printing
/// the help (0) or an UNKNOWN line naming the bad option (3) on `out`.
[[nodiscard]] std::optional<int> parse_monitor_arguments(const std::vector<std::string>& args, MonitorOptions& options,
                                                         std::ostream& out);

/// Prints the plugin output for `report` and returns the plugin's status.
int print_monitor_result(const model::ReportData& report, const outlet::PluginOptions& options, std::ostream& out);

/// Prints "PVE BACKUP UNKNOWN - <message>" and returns 3.
int print_monitor_unknown(std::string_view message, std::ostream& out);

} // namespace pvr::app
