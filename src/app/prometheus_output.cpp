#include "app/prometheus_output.hpp"

#include "app/output.hpp"
#include "outlet/prometheus.hpp"

namespace pvr::app {

std::optional<std::filesystem::path> prometheus_directory(const config::Config& config, bool format_prom) {
    if (config.prometheus_textfile_dir) {
        return config.prometheus_textfile_dir;
    }
    if (format_prom) {
        return config.output_dir;
    }
    return std::nullopt;
}

std::filesystem::path write_prometheus_textfile(const model::ReportData& report, const std::filesystem::path& dir,
                                                double run_seconds) {
    const auto path = dir / outlet::prometheus_file_name(report);
    replace_file_atomically(path, outlet::prometheus_textfile(report, outlet::PrometheusRun{run_seconds}));
    return path;
}

} // namespace pvr::app
