#pragma once
// A scenario: JSON files shaped like the real API, keyed by API path. See docs/scenarios.md.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pvr::emulator {

/// One file of a scenario: its path relative to the scenario root ("pve/cluster/resources.json")
/// and its content.
struct ScenarioFile {
    std::string relative_path;
    std::string content;
};

class Scenario {
public:
    /// Reads every file below `root`. Throws pvr::Error(config) naming the file on a JSON error.
    [[nodiscard]] static Scenario from_directory(const std::filesystem::path& root);
    /// From files held in memory (the demo scenario embedded in the binary).
    [[nodiscard]] static Scenario from_files(const std::vector<ScenarioFile>& files);

    /// Content of "pve/<relative>" etc., nullopt if absent.
    [[nodiscard]] std::optional<std::string> file(const std::string& relative_path) const;
    [[nodiscard]] const std::map<std::string, std::string>& files() const noexcept { return m_files; }

private:
    std::map<std::string, std::string> m_files;
};

} // namespace pvr::emulator
