#pragma once
// Analysis: a pure function of the collected Inventory (no I/O, no clock, no formatting of dates).

#include "model/inventory.hpp"
#include "model/report_data.hpp"

#include <cstdint>
#include <string>

namespace pvr::analysis {

struct AnalysisOptions {
    std::int64_t now = 0; // epoch of the run, becomes generated_at
    std::string tool_version;
};

/// Coverage per guest, anomalies, summary: the complete ReportData.
[[nodiscard]] model::ReportData analyze(const model::Inventory& inventory, const AnalysisOptions& options);

} // namespace pvr::analysis
