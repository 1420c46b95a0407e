#pragma once
// A resource pool (/pools) and its direct guest members.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pvr::model {

struct Pool {
    std::string id; // may be nested: "prod/db"
    std::optional<std::string> comment;
    /// Direct guest members; nullopt when they could not be read.
    std::optional<std::vector<std::int64_t>> members;
};

} // namespace pvr::model
