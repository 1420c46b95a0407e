#include "retention/prune_sim.hpp"

#include "core/error.hpp"
#include "core/strings.hpp"
#include "core/time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <numeric>
#include <ostream>

namespace pvr::retention {
namespace {

constexpr const char* k_prefix = "pve-backup-report prune-sim: ";
constexpr const char* k_known_options =
    "keep-last, keep-hourly, keep-daily, keep-weekly, keep-monthly, keep-yearly, keep-all";

bool is_keep_option(std::string_view name) {
    return name == "keep-all" || name == "keep-last" || name == "keep-hourly" || name == "keep-daily" ||
           name == "keep-weekly" || name == "keep-monthly" || name == "keep-yearly";
}

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorKind::config, message); }

std::optional<std::int64_t> parse_time_tokens(const std::vector<std::string>& tokens, std::size_t& consumed) {
    consumed = 1;
    if (auto t = parse_iso8601(tokens[0])) {
        return t;
    }
    // "2024-12-31 20:00:00Z": date and time separated by a blank.
    if (tokens.size() >= 2 && tokens[0].size() == 10) {
        if (auto t = parse_iso8601(tokens[0] + " " + tokens[1])) {
            consumed = 2;
            return t;
        }
    }
    return std::nullopt;
}

} // namespace

model::KeepOptions parse_keep_spec(std::string_view text) {
    model::KeepOptions keep;
    std::vector<std::string> seen;
    for (const std::string& raw : split_any(text, ",")) {
        const std::string element = trim(raw);
        if (element.empty()) {
            continue;
        }
        const auto eq = element.find('=');
        if (eq == std::string::npos) {
            fail(fmt::format("--keep: '{}' is not option=value (e.g. keep-daily=7)", element));
        }
        const std::string name = trim(std::string_view(element).substr(0, eq));
        const std::string value = trim(std::string_view(element).substr(eq + 1));
        if (!is_keep_option(name)) {
            fail(fmt::format("--keep: unknown option '{}' (known: {})", name, k_known_options));
        }
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            fail(fmt::format("--keep: {} is given twice", name));
        }
        seen.push_back(name);
        if (name == "keep-all") {
            const auto flag = parse_bool(value);
            if (!flag) {
                fail(fmt::format("--keep: keep-all={}: expected 0 or 1", value));
            }
            keep.set(name, *flag ? 1 : 0);
            continue;
        }
        const auto number = parse_int(value);
        if (!number) {
            fail(fmt::format("--keep: {}={}: '{}' is not an integer", name, value, value));
        }
        if (*number < 0) {
            fail(fmt::format("--keep: {}={}: the count must not be negative", name, value));
        }
        keep.set(name, *number);
    }
    if (keep.keep_all.value_or(false) && seen.size() > 1) {
        fail("--keep: keep-all=1 cannot be set together with other options");
    }
    return keep;
}

std::vector<PruneSimSnapshot> parse_prune_sim_input(std::istream& in) {
    std::vector<PruneSimSnapshot> snapshots;
    std::string raw;
    std::size_t line_number = 0;
    while (std::getline(in, raw)) {
        ++line_number;
        std::string_view content = raw;
        if (const auto hash = content.find('#'); hash != std::string_view::npos) {
            content = content.substr(0, hash);
        }
        const std::vector<std::string> tokens = split_any(content, " \t\r\v\f");
        if (tokens.empty()) {
            continue;
        }
        std::size_t consumed = 0;
        const auto time = parse_time_tokens(tokens, consumed);
        if (!time) {
            fail(fmt::format("line {}: '{}' is not a snapshot time (expected ISO 8601 with Z or an offset, e.g. "
                             "2024-12-31T20:00:00Z or 2025-01-01T01:00:00+01:00, optionally followed by "
                             "'protected' or 'unfinished')",
                             line_number, trim(raw)));
        }
        PruneSimSnapshot snapshot{.input = PruneInput{.time = *time}, .line = line_number};
        for (std::size_t i = consumed; i < tokens.size(); ++i) {
            if (tokens[i] == "protected") {
                snapshot.input.is_protected = true;
            } else if (tokens[i] == "unfinished") {
                snapshot.input.finished = false;
            } else {
                fail(fmt::format("line {}: '{}': unexpected word '{}' after the time (expected 'protected' or "
                                 "'unfinished')",
                                 line_number, trim(raw), tokens[i]));
            }
        }
        snapshots.push_back(snapshot);
    }
    return snapshots;
}

