#pragma once
// `--demo`: the embedded demo scenario served in-process over real HTTPS on a loopback port,
// so that the normal pipeline runs end to end with no cluster at hand.

#include "core/time.hpp"
#include "emulator/emulator.hpp"
#include "emulator/scenario.hpp"
#include "http/client.hpp"

#include <memory>
#include <string>
#include <vector>

namespace pvr::app {

/// Generated at build time from scenarios/demo (cmake/EmbedFiles.cmake).
std::vector<emulator::ScenarioFile> demo_scenario_files();

class DemoCluster {
public:
    DemoCluster();
    /// Client settings for the emulator: TLS verified against its certificate, a fresh token.
    [[nodiscard]] http::ClientOptions client_options() const;
    /// The scenario's own "now" (scenario.json), so that the demo report is reproducible.
    [[nodiscard]] EpochSeconds now() const noexcept { return m_now; }

private:
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::string m_token_id;
    std::string m_token_secret;
    EpochSeconds m_now = 0;
};

} // namespace pvr::app
