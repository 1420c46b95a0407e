#pragma once
// A PVE storage (/storage); PBS storages carry their PBS coordinates.

#include "model/keep_options.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace pvr::model {

struct PbsTarget {
    std::string server;
    std::int64_t port = 8007;
    std::string datastore;
    std::string ns; // "" = root namespace
    std::optional<std::string> fingerprint;
    std::optional<std::string> username;
    bool encrypted = false;
};

struct Storage {
    std::string id;
    std::string type; // "pbs", "dir", "nfs", ...
    std::set<std::string> content;
    std::optional<std::set<std::string>> nodes; // nullopt = every node
    bool enabled = true;
    bool shared = false;
    std::optional<KeepOptions> prune_backups; // parsed from the property string
    std::optional<PbsTarget> pbs;             // set when type == "pbs"

    [[nodiscard]] bool is_pbs() const noexcept { return type == "pbs"; }
    [[nodiscard]] bool available_on(const std::string& node) const { return !nodes || nodes->count(node) > 0; }
};

} // namespace pvr::model
