#include "app/run.hpp"

#include "app/archive_output.hpp"
#include "app/check.hpp"
#include "app/demo.hpp"
#include "app/docs_tables.hpp"
#include "app/fail_on.hpp"
#include "app/history_command.hpp"
#include "app/logging.hpp"
#include "app/mail_outlet.hpp"
#include "app/monitor_command.hpp"
#include "app/mount_point.hpp"
#include "app/output.hpp"
#include "app/pipeline.hpp"
#include "app/prometheus_output.hpp"
#include "app/prune_sim_command.hpp"
#include "app/schedule_command.hpp"
#include "app/verify_archive_command.hpp"
#include "config/config.hpp"
#include "config/exceptions_file.hpp"
#include "core/error.hpp"
#include "core/strings.hpp"
#include "document/build_document.hpp"
#include "http/client.hpp"
#include "render/html_renderer.hpp"
#include "render/pdf_renderer.hpp"
#include "report/json_report.hpp"
#include "schedule/time_zone.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace pvr::app {
namespace {

struct Options {
    bool dump_report_data = false;
    bool generate_pdf = false;
    std::vector<std::string> formats; // --format pdf,html,json
    std::string paper = "a4";
    bool check = false;
    bool demo = false;
    bool version = false;
    std::string now; // --now: pretend the current time is this (tests, reproducing a report)
    /// --fail-on (overrides FAIL_ON)
    std::string fail_on;
    /// Set for the `monitor` subcommand.
    std::optional<MonitorOptions> monitor;
};

std::string environment_help() {
    std::string text = "Other commands:\n"
                       "  pve-backup-report schedule [--from TIME] [--count N] [--tz ZONE] EXPR\n"
                       "      next occurrences of a Proxmox calendar event (backup-job schedule)\n"
                       "  pve-backup-report prune-sim --keep 'keep-last=3,keep-daily=7' [--tz ZONE] [--json]\n"
                       "      which snapshots (times on standard input) PBS pruning keeps\n"
                       "  pve-backup-report monitor [--demo] [--warning-X RANGE] [--critical-X RANGE]\n"
                       "      a Monitoring Plugins check (Icinga, Nagios, Checkmk MRPE, Zabbix): one status\n"
                       "      line, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (see monitor --help)\n"
                       "  pve-backup-report verify-archive DIR\n"
                       "      checks the hash chain of the archive records in DIR: exit 0 when every chain\n"
                       "      holds, 1 when a record was edited, removed or inserted, 2 usage/unreadable DIR\n"
                       "  pve-backup-report history VMID|NAME [--dir DIR] [--cluster NAME] [--since DATE]\n"
                       "      [--until DATE] [--on DATE] [--json]\n"
                       "      one guest across the kept reports (coverage, last backup, anomalies) with the\n"
                       "      archive record that proves each row (see history --help)\n\n"
                       "Environment variables:\n";
    for (const auto& var : config::documented_variables()) {
        text += fmt::format("  {:<22} {}{}\n", var.name, var.description,
                            var.default_value.empty() ? "" : fmt::format(" (default: {})", var.default_value));
    }
    text += "\nExit codes:\n" + help_exit_codes();
    return text;
}

http::ClientOptions pve_client_options(const config::Config& cfg) {
    http::ClientOptions options;
    options.base_url = cfg.pve_url + "/api2/json";
    options.auth_header = fmt::format("PVEAPIToken={}={}", cfg.pve_token_id, cfg.pve_token_secret);
    options.verify_tls = cfg.pve_verify_tls;
    if (cfg.pve_ca_bundle) {
        options.ca_file = cfg.pve_ca_bundle->string();
    }
    options.timeout = cfg.pve_timeout;
    options.user_agent = std::string("pve-backup-report/") + PVR_VERSION;
    options.redactor.add_secret(cfg.pve_token_secret);
    return options;
}

/// REPORT_DEADLINE counted from `start` (nullopt when 0).
std::optional<http::Deadline> run_deadline(const config::Config& cfg, std::chrono::steady_clock::time_point start) {
    if (cfg.report_deadline.count() <= 0) {
        return std::nullopt;
    }
    return http::Deadline{start + cfg.report_deadline, cfg.report_deadline};
}

std::vector<std::string> wanted_formats(const Options& opts) {
    std::vector<std::string> formats;
    for (const auto& item : opts.formats) {
        for (const auto& f : split_any(item, ", ")) {
            const std::string format = to_lower(f);
            if (format != "pdf" && format != "html" && format != "json" && format != "prom") {
                throw Error(ErrorKind::config,
                            fmt::format("--format: '{}' is not a report format (pdf, html, json, prom)", f));
            }
            if (std::find(formats.begin(), formats.end(), format) == formats.end()) {
                formats.push_back(format);
            }
        }
    }
    if (opts.generate_pdf && std::find(formats.begin(), formats.end(), "pdf") == formats.end()) {
        formats.insert(formats.begin(), "pdf");
    }
    if (formats.empty()) {
        formats.emplace_back("pdf");
    }
    return formats;
}

render::PdfOptions pdf_options(const Options& opts) {
    render::PdfOptions pdf;
    const std::string paper = to_lower(opts.paper);
    if (paper == "a4") {
        pdf.paper = render::PdfOptions::Paper::a4;
    } else if (paper == "letter") {
        pdf.paper = render::PdfOptions::Paper::letter;
    } else {
        throw Error(ErrorKind::config, fmt::format("--paper: '{}' is not a paper size (a4, letter)", opts.paper));
    }
    return pdf;
}

/// Times in the report are shown in the host's zone (TZ, else /etc/localtime), like PVE shows them.
std::string display_time_zone(const config::EnvMap& env) {
    const auto tz = env.find("TZ");
    return schedule::TimeZone::local(tz == env.end() ? nullptr : tz->second.c_str()).name();
}

/// Returns the files written.
std::vector<std::filesystem::path> write_reports(const model::ReportData& data, const config::Config& cfg,
                                                 const Options& opts, const config::EnvMap& env) {
    const auto formats = wanted_formats(opts);
    std::vector<std::filesystem::path> written;
    const std::string cluster = data.cluster.name.value_or("standalone");
    std::optional<document::Document> doc;
    for (const auto& format : formats) {
        if (format == "prom") {
            continue; // not a dated report: written last (write_prometheus_textfile)
        }
        const auto start = std::chrono::steady_clock::now();
        std::string content;
        if (format == "json") {
            content = report::to_json(data);
        } else {
            if (!doc) {
                document::DocumentOptions doc_options;
                doc_options.lang = cfg.report_lang;
                doc_options.time_zone = display_time_zone(env);
                doc_options.capacity_warn_days = cfg.capacity_warn.count();
                doc = document::build_document(data, doc_options);
            }
            content = format == "pdf" ? render::render_pdf(*doc, pdf_options(opts)) : render::render_html(*doc);
        }
        const auto path =
            write_new_file(cfg.output_dir / report_file_name(cluster, data.generated_at, format), content);
        spdlog::info("{} report written: {} ({} KiB, {:.2f} s)", format, path.string(), content.size() / 1024,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        std::cout << path.string() << '\n';
        written.push_back(path);
    }
    return written;
}

/// `--demo` without EXCEPTIONS_FILE: the demo's own accepted exceptions.
void use_demo_exceptions(const DemoCluster& demo, config::Config& cfg) {
    if (cfg.exceptions_file || !demo.exceptions_toml()) {
        return;
    }
    std::vector<std::string> problems;
    cfg.exceptions = config::parse_exceptions(*demo.exceptions_toml(), "scenarios/demo/exceptions.toml", problems);
    if (!problems.empty()) {
        throw Error(ErrorKind::internal, "the embedded demo exceptions are invalid: " + problems.front());
    }
}

int run(const Options& opts, const config::EnvMap& env) {
    const auto run_start = std::chrono::steady_clock::now();
    config::Config cfg = config::load(env, config::Requirements{.pve = !opts.demo});
    setup_logging(cfg.log_level);
    if (opts.monitor && env.count("LOG_LEVEL") == 0) {
        spdlog::set_level(spdlog::level::off); // a plugin's output is its status line (some monitors read stderr too)
    }
    if (!opts.fail_on.empty()) {
        const auto fail_on = config::parse_fail_on(opts.fail_on);
        if (!fail_on) {
            throw Error(ErrorKind::config,
                        fmt::format("--fail-on: '{}' is not a level (never, warning, critical)", opts.fail_on));
        }
        cfg.fail_on = *fail_on;
    }
    for (const auto& warning : cfg.warnings) {
        spdlog::warn("{}", warning);
    }
    http::global_init();

    std::optional<DemoCluster> demo;
    http::ClientOptions client_options;
    Clock clock = system_clock();
    if (!opts.now.empty()) {
        const auto t = parse_iso8601(opts.now);
        if (!t) {
            throw Error(ErrorKind::config,
                        fmt::format("--now: '{}' is not an ISO 8601 time such as 2026-11-27T07:00:00Z", opts.now));
        }
        clock = [now = *t] { return now; };
    }
    std::string url;
    if (opts.demo) {
        demo.emplace();
        client_options = demo->client_options();
        demo->configure_pbs(cfg);
        use_demo_exceptions(*demo, cfg);
        if (opts.now.empty()) {
            clock = [now = demo->now()] { return now; };
        }
        url = client_options.base_url;
        spdlog::info("demo: serving the built-in 'pve-prod' scenario at {}", client_options.base_url);
    } else {
        client_options = pve_client_options(cfg);
        url = cfg.pve_url;
        if (!cfg.pve_verify_tls) {
            spdlog::warn("TLS certificate verification is disabled (PVE_VERIFY_TLS=false)");
        }
    }
    client_options.max_body_bytes = cfg.max_response_mb * 1024 * 1024;
    client_options.max_connections = cfg.pve_max_connections;
    client_options.deadline = run_deadline(cfg, run_start);
    const auto client = http::make_curl_client(client_options);

    if (opts.check) {
        return run_check(*client, url, cfg, collect::make_pbs_client_factory(cfg, run_deadline(cfg, run_start)),
                         std::cout);
    }
    std::optional<std::filesystem::path> prometheus_dir;
    if (!opts.dump_report_data && !opts.monitor) {
        const auto formats = wanted_formats(opts); // usage errors before any API call
        static_cast<void>(pdf_options(opts));
        if (cfg.output_dir_must_be_mounted) {
            ensure_mounted_directory(cfg.output_dir);
        }
        ensure_writable_directory(cfg.output_dir); // fail before the collection, not after it
        if (cfg.history_dir) {
            ensure_writable_directory(*cfg.history_dir, "HISTORY_DIR");
        }
        prometheus_dir = prometheus_directory(cfg, std::find(formats.begin(), formats.end(), "prom") != formats.end());
        if (prometheus_dir && cfg.prometheus_textfile_dir) {
            ensure_writable_directory(*prometheus_dir, "PROMETHEUS_TEXTFILE_DIR");
        }
    }

    const auto start = std::chrono::steady_clock::now();
    bool mail_delivered = true;
    PipelineStats stats;
    model::ReportData data =
        build_report(*client, cfg, collect::make_pbs_client_factory(cfg, run_deadline(cfg, run_start)), clock, stats);
    if (opts.monitor) {
        return print_monitor_result(data, opts.monitor->plugin, std::cout);
    }
    if (opts.dump_report_data) {
        // Indented for a person at a terminal, compact for a pipe (jq indents it again if asked).
        std::cout << report::to_json(data, ::isatty(STDOUT_FILENO) != 0 ? report::JsonLayout::indented
                                                                        : report::JsonLayout::compact)
                  << std::flush;
    } else {
        // The archive record first (with what retention will remove): the PDF and HTML show its SHA-256.
        const auto prune = plan_retention(data, cfg);
        const auto record = write_archive_record(data, cfg);
        std::vector<std::filesystem::path> written;
        try {
            written = write_reports(data, cfg, opts, env);
        } catch (const Error&) {
            // A report that cannot be written leaves nothing, its archive record included (no
            // later record names it yet): the next run links to the previous complete run.
            std::error_code ec;
            std::filesystem::remove(record, ec);
            throw;
        }
        if (prometheus_dir) {
            const auto path = write_prometheus_textfile(
                data, *prometheus_dir, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            spdlog::info("prom metrics written: {}", path.string());
            std::cout << path.string() << '\n';
        }
        if (prune) {
            history::remove_pruned(*prune);
        }
        // The e-mail goes after every report is written: a failed delivery loses nothing (exit 7).
        document::DocumentOptions doc_options;
        doc_options.lang = cfg.report_lang;
        doc_options.time_zone = display_time_zone(env);
        doc_options.capacity_warn_days = cfg.capacity_warn.count();
        mail_delivered = mail_report(data, cfg, written, doc_options, pdf_options(opts));
    }
    spdlog::info("done in {:.2f} s ({} API requests)",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), stats.requests);
    if (!mail_delivered) {
        return exit_code::delivery; // takes precedence over --fail-on's 6
    }
    const int status = verdict_exit_code(data.verdict.level, cfg.fail_on);
    if (status != exit_code::ok) {
        spdlog::warn("verdict {} is at or above --fail-on {}: exit status {}", model::to_string(data.verdict.level),
                     config::to_string(cfg.fail_on), status);
    }
    return status;
}

/// `pve-backup-report monitor ...`: every error is the plugin state UNKNOWN (3).
int run_monitor(const std::vector<std::string>& args, char** envp) {
    Options opts;
    opts.monitor.emplace();
    if (const auto status = parse_monitor_arguments(args, *opts.monitor, std::cout)) {
        return *status;
    }
    opts.demo = opts.monitor->demo;
    opts.now = opts.monitor->now;
    try {
        return run(opts, config::env_from(envp));
    } catch (const std::exception& e) {
        return print_monitor_unknown(e.what(), std::cout);
    }
}

} // namespace

int main(int argc, char** argv, char** envp) {
    setup_logging(config::LogLevel::info); // on standard error from the start; LOG_LEVEL applies later
    if (argc >= 2) {
        const std::string command = argv[1];
        const std::vector<std::string> rest(argv + 2, argv + argc);
        if (command == "schedule") {
            return run_schedule_command(rest, std::cout, std::cerr);
        }
        if (command == "prune-sim") {
            return run_prune_sim_command(rest, std::cin, std::cout, std::cerr);
        }
        if (command == "monitor") {
            return run_monitor(rest, envp);
        }
        if (command == "verify-archive") {
            return run_verify_archive_command(rest, std::cout, std::cerr);
        }
        if (command == "history") {
            return run_history_command(rest, config::env_from(envp), std::cout, std::cerr);
        }
    }
    CLI::App cli{"pve-backup-report: which Proxmox VE guests are covered by backup jobs, and what retention "
                 "applies to them. Read-only: its only side effect is a new report file.",
                 "pve-backup-report"};
    Options opts;
    cli.add_flag("--dump-report-data", opts.dump_report_data,
                 "Print the report data as JSON on standard output (logs go to standard error)");
    cli.add_flag("--generate-pdf", opts.generate_pdf,
                 "Write the PDF report to OUTPUT_DIR (the default action; same as --format pdf)");
    cli.add_option("--format", opts.formats,
                   "Report formats to write to OUTPUT_DIR: any of pdf,html,json,prom (prom: the Prometheus metrics "
                   "file pve_backup_report_<cluster>.prom, in PROMETHEUS_TEXTFILE_DIR when set)")
        ->delimiter(',')
        ->type_name("LIST");
    cli.add_option("--paper", opts.paper, "PDF paper size: a4 or letter")->capture_default_str();
    cli.add_option("--fail-on", opts.fail_on,
                   "Exit with status 6, after writing every report, when the verdict is at or above LEVEL: "
                   "never (default), warning or critical (overrides FAIL_ON)")
        ->type_name("LEVEL");
    cli.add_flag("--check", opts.check,
                 "Check the connection and the tokens' privileges: the PVE listings, then every PBS server "
                 "(certificate, token, datastores, namespaces)");
    cli.add_flag("--demo", opts.demo, "Run against the built-in demo cluster (no Proxmox needed)");
    cli.add_flag("--version", opts.version, "Print the version and exit");
    cli.add_option("--now", opts.now, "Pretend the current time is TIME (ISO 8601), to reproduce a report")
        ->type_name("TIME")
        ->group(""); // hidden: for tests and support
    cli.footer(environment_help());
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "pve-backup-report: " << e.what() << "\nRun with --help for usage.\n";
        return exit_code::usage;
    }
    if (opts.version) {
        std::cout << "pve-backup-report " << PVR_VERSION << '\n';
        return exit_code::ok;
    }
    if (opts.check && (opts.dump_report_data || opts.generate_pdf || !opts.formats.empty())) {
        std::cerr << "pve-backup-report: --check cannot be combined with a report action\n";
        return exit_code::usage;
    }
    if (opts.dump_report_data && (opts.generate_pdf || !opts.formats.empty())) {
        std::cerr << "pve-backup-report: --dump-report-data prints the data; it cannot be combined with "
                     "--generate-pdf or --format\n";
        return exit_code::usage;
    }

    try {
        return run(opts, config::env_from(envp));
    } catch (const config::ConfigError& e) {
        std::cerr << "pve-backup-report: " << e.what() << '\n';
        return exit_code::usage;
    } catch (const Error& e) {
        spdlog::error("{}", e.what());
        if (!spdlog::default_logger()->should_log(spdlog::level::err)) {
            std::cerr << "pve-backup-report: " << e.what() << '\n';
        }
        return exit_code_for(e.kind());
    } catch (const std::exception& e) {
        std::cerr << "pve-backup-report: unexpected error: " << e.what() << '\n';
        return exit_code::unexpected;
    }
}

} // namespace pvr::app
