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
    /// STALE_GRACE_HOURS: a scheduled backup is overdue this long after its scheduled start.
    std::int64_t stale_grace_hours = 6;
    /// VERIFY_MAX_AGE_DAYS: never_verified when no successful verification is this recent.
    std::int64_t verify_max_age_days = 30;
};

/// Coverage per guest, PBS retention and freshness (retention_guest.hpp, freshness.hpp,
/// pbs_storage_checks.hpp), anomalies, summary: the complete ReportData. Coverage does not depend
/// on PBS data.
[[nodiscard]] model::ReportData analyze(const model::Inventory& inventory, const AnalysisOptions& options);

} // namespace pvr::analysis
