#pragma once
// GET /cluster/backup-info/not-backed-up: PVE's own list of guests no job includes.

#include "model/inventory.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

[[nodiscard]] std::vector<model::NotBackedUpItem> parse_not_backed_up(std::string_view body,
                                                                      std::vector<std::string>& warnings);

} // namespace pvr::collect
