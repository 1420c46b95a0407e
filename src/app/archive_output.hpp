#pragma once
// The run's archive record (HISTORY_DIR): planned retention, the record written before the
// PDF/HTML (they show its SHA-256), old reports removed after every report is written.

#include "config/config.hpp"
#include "history/retention.hpp"
#include "model/report_data.hpp"

#include <filesystem>
#include <optional>

namespace pvr::app {

/// REPORT_RETENTION_DAYS: the files to remove, listed in data.archive.pruned (nullopt when unset).
[[nodiscard]] std::optional<history::PrunePlan> plan_retention(model::ReportData& data, const config::Config& cfg);

/// Writes pve-backup-report_<cluster>_<time>.data.json.gz into HISTORY_DIR (atomically, never over
/// an existing file) and sets data.archive->own_file/own_sha256. Throws pvr::Error(output).
std::filesystem::path write_archive_record(model::ReportData& data, const config::Config& cfg);

} // namespace pvr::app
