#pragma once
// GET /storage: storage definitions, with PBS coordinates for type "pbs".

#include "model/storage.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// Storages without an id are skipped; unreadable optional fields (a bad `prune-backups`, a
/// non-numeric `port`) are left at their defaults. Both are described in `warnings`.
[[nodiscard]] std::vector<model::Storage> parse_storage(std::string_view body, std::vector<std::string>& warnings);

} // namespace pvr::collect
