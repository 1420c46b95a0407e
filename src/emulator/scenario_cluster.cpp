#include "emulator/scenario_cluster.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace pvr::emulator {
namespace {

using nlohmann::json;

constexpr std::string_view k_pbs_dir = "pbs/";

/// Sets the fingerprint on `storage` if it is a PBS storage of a known server; true if changed.
bool pin(json& storage, const std::map<std::string, std::string>& fingerprints) {
    if (!storage.is_object() || storage.value("type", json()) != "pbs") {
        return false;
    }
    const auto server = storage.find("server");
    if (server == storage.end() || !server->is_string()) {
        return false;
    }
    const auto it = fingerprints.find(server->get<std::string>());
    if (it == fingerprints.end()) {
        return false;
    }
    storage["fingerprint"] = it->second;
    return true;
}

bool is_storage_file(const std::string& path) {
    if (path == "pve/storage.json") {
        return true;
    }
    const std::string dir = "pve/storage/";
    return path.rfind(dir, 0) == 0 && path.find('/', dir.size()) == std::string::npos && path.size() > 5 &&
           path.compare(path.size() - 5, 5, ".json") == 0;
}

/// The files of `scenario` below `pbs/<server>/`.
Scenario pbs_subtree(const Scenario& scenario, const std::string& server) {
    const std::string prefix = std::string(k_pbs_dir) + server + "/";
    std::vector<ScenarioFile> files;
    for (auto it = scenario.files().lower_bound(prefix);
         it != scenario.files().end() && it->first.rfind(prefix, 0) == 0; ++it) {
        files.push_back({it->first, it->second});
    }
    return Scenario::from_files(files);
}

} // namespace

std::vector<std::string> pbs_servers_of(const Scenario& scenario) {
    std::set<std::string> servers;
    for (const auto& [path, content] : scenario.files()) {
        if (path.rfind(k_pbs_dir, 0) != 0) {
            continue;
        }
        const auto slash = path.find('/', k_pbs_dir.size());
        if (slash != std::string::npos && slash > k_pbs_dir.size()) {
            servers.insert(path.substr(k_pbs_dir.size(), slash - k_pbs_dir.size()));
        }
    }
    return {servers.begin(), servers.end()};
}

Scenario with_pbs_fingerprints(const Scenario& scenario, const std::map<std::string, std::string>& fingerprints) {
    std::vector<ScenarioFile> files;
    files.reserve(scenario.files().size());
    for (const auto& [path, content] : scenario.files()) {
        std::string text = content;
        if (is_storage_file(path)) {
            json doc = json::parse(content, nullptr, false);
            bool changed = false;
            if (doc.is_array()) {
                for (auto& storage : doc) {
                    changed = pin(storage, fingerprints) || changed;
                }
            } else {
                changed = pin(doc, fingerprints);
            }
            if (changed) {
                text = doc.dump(1, '\t');
            }
        }
        files.push_back({path, std::move(text)});
    }
    return Scenario::from_files(files);
}

ScenarioCluster::ScenarioCluster(Scenario scenario, std::vector<Token> pve_tokens, std::vector<Token> pbs_tokens,
                                 std::optional<std::filesystem::path> request_log_dir) {
    if (request_log_dir) {
        std::error_code ec;
        std::filesystem::create_directories(*request_log_dir, ec);
        if (ec) {
            throw Error(ErrorKind::config,
                        "cannot create the request log directory '" + request_log_dir->string() + "': " + ec.message());
        }
    }
    std::map<std::string, std::string> fingerprints;
    for (const auto& server : pbs_servers_of(scenario)) {
        EmulatorOptions options;
        options.personality = Personality::pbs;
        options.pbs_server = server;
        options.tokens = pbs_tokens;
        if (request_log_dir) {
            options.request_log = *request_log_dir / ("pbs-" + server + ".jsonl");
        }
        auto emulator = std::make_unique<Emulator>(pbs_subtree(scenario, server), std::move(options));
        emulator->start();
        fingerprints[server] = emulator->certificate_fingerprint();
        m_pbs[server] = std::move(emulator);
    }
    EmulatorOptions options;
    options.tokens = std::move(pve_tokens);
    if (request_log_dir) {
        options.request_log = *request_log_dir / "pve.jsonl";
    }
    m_pve = std::make_unique<Emulator>(with_pbs_fingerprints(scenario, fingerprints), std::move(options));
    m_pve->start();
}

ScenarioCluster::~ScenarioCluster() {
    if (m_pve) {
        m_pve->stop();
    }
    for (auto& [server, emulator] : m_pbs) {
        emulator->stop();
    }
}

Emulator& ScenarioCluster::pve() { return *m_pve; }

std::map<std::string, Emulator*> ScenarioCluster::pbs() {
    std::map<std::string, Emulator*> result;
    for (auto& [server, emulator] : m_pbs) {
        result[server] = emulator.get();
    }
    return result;
}

std::optional<std::string> ScenarioCluster::pbs_url(const std::string& server) const {
    const auto it = m_pbs.find(server);
    if (it == m_pbs.end()) {
        return std::nullopt;
    }
    return it->second->base_url();
}

} // namespace pvr::emulator
