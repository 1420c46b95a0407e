#pragma once
// Helpers for the emulator tests: a small PVE scenario and an HTTPS client trusting the emulator.

#include "emulator/emulator.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace pvr::emulator::test {

inline constexpr const char* k_token_id = "report@pve!ci";
inline constexpr const char* k_secret = "4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60";

/// "PVEAPIToken=report@pve!ci=<secret>"
[[nodiscard]] std::string good_auth();

/// pve1 online (tasks, logs, guest 100 qemu + 101 lxc), pve2 online, pve3 offline.
[[nodiscard]] std::vector<ScenarioFile> small_scenario_files();

[[nodiscard]] EmulatorOptions options_with_token();

/// An HTTPS client for `emulator` that verifies its certificate.
[[nodiscard]] std::unique_ptr<httplib::SSLClient> make_client(const Emulator& emulator);

/// GET with the good token (or `authorization` if given; empty string: no header).
httplib::Result get(httplib::SSLClient& client, const std::string& path, const std::string* authorization = nullptr);

[[nodiscard]] nlohmann::json body_json(const httplib::Result& result);

} // namespace pvr::emulator::test
