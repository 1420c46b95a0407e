#pragma once
// Configuration from environment variables, validated up front. Makes no API call.

#include "core/error.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::config {

using EnvMap = std::map<std::string, std::string, std::less<>>;
/// Builds an EnvMap from main()'s envp.
[[nodiscard]] EnvMap env_from(char** envp);

enum class LogLevel { trace, debug, info, warn, error };

struct Config {
    // PVE API
    std::string pve_url;          // normalized "https://host:port" (no path, no trailing slash)
    std::string pve_token_id;     // user@realm!name
    std::string pve_token_secret; // never logged
    bool pve_verify_tls = true;
    std::optional<std::filesystem::path> pve_ca_bundle;
    std::chrono::seconds pve_timeout{30};
    // Output and presentation
    std::filesystem::path output_dir = "reports";
    LogLevel log_level = LogLevel::info;
    std::string report_lang = "en"; // "en" | "fr"
    // Non-fatal remarks for the log (e.g. TLS verification disabled, a probable typo); never secrets.
    std::vector<std::string> warnings;
};

[[nodiscard]] const char* to_string(LogLevel level) noexcept;

/// The PVE Authorization header value: "PVEAPIToken=<token id>=<secret>" (never log it).
[[nodiscard]] std::string pve_authorization(const Config& config);

/// What the chosen command needs; variables not needed are still validated when set.
struct Requirements {
    bool pve = true; // PVE_URL and token required (false for --demo)
};

/// Reads a file's content for a `<NAME>_FILE` variable (injected for tests).
using FileReader = std::function<std::optional<std::string>(const std::filesystem::path&)>;
[[nodiscard]] FileReader default_file_reader();

/// Thrown by load(): every problem, each naming its variable.
class ConfigError : public Error {
public:
    explicit ConfigError(std::vector<std::string> problems);
    [[nodiscard]] const std::vector<std::string>& problems() const noexcept { return m_problems; }

private:
    std::vector<std::string> m_problems;
};

/// Validates everything at once; throws ConfigError listing every problem.
/// Secrets accept a `<NAME>_FILE` variant (Docker secrets); setting both is an error.
[[nodiscard]] Config load(const EnvMap& env, const Requirements& requirements,
                          const FileReader& read_file = default_file_reader());

/// The list of variables with their documentation, for --help and the README.
struct VariableDoc {
    std::string name;
    std::string default_value;
    std::string description;
    bool secret = false;
};
[[nodiscard]] const std::vector<VariableDoc>& documented_variables();

/// Normalizes an API base URL to "https://host:port" (lower-case host, no path): accepts an
/// optional trailing "/" or "/api2/json"; IPv6 literals in brackets. Returns nullopt and sets
/// `problem` (without the variable name) when the text is not such a URL.
[[nodiscard]] std::optional<std::string> normalize_https_url(std::string_view text, int default_port,
                                                             std::string& problem);

} // namespace pvr::config
