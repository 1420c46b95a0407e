#include "app/check.hpp"

#include "collect/parse_storage.hpp"
#include "collect/pbs_collector.hpp"
#include "core/error.hpp"
#include "core/json_text.hpp"
#include "core/strings.hpp"
#include "model/inventory.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace pvr::app {
namespace {

struct Probe {
    const char* path;
    http::Query query;
    const char* what;      // "backup jobs"
    const char* privilege; // what the token needs, for the advice
    bool empty_is_suspect; // an empty list most likely means filtered by permissions
};

enum class Outcome { ok, warn, fail, info };

class Lines {
public:
    explicit Lines(std::ostream& out) : m_out(out) {}
    void operator()(Outcome outcome, const std::string& line) const {
        static constexpr const char* k_tags[] = {"OK  ", "WARN", "FAIL", "INFO"};
        m_out << k_tags[static_cast<int>(outcome)] << "  " << line << '\n';
    }

private:
    std::ostream& m_out;
};

struct Problems {
    bool auth = false; // a token refused or a privilege missing
    bool api = false;  // an API unreachable, untrusted or unusable
};

std::optional<nlohmann::json> data_of(const http::Response& response) {
    if (!json_depth_within(response.body)) {
        return std::nullopt; // no Proxmox answer is nested that deep
    }
    auto json = nlohmann::json::parse(response.body, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("data")) {
        return std::nullopt;
    }
    return json["data"];
}

/// "storage pbs-main" / "storages pbs-main, pbs-offsite".
std::string storages_text(const std::vector<std::string>& ids) {
    return (ids.size() == 1 ? "storage " : "storages ") + join(ids, ", ");
}

bool has_error_from(const std::vector<model::CollectionIssue>& issues, const std::string& source) {
    return std::any_of(issues.begin(), issues.end(), [&](const model::CollectionIssue& issue) {
        return issue.severity == model::IssueSeverity::error && issue.source == source;
    });
}

/// The PBS side: what collect_pbs reads, without the snapshot listings.
void check_pbs(http::Client& pve, const config::Config& config, const collect::PbsClientFactory& factory,
               const Lines& report, Problems& problems) {
    model::Inventory inventory;
    try {
        std::vector<std::string> warnings;
        inventory.storages = collect::parse_storage(pve.get("/storage").body, warnings);
    } catch (const Error& e) {
        report(Outcome::fail, fmt::format("PBS not checked: the storage list could not be read ({})", e.what()));
        problems.api = true;
        return;
    }
    std::vector<std::string> pbs_ids;
    for (const auto& storage : inventory.storages) {
        if (storage.is_pbs()) {
            pbs_ids.push_back(storage.id);
        }
    }
    if (pbs_ids.empty()) {
        report(Outcome::info, "PBS: no storage of type pbs in the cluster, no Proxmox Backup Server to check");
        return;
    }
    if (!config.pbs_configured()) {
        report(Outcome::warn, fmt::format("PBS not checked: {} of type pbs, but PBS_TOKEN_ID is not set: the "
                                          "report will not show their backups or retention",
                                          storages_text(pbs_ids)));
        return;
    }
    collect::PbsCollectorOptions options;
    options.read_snapshots = false;
    collect::collect_pbs(inventory, config, factory, options);

    for (const auto& server : inventory.pbs_servers) {
        if (server.reachable) {
            report(Outcome::ok,
                   fmt::format("PBS {} ({}): Proxmox Backup Server {}, certificate and token accepted", server.url,
                               storages_text(server.storages), server.version.value_or("(version unknown)")));
        } else {
            (server.token_refused ? problems.auth : problems.api) = true;
        }
        for (const auto& id : server.storages) {
            const auto storage = std::find_if(inventory.storages.begin(), inventory.storages.end(),
                                              [&](const model::Storage& s) { return s.id == id; });
            if (!server.reachable || storage == inventory.storages.end() || !storage->pbs ||
                has_error_from(inventory.issues, "pbs/" + id)) {
                continue;
            }
            const auto datastore = server.datastores.find(storage->pbs->datastore);
            if (datastore == server.datastores.end()) {
                continue; // said by an issue
            }
            std::string usage;
            if (datastore->second.usage && datastore->second.usage->total > 0) {
                usage = fmt::format(", {:.0f} % used", 100.0 * static_cast<double>(datastore->second.usage->used) /
                                                           static_cast<double>(datastore->second.usage->total));
            }
            report(Outcome::ok,
                   fmt::format("PBS {}: storage {} reads datastore '{}', {}{}", server.url, id, storage->pbs->datastore,
                               storage->pbs->ns.empty() ? std::string("root namespace")
                                                        : "namespace '" + storage->pbs->ns + "'",
                               usage));
        }
    }
    for (const auto& issue : inventory.issues) {
        // The collector names the privilege a refused or empty listing needs ("the API token
        // probably lacks Datastore.Audit on /datastore/store1"): for the report a warning, for
        // --check a privilege to grant.
        const bool privilege = issue.message.find(" lacks ") != std::string::npos;
        const bool error = issue.severity == model::IssueSeverity::error || privilege;
        report(error ? Outcome::fail : Outcome::warn, issue.message);
        if (privilege) {
            problems.auth = true;
        } else if (error) {
            problems.api = true;
        }
    }
}

} // namespace

