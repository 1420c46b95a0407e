#pragma once
// Configuration from environment variables, validated up front. Makes no API call.

#include "core/error.hpp"
#include "model/accepted_exception.hpp"

#include <chrono>
#include <cstdint>
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
enum class LogFormat { text, json };

/// --fail-on / FAIL_ON: the verdict level from which the run exits with exit_code::verdict (6).
enum class FailOn { never, warning, critical };
/// "never", "warning", "critical".
[[nodiscard]] const char* to_string(FailOn fail_on) noexcept;
/// Case-insensitive, surrounding blanks ignored; nullopt for anything else.
[[nodiscard]] std::optional<FailOn> parse_fail_on(std::string_view text);

/// Per-storage PBS settings (PBS_<S>_URL, PBS_<S>_TOKEN_ID, PBS_<S>_TOKEN_SECRET[_FILE],
/// PBS_<S>_FINGERPRINT), S = normalize_storage_key(storage id). Unset fields fall back to the
/// storage's own settings (server/port, fingerprint) and to the global PBS token.
struct PbsOverride {
    std::optional<std::string> url;          // normalized "https://host:port" (port 8007 by default)
    std::optional<std::string> token_id;     // user@realm!tokenname; set together with token_secret
    std::optional<std::string> token_secret; // never logged
    std::optional<std::string> fingerprint;  // normalized "AB:CD:..." (32 upper-case hex bytes)
};

/// An e-mail address: the addr-spec (local@domain, ASCII) and an optional display name (UTF-8).
struct MailAddress {
    std::string display_name; // "" = none
    std::string address;      // "report@example.com"
};

/// When the report is mailed: every run, or only when the verdict is warning or critical.
enum class MailWhen { always, problems };

/// The e-mail outlet (SMTP_*, MAIL_*): enabled when SMTP_URL is set.
struct MailConfig {
    std::string smtp_url;      // "" = no e-mail; normalized "smtp://host:port" or "smtps://host:port"
    bool smtp_tls = true;      // false only with SMTP_TLS=none (smtp:// without STARTTLS)
    std::string smtp_user;     // "" = no authentication
    std::string smtp_password; // never logged
    std::optional<std::filesystem::path> smtp_ca_bundle;
    MailAddress from;
    std::vector<MailAddress> to;
    MailWhen when = MailWhen::always;

    [[nodiscard]] bool enabled() const noexcept { return !smtp_url.empty(); }
};

