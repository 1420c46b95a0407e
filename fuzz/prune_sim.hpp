#pragma once
// Fuzz target prune_sim: the PBS prune algorithm as `pve-backup-report prune-sim` runs it: the
// first line is the --keep value, the rest the snapshot list (ISO 8601 times, `protected`,
// `unfinished`, comments). The first byte chooses the zone and text or JSON output.

#include "fuzz/support.hpp"
#include "retention/prune_sim.hpp"

#include <array>
#include <sstream>
#include <string>
#include <string_view>

namespace pvr::fuzz {

inline void prune_sim(std::string_view input) {
    const Selected in = select(input);
    constexpr std::array<const char*, 4> zones{"UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe"};
    const auto newline = in.rest.find('\n');
    retention::PruneSimOptions options;
    options.keep = std::string(in.rest.substr(0, newline));
    options.zone = zones[in.selector % zones.size()];
    options.json = (in.selector / zones.size()) % 2 == 1;
    std::istringstream snapshots(newline == std::string_view::npos ? std::string()
                                                                   : std::string(in.rest.substr(newline + 1)));
    std::ostringstream out;
    std::ostringstream err;
    expect_value_or_error([&] {
        const int code = retention::run_prune_sim(options, snapshots, out, err);
        check(code == 0 || code == 2, "prune-sim exit code " + std::to_string(code));
    });
}

} // namespace pvr::fuzz
