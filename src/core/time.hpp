#pragma once
// Time helpers: epoch seconds <-> ISO 8601 with an explicit offset.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pvr {

using EpochSeconds = std::int64_t;

/// `2026-11-27T02:00:00Z`. Times before year 1 or after year 9999 are clamped to those years
/// (no overflow whatever `t` is).
[[nodiscard]] std::string iso8601_utc(EpochSeconds t);
/// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM` (also a space instead of `T`).
[[nodiscard]] std::optional<EpochSeconds> parse_iso8601(std::string_view s);

/// The clock is injected so that tests and reports are reproducible.
using Clock = std::function<EpochSeconds()>;
[[nodiscard]] Clock system_clock();

} // namespace pvr
