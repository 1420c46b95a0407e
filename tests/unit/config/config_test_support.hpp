#pragma once
// Helpers shared by the configuration tests.

#include "config/config.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace pvr::config::test {

inline constexpr const char* secret = "4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60";

/// A complete, valid PVE environment.
inline EnvMap valid_env() {
    return {{"PVE_URL", "https://pve1.example.com:8006"},
            {"PVE_TOKEN_ID", "report@pve!coverage"},
            {"PVE_TOKEN_SECRET", secret}};
}

/// A file reader over an in-memory map of files.
inline FileReader fake_files(std::map<std::string, std::string> files) {
    return [files = std::move(files)](const std::filesystem::path& path) -> std::optional<std::string> {
        const auto it = files.find(path.string());
        if (it == files.end()) {
            return std::nullopt;
        }
        return it->second;
    };
}

/// Runs load() expecting a ConfigError; returns its problems (empty + test failure if none).
inline std::vector<std::string> problems_of(const EnvMap& env, Requirements requirements = {},
                                            const FileReader& read_file = fake_files({})) {
    try {
        (void)load(env, requirements, read_file);
    } catch (const ConfigError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::config);
        return error.problems();
    }
    ADD_FAILURE() << "expected a ConfigError";
    return {};
}

inline std::string problem_of(const EnvMap& env, Requirements requirements = {},
                              const FileReader& read_file = fake_files({})) {
    const auto problems = problems_of(env, requirements, read_file);
    EXPECT_EQ(problems.size(), 1U);
    return problems.empty() ? std::string() : problems.front();
}

inline bool contains(const std::vector<std::string>& texts, const std::string& needle) {
    for (const auto& text : texts) {
        if (text.find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace pvr::config::test
