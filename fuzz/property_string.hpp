#pragma once
// Fuzz target property_string: Proxmox property strings ("local-lvm:vm-100-disk-1,backup=0") and
// the retention options read from them: `prune-backups` as a property string (PVE /storage) or a
// JSON object (PVE /cluster/backup), and the `--keep` of `prune-sim`. First byte modulo 4 chooses.

#include "collect/json_fields.hpp"
#include "collect/parse_keep_options.hpp"
#include "collect/property_string.hpp"
#include "core/json_text.hpp"
#include "core/strings.hpp"
#include "fuzz/support.hpp"
#include "retention/prune_sim.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

inline void check_keep(const model::KeepOptions& keep) {
    for (const auto& [name, value] : keep.items()) {
        check(value >= 0, "negative " + name);
    }
}

inline void property_string(std::string_view input) {
    const Selected in = select(input);
    std::vector<std::string> problems;
    expect_value_or_error([&] {
        switch (in.selector % 4) {
        case 0: {
            const auto parsed = collect::parse_property_string(in.rest);
            check(!parsed.positional || !parsed.positional->empty(), "empty positional element");
            for (const auto& [key, value] : parsed.options) {
                check(key == trim(key) && key == to_lower(key), "key not trimmed or not lower case");
                check(value == trim(value), "value not trimmed");
                check(parsed.get(key).has_value(), "get() misses a key");
            }
            break;
        }
        case 1:
            check_keep(collect::keep_options_from_string(in.rest, problems));
            break;
        case 2: {
            if (!json_depth_within(in.rest)) { // as parse_envelope: such a value never gets here
                return;
            }
            const auto json = collect::Json::parse(in.rest.begin(), in.rest.end(), nullptr, false);
            if (!json.is_discarded()) {
                check_keep(collect::keep_options_from_json(json, problems));
            }
            break;
        }
        default:
            check_keep(retention::parse_keep_spec(in.rest));
            break;
        }
    });
}

} // namespace pvr::fuzz
