#include "emulator/scenario.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace pvr::emulator {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string normalize(std::string path) {
    for (auto& c : path) {
        if (c == '\\') {
            c = '/';
        }
    }
    while (path.rfind("./", 0) == 0) {
        path.erase(0, 2);
    }
    while (!path.empty() && path.front() == '/') {
        path.erase(0, 1);
    }
    return path;
}

void check_json(const std::string& relative_path, const std::string& content, const std::string& where) {
    if (!ends_with(relative_path, ".json")) {
        return;
    }
    try {
        const auto parsed = nlohmann::json::parse(content);
        static_cast<void>(parsed);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorKind::config, "scenario file '" + where + "' is not valid JSON: " + e.what());
    }
}

} // namespace

Scenario Scenario::from_directory(const std::filesystem::path& root) {
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
        throw Error(ErrorKind::config, "scenario directory '" + root.string() + "' does not exist");
    }
    Scenario scenario;
    std::filesystem::recursive_directory_iterator it(root, std::filesystem::directory_options::follow_directory_symlink,
                                                     ec);
    if (ec) {
        throw Error(ErrorKind::config, "cannot read scenario directory '" + root.string() + "': " + ec.message());
    }
    for (const auto& entry : it) {
        if (!entry.is_regular_file()) {
            continue;
        }
        const std::string relative = entry.path().lexically_relative(root).generic_string();
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        if (!in) {
            throw Error(ErrorKind::config, "cannot read scenario file '" + entry.path().string() + "'");
        }
        check_json(relative, content.str(), entry.path().string());
        scenario.m_files[relative] = content.str();
    }
    return scenario;
}

Scenario Scenario::from_files(const std::vector<ScenarioFile>& files) {
    Scenario scenario;
    for (const auto& file : files) {
        const std::string relative = normalize(file.relative_path);
        check_json(relative, file.content, relative);
        scenario.m_files[relative] = file.content;
    }
    return scenario;
}

std::optional<std::string> Scenario::file(const std::string& relative_path) const {
    const auto it = m_files.find(relative_path);
    if (it == m_files.end()) {
        return std::nullopt;
    }
    return it->second;
}

} // namespace pvr::emulator
