#pragma once
// `--demo`: the embedded demo scenario served in-process over real HTTPS on loopback ports (the
// PVE API and one PBS API per PBS server), so that the normal pipeline runs end to end with no
// cluster at hand.

#include "config/config.hpp"
#include "core/time.hpp"
#include "emulator/scenario.hpp"
#include "emulator/scenario_cluster.hpp"
#include "http/client.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pvr::app {

/// Generated at build time from scenarios/demo (cmake/EmbedFiles.cmake).
std::vector<emulator::ScenarioFile> demo_scenario_files();

class DemoCluster {
public:
    DemoCluster();
    /// Client settings for the PVE emulator: TLS verified against its certificate, a fresh token.
    [[nodiscard]] http::ClientOptions client_options() const;
    /// Points the PBS settings of `config` at the PBS emulators (token, per-storage URLs); the
    /// storages' fingerprints already pin the emulators' certificates.
    void configure_pbs(config::Config& config) const;
    /// The scenario's own "now" (scenario.json), so that the demo report is reproducible.
    [[nodiscard]] EpochSeconds now() const noexcept { return m_now; }
    /// The demo's accepted exceptions (scenarios/demo/exceptions.toml), used unless EXCEPTIONS_FILE is set.
    [[nodiscard]] const std::optional<std::string>& exceptions_toml() const noexcept { return m_exceptions_toml; }

private:
    std::unique_ptr<emulator::ScenarioCluster> m_cluster;
    std::string m_pve_secret;
    std::string m_pbs_secret;
    std::vector<std::pair<std::string, std::string>> m_pbs_storages; // storage id, server
    EpochSeconds m_now = 0;
    std::optional<std::string> m_exceptions_toml;
};

} // namespace pvr::app
