#include "app/run.hpp"

#include "app/check.hpp"
#include "app/demo.hpp"
#include "app/logging.hpp"
#include "app/output.hpp"
#include "app/pipeline.hpp"
#include "config/config.hpp"
#include "core/error.hpp"
#include "http/client.hpp"
#include "report/json_report.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

namespace pvr::app {
namespace {

struct Options {
    bool dump_report_data = false;
    bool check = false;
    bool demo = false;
    bool version = false;
    std::string now; // --now: pretend the current time is this (tests, reproducing a report)
};

std::string environment_help() {
    std::string text = "Environment variables:\n";
    for (const auto& var : config::documented_variables()) {
        text += fmt::format("  {:<22} {}{}\n", var.name, var.description,
                            var.default_value.empty() ? "" : fmt::format(" (default: {})", var.default_value));
    }
    text += "\nExit codes: 0 report produced (possibly with collection issues), 1 unexpected error,\n"
            "2 configuration or usage error, 3 authentication or permission failure,\n"
            "4 PVE API unreachable or unusable, 5 output not writable.\n";
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

int run(const Options& opts, const config::EnvMap& env) {
    const config::Config cfg = config::load(env, config::Requirements{.pve = !opts.demo});
    setup_logging(cfg.log_level);
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
    const auto client = http::make_curl_client(client_options);

    if (opts.check) {
        return run_check(*client, url, std::cout);
    }
    if (!opts.dump_report_data) {
        ensure_writable_directory(cfg.output_dir); // fail before the collection, not after it
    }

    const auto start = std::chrono::steady_clock::now();
    PipelineStats stats;
    const model::ReportData data = build_report(*client, clock, stats);
    const std::string json = report::to_json(data);
    if (opts.dump_report_data) {
        std::cout << json << std::flush;
    } else {
        const auto path =
            cfg.output_dir / report_file_name(data.cluster.name.value_or("standalone"), data.generated_at, "json");
        write_file_atomically(path, json);
        spdlog::info("report written: {}", path.string());
        std::cout << path.string() << '\n';
    }
    spdlog::info("done in {:.2f} s ({} API requests)",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), stats.requests);
    return exit_code::ok;
}

} // namespace

int main(int argc, char** argv, char** envp) {
    setup_logging(config::LogLevel::info); // on standard error from the start; LOG_LEVEL applies later
    CLI::App cli{"pve-backup-report: which Proxmox VE guests are covered by backup jobs, and what retention "
                 "applies to them. Read-only: its only side effect is a new report file.",
                 "pve-backup-report"};
    Options opts;
    cli.add_flag("--dump-report-data", opts.dump_report_data,
                 "Print the report data as JSON on standard output (logs go to standard error)");
    cli.add_flag("--check", opts.check,
                 "Check the connection and the token's privileges on /nodes, /storage, /cluster/backup");
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
    if (opts.check && opts.dump_report_data) {
        std::cerr << "pve-backup-report: --check and --dump-report-data cannot be combined\n";
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
