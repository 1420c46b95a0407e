#include "config/config.hpp"

#include <string>
#include <utility>

namespace pvr::config {
namespace {

std::string summary(const std::vector<std::string>& problems) {
    if (problems.size() == 1) {
        return "invalid configuration: " + problems.front();
    }
    std::string out = "invalid configuration (" + std::to_string(problems.size()) + " problems):";
    for (const auto& problem : problems) {
        out += "\n  - ";
        out += problem;
    }
    return out;
}

} // namespace

ConfigError::ConfigError(std::vector<std::string> problems)
    : Error(ErrorKind::config, summary(problems)), m_problems(std::move(problems)) {}

} // namespace pvr::config
