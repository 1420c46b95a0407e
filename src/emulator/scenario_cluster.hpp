#pragma once
// A whole emulated installation from one scenario: the PVE API plus one PBS API per `pbs/<server>/`
// directory (for `--demo` and the tests).

#include "emulator/emulator.hpp"
#include "emulator/scenario.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pvr::emulator {

/// Starts one PVE emulator for `scenario` and one PBS emulator per `pbs/<server>/` directory, each
/// on its own loopback port with its own self-signed certificate. Before starting the PVE one, it
/// rewrites `pve/storage.json` so that every storage of type "pbs" whose `server` has a PBS
/// directory gets `fingerprint` = that PBS emulator's certificate fingerprint (so that pinning
/// works against the emulator, as PVE pins it against the real server).
class ScenarioCluster {
public:
    /// Starts everything (throws pvr::Error like Emulator::start()). With `request_log_dir`
    /// (created if missing), the request logs go to `pve.jsonl` and `pbs-<server>.jsonl` there.
    ScenarioCluster(Scenario scenario, std::vector<Token> pve_tokens, std::vector<Token> pbs_tokens,
                    std::optional<std::filesystem::path> request_log_dir = std::nullopt);
    /// Stops every emulator.
    ~ScenarioCluster();
    ScenarioCluster(const ScenarioCluster&) = delete;
    ScenarioCluster& operator=(const ScenarioCluster&) = delete;

    Emulator& pve();
    /// server name -> its emulator (e.g. "pbs1.example.lan")
    std::map<std::string, Emulator*> pbs();
    /// "https://127.0.0.1:<port>" of the PBS emulator serving `server`, nullopt if none.
    [[nodiscard]] std::optional<std::string> pbs_url(const std::string& server) const;

private:
    std::map<std::string, std::unique_ptr<Emulator>> m_pbs;
    std::unique_ptr<Emulator> m_pve;
};

/// The `<server>` names of the scenario's `pbs/<server>/` directories, sorted.
[[nodiscard]] std::vector<std::string> pbs_servers_of(const Scenario& scenario);

/// `scenario` with `fingerprint` set on every `type: "pbs"` storage of `pve/storage.json` (and of
/// `pve/storage/<id>.json` overrides) whose `server` is a key of `fingerprints`.
[[nodiscard]] Scenario with_pbs_fingerprints(const Scenario& scenario,
                                             const std::map<std::string, std::string>& fingerprints);

} // namespace pvr::emulator
