#include "app/mount_point.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace pvr::app {
namespace {

/// The kernel escapes space, tab, newline and backslash in mountinfo paths as `\ooo` (octal).
std::string unescape_mount_path(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && text.size() - i >= 4) {
            const std::string_view digits = text.substr(i + 1, 3);
            bool octal = true;
            int value = 0;
            for (const char c : digits) {
                octal = octal && c >= '0' && c <= '7';
                value = value * 8 + (c - '0');
            }
            if (octal) {
                out += static_cast<char>(value);
                i += 3;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::filesystem::path normal_absolute(const std::filesystem::path& dir) {
    std::error_code ec;
    auto path = std::filesystem::weakly_canonical(std::filesystem::absolute(dir, ec), ec);
    if (ec) {
        path = std::filesystem::absolute(dir).lexically_normal();
    }
    // "/reports/" and "/reports" are the same mount point.
    if (path.has_relative_path() && !path.has_filename()) {
        path = path.parent_path();
    }
    return path;
}

bool on_other_device_than_parent(const std::filesystem::path& dir) {
    struct stat self {};
    struct stat parent {};
    const auto parent_path = dir.parent_path();
    if (::stat(dir.c_str(), &self) != 0 || ::stat(parent_path.c_str(), &parent) != 0) {
        return false;
    }
    return dir == parent_path || self.st_dev != parent.st_dev;
}

} // namespace

std::optional<bool> is_mount_point_in(std::string_view mountinfo, const std::filesystem::path& dir) {
    const std::string wanted = dir.string();
    bool any_line = false;
    std::size_t start = 0;
    while (start < mountinfo.size()) {
        auto end = mountinfo.find('\n', start);
        if (end == std::string_view::npos) {
            end = mountinfo.size();
        }
        const std::string_view line = mountinfo.substr(start, end - start);
        start = end + 1;
        // mount ID, parent ID, major:minor, root, mount point, options, ...: the fifth field.
        std::size_t pos = 0;
        for (int skipped = 0; skipped < 4 && pos != std::string_view::npos; ++skipped) {
            pos = line.find(' ', pos);
            pos = pos == std::string_view::npos ? pos : pos + 1;
        }
        if (pos == std::string_view::npos) {
            continue;
        }
        const auto field_end = line.find(' ', pos);
        if (field_end == std::string_view::npos || field_end == pos) {
            continue;
        }
        const std::string_view field = line.substr(pos, field_end - pos);
        any_line = true;
        if (unescape_mount_path(field) == wanted) {
            return true;
        }
    }
    if (!any_line) {
        return std::nullopt;
    }
    return false;
}

bool is_mount_point(const std::filesystem::path& dir) {
    const auto path = normal_absolute(dir);
    std::ifstream file("/proc/self/mountinfo");
    if (file) {
        std::ostringstream text;
        text << file.rdbuf();
        if (const auto found = is_mount_point_in(text.str(), path)) {
            return *found;
        }
    }
    return on_other_device_than_parent(path);
}

void ensure_mounted_directory(const std::filesystem::path& dir) {
    if (is_mount_point(dir)) {
        return;
    }
    throw Error(ErrorKind::output,
                fmt::format("OUTPUT_DIR '{}' is not a mounted directory, so the reports would be lost with the "
                            "container (OUTPUT_DIR_MUST_BE_MOUNTED=true): mount a host directory there, e.g. "
                            "docker run -v \"$PWD/reports:/reports\" ... (owned by uid 10001), or run with "
                            "docker compose (compose.yaml mounts ./reports)",
                            dir.string()));
}

} // namespace pvr::app
