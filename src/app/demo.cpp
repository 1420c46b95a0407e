#include "app/demo.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <random>

namespace pvr::app {
namespace {

constexpr const char* k_pve_token = "demo@pve!report";
constexpr const char* k_pbs_token = "demo@pbs!report";

std::string random_secret() {
    std::random_device rd;
    std::uniform_int_distribution<unsigned> hex(0, 15);
    std::string s;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) {
            s += '-';
        }
        s += "0123456789abcdef"[hex(rd)];
    }
    return s;
}

} // namespace

DemoCluster::DemoCluster() : m_pve_secret(random_secret()), m_pbs_secret(random_secret()) {
    auto scenario = emulator::Scenario::from_files(demo_scenario_files());
    if (const auto meta = scenario.file("scenario.json")) {
        const auto json = nlohmann::json::parse(*meta, nullptr, false);
        if (json.is_object() && json.contains("now") && json["now"].is_string()) {
            if (const auto t = parse_iso8601(json["now"].get<std::string>())) {
                m_now = *t;
            }
        }
    }
    if (m_now == 0) {
        throw Error(ErrorKind::internal, "the embedded demo scenario has no valid \"now\" in scenario.json");
    }
    m_exceptions_toml = scenario.file("exceptions.toml");
    const auto servers = emulator::pbs_servers_of(scenario);
    if (const auto storages = scenario.file("pve/storage.json")) {
        const auto json = nlohmann::json::parse(*storages, nullptr, false);
        for (const auto& s : json.is_array() ? json : nlohmann::json::array()) {
            if (s.value("type", "") == "pbs" && s.contains("storage") && s.contains("server")) {
                m_pbs_storages.emplace_back(s["storage"].get<std::string>(), s["server"].get<std::string>());
            }
        }
    }
    m_cluster = std::make_unique<emulator::ScenarioCluster>(std::move(scenario),
                                                            std::vector<emulator::Token>{{k_pve_token, m_pve_secret}},
                                                            std::vector<emulator::Token>{{k_pbs_token, m_pbs_secret}});
}

http::ClientOptions DemoCluster::client_options() const {
    http::ClientOptions options;
    options.base_url = m_cluster->pve().base_url() + "/api2/json";
    options.auth_header = fmt::format("PVEAPIToken={}={}", k_pve_token, m_pve_secret);
    options.ca_pem = m_cluster->pve().certificate_pem();
    options.redactor.add_secret(m_pve_secret);
    return options;
}

void DemoCluster::configure_pbs(config::Config& config) const {
    config.pbs_token_id = k_pbs_token;
    config.pbs_token_secret = m_pbs_secret;
    for (const auto& [storage, server] : m_pbs_storages) {
        if (const auto url = m_cluster->pbs_url(server)) {
            config.pbs_overrides[config::normalize_storage_key(storage)].url = *url;
        }
    }
}

} // namespace pvr::app
