#pragma once
// Fuzz target pbs_json: the readers of the Proxmox Backup Server answers other than the snapshot
// listings. The first byte chooses the reader (modulo 9), the rest is the HTTP body.

#include "collect/pbs_parse.hpp"
#include "fuzz/support.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

inline void pbs_json(std::string_view input) {
    const Selected in = select(input);
    const std::string_view body = in.rest;
    std::vector<std::string> warnings;
    expect_value_or_error([&] {
        switch (in.selector % 9) {
        case 0: {
            const auto version = collect::parse_pbs_version(body);
            (void)version.text();
            (void)version.at_least(2, 2, 2);
            break;
        }
        case 1:
            (void)collect::parse_time_zone(body, "GET /nodes/localhost/time");
            break;
        case 2:
            for (const auto& store : collect::parse_pbs_datastores(body, warnings)) {
                check(!store.name.empty(), "datastore without a name");
            }
            break;
        case 3:
            (void)collect::parse_pbs_datastore_usage(body, warnings);
            break;
        case 4:
            (void)collect::parse_pbs_datastore_status(body, "GET /admin/datastore/store1/status");
            break;
        case 5:
            (void)collect::parse_pbs_namespaces(body, "GET /admin/datastore/store1/namespace", warnings);
            break;
        case 6:
            (void)collect::parse_pbs_prune_jobs(body, "GET /admin/prune", warnings);
            break;
        case 7:
            (void)collect::parse_pbs_prune_jobs(body, "GET /config/prune", warnings);
            break;
        default:
            for (const auto& store : collect::parse_pbs_datastore_config(body, warnings)) {
                check(!store.name.empty(), "datastore configuration without a name");
                if (store.legacy_policy) {
                    (void)store.legacy_policy->keep.items();
                }
            }
            break;
        }
    });
}

} // namespace pvr::fuzz
