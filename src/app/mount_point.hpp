#pragma once
// Whether a directory is a mount point: the container image refuses to write its reports into a
// directory that is not mounted from outside (OUTPUT_DIR_MUST_BE_MOUNTED), as they would be lost
// with the container.

#include <filesystem>
#include <optional>
#include <string_view>

namespace pvr::app {

/// Whether `dir` (absolute, normalised) is the mount point of one of the lines of `mountinfo`, the
/// text of /proc/self/mountinfo (proc(5): the fifth field, with the kernel's octal escapes such
/// as `\040` for a space). nullopt when no line has the expected fields.
[[nodiscard]] std::optional<bool> is_mount_point_in(std::string_view mountinfo, const std::filesystem::path& dir);

/// Whether `dir` is a mount point (a file system, a bind mount, a Docker or Podman volume), from
/// /proc/self/mountinfo; without it, whether `dir` is on another device than its parent.
[[nodiscard]] bool is_mount_point(const std::filesystem::path& dir);

/// Throws pvr::Error(output) naming OUTPUT_DIR and how to mount a directory there when `dir` is not
/// a mount point.
void ensure_mounted_directory(const std::filesystem::path& dir);

} // namespace pvr::app
