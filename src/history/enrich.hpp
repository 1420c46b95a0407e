#pragma once
// What the history adds to the current report (changes, trends, capacity, the archive link).

#include "model/history.hpp"
#include "model/report_data.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace pvr::history {

struct EnrichOptions {
    std::optional<std::int64_t> capacity_warn_days;
};

/// `history`: the earlier runs of the same cluster, oldest first (load_history).
void enrich_with_history(model::ReportData& report, const std::vector<model::RunDigest>& history,
                         const EnrichOptions& options);

} // namespace pvr::history
