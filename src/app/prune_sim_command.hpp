#pragma once
// `pve-backup-report prune-sim`: what a PBS prune with given keep options would do with a list of
// snapshot times read from standard input. The logic is in retention/prune_sim.hpp.

#include <iosfwd>
#include <string>
#include <vector>

namespace pvr::app {

/// `args`: what follows the word `prune-sim`. Options: --keep SPEC (required; '' = keep
/// everything), --tz ZONE (default: the TZ variable if set, else UTC), --json, --help.
/// Returns 0, or 2 for a usage error, a bad --keep, an unknown zone or an input line that is not
/// a time (message on `err`).
[[nodiscard]] int run_prune_sim_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                                        std::ostream& err);

} // namespace pvr::app
