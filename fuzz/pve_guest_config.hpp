#pragma once
// Fuzz target pve_guest_config: GET /nodes/{node}/{qemu|lxc}/{vmid}/config (drives and mount
// points as property strings). The first byte chooses qemu (even) or lxc (odd).

#include "collect/parse_guest_config.hpp"
#include "fuzz/support.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

inline void pve_guest_config(std::string_view input) {
    const Selected in = select(input);
    const bool qemu = in.selector % 2 == 0;
    std::vector<std::string> warnings;
    expect_value_or_error([&] {
        const auto config = collect::parse_guest_config(
            in.rest, qemu ? model::GuestType::qemu : model::GuestType::lxc,
            qemu ? "GET /nodes/pve1/qemu/100/config" : "GET /nodes/pve1/lxc/100/config", warnings);
        for (const auto& volume : config.volumes) {
            check(!volume.key.empty(), "volume without a key");
            check(!volume.reason.empty(), "volume without a reason");
        }
    });
}

} // namespace pvr::fuzz
