#pragma once
// `pve-backup-report prune-sim`: the PBS prune algorithm on a list of snapshot times, without
// CLI11 so that it can be tested on its own (src/app/prune_sim_command.cpp is the CLI wrapper).
//
// Input: one snapshot per line, an ISO 8601 time with `Z` or `±HH:MM` (`2024-12-31T20:00:00Z`,
// `2025-01-01T01:00:00+01:00`; a space instead of `T` is accepted, fractional seconds are
// ignored), optionally followed by the words `protected` and/or `unfinished`. Blank lines and
// everything after `#` are ignored.
// Output: the snapshots newest first (like the PBS prune simulator); equal times keep the input
// order. Text: `2019-12-04T12:59:15Z keep (keep-last)`, then a `#` summary line. JSON: an array
// of {"time","action","reason","period"} (period null when no calendar period applies).

#include "model/keep_options.hpp"
#include "retention/prune.hpp"

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::retention {

/// "keep-last=3,keep-daily=7" (PBS/PVE names; `keep-all=1` too). Elements are separated by ',',
/// surrounding blanks ignored; "" = no option. Throws pvr::Error(ErrorKind::config) naming the
/// bad element: unknown option, value not an integer, negative value, option given twice,
/// keep-all=1 together with another option (PVE rejects that as well).
[[nodiscard]] model::KeepOptions parse_keep_spec(std::string_view text);

/// One input line that names a snapshot.
struct PruneSimSnapshot {
    PruneInput input;
    std::size_t line = 0; ///< 1-based line number
};

/// Reads the whole input. Throws pvr::Error(ErrorKind::config): "line 3: 'yesterday' is not ...".
[[nodiscard]] std::vector<PruneSimSnapshot> parse_prune_sim_input(std::istream& in);

struct PruneSimRow {
    PruneInput snapshot;
    PruneMark mark;
};

/// compute_prune_marks, rows newest first.
[[nodiscard]] std::vector<PruneSimRow> simulate_prune(const std::vector<PruneSimSnapshot>& snapshots,
                                                      const model::KeepOptions& keep, PruneZone zone);

[[nodiscard]] std::string format_prune_sim_text(const std::vector<PruneSimRow>& rows, PruneZone zone);
[[nodiscard]] std::string format_prune_sim_json(const std::vector<PruneSimRow>& rows);

/// The zone name used when --tz is absent: the TZ variable (`tz_env`, may be null) if set and not
/// empty, else "UTC".
[[nodiscard]] std::string default_prune_sim_zone(const char* tz_env);

struct PruneSimOptions {
    std::string keep;           ///< --keep
    std::string zone;           ///< --tz, or default_prune_sim_zone()
    bool json = false;          ///< --json
    bool zone_from_env = false; ///< zone came from TZ (for the error message)
};

/// The whole command after option parsing: exit 0, or 2 with a message on `err` for a bad
/// --keep, an unknown zone or a bad input line. Notes (keep everything) go to `err`.
[[nodiscard]] int run_prune_sim(const PruneSimOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace pvr::retention
