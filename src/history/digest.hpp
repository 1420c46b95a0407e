#pragma once
// A run's digest (model::RunDigest) from the current ReportData or from an archive record (the
// report JSON, docs/report-data.md). Reading never trusts the record: its size and nesting depth
// are bounded, a wrong type is a reason to skip it, a newer schema_version is skipped.

#include "model/history.hpp"
#include "model/report_data.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::history {

/// Largest report JSON read back (after decompression), and its deepest nesting.
inline constexpr std::size_t max_record_bytes = 512U * 1024U * 1024U;
inline constexpr std::size_t max_record_depth = 64;

/// The highest schema_version this build reads.
inline constexpr int supported_schema_version = 1;

/// The name identifying a cluster in the archive: the cluster's name, else (a standalone host)
/// the local node's name, else "standalone".
[[nodiscard]] std::string cluster_key(const model::ClusterInfo& cluster);

[[nodiscard]] model::RunDigest digest_of(const model::ReportData& report);

/// One archive record read back: the run's digest and its hash-chain link.
struct ArchiveRecord {
    model::RunDigest digest;
    model::ArchiveLink link;
};

/// nullopt with `why` ("guests[3].vmid: expected an integer") when the JSON is unusable.
[[nodiscard]] std::optional<ArchiveRecord> record_from_json(std::string_view bytes, std::string& why);

[[nodiscard]] std::optional<model::RunDigest> digest_from_json(std::string_view bytes, std::string& why);

/// "keep-last=3,keep-daily=7" (PVE's order), "" when no option is set.
[[nodiscard]] std::string keep_text(const model::KeepOptions& keep);

} // namespace pvr::history
