#include "collect/pbs_override_check.hpp"

#include "core/error.hpp"
#include "core/strings.hpp"

#include <set>
#include <string>

namespace pvr::collect {

void check_pbs_overrides(const config::Config& config, const std::vector<model::Storage>& storages) {
    std::set<std::string> pbs_keys;
    std::vector<std::string> existing;
    for (const auto& storage : storages) {
        if (storage.is_pbs()) {
            pbs_keys.insert(config::normalize_storage_key(storage.id));
            existing.push_back(storage.id + " (" + config::pbs_override_variable(storage.id, "...") + ")");
        }
    }
    std::vector<std::string> unknown;
    for (const auto& [key, entry] : config.pbs_overrides) {
        if (pbs_keys.count(key) > 0) {
            continue;
        }
        const std::string prefix = "PBS_" + key + "_";
        if (entry.url) {
            unknown.push_back(prefix + "URL");
        }
        if (entry.token_id) {
            unknown.push_back(prefix + "TOKEN_ID");
        }
        if (entry.token_secret) {
            unknown.push_back(prefix + "TOKEN_SECRET[_FILE]");
        }
        if (entry.fingerprint) {
            unknown.push_back(prefix + "FINGERPRINT");
        }
    }
    if (unknown.empty()) {
        return;
    }
    throw Error(ErrorKind::config,
                join(unknown, ", ") + (unknown.size() == 1 ? " names" : " name") +
                    " no PBS storage of the cluster, so " + (unknown.size() == 1 ? "it" : "they") +
                    " would have no effect; " +
                    (existing.empty() ? std::string("the cluster has no PBS storage")
                                      : "the PBS storages are " + join(existing, ", ")) +
                    " (<STORAGE> is the storage id in upper case with '_' for every other character)");
}

} // namespace pvr::collect
