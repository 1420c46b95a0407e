#pragma once
// Fuzz target pbs_snapshots: GET /admin/datastore/{store}/snapshots?ns=<ns>. The first byte
// chooses the namespace asked for (bit 0: root or "prod") and the time window (bit 1: none, or
// the collectors' window around a run time), the rest is the HTTP body.

#include "collect/pbs_parse.hpp"
#include "collect/time_window.hpp"
#include "fuzz/support.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

inline void pbs_snapshots(std::string_view input) {
    const Selected in = select(input);
    const std::string_view ns = in.selector % 2 == 0 ? "" : "prod";
    std::vector<std::string> warnings;
    expect_value_or_error([&] {
        std::size_t foreign = 0;
        // Without a run time, or the collectors' window around 2026-11-18.
        const auto window =
            (in.selector / 2) % 2 == 0 ? collect::TimeWindow{} : collect::TimeWindow::around(1795000000);
        const auto snapshots = collect::parse_pbs_snapshots(in.rest, "GET /admin/datastore/store1/snapshots", ns,
                                                            warnings, &foreign, window);
        check(std::is_sorted(snapshots.begin(), snapshots.end(), collect::snapshot_less), "snapshots not sorted");
        for (const auto& snapshot : snapshots) {
            check(!snapshot.backup_type.empty() && !snapshot.backup_id.empty(), "snapshot without type or id");
            check(!collect::snapshot_less(snapshot, snapshot), "snapshot_less is not irreflexive");
            check(!snapshot.size || *snapshot.size >= 0, "negative snapshot size");
            check(snapshot.time >= window.earliest && snapshot.time <= window.latest, "snapshot outside the window");
        }
    });
}

} // namespace pvr::fuzz
