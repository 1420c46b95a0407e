#pragma once
// configuration -> HTTP clients -> collectors (PVE, and PBS beside it once the storages are known)
// -> analysis -> ReportData.

#include "collect/pbs_collector.hpp"
#include "config/config.hpp"
#include "core/time.hpp"
#include "http/client.hpp"
#include "model/report_data.hpp"

namespace pvr::app {

struct PipelineStats {
    std::size_t requests = 0;
    double collect_seconds = 0;
    double pbs_seconds = 0; // the PBS collection's own time (it overlaps collect_seconds)
    double analyze_seconds = 0;
};

/// Throws pvr::Error for blocking failures only (see collect_pve); PBS problems never block.
[[nodiscard]] model::ReportData build_report(http::Client& pve, const config::Config& config,
                                             const collect::PbsClientFactory& pbs_factory, const Clock& clock,
                                             PipelineStats& stats);

} // namespace pvr::app
