#pragma once
// GET /access/permissions: the token's effective privileges, { "<path>": { "<Priv>": 0|1 } }.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

struct Permissions {
    std::map<std::string, std::set<std::string>> by_path;

    [[nodiscard]] bool has(const std::string& privilege, const std::string& path) const;
    [[nodiscard]] bool has_anywhere(const std::string& privilege) const;
    /// Of the privileges the report needs, those that are missing, in this order and wording:
    /// "Sys.Audit on /", "VM.Audit", "Datastore.Audit", "Pool.Audit".
    [[nodiscard]] std::vector<std::string> missing_for_report() const;
};

[[nodiscard]] Permissions parse_permissions(std::string_view body, std::vector<std::string>& warnings);

} // namespace pvr::collect
