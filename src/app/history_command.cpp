#include "app/history_command.hpp"

#include "core/error.hpp"
#include "core/time.hpp"
#include "history/archive.hpp"
#include "history/guest_history.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>

namespace pvr::app {
namespace {

std::optional<std::int64_t> parse_day(const std::string& text) {
    if (text.size() != 10) {
        return std::nullopt;
    }
    return parse_iso8601(text + "T00:00:00Z");
}

std::string or_dash(const std::string& text) { return text.empty() ? "-" : text; }

std::string guest_label(const model::GuestDigest& g) {
    return fmt::format("{} {}{}", g.type == "lxc" ? "CT" : "VM", g.vmid, g.name.empty() ? "" : " (" + g.name + ")");
}

std::string anomalies_text(const std::vector<model::AnomalyDigest>& anomalies) {
    std::string out;
    for (const auto& a : anomalies) {
        out += fmt::format("{}{}:{}{}", out.empty() ? "" : ",", a.severity, a.kind, a.accepted ? "(accepted)" : "");
    }
    return or_dash(out);
}

nlohmann::ordered_json row_json(const history::GuestHistoryRow& row) {
    const auto& g = row.guest;
    nlohmann::ordered_json anomalies = nlohmann::ordered_json::array();
    for (const auto& a : row.anomalies) {
        anomalies.push_back(
            {{"kind", a.kind}, {"severity", a.severity}, {"message", a.message}, {"accepted", a.accepted}});
    }
    nlohmann::ordered_json last_backup = nullptr;
    if (g.last_backup) {
        last_backup = {{"time", iso8601_utc(*g.last_backup)}, {"storage", g.last_backup_storage.value_or("")}};
    }
    nlohmann::ordered_json last_task = nullptr;
    if (g.last_task_time) {
        last_task = {{"time", iso8601_utc(*g.last_task_time)}, {"failed", g.last_task_failed}};
    }
    return {{"generated_at", iso8601_utc(row.generated_at)},
            {"file", row.file},
            {"sha256", row.sha256},
            {"vmid", g.vmid},
            {"type", g.type},
            {"name", g.name},
            {"coverage", g.coverage},
            {"accepted", g.accepted},
            {"jobs", g.jobs},
            {"last_backup", last_backup},
            {"last_task", last_task},
            {"overdue", g.overdue},
            {"anomalies", anomalies}};
}

} // namespace

int run_history_command(const std::vector<std::string>& args, const config::EnvMap& env, std::ostream& out,
                        std::ostream& err) {
    CLI::App cli{"One guest across the kept reports (the archive records of HISTORY_DIR): for each run its coverage, "
                 "jobs, last backup (time, storage), whether its last backup task failed and its anomalies, with "
                 "the archive record that proves it and its SHA-256 (check it with sha256sum, the chain with "
                 "verify-archive).",
                 "pve-backup-report history"};
    std::string guest;
    std::string dir;
    std::string cluster;
    std::string since;
    std::string until;
    std::string on;
    bool json = false;
    cli.add_option("GUEST", guest, "VMID or guest name")->required();
    cli.add_option("--dir", dir, "Archive directory (default: HISTORY_DIR, else OUTPUT_DIR, else ./reports)");
    cli.add_option("--cluster", cluster, "Cluster name, when the directory holds several clusters' records");
    cli.add_option("--since", since, "Only reports made on or after this day (YYYY-MM-DD, UTC)")->type_name("DATE");
    cli.add_option("--until", until, "Only reports made on or before this day (YYYY-MM-DD, UTC)")->type_name("DATE");
    cli.add_option("--on", on,
                   "Say which report first shows a backup of the guest made on or after this day (YYYY-MM-DD, UTC): "
                   "the answer to \"was it backed up on that day?\"")
        ->type_name("DATE");
    cli.add_flag("--json", json, "Print JSON instead of a table");
    cli.footer("Exit status: 0 done, 1 no kept report shows the guest, 2 bad option or unreadable directory.");
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        cli.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << cli.help();
        return exit_code::ok;
    } catch (const CLI::ParseError& e) {
        err << "pve-backup-report history: " << e.what() << "\nRun with --help for usage.\n";
        return exit_code::usage;
    }
    history::GuestHistoryQuery query{guest, std::nullopt, std::nullopt};
    std::optional<std::int64_t> on_day;
    for (const auto& [option, text, target, shift] :
         {std::tuple{"--since", &since, &query.since, 0}, std::tuple{"--until", &until, &query.until, 86400},
          std::tuple{"--on", &on, &on_day, 0}}) {
        if (text->empty()) {
            continue;
        }
        const auto day = parse_day(*text);
        if (!day) {
            err << "pve-backup-report history: " << option << ": '" << *text << "' is not a date (YYYY-MM-DD)\n";
            return exit_code::usage;
        }
        *target = *day + shift;
    }
    if (dir.empty()) {
        for (const char* name : {"HISTORY_DIR", "OUTPUT_DIR"}) {
            if (const auto it = env.find(name); it != env.end() && !it->second.empty()) {
                dir = it->second;
                break;
            }
        }
        if (dir.empty()) {
            dir = "reports";
        }
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        err << "pve-backup-report history: '" << dir << "' is not a readable directory\n";
        return exit_code::usage;
    }
    std::string why;
    const auto found = history::scan_archive(dir, why);
    if (!why.empty()) {
        err << "pve-backup-report history: '" << dir << "' cannot be read: " << why << '\n';
        return exit_code::usage;
    }
    std::map<std::string, std::vector<model::RunDigest>> by_cluster;
    for (const auto& rec : found) {
        if (!rec.record) {
            err << "history: " << rec.file << " skipped: " << rec.why << '\n';
            continue;
        }
        by_cluster[rec.record->digest.cluster].push_back(rec.record->digest);
    }
    if (cluster.empty() && by_cluster.size() > 1) {
        std::string names;
        for (const auto& [name, runs] : by_cluster) {
            names += (names.empty() ? "" : ", ") + name;
        }
        err << "pve-backup-report history: '" << dir << "' holds several clusters' reports (" << names
            << "): choose one with --cluster\n";
        return exit_code::usage;
    }
    if (!cluster.empty() && by_cluster.count(cluster) == 0) {
        err << "pve-backup-report history: no report of cluster '" << cluster << "' in '" << dir << "'\n";
        return 1;
    }
    const std::string chosen = cluster.empty() ? (by_cluster.empty() ? "" : by_cluster.begin()->first) : cluster;
    auto& runs = by_cluster[chosen];
    std::stable_sort(runs.begin(), runs.end(),
                     [](const auto& a, const auto& b) { return a.generated_at < b.generated_at; });
    const auto rows = history::guest_history(runs, query);
    if (rows.empty()) {
        err << "pve-backup-report history: no kept report" << (chosen.empty() ? "" : " of cluster '" + chosen + "'")
            << " in '" << dir << "' shows guest " << guest << " (" << runs.size() << " reports read)\n";
        return 1;
    }
    const history::GuestHistoryRow* proof = on_day ? history::first_backup_on_or_after(rows, *on_day) : nullptr;
    if (json) {
        nlohmann::ordered_json doc = {{"cluster", chosen}, {"guest", guest}, {"reports", runs.size()}};
        if (on_day) {
            doc["on"] = {{"date", on},
                         {"backed_up_that_day", proof != nullptr && *proof->guest.last_backup < *on_day + 86400},
                         {"first_report", proof ? nlohmann::ordered_json(row_json(*proof)) : nullptr}};
        }
        doc["runs"] = nlohmann::ordered_json::array();
        for (const auto& row : rows) {
            doc["runs"].push_back(row_json(row));
        }
        out << doc.dump(2) << '\n';
        return exit_code::ok;
    }
    out << fmt::format("{} in {} of {} kept reports of cluster {} ({} to {}, times UTC)\n",
                       guest_label(rows.back().guest), rows.size(), runs.size(), chosen,
                       iso8601_utc(rows.front().generated_at).substr(0, 10),
                       iso8601_utc(rows.back().generated_at).substr(0, 10));
    if (on_day) {
        if (proof == nullptr) {
            out << fmt::format("On {}: no kept report shows a backup made on or after that day.\n", on);
        } else {
            const bool that_day = *proof->guest.last_backup < *on_day + 86400;
            out << fmt::format("On {}: {} — report {} (SHA-256 {}) shows a backup at {} on {}.\n", on,
                               that_day ? "backed up" : "NOT backed up that day; the first backup after it",
                               proof->file, proof->sha256, iso8601_utc(*proof->guest.last_backup),
                               proof->guest.last_backup_storage.value_or("?"));
        }
    }
    out << fmt::format("{:<20} {:<14} {:<28} {:<21} {:<12} {:<9} {:<30} {} {}\n", "report (UTC)", "coverage", "jobs",
                       "last backup", "storage", "last task", "anomalies", "archive record", "sha256");
    for (const auto& row : rows) {
        const auto& g = row.guest;
        std::string jobs;
        for (const auto& j : g.jobs) {
            jobs += (jobs.empty() ? "" : ",") + j;
        }
        out << fmt::format("{:<20} {:<14} {:<28} {:<21} {:<12} {:<9} {:<30} {} {}\n", iso8601_utc(row.generated_at),
                           g.coverage + (g.accepted ? "*" : ""), or_dash(jobs),
                           g.last_backup ? iso8601_utc(*g.last_backup) : "-", g.last_backup_storage.value_or("-"),
                           g.last_task_time ? (g.last_task_failed ? "FAILED" : "ok") : "-",
                           anomalies_text(row.anomalies), row.file, row.sha256);
    }
    return exit_code::ok;
}

} // namespace pvr::app
