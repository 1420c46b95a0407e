#pragma once
// REPORT_RETENTION_DAYS: which of this cluster's report files (PDF, HTML, JSON, archive records;
// only names of the tool's pattern) are older than the limit. Planned before this run's archive
// record is written, so that the record lists the archive records it removes (`archive.pruned`)
// and the chain stays verifiable; removed after every report of the run is written.

#include "model/history.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pvr::history {

struct PrunePlan {
    std::vector<std::filesystem::path> files; // every file to remove
    std::vector<model::PrunedReport> records; // the archive records among them
};

/// Files of `cluster` (the name used in file names) in `dirs` whose name time is more than
/// `days` days before `now`. Unreadable directories are skipped with a log line.
[[nodiscard]] PrunePlan plan_pruning(const std::vector<std::filesystem::path>& dirs, const std::string& cluster,
                                     std::int64_t now, std::int64_t days);

/// Removes the planned files; a failure is logged, never fatal (the reports are written).
void remove_pruned(const PrunePlan& plan);

} // namespace pvr::history
