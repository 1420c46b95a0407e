#pragma once
// Fuzz target pbs_snapshots: GET /admin/datastore/{store}/snapshots?ns=<ns>. The first byte
// chooses the namespace asked for (root or "prod"), the rest is the HTTP body.

#include "collect/pbs_parse.hpp"
#include "fuzz/support.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

inline void pbs_snapshots(std::string_view input) {
    const Selected in = select(input);
    if (too_deep(in.rest)) {
        return;
    }
    const std::string_view ns = in.selector % 2 == 0 ? "" : "prod";
    std::vector<std::string> warnings;
    expect_value_or_error([&] {
        std::size_t foreign = 0;
        const auto snapshots =
            collect::parse_pbs_snapshots(in.rest, "GET /admin/datastore/store1/snapshots", ns, warnings, &foreign);
        check(std::is_sorted(snapshots.begin(), snapshots.end(), collect::snapshot_less), "snapshots not sorted");
        for (const auto& snapshot : snapshots) {
            check(!snapshot.backup_type.empty() && !snapshot.backup_id.empty(), "snapshot without type or id");
            check(!collect::snapshot_less(snapshot, snapshot), "snapshot_less is not irreflexive");
            check(!snapshot.size || *snapshot.size >= 0, "negative snapshot size");
        }
    });
}

} // namespace pvr::fuzz
