#pragma once
// Retention (`prune-backups`) keep options, as PVE and PBS define them.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pvr::model {

struct KeepOptions {
    std::optional<bool> keep_all;
    std::optional<std::int64_t> keep_last;
    std::optional<std::int64_t> keep_hourly;
    std::optional<std::int64_t> keep_daily;
    std::optional<std::int64_t> keep_weekly;
    std::optional<std::int64_t> keep_monthly;
    std::optional<std::int64_t> keep_yearly;

    /// No option set at all.
    [[nodiscard]] bool empty() const noexcept;
    /// The options that are set, in PVE's order, as ("keep-last", 3) pairs; keep-all as 0/1.
    [[nodiscard]] std::vector<std::pair<std::string, std::int64_t>> items() const;
    /// Sets one option by its PVE name ("keep-daily"); false if the name is unknown.
    bool set(const std::string& name, std::int64_t value);

    friend bool operator==(const KeepOptions&, const KeepOptions&) = default;
};

} // namespace pvr::model
