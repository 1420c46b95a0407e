#pragma once
// GET /pools (the list) and a pool's members: GET /pools?poolid=X (PVE >= 8.1, an array with one
// object) or GET /pools/{poolid} (older versions, the object itself).

#include "model/pool.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// Pools with id and comment; `members` is left nullopt.
[[nodiscard]] std::vector<model::Pool> parse_pool_list(std::string_view body, std::vector<std::string>& warnings);

/// The VMIDs of the pool's direct guest members (storage members are ignored). Accepts both
/// answer shapes. `endpoint` is "GET /pools?poolid=prod" or "GET /pools/prod".
[[nodiscard]] std::vector<std::int64_t> parse_pool_members(std::string_view body, std::string_view endpoint,
                                                           const std::string& pool_id,
                                                           std::vector<std::string>& warnings);

} // namespace pvr::collect
