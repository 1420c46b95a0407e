#pragma once
// Fuzz target pve_cluster: the readers of the PVE answers about the cluster itself. The first
// byte chooses the reader (modulo 10; for 9, the tens digit modulo 4 chooses among not-backed-up,
// the node time and the qemu/lxc guest listings of a node), the rest is the HTTP body.

#include "collect/parse_cluster_status.hpp"
#include "collect/parse_nodes.hpp"
#include "collect/parse_not_backed_up.hpp"
#include "collect/parse_permissions.hpp"
#include "collect/parse_pools.hpp"
#include "collect/parse_resources.hpp"
#include "collect/parse_storage.hpp"
#include "collect/parse_version.hpp"
#include "collect/pbs_parse.hpp"
#include "fuzz/support.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

inline void pve_cluster(std::string_view input) {
    const Selected in = select(input);
    const std::string_view body = in.rest;
    std::vector<std::string> warnings;
    expect_value_or_error([&] {
        switch (in.selector % 10) {
        case 0: {
            const auto version = collect::parse_version(body);
            (void)version.at_least(8, 1);
            break;
        }
        case 1: {
            const auto status = collect::parse_cluster_status(body, warnings);
            for (const auto& node : status.nodes) {
                check(!node.name.empty(), "cluster status node without a name");
            }
            break;
        }
        case 2:
            for (const auto& node : collect::parse_nodes(body, warnings)) {
                check(!node.name.empty(), "node without a name");
            }
            break;
        case 3:
            for (const auto& guest : collect::parse_resources(body, warnings)) {
                check(guest.vmid > 0 && !guest.node.empty(), "guest without a vmid or node");
                (void)guest.subject();
            }
            break;
        case 4:
            (void)collect::parse_pool_list(body, warnings);
            break;
        case 5:
            (void)collect::parse_pool_members(body, "GET /pools?poolid=prod", "prod", warnings);
            break;
        case 6:
            (void)collect::parse_pool_members(body, "GET /pools/prod", "prod", warnings);
            break;
        case 7:
            (void)collect::parse_storage(body, warnings);
            break;
        case 8: {
            const auto permissions = collect::parse_permissions(body, warnings);
            (void)permissions.missing_for_report();
            break;
        }
        default:
            switch ((in.selector / 10) % 4) {
            case 0:
                (void)collect::parse_not_backed_up(body, warnings);
                break;
            case 1:
                (void)collect::parse_time_zone(body, "GET /nodes/pve1/time");
                break;
            default: {
                const bool qemu = (in.selector / 10) % 4 == 2;
                for (const auto& guest :
                     collect::parse_node_guests(body, qemu ? "GET /nodes/pve1/qemu" : "GET /nodes/pve1/lxc", "pve1",
                                                qemu ? model::GuestType::qemu : model::GuestType::lxc, warnings)) {
                    check(guest.vmid > 0 && guest.node == "pve1", "node guest without a vmid or on another node");
                }
                break;
            }
            }
            break;
        }
    });
}

} // namespace pvr::fuzz