struct Config {
    // PVE API
    std::string pve_url;          // normalized "https://host:port" (no path, no trailing slash)
    std::string pve_token_id;     // user@realm!name
    std::string pve_token_secret; // never logged
    bool pve_verify_tls = true;
    std::optional<std::filesystem::path> pve_ca_bundle;
    std::chrono::seconds pve_timeout{30};
    /// Concurrent requests to the PVE API (PVE_MAX_CONNECTIONS).
    std::size_t pve_max_connections = 8;
    // Proxmox Backup Servers behind the PBS storages (optional: collected when a token is set)
    std::string pbs_token_id;     // user@realm!name; "" = no global PBS token
    std::string pbs_token_secret; // never logged
    bool pbs_verify_tls = true;   // a storage's pinned fingerprint is enforced regardless
    std::optional<std::filesystem::path> pbs_ca_bundle;
    std::chrono::seconds pbs_timeout{60};
    /// Concurrent requests to the Proxmox Backup Servers, at most this many to one server
    /// (PBS_MAX_CONNECTIONS).
    std::size_t pbs_max_connections = 4;
    /// By normalized storage key ("PBS_MAIN" for storage "pbs-main").
    std::map<std::string, PbsOverride> pbs_overrides;
    // Bounds of a run
    /// The whole run's allowance (REPORT_DEADLINE): no request starts after it, running ones are
    /// cut. 0 = no deadline.
    std::chrono::seconds report_deadline{1800};
    /// Largest decoded answer accepted per request, in MiB (MAX_RESPONSE_MB).
    std::size_t max_response_mb = 512;
    // Output and presentation
    std::filesystem::path output_dir = "reports";
    /// OUTPUT_DIR_MUST_BE_MOUNTED (the container image sets it): refuse to write reports when
    /// output_dir is not a mount point, as they would be lost with the container.
    bool output_dir_must_be_mounted = false;
    /// HISTORY_DIR: where each run keeps its report data (the archive); nullopt = output_dir.
    std::optional<std::filesystem::path> history_dir;
    /// REPORT_RETENTION_DAYS: this cluster's reports older than this are removed after a run;
    /// nullopt = keep all.
    std::optional<std::int64_t> report_retention_days;
    [[nodiscard]] const std::filesystem::path& archive_dir() const { return history_dir ? *history_dir : output_dir; }
    LogLevel log_level = LogLevel::info;
    LogFormat log_format = LogFormat::text;
    std::string report_lang = "en"; // "en" | "fr"
    // Analysis thresholds
    /// A guest is overdue when no successful backup exists since its schedule's previous
    /// occurrence plus this grace.
    std::chrono::hours stale_grace{6};
    /// "Not verified for N days" threshold for PBS snapshots.
    std::chrono::days verify_max_age{30};
    /// CAPACITY_WARN_DAYS: a PBS datastore forecast to be full sooner is an anomaly (history/forecast.hpp).
    std::chrono::days capacity_warn{30};
    // Outlets
    FailOn fail_on = FailOn::never; // FAIL_ON (--fail-on overrides it)
    /// PROMETHEUS_TEXTFILE_DIR: every report run also writes its metrics file there.
    std::optional<std::filesystem::path> prometheus_textfile_dir;
    // Accepted exceptions (model/accepted_exception.hpp)
    std::optional<std::filesystem::path> exceptions_file; // EXCEPTIONS_FILE as given
    std::vector<model::AcceptedException> exceptions;     // read from it, validated
    std::optional<std::string> exempt_tag;                // EXEMPT_TAG, lower case
    // E-mail (optional)
    MailConfig mail;
    // Non-fatal remarks for the log (e.g. TLS verification disabled, a probable typo); never secrets.
    std::vector<std::string> warnings;

    /// True when PBS collection is possible: the global PBS token, or any per-storage token, is set.
    [[nodiscard]] bool pbs_configured() const;
    /// The override for a PVE storage id, nullptr if none.
    [[nodiscard]] const PbsOverride* pbs_override(std::string_view storage_id) const;
};

[[nodiscard]] const char* to_string(LogLevel level) noexcept;
[[nodiscard]] const char* to_string(LogFormat format) noexcept;

/// The PVE Authorization header value: "PVEAPIToken=<token id>=<secret>" (never log it).
[[nodiscard]] std::string pve_authorization(const Config& config);

/// The PBS Authorization header value: "PBSAPIToken=<token id>:<secret>" (never log it).
[[nodiscard]] std::string pbs_authorization(std::string_view token_id, std::string_view token_secret);

/// The key of a storage in the per-storage PBS variables: upper case, every character other than
/// A-Z and 0-9 replaced by '_' ("pbs-main" -> "PBS_MAIN").
[[nodiscard]] std::string normalize_storage_key(std::string_view storage_id);
/// The name of a per-storage PBS variable: pbs_override_variable("pbs-main", "TOKEN_ID") ->
/// "PBS_PBS_MAIN_TOKEN_ID". `what` is one of URL, TOKEN_ID, TOKEN_SECRET, FINGERPRINT.
[[nodiscard]] std::string pbs_override_variable(std::string_view storage_id, std::string_view what);

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
    bool required = false; // must be set (PVE_URL, PVE_TOKEN_ID, PVE_TOKEN_SECRET), except with --demo
};
[[nodiscard]] const std::vector<VariableDoc>& documented_variables();

/// Normalizes an API base URL to "https://host:port" (lower-case host, no path): accepts an
/// optional trailing "/" or "/api2/json"; IPv6 literals in brackets. Returns nullopt and sets
/// `problem` (without the variable name) when the text is not such a URL.
[[nodiscard]] std::optional<std::string> normalize_https_url(std::string_view text, int default_port,
                                                             std::string& problem);

} // namespace pvr::config
