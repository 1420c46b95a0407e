#pragma once
// GET /nodes: every cluster node and its status (online, offline, unknown).

#include "model/cluster.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// Nodes with name and status ("unknown" when absent); entries without a name are skipped with a warning.
[[nodiscard]] std::vector<model::ClusterNode> parse_nodes(std::string_view body, std::vector<std::string>& warnings);

} // namespace pvr::collect
