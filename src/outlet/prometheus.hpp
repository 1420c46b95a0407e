#pragma once
// The report as Prometheus metrics in the text exposition format, for node_exporter's textfile
// collector (https://prometheus.io/docs/instrumenting/exposition_formats/): every metric is a
// gauge named pve_backup_report_*, with HELP and TYPE lines, labelled by cluster (and by guest,
// storage or datastore where it applies). Pure: ReportData in, text out.

#include "model/report_data.hpp"

#include <string>
#include <string_view>

namespace pvr::outlet {

struct PrometheusRun {
    double duration_seconds = 0; // the whole run: collection, analysis and report files
};

/// The whole `.prom` file (ends with a newline).
[[nodiscard]] std::string prometheus_textfile(const model::ReportData& report, const PrometheusRun& run);

/// `pve_backup_report_<cluster>.prom`, the cluster name reduced to [A-Za-z0-9_-] ("standalone"
/// without a cluster name): one fixed name per cluster, overwritten by each run.
[[nodiscard]] std::string prometheus_file_name(const model::ReportData& report);

/// A label value between double quotes: `\` -> `\\`, `"` -> `\"`, newline -> `\n`; invalid UTF-8
/// bytes become U+FFFD.
[[nodiscard]] std::string escape_label_value(std::string_view value);
/// A HELP text: `\` -> `\\`, newline -> `\n`.
[[nodiscard]] std::string escape_help(std::string_view text);
/// [a-zA-Z_:][a-zA-Z0-9_:]*
[[nodiscard]] bool is_valid_metric_name(std::string_view name) noexcept;
/// [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__" (reserved).
[[nodiscard]] bool is_valid_label_name(std::string_view name) noexcept;

} // namespace pvr::outlet
