#pragma once
// Trends over the kept runs (issue 11): the last `trend_window` runs of the cluster, the current one
// included, oldest first — coverage, guests not backed up, failed and overdue backups, anomalies by
// severity, and each PBS datastore's used and total space. Pure: no I/O, no clock.

#include "model/history.hpp"

#include <cstddef>
#include <vector>

namespace pvr::history {

/// Runs kept in Trends::points (the current run included); the document also shows the last 30.
inline constexpr std::size_t trend_window = 90;
inline constexpr std::size_t short_trend_window = 30;

/// `history`: the kept runs of the same cluster, in any order (the archive's reader filters other
/// clusters). Runs generated at or after `current` are left out (a clock set back, a copied
/// archive), as are duplicates of one time (the later in `history` wins).
[[nodiscard]] model::Trends compute_trends(const std::vector<model::RunDigest>& history,
                                           const model::RunDigest& current);

/// The runs of `history` before `current`, oldest first, one per generated_at, followed by
/// `current`; at most `limit` in all (the newest). Shared by the trends and the capacity fit.
[[nodiscard]] std::vector<const model::RunDigest*> runs_up_to(const std::vector<model::RunDigest>& history,
                                                              const model::RunDigest& current, std::size_t limit);

} // namespace pvr::history
