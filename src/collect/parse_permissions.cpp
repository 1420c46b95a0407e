#include "collect/parse_permissions.hpp"

#include "collect/json_fields.hpp"

namespace pvr::collect {
namespace {
constexpr std::string_view endpoint = "GET /access/permissions";
} // namespace

bool Permissions::has(const std::string& privilege, const std::string& path) const {
    const auto it = by_path.find(path);
    return it != by_path.end() && it->second.count(privilege) > 0;
}

bool Permissions::has_anywhere(const std::string& privilege) const {
    for (const auto& [path, privileges] : by_path) {
        if (privileges.count(privilege) > 0) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> Permissions::missing_for_report() const {
    std::vector<std::string> missing;
    if (!has("Sys.Audit", "/")) {
        missing.emplace_back("Sys.Audit on /");
    }
    for (const char* privilege : {"VM.Audit", "Datastore.Audit", "Pool.Audit"}) {
        if (!has_anywhere(privilege)) {
            missing.emplace_back(privilege);
        }
    }
    return missing;
}

Permissions parse_permissions(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const std::string where = std::string(endpoint) + ": data.";
    Permissions permissions;
    for (const auto& [path, privileges] : require_object(envelope.data, endpoint).items()) {
        if (!privileges.is_object()) {
            warnings.push_back(where + path + ": expected an object of privileges, got " + describe_value(privileges));
            continue;
        }
        auto& set = permissions.by_path[path];
        for (const auto& [privilege, propagate] : privileges.items()) {
            (void)propagate; // the value is the propagate flag; presence grants the privilege
            set.insert(privilege);
        }
    }
    return permissions;
}

} // namespace pvr::collect
