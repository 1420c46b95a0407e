#include "config/variable_table.hpp"

#include "config/exceptions_file.hpp"
#include "config/mail_variables.hpp"
#include "config/validators.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <cctype>

namespace pvr::config::detail {
namespace {

std::optional<std::string> apply_pve_url(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::string problem;
    auto url = normalize_https_url(value, 8006, problem);
    if (!url) {
        return problem;
    }
    config.pve_url = std::move(*url);
    return std::nullopt;
}

std::optional<std::string> apply_token_id(std::string_view value, Config& config, ApplyContext& /*context*/) {
    return check_token_id(value, "PVE_TOKEN_SECRET", config.pve_token_id);
}

std::optional<std::string> apply_token_secret(std::string_view value, Config& config, ApplyContext& /*context*/) {
    if (auto problem = check_secret(value)) {
        return problem;
    }
    config.pve_token_secret = std::string(value);
    return std::nullopt;
}

std::optional<std::string> apply_verify_tls(std::string_view value, Config& config, ApplyContext& /*context*/) {
    return check_bool(value, config.pve_verify_tls);
}

std::optional<std::string> apply_ca_bundle(std::string_view value, Config& config, ApplyContext& context) {
    std::filesystem::path path;
    if (auto problem = check_ca_bundle(value, context, path)) {
        return problem;
    }
    config.pve_ca_bundle = path;
    return std::nullopt;
}

std::optional<std::string> apply_timeout(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::int64_t seconds = 0;
    if (auto problem = check_int(value, 1, 3600, "seconds", seconds)) {
        return problem;
    }
    config.pve_timeout = std::chrono::seconds(seconds);
    return std::nullopt;
}

std::optional<std::string> apply_pve_max_connections(std::string_view value, Config& config,
                                                     ApplyContext& /*context*/) {
    std::int64_t count = 0;
    if (auto problem = check_int(value, 1, 64, "connections", count)) {
        return problem;
    }
    config.pve_max_connections = static_cast<std::size_t>(count);
    return std::nullopt;
}

// --- Proxmox Backup Server ----------------------------------------------------------------------

std::optional<std::string> apply_pbs_token_id(std::string_view value, Config& config, ApplyContext& /*context*/) {
    return check_token_id(value, "PBS_TOKEN_SECRET", config.pbs_token_id);
}

std::optional<std::string> apply_pbs_token_secret(std::string_view value, Config& config, ApplyContext& /*context*/) {
    if (auto problem = check_secret(value)) {
        return problem;
    }
    config.pbs_token_secret = std::string(value);
    return std::nullopt;
}

std::optional<std::string> apply_pbs_ca_bundle(std::string_view value, Config& config, ApplyContext& context) {
    std::filesystem::path path;
    if (auto problem = check_ca_bundle(value, context, path)) {
        return problem;
    }
    config.pbs_ca_bundle = path;
    return std::nullopt;
}

std::optional<std::string> apply_pbs_verify_tls(std::string_view value, Config& config, ApplyContext& /*context*/) {
    return check_bool(value, config.pbs_verify_tls);
}

std::optional<std::string> apply_pbs_timeout(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::int64_t seconds = 0;
    if (auto problem = check_int(value, 1, 3600, "seconds", seconds)) {
        return problem;
    }
    config.pbs_timeout = std::chrono::seconds(seconds);
    return std::nullopt;
}

std::optional<std::string> apply_pbs_max_connections(std::string_view value, Config& config,
                                                     ApplyContext& /*context*/) {
    std::int64_t count = 0;
    if (auto problem = check_int(value, 1, 64, "connections", count)) {
        return problem;
    }
    config.pbs_max_connections = static_cast<std::size_t>(count);
    return std::nullopt;
}

// --- bounds of a run ----------------------------------------------------------------------------

std::optional<std::string> apply_report_deadline(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::int64_t seconds = 0;
    if (auto problem = check_int(value, 0, 86400, "seconds", seconds)) {
        return problem;
    }
    config.report_deadline = std::chrono::seconds(seconds);
    return std::nullopt;
}

std::optional<std::string> apply_max_response(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::int64_t mib = 0;
    if (auto problem = check_int(value, 1, 4096, "MiB", mib)) {
        return problem;
    }
    config.max_response_mb = static_cast<std::size_t>(mib);
    return std::nullopt;
}

// --- analysis -----------------------------------------------------------------------------------

std::optional<std::string> apply_stale_grace(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::int64_t hours = 0;
    if (auto problem = check_int(value, 0, 8760, "hours", hours)) {
        return problem;
    }
    config.stale_grace = std::chrono::hours(hours);
    return std::nullopt;
}

std::optional<std::string> apply_verify_max_age(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::int64_t days = 0;
    if (auto problem = check_int(value, 1, 3650, "days", days)) {
        return problem;
    }
    config.verify_max_age = std::chrono::days(days);
    return std::nullopt;
}

std::optional<std::string> apply_capacity_warn_days(std::string_view value, Config& config, ApplyContext& /*context*/) {
    std::int64_t days = 0;
    if (auto problem = check_int(value, 1, 3650, "days", days)) {
        return problem;
    }
    config.capacity_warn = std::chrono::days(days);
    return std::nullopt;
}

std::optional<std::string> apply_exceptions_file(std::string_view value, Config& config, ApplyContext& /*context*/) {
    config.exceptions_file = std::filesystem::path(trim(value)); // read and validated by load()
    return std::nullopt;
}

std::optional<std::string> apply_exempt_tag(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string tag = to_lower(trim(value));
    if (!valid_pve_tag(tag)) {
        return "expected a PVE tag (letters, digits, '_', then also '-', '+', '.'), got " + single_quoted(trim(value));
    }
    config.exempt_tag = tag;
    return std::nullopt;
}

std::optional<std::string> apply_output_dir(std::string_view value, Config& config, ApplyContext& /*context*/) {
    config.output_dir = std::filesystem::path(trim(value));
    return std::nullopt;
}

std::optional<std::string> apply_history_dir(std::string_view value, Config& config, ApplyContext& /*context*/) {
    if (trim(value).empty()) {
        return std::nullopt;
    }
    config.history_dir = std::filesystem::path(trim(value));
    return std::nullopt;
}

std::optional<std::string> apply_report_retention(std::string_view value, Config& config, ApplyContext& /*context*/) {
    if (trim(value).empty()) {
        return std::nullopt;
    }
    std::int64_t days = 0;
    if (auto problem = check_int(value, 1, 36500, "days", days)) {
        return problem;
    }
    config.report_retention_days = days;
    return std::nullopt;
}

std::optional<std::string> apply_output_dir_must_be_mounted(std::string_view value, Config& config,
                                                            ApplyContext& /*context*/) {
    return check_bool(value, config.output_dir_must_be_mounted);
}

std::optional<std::string> apply_log_level(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string text = to_lower(trim(value));
    if (text == "trace") {
        config.log_level = LogLevel::trace;
    } else if (text == "debug") {
        config.log_level = LogLevel::debug;
    } else if (text == "info") {
        config.log_level = LogLevel::info;
    } else if (text == "warn" || text == "warning") {
        config.log_level = LogLevel::warn;
    } else if (text == "error") {
        config.log_level = LogLevel::error;
    } else {
        return "expected one of trace, debug, info, warn, error, got " + single_quoted(trim(value));
    }
    return std::nullopt;
}

std::optional<std::string> apply_log_format(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string text = to_lower(trim(value));
    if (text == "text") {
        config.log_format = LogFormat::text;
    } else if (text == "json") {
        config.log_format = LogFormat::json;
    } else {
        return "expected text or json, got " + single_quoted(trim(value));
    }
    return std::nullopt;
}

std::optional<std::string> apply_report_lang(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const std::string text = to_lower(trim(value));
    if (text != "en" && text != "fr" && text != "de") {
        return "expected en, fr or de, got " + single_quoted(trim(value));
    }
    config.report_lang = text;
    return std::nullopt;
}

std::optional<std::string> apply_fail_on(std::string_view value, Config& config, ApplyContext& /*context*/) {
    const auto fail_on = parse_fail_on(value);
    if (!fail_on) {
        return "expected never, warning or critical, got " + single_quoted(trim(value));
    }
    config.fail_on = *fail_on;
    return std::nullopt;
}

std::optional<std::string> apply_prometheus_dir(std::string_view value, Config& config, ApplyContext& /*context*/) {
    config.prometheus_textfile_dir = std::filesystem::path(trim(value));
    return std::nullopt;
}

} // namespace

const std::vector<VariableSpec>& variable_table() {
    static const std::vector<VariableSpec> table = {
        {"PVE_URL", "", "URL of a PVE node's API: https://host[:port] (port 8006 by default)", false, Need::pve,
         apply_pve_url},
        {"PVE_TOKEN_ID", "", "API token id: user@realm!tokenname (e.g. report@pve!coverage)", false, Need::pve,
         apply_token_id},
        {"PVE_TOKEN_SECRET", "", "API token secret (UUID); or PVE_TOKEN_SECRET_FILE", true, Need::pve,
         apply_token_secret},
        {"PVE_VERIFY_TLS", "true",
         "verify the PVE API certificate (true/false; false only for tests: it is logged as a warning)", false,
         Need::optional, apply_verify_tls},
        {"PVE_CA_BUNDLE", "",
         "PEM file with the CA (or certificate) to trust for the PVE API (/etc/pve/pve-root-ca.pem on a node); "
         "default: the system CAs",
         false, Need::optional, apply_ca_bundle},
        {"PVE_TIMEOUT", "30", "timeout of one API request, in seconds (1..3600)", false, Need::optional, apply_timeout},
        {"PVE_MAX_CONNECTIONS", "8", "concurrent requests to the PVE API (1..64)", false, Need::optional,
         apply_pve_max_connections},
        {"PBS_TOKEN_ID", "",
         "API token id for the Proxmox Backup Servers of the PBS storages: user@realm!tokenname "
         "(e.g. report@pbs!coverage) with DatastoreAudit on /datastore; enables the PBS collection (without it the "
         "report has no last backups and no retention figures, and says so)",
         false, Need::optional, apply_pbs_token_id},
        {"PBS_TOKEN_SECRET", "", "secret of PBS_TOKEN_ID; or PBS_TOKEN_SECRET_FILE", true, Need::optional,
         apply_pbs_token_secret},
        {"PBS_CA_BUNDLE", "",
         "PEM file with the CA (or certificate) to trust for PBS servers whose storage has no fingerprint "
         "(with one, the fingerprint pins the certificate, as PVE does); default: the system CAs",
         false, Need::optional, apply_pbs_ca_bundle},
        {"PBS_VERIFY_TLS", "true",
         "verify the PBS certificates (true/false); a storage's fingerprint is always enforced", false, Need::optional,
         apply_pbs_verify_tls},
        {"PBS_MAX_CONNECTIONS", "4",
         "concurrent requests to the Proxmox Backup Servers (1..64), at most this many to one server", false,
         Need::optional, apply_pbs_max_connections},
        {"PBS_TIMEOUT", "60",
         "timeout of one PBS API request, in seconds (1..3600); a snapshot listing: seconds without a byte "
         "received",
         false, Need::optional, apply_pbs_timeout},
        {"REPORT_DEADLINE", "1800",
         "the whole run's time allowance in seconds (0..86400, 0 = none): no API request starts after it, "
         "running ones are cut",
         false, Need::optional, apply_report_deadline},
        {"MAX_RESPONSE_MB", "512",
         "largest API answer accepted, in MiB after decompression (1..4096; 512 fits a listing of 1,000,000 PBS "
         "snapshots)",
         false, Need::optional, apply_max_response},
        {"OUTPUT_DIR", "reports", "directory where the reports are written (created if missing)", false, Need::optional,
         apply_output_dir},
        {"OUTPUT_DIR_MUST_BE_MOUNTED", "false",
         "refuse (exit 5) to write reports when OUTPUT_DIR is not a mount point (true/false); the container image "
         "sets it: a report written into the container would be lost with it",
         false, Need::optional, apply_output_dir_must_be_mounted},
        {"HISTORY_DIR", "",
         "directory where each run keeps its report data as pve-backup-report_<cluster>_<time>.data.json.gz, the "
         "hash-chained archive read by the history and verify-archive commands (default: OUTPUT_DIR)",
         false, Need::optional, apply_history_dir},
        {"REPORT_RETENTION_DAYS", "",
         "remove this cluster's reports and archive records older than this many days after each run (1..36500); "
         "unset = keep all",
         false, Need::optional, apply_report_retention},
        {"LOG_LEVEL", "info", "log level on stderr: trace, debug, info, warn, error", false, Need::optional,
         apply_log_level},
        {"LOG_FORMAT", "text", "format of the log lines on stderr: text or json", false, Need::optional,
         apply_log_format},
        {"REPORT_LANG", "en", "language of the reports: en, fr or de", false, Need::optional, apply_report_lang},
        {"STALE_GRACE_HOURS", "6",
         "a guest is overdue when no successful backup exists since its job's previous scheduled run plus "
         "this many hours (0..8760)",
         false, Need::optional, apply_stale_grace},
        {"VERIFY_MAX_AGE_DAYS", "30",
         "a PBS snapshot not verified for this many days counts as not verified recently (1..3650)", false,
         Need::optional, apply_verify_max_age},
        {"CAPACITY_WARN_DAYS", "30",
         "anomaly datastore_full_soon when a PBS datastore is forecast to be full in fewer days than this (1..3650; "
         "critical within min(7, a third of it))",
         false, Need::optional, apply_capacity_warn_days},
        {"FAIL_ON", "never",
         "exit with status 6 (after writing every report) when the verdict is at or above this level: never, "
         "warning or critical (--fail-on overrides it)",
         false, Need::optional, apply_fail_on},
        {"PROMETHEUS_TEXTFILE_DIR", "",
         "also write the metrics file pve_backup_report_<cluster>.prom there, replaced atomically by each run "
         "(node_exporter --collector.textfile.directory)",
         false, Need::optional, apply_prometheus_dir},
        {"EXCEPTIONS_FILE", "",
         "TOML file of accepted exceptions (see Accepted exceptions in the README: vmid/name/pool/tag, accept, "
         "reason, owner, until); "
         "accepted findings leave the verdict (--demo uses the demo's own file unless this is set)",
         false, Need::optional, apply_exceptions_file},
        {"EXEMPT_TAG", "", "a guest carrying this PVE tag (e.g. no-backup) is accepted as not backed up", false,
         Need::optional, apply_exempt_tag},
        {"SMTP_URL", "",
         "SMTP server for the report e-mail: smtp://host[:port] (STARTTLS required, port 25 by default; "
         "submission: 587) or smtps://host[:port] (implicit TLS, port 465); unset = no e-mail",
         false, Need::optional, apply_smtp_url},
        {"SMTP_TLS", "required",
         "required (STARTTLS for smtp://, certificate verified) or none (smtp:// without TLS: trusted relays "
         "only)",
         false, Need::optional, apply_smtp_tls},
        {"SMTP_USER", "", "SMTP login (AUTH); with SMTP_PASSWORD", false, Need::optional, apply_smtp_user},
        {"SMTP_PASSWORD", "", "SMTP password; or SMTP_PASSWORD_FILE", true, Need::optional, apply_smtp_password},
        {"SMTP_CA_BUNDLE", "", "PEM file with the CA (or certificate) to trust for the SMTP server", false,
         Need::optional, apply_smtp_ca_bundle},
        {"MAIL_FROM", "", "sender of the report e-mail: addr@domain or 'Name <addr@domain>' (required with SMTP_URL)",
         false, Need::optional, apply_mail_from},
        {"MAIL_TO", "", "recipients of the report e-mail, comma-separated (required with SMTP_URL)", false,
         Need::optional, apply_mail_to},
        {"MAIL_WHEN", "always", "always (every run) or problems (only when the verdict is warning or critical)", false,
         Need::optional, apply_mail_when},
    };
    return table;
}

} // namespace pvr::config::detail

