#include "config/config.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace pvr::config {

EnvMap env_from(char** envp) {
    EnvMap env;
    if (envp == nullptr) {
        return env;
    }
    for (char** entry = envp; *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        const auto eq = text.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            continue;
        }
        // The first occurrence wins, as with getenv().
        env.emplace(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
    }
    return env;
}

FileReader default_file_reader() {
    return [](const std::filesystem::path& path) -> std::optional<std::string> {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            return std::nullopt;
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            return std::nullopt;
        }
        std::ostringstream content;
        content << in.rdbuf();
        if (in.bad()) {
            return std::nullopt;
        }
        return std::move(content).str();
    };
}

} // namespace pvr::config
