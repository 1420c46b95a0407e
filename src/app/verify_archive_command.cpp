#include "app/verify_archive_command.hpp"

#include "core/error.hpp"
#include "history/archive.hpp"
#include "history/verify.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>

namespace pvr::app {

int run_verify_archive_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CLI::App cli{"Checks the hash chain of the archive records (pve-backup-report_<cluster>_<time>.data.json.gz) "
                 "in DIR: each record holds the SHA-256 of the previous record of its cluster, so an edited, "
                 "removed or inserted record breaks the chain. Records removed by REPORT_RETENTION_DAYS are "
                 "listed by the run that removed them: the chain then starts at the oldest kept record.",
                 "pve-backup-report verify-archive"};
    std::string dir;
    cli.add_option("DIR", dir, "The archive directory (HISTORY_DIR, by default OUTPUT_DIR)")->required();
    cli.footer("Exit status: 0 every chain holds, 1 a break was found (each is named), 2 bad usage or DIR "
               "unreadable.");
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        cli.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << cli.help();
        return exit_code::ok;
    } catch (const CLI::ParseError& e) {
        err << "pve-backup-report verify-archive: " << e.what() << "\nRun with --help for usage.\n";
        return exit_code::usage;
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        err << "pve-backup-report verify-archive: '" << dir << "' is not a readable directory\n";
        return exit_code::usage;
    }
    std::string why;
    const auto records = history::scan_archive(dir, why);
    if (!why.empty()) {
        err << "pve-backup-report verify-archive: '" << dir << "' cannot be read: " << why << '\n';
        return exit_code::usage;
    }
    const auto result = history::verify_records(records);
    for (const auto& line : result.lines) {
        out << line << '\n';
    }
    return result.breaks == 0 ? exit_code::ok : 1;
}

} // namespace pvr::app
