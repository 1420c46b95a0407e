#pragma once
// GET /cluster/resources: the guests (qemu, lxc); every other kind is ignored.

#include "model/guest.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// Guests in answer order. Guests on an offline node have no name/template (left nullopt).
/// Entries without a usable vmid or node are skipped and described in `warnings`.
[[nodiscard]] std::vector<model::Guest> parse_resources(std::string_view body, std::vector<std::string>& warnings);

} // namespace pvr::collect
