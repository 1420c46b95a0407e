#include "app/check.hpp"

#include "core/error.hpp"
#include "core/json_text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

enum class Outcome { ok, warn, fail };

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

} // namespace

int run_check(http::Client& pve, const std::string& url, std::ostream& out) {
    bool auth_problem = false;
    bool api_problem = false;
    const auto report = [&](Outcome outcome, const std::string& line) {
        static constexpr const char* k_tags[] = {"OK  ", "WARN", "FAIL"};
        out << k_tags[static_cast<int>(outcome)] << "  " << line << '\n';
    };

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
    return auth_problem ? exit_code::auth : api_problem ? exit_code::api_unusable : exit_code::ok;
}

} // namespace pvr::app
