#include "history/file_names.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>

namespace pvr::history {
namespace {

constexpr std::string_view k_prefix = "pve-backup-report_";
constexpr std::array<std::string_view, 4> k_extensions = {"data.json.gz", "pdf", "html", "json"};

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

int number(std::string_view s) {
    int n = 0;
    for (const char c : s) {
        n = n * 10 + (c - '0');
    }
    return n;
}

/// "YYYY-MM-DD_HHMMSS" -> epoch (UTC).
std::optional<std::int64_t> parse_stamp(std::string_view s) {
    if (s.size() != 17 || s[4] != '-' || s[7] != '-' || s[10] != '_' || !all_digits(s.substr(0, 4)) ||
        !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2)) || !all_digits(s.substr(11, 6))) {
        return std::nullopt;
    }
    using namespace std::chrono;
    const year_month_day ymd{year{number(s.substr(0, 4))}, month{static_cast<unsigned>(number(s.substr(5, 2)))},
                             day{static_cast<unsigned>(number(s.substr(8, 2)))}};
    const int h = number(s.substr(11, 2));
    const int m = number(s.substr(13, 2));
    const int sec = number(s.substr(15, 2));
    if (!ymd.ok() || h > 23 || m > 59 || sec > 59) {
        return std::nullopt;
    }
    return sys_days{ymd}.time_since_epoch().count() * 86400LL + h * 3600LL + m * 60LL + sec;
}

} // namespace

std::string safe_cluster_name(std::string_view cluster) {
    std::string safe;
    for (const char c : cluster) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        safe += ok && !(c == '.' && safe.find_first_not_of('_') == std::string::npos) ? c : '_';
    }
    if (safe.empty()) {
        safe = "cluster";
    }
    return safe;
}

std::optional<ReportFileName> parse_report_file_name(std::string_view name) {
    if (!name.starts_with(k_prefix)) {
        return std::nullopt;
    }
    name.remove_prefix(k_prefix.size());
    for (const auto ext : k_extensions) {
        if (name.size() <= ext.size() + 1 || !name.ends_with(ext) || name[name.size() - ext.size() - 1] != '.') {
            continue;
        }
        std::string_view rest = name.substr(0, name.size() - ext.size() - 1); // <cluster>_<stamp>[-N]
        int attempt = 1;
        std::optional<std::int64_t> stamp;
        if (rest.size() >= 19 && rest[rest.size() - 18] == '_') {
            stamp = parse_stamp(rest.substr(rest.size() - 17));
        }
        if (!stamp) {
            const auto dash = rest.rfind('-');
            if (dash == std::string_view::npos || dash + 3 < rest.size() || !all_digits(rest.substr(dash + 1))) {
                return std::nullopt;
            }
            attempt = number(rest.substr(dash + 1));
            rest = rest.substr(0, dash);
            if (attempt < 2 || rest.size() < 19 || rest[rest.size() - 18] != '_') {
                return std::nullopt;
            }
            stamp = parse_stamp(rest.substr(rest.size() - 17));
            if (!stamp) {
                return std::nullopt;
            }
        }
        return ReportFileName{std::string(rest.substr(0, rest.size() - 18)), *stamp, attempt, std::string(ext)};
    }
    return std::nullopt;
}

std::string make_report_file_name(std::string_view cluster, std::int64_t generated_at, std::string_view extension,
                                  int attempt) {
    using namespace std::chrono;
    const sys_seconds tp{seconds{generated_at}};
    const auto d = floor<days>(tp);
    const year_month_day ymd{d};
    const hh_mm_ss hms{tp - d};
    return fmt::format("pve-backup-report_{}_{:04}-{:02}-{:02}_{:02}{:02}{:02}{}.{}", safe_cluster_name(cluster),
                       static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(),
                       hms.seconds().count(), attempt > 1 ? fmt::format("-{}", attempt) : std::string(), extension);
}

} // namespace pvr::history
