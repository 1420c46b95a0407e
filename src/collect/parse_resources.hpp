#pragma once
// GET /cluster/resources: the guests (qemu, lxc); every other kind is ignored.
// GET /nodes/{node}/qemu and /nodes/{node}/lxc: the guests of one node (the fallback source of
// the guest inventory when /cluster/resources cannot be read).

#include "model/guest.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// Guests in answer order. Guests on an offline node have no name/template (left nullopt).
/// Entries without a usable vmid or node are skipped and described in `warnings`. An entry whose
/// `type` is missing, null or neither qemu nor lxc while it carries a `vmid` is not listed (its
/// kind, hence its configuration and its backup, is unknown) and is described in `warnings`
/// with its index and VMID; entries of the other kinds (node, storage, pool, sdn...) are ignored.
[[nodiscard]] std::vector<model::Guest> parse_resources(std::string_view body, std::vector<std::string>& warnings);

/// The guests of `node` from /nodes/{node}/qemu (type qemu) or /nodes/{node}/lxc (type lxc).
/// These listings carry no pool and no HA state; entries without a usable vmid are skipped and
/// described in `warnings`.
[[nodiscard]] std::vector<model::Guest> parse_node_guests(std::string_view body, std::string_view endpoint,
                                                          const std::string& node, model::GuestType type,
                                                          std::vector<std::string>& warnings);

} // namespace pvr::collect
