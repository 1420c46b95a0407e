#pragma once
// The archive: each run's report data kept as pve-backup-report_<cluster>_<time>.data.json.gz in
// HISTORY_DIR. Reading it never trusts it: a foreign-cluster, unreadable, newer-schema or corrupt
// record is skipped with a log line.

#include "history/digest.hpp"
#include "model/report_data.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pvr::history {

/// The bytes of this run's archive record: the report JSON (as --format json writes it), gzipped.
[[nodiscard]] std::string archive_bytes(const model::ReportData& report);

/// An archive record as found in a directory.
struct FoundRecord {
    std::string file;                    // name, no directory
    std::string sha256;                  // of the file's bytes
    std::optional<ArchiveRecord> record; // nullopt: unreadable (see why)
    std::string why;
    std::int64_t name_time = 0; // the time in the file name
};

/// Every file of the archive naming pattern in `dir` (any cluster), read and hashed, ordered by
/// the time in their name. Throws nothing: an unreadable directory gives an empty list and `why`.
[[nodiscard]] std::vector<FoundRecord> scan_archive(const std::filesystem::path& dir, std::string& why);

/// How much of the history a run reads (bounded time and memory however long it is kept).
struct LoadOptions {
    /// The current run's time. When set, only the newest record made before it (the changes'
    /// previous report) keeps its guests, jobs and retention policies, and its anomalies' messages;
    /// the others keep what the trends, the forecast and the anomalies' age need.
    std::optional<std::int64_t> before;
    /// When non-zero (with `before`): only the newest N records made before `before` are read (by
    /// the time in their file names); records at or after it are read too (the hash chain's link).
    std::size_t max_earlier = 0;
};

/// The runs of the history a report reads: the trends' window.
inline constexpr std::size_t history_window = 90;

/// Every readable record of `cluster` (a cluster_key) in `dir`, oldest first, with file and
/// sha256 set; the others are skipped with a log line (spdlog).
[[nodiscard]] std::vector<model::RunDigest> load_history(const std::filesystem::path& dir, const std::string& cluster,
                                                         const LoadOptions& options = {});

/// `run` without what only the previous report needs (guests, jobs, retention policies, anomaly
/// messages): what an older run of the history keeps.
void slim_digest(model::RunDigest& run);

/// The hash-chain link to the newest record of `history` (nothing when it is empty).
[[nodiscard]] model::ArchiveLink link_to_previous(const std::vector<model::RunDigest>& history);

} // namespace pvr::history
