#pragma once
// The archive: each run's report data kept as pve-backup-report_<cluster>_<time>.data.json.gz in
// HISTORY_DIR. Reading it never trusts it: a foreign-cluster, unreadable, newer-schema or corrupt
// record is skipped with a log line.

#include "history/digest.hpp"
#include "model/report_data.hpp"

#include <filesystem>
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

/// Every readable record of `cluster` (a cluster_key) in `dir`, oldest first, with file and
/// sha256 set; the others are skipped with a log line (spdlog).
[[nodiscard]] std::vector<model::RunDigest> load_history(const std::filesystem::path& dir, const std::string& cluster);

/// The hash-chain link to the newest record of `history` (nothing when it is empty).
[[nodiscard]] model::ArchiveLink link_to_previous(const std::vector<model::RunDigest>& history);

} // namespace pvr::history
