#pragma once
// Writing report files: complete or not at all, never over an existing report.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace pvr::app {

/// The mode of every file written: 0666 without the bits of the process umask, as any program's
/// new files (umask 022: 0644; the systemd unit's UMask=0027: 0640). The umask is read once, at the
/// first call (main calls it before any thread starts).
[[nodiscard]] unsigned report_file_mode();

/// Creates `dir` if needed and checks that a file can be created in it.
/// Throws pvr::Error(output) naming `variable` (OUTPUT_DIR, PROMETHEUS_TEXTFILE_DIR) and the reason.
void ensure_writable_directory(const std::filesystem::path& dir, std::string_view variable = "OUTPUT_DIR");

/// `pve-backup-report_<cluster>_<YYYY-MM-DD_HHMMSS>.<extension>` (UTC); the cluster name is
/// reduced to [A-Za-z0-9._-].
[[nodiscard]] std::string report_file_name(std::string_view cluster, std::int64_t generated_at,
                                           std::string_view extension);

/// Writes `content` to a temporary file in `path`'s directory, syncs it and links it to `path`
/// only if `path` does not exist yet. Never leaves a partial file. Throws pvr::Error(output).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Like write_file_atomically, but replaces an existing `path` (rename): for files with a fixed
/// name read by another program (the Prometheus textfile collector). Throws pvr::Error(output).
void replace_file_atomically(const std::filesystem::path& path, std::string_view content);

/// write_file_atomically to `path`, or, when a report of that name exists already (two runs in the
/// same second), to `<stem>-2<ext>`, `<stem>-3<ext>`, ... Returns the path written.
std::filesystem::path write_new_file(const std::filesystem::path& path, std::string_view content);

} // namespace pvr::app
