#include "app/prune_sim_command.hpp"

#include "core/error.hpp"
#include "retention/prune_sim.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <istream>
#include <optional>
#include <ostream>

namespace pvr::app {

int run_prune_sim_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                          std::ostream& err) {
    CLI::App cli{"Shows what a Proxmox Backup Server prune with the given keep options would do with the snapshots "
                 "of one backup group. Reads one snapshot time per line from standard input (ISO 8601 with Z or "
                 "an offset, e.g. 2024-12-31T20:00:00Z or 2025-01-01T01:00:00+01:00), optionally followed by "
                 "'protected' and/or 'unfinished'; blank lines and text after '#' are ignored. Prints the "
                 "snapshots newest first with keep/protected/remove and the option that decided.",
                 "pve-backup-report prune-sim"};
    retention::PruneSimOptions options;
    std::optional<std::string> zone;
    cli.add_option("--keep", options.keep,
                   "Keep options as in PBS/PVE, e.g. 'keep-last=3,keep-daily=7' (keep-last, keep-hourly, "
                   "keep-daily, keep-weekly, keep-monthly, keep-yearly, keep-all); '' or all 0 keeps everything")
        ->required()
        ->type_name("SPEC");
    cli.add_option("--tz", zone,
                   "Time zone of the PBS host (IANA name), in which days, weeks (ISO), months and years are "
                   "counted; default: the TZ variable if set, else UTC")
        ->type_name("ZONE");
    cli.add_flag("--json", options.json, "Print a JSON array of {\"time\",\"action\",\"reason\",\"period\"}");
    cli.footer("Exit status: 0 done, 2 bad option, --keep value, zone or input line.");

    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 wants the arguments reversed
    try {
        cli.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << cli.help();
        return exit_code::ok;
    } catch (const CLI::ParseError& e) {
        err << "pve-backup-report prune-sim: " << e.what() << "\nRun with --help for usage.\n";
        return exit_code::usage;
    }

    if (zone) {
        options.zone = *zone;
    } else {
        const char* tz_env = std::getenv("TZ");
        options.zone = retention::default_prune_sim_zone(tz_env);
        options.zone_from_env = tz_env != nullptr && *tz_env != '\0';
    }
    return retention::run_prune_sim(options, in, out, err);
}

} // namespace pvr::app
