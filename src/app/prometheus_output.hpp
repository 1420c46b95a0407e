#pragma once
// Writing the Prometheus metrics file for node_exporter's textfile collector.

#include "config/config.hpp"
#include "model/report_data.hpp"

#include <filesystem>
#include <optional>

namespace pvr::app {

/// Where the metrics file goes: PROMETHEUS_TEXTFILE_DIR when set, else OUTPUT_DIR when `--format`
/// asks for `prom`; nullopt: no metrics file.
[[nodiscard]] std::optional<std::filesystem::path> prometheus_directory(const config::Config& config, bool format_prom);

/// Writes `<dir>/pve_backup_report_<cluster>.prom` (outlet/prometheus.hpp), replacing the previous
/// one atomically (a temporary file in the same directory, renamed), so that the collector never
/// reads a partial file. Returns the path. Throws pvr::Error(output).
std::filesystem::path write_prometheus_textfile(const model::ReportData& report, const std::filesystem::path& dir,
                                                double run_seconds);

} // namespace pvr::app
