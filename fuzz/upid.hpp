#pragma once
// Fuzz target upid: PVE and PBS task ids (UPID:...). Both readers get every input; a text is never
// both a PVE and a PBS UPID (they differ in the number of fields).

#include "collect/pbs_upid.hpp"
#include "collect/upid.hpp"
#include "fuzz/support.hpp"

#include <string_view>

namespace pvr::fuzz {

inline void upid(std::string_view input) {
    expect_value_or_error([&] {
        const auto pve = collect::parse_upid(input);
        const auto pbs = collect::parse_pbs_upid(input);
        check(!(pve && pbs), "a text read as both a PVE and a PBS UPID");
        if (pve) {
            check(!pve->node.empty() && !pve->type.empty(), "PVE UPID without node or type");
            check(pve->starttime >= 0, "PVE UPID with a negative start time");
        }
        if (pbs) {
            check(!pbs->node.empty() && !pbs->type.empty(), "PBS UPID without node or type");
            check(pbs->starttime >= 0, "PBS UPID with a negative start time");
        }
    });
}

} // namespace pvr::fuzz
