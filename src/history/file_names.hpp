#pragma once
// The names of the tool's report files: pve-backup-report_<cluster>_<YYYY-MM-DD_HHMMSS>[-N].<ext>
// (UTC), and the archive record's extension. Retention and the archive readers only ever touch
// names of this pattern.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::history {

/// Extension of an archive record: the run's report data (JSON), gzip-compressed.
inline constexpr std::string_view archive_extension = "data.json.gz";

/// The cluster name as it appears in file names: [A-Za-z0-9._-], no leading '.', "cluster" if empty.
[[nodiscard]] std::string safe_cluster_name(std::string_view cluster);

struct ReportFileName {
    std::string cluster; // the safe cluster name
    std::int64_t generated_at = 0;
    int attempt = 1;       // 2.. for the -N suffix of a second report in the same second
    std::string extension; // "pdf", "html", "json", "data.json.gz"
};

/// Parses a name of the tool's pattern; nullopt for anything else (temporary files included).
[[nodiscard]] std::optional<ReportFileName> parse_report_file_name(std::string_view name);

/// pve-backup-report_<safe cluster>_<YYYY-MM-DD_HHMMSS>[-N].<extension>
[[nodiscard]] std::string make_report_file_name(std::string_view cluster, std::int64_t generated_at,
                                                std::string_view extension, int attempt = 1);

} // namespace pvr::history
