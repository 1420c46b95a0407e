#pragma once
// Analysis: a pure function of the collected Inventory (no I/O, no clock, no formatting of dates).

#include "model/accepted_exception.hpp"
#include "model/inventory.hpp"
#include "model/report_data.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pvr::analysis {

struct AnalysisOptions {
    std::int64_t now = 0; // epoch of the run, becomes generated_at
    std::string tool_version;
    /// STALE_GRACE_HOURS: a scheduled backup is overdue this long after its scheduled start.
    std::int64_t stale_grace_hours = 6;
    /// VERIFY_MAX_AGE_DAYS: never_verified when no successful verification is this recent.
    std::int64_t verify_max_age_days = 30;
    /// EXCEPTIONS_FILE, in file order (analysis/exceptions.hpp).
    std::vector<model::AcceptedException> exceptions{};
    /// EXEMPT_TAG: a guest carrying this PVE tag is accepted as not backed up.
    std::optional<std::string> exempt_tag{};
};

/// Coverage per guest, PBS retention and freshness (retention_guest.hpp, freshness.hpp,
/// pbs_storage_checks.hpp), anomalies, summary: the complete ReportData. Coverage does not depend
/// on PBS data.
[[nodiscard]] model::ReportData analyze(const model::Inventory& inventory, const AnalysisOptions& options);

} // namespace pvr::analysis