namespace pvr::config {

const std::vector<VariableDoc>& documented_variables() {
    static const std::vector<VariableDoc> docs = [] {
        std::vector<VariableDoc> out;
        for (const auto& spec : detail::variable_table()) {
            out.push_back(
                {spec.name, spec.default_value, spec.description, spec.secret, spec.need == detail::Need::pve});
            if (spec.secret) {
                out.push_back({std::string(spec.name) + std::string(detail::file_suffix), "",
                               std::string("file containing ") + spec.name +
                                   " (e.g. a Docker secret); one trailing newline is ignored",
                               false, false});
            }
            if (std::string_view(spec.name) == "PBS_TIMEOUT") {
                for (const auto& doc : detail::pbs_override_docs()) {
                    out.push_back(doc);
                }
            }
        }
        return out;
    }();
    return docs;
}

const char* to_string(LogLevel level) noexcept {
    switch (level) {
    case LogLevel::trace:
        return "trace";
    case LogLevel::debug:
        return "debug";
    case LogLevel::info:
        return "info";
    case LogLevel::warn:
        return "warn";
    case LogLevel::error:
        return "error";
    }
    return "info";
}

std::string pve_authorization(const Config& config) {
    return "PVEAPIToken=" + config.pve_token_id + "=" + config.pve_token_secret;
}

const char* to_string(LogFormat format) noexcept { return format == LogFormat::json ? "json" : "text"; }

std::string pbs_authorization(std::string_view token_id, std::string_view token_secret) {
    return "PBSAPIToken=" + std::string(token_id) + ":" + std::string(token_secret);
}

} // namespace pvr::config
