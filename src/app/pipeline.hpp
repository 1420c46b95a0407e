#pragma once
// configuration -> HTTP client -> collectors -> analysis -> ReportData.

#include "core/time.hpp"
#include "http/client.hpp"
#include "model/report_data.hpp"

namespace pvr::app {

struct PipelineStats {
    std::size_t requests = 0;
    double collect_seconds = 0;
    double analyze_seconds = 0;
};

/// Throws pvr::Error for blocking failures only (see collect_pve).
[[nodiscard]] model::ReportData build_report(http::Client& pve, const Clock& clock, PipelineStats& stats);

} // namespace pvr::app