int run_check(http::Client& pve, const std::string& url, const config::Config& config,
              const collect::PbsClientFactory& pbs_factory, std::ostream& out) {
    Problems problems;
    bool& auth_problem = problems.auth;
    bool& api_problem = problems.api;
    const Lines report(out);

    try {
        const auto data = data_of(pve.get("/version"));
        if (!data || !data->is_object() || !data->contains("version")) {
            report(Outcome::fail, fmt::format("GET /version: {} did not answer like a Proxmox VE API", url));
            return exit_code::api_unusable;
        }
        report(Outcome::ok,
               fmt::format("GET /version: Proxmox VE {} at {}", (*data)["version"].get<std::string>(), url));
    } catch (const Error& e) {
        report(Outcome::fail, e.what());
        return exit_code_for(e.kind());
    }

    const Probe probes[] = {
        {"/nodes", {}, "nodes", "any valid token", false},
        {"/storage", {}, "storages", "Datastore.Audit on /storage (or on each storage)", true},
        {"/cluster/backup", {}, "backup jobs", "Sys.Audit on /", false},
        {"/cluster/resources", {{"type", "vm"}}, "guests", "VM.Audit on /vms (PVEAuditor on / covers it)", true},
        {"/cluster/backup-info/not-backed-up", {}, "guests in Proxmox's not-backed-up list", "Sys.Audit on /", false},
        {"/cluster/tasks", {}, "recent tasks", "Sys.Audit on /", true},
    };
    for (const auto& probe : probes) {
        try {
            const auto data = data_of(pve.get(probe.path, probe.query));
            if (!data || !data->is_array()) {
                report(Outcome::fail, fmt::format("GET {}: the answer is not a JSON list", probe.path));
                api_problem = true;
                continue;
            }
            if (data->empty() && probe.empty_is_suspect) {
                report(Outcome::warn, fmt::format("GET {}: no {} visible; if there should be some, the token "
                                                  "probably lacks {}",
                                                  probe.path, probe.what, probe.privilege));
            } else {
                report(Outcome::ok, fmt::format("GET {}: {} {}", probe.path, data->size(), probe.what));
            }
        } catch (const Error& e) {
            const bool refused = e.kind() == ErrorKind::permission_denied || e.kind() == ErrorKind::unauthenticated;
            report(Outcome::fail,
                   refused ? fmt::format("{} (the token needs {})", e.what(), probe.privilege) : std::string(e.what()));
            (refused ? auth_problem : api_problem) = true;
        }
    }
    check_pbs(pve, config, pbs_factory, report, problems);
    return auth_problem ? exit_code::auth : api_problem ? exit_code::api_unusable : exit_code::ok;
}

} // namespace pvr::app
