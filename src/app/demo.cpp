#include "app/demo.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <random>

namespace pvr::app {
namespace {

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

DemoCluster::DemoCluster() : m_token_id("demo@pve!report"), m_token_secret(random_secret()) {
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
    emulator::EmulatorOptions options;
    options.tokens.push_back({m_token_id, m_token_secret});
    m_emulator = std::make_unique<emulator::Emulator>(std::move(scenario), std::move(options));
    m_emulator->start();
}

http::ClientOptions DemoCluster::client_options() const {
    http::ClientOptions options;
    options.base_url = m_emulator->base_url() + "/api2/json";
    options.auth_header = fmt::format("PVEAPIToken={}={}", m_token_id, m_token_secret);
    options.ca_pem = m_emulator->certificate_pem();
    options.redactor.add_secret(m_token_secret);
    return options;
}

} // namespace pvr::app
