#include "app/output.hpp"

#include "app/signals.hpp"

#include "core/error.hpp"
#include "history/file_names.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace pvr::app {
namespace {

[[noreturn]] void fail(const std::string& what, int err) {
    throw Error(ErrorKind::output, fmt::format("{}: {}", what, std::strerror(err)));
}

class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const noexcept { return m_fd; }
    int release() noexcept {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

/// Writes `content` to a new temporary file beside `path` (mode report_file_mode(), synced) and
/// returns its name; removes it and throws pvr::Error(output) on failure. `guard` registers
/// it so that SIGINT/SIGTERM remove it until the caller has renamed or removed it.
std::string write_temporary_file(const std::filesystem::path& path, std::string_view content,
                                 std::optional<TemporaryFileGuard>& guard) {
    const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string tmp = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    int raw_fd = -1;
    {
        const BlockInterruptions blocked; // no signal between creating the file and registering it
        raw_fd = ::mkstemp(tmp.data());
        if (raw_fd >= 0) {
            guard.emplace(tmp);
        }
    }
    Fd fd(raw_fd);
    if (fd.get() < 0) {
        fail(fmt::format("cannot create a temporary file in '{}'", dir.string()), errno);
    }
    const auto cleanup_and_fail = [&](const std::string& what, int err) {
        ::unlink(tmp.c_str());
        fail(what, err);
    };
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd.get(), content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            cleanup_and_fail(fmt::format("cannot write '{}'", tmp), errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd.get(), static_cast<mode_t>(report_file_mode())) != 0 || ::fsync(fd.get()) != 0) {
        cleanup_and_fail(fmt::format("cannot write '{}'", tmp), errno);
    }
    if (::close(fd.release()) != 0) {
        cleanup_and_fail(fmt::format("cannot write '{}'", tmp), errno);
    }
    return tmp;
}

} // namespace

unsigned report_file_mode() {
    static const unsigned mode = [] {
        const mode_t mask = ::umask(0); // the only way to read it: set and restore at once
        ::umask(mask);
        return 0666U & ~static_cast<unsigned>(mask);
    }();
    return mode;
}

void ensure_writable_directory(const std::filesystem::path& dir, std::string_view variable) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        throw Error(ErrorKind::output,
                    fmt::format("{} '{}' cannot be created: {}", variable, dir.string(), ec.message()));
    }
    if (!std::filesystem::is_directory(dir, ec)) {
        throw Error(ErrorKind::output, fmt::format("{} '{}' is not a directory", variable, dir.string()));
    }
    // access() ignores some cases (read-only mounts are caught, ACLs mostly); a probe file is exact.
    std::string probe = (dir / ".pve-backup-report-probe-XXXXXX").string();
    std::optional<TemporaryFileGuard> guard; // removed if SIGINT/SIGTERM comes meanwhile
    int fd = -1;
    {
        const BlockInterruptions blocked;
        fd = ::mkstemp(probe.data());
        if (fd >= 0) {
            guard.emplace(probe);
        }
    }
    if (fd < 0) {
        const int err = errno;
        throw Error(ErrorKind::output,
                    fmt::format("{} '{}' is not writable: {}", variable, dir.string(), std::strerror(err)));
    }
    ::close(fd);
    ::unlink(probe.c_str());
}

std::string report_file_name(std::string_view cluster, std::int64_t generated_at, std::string_view extension) {
    const std::string safe = history::safe_cluster_name(cluster);
    using namespace std::chrono;
    const sys_seconds tp{seconds{generated_at}};
    const auto day = floor<days>(tp);
    const year_month_day ymd{day};
    const hh_mm_ss hms{tp - day};
    return fmt::format("pve-backup-report_{}_{:04}-{:02}-{:02}_{:02}{:02}{:02}.{}", safe, static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count(), extension);
}

std::filesystem::path write_new_file(const std::filesystem::path& path, std::string_view content) {
    for (int attempt = 1;; ++attempt) {
        auto candidate = path;
        if (attempt > 1) {
            candidate.replace_filename(
                fmt::format("{}-{}{}", path.stem().string(), attempt, path.extension().string()));
        }
        try {
            write_file_atomically(candidate, content);
            return candidate;
        } catch (const Error& e) {
            if (attempt >= 99 || !std::filesystem::exists(candidate)) {
                throw;
            }
        }
    }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    std::optional<TemporaryFileGuard> guard;
    const std::string tmp = write_temporary_file(path, content, guard);
    // link() fails with EEXIST instead of replacing: an existing report is never overwritten.
    if (::link(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        if (err == EEXIST) {
            throw Error(ErrorKind::output, fmt::format("'{}' already exists; it is not overwritten", path.string()));
        }
        fail(fmt::format("cannot create '{}'", path.string()), err);
    }
    ::unlink(tmp.c_str());
}

void replace_file_atomically(const std::filesystem::path& path, std::string_view content) {
    std::optional<TemporaryFileGuard> guard;
    const std::string tmp = write_temporary_file(path, content, guard);
    // rename() replaces the previous file in one step: a reader sees the old or the new one.
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail(fmt::format("cannot replace '{}'", path.string()), err);
    }
}

} // namespace pvr::app