std::vector<PruneSimRow> simulate_prune(const std::vector<PruneSimSnapshot>& snapshots, const model::KeepOptions& keep,
                                        PruneZone zone) {
    std::vector<PruneInput> inputs;
    inputs.reserve(snapshots.size());
    for (const auto& s : snapshots) {
        inputs.push_back(s.input);
    }
    std::vector<PruneMark> marks = compute_prune_marks(inputs, keep, zone);
    std::vector<std::size_t> order(inputs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return inputs[a].time > inputs[b].time; });
    std::vector<PruneSimRow> rows;
    rows.reserve(order.size());
    for (const std::size_t i : order) {
        rows.push_back(PruneSimRow{.snapshot = inputs[i], .mark = std::move(marks[i])});
    }
    return rows;
}

std::string format_prune_sim_text(const std::vector<PruneSimRow>& rows, PruneZone zone) {
    std::string out;
    std::size_t kept = 0;
    std::size_t protected_count = 0;
    std::size_t removed = 0;
    for (const auto& row : rows) {
        const auto& mark = row.mark;
        out += fmt::format("{} {} ({}{}{})\n", iso8601_utc(row.snapshot.time), to_string(mark.action), mark.reason(),
                           mark.period.empty() ? "" : " ", mark.period);
        switch (mark.action) {
        case PruneAction::keep:
            ++kept;
            break;
        case PruneAction::protect:
            ++protected_count;
            break;
        case PruneAction::remove:
            ++removed;
            break;
        }
    }
    if (rows.empty()) {
        out += "# no snapshots\n";
    } else {
        out += fmt::format("# {} snapshot{}: {} keep, {} protected, {} remove (periods in {})\n", rows.size(),
                           rows.size() == 1 ? "" : "s", kept, protected_count, removed, prune_zone_name(zone));
    }
    return out;
}

std::string format_prune_sim_json(const std::vector<PruneSimRow>& rows) {
    // Every value is ASCII from a fixed alphabet (times, option names, digits and '/'): no escaping.
    if (rows.empty()) {
        return "[]\n";
    }
    std::string out = "[\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& mark = rows[i].mark;
        out += fmt::format(R"(  {{"time": "{}", "action": "{}", "reason": "{}", "period": {}}}{})",
                           iso8601_utc(rows[i].snapshot.time), to_string(mark.action), mark.reason(),
                           mark.period.empty() ? std::string("null") : "\"" + mark.period + "\"",
                           i + 1 < rows.size() ? ",\n" : "\n");
    }
    out += "]\n";
    return out;
}

std::string default_prune_sim_zone(const char* tz_env) {
    if (tz_env != nullptr && *tz_env != '\0') {
        return tz_env;
    }
    return "UTC";
}

int run_prune_sim(const PruneSimOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    model::KeepOptions keep;
    PruneZone zone = nullptr;
    std::vector<PruneSimSnapshot> snapshots;
    try {
        keep = parse_keep_spec(options.keep);
    } catch (const Error& e) {
        err << k_prefix << e.what() << '\n';
        return exit_code::usage;
    }
    try {
        zone = locate_prune_zone(options.zone);
    } catch (const Error& e) {
        err << k_prefix << e.what()
            << (options.zone_from_env ? " (taken from the TZ variable; choose one with --tz)" : "") << '\n';
        return exit_code::usage;
    }
    try {
        snapshots = parse_prune_sim_input(in);
    } catch (const Error& e) {
        err << k_prefix << e.what() << '\n';
        return exit_code::usage;
    }

    if (keep.keep_all.value_or(false)) {
        err << k_prefix << "note: keep-all=1: every snapshot is kept\n";
    } else if (!keeps_something(keep)) {
        err << k_prefix
            << "note: no keep option > 0: PBS keeps every snapshot (\"No prune selection - keeping all files.\")\n";
    }
    const auto rows = simulate_prune(snapshots, keep, zone);
    out << (options.json ? format_prune_sim_json(rows) : format_prune_sim_text(rows, zone));
    return exit_code::ok;
}

} // namespace pvr::retention
