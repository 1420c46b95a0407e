#include "app/schedule_command.hpp"

#include "core/error.hpp"
#include "schedule/calendar_event_error.hpp"
#include "schedule/next_event.hpp"
#include "schedule/parse.hpp"
#include "schedule/time_zone.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <ostream>

namespace pvr::app {

int run_schedule_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return run_schedule_command(args, out, err, system_clock()(), schedule::TimeZone::local());
}

int run_schedule_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, EpochSeconds now,
                         const schedule::TimeZone& default_zone) {
    CLI::App app{"Print the next occurrences of a Proxmox calendar event (backup-job schedule), one ISO 8601 "
                 "time per line.",
                 "pve-backup-report schedule"};
    std::string from_text = "now";
    std::size_t count = 5;
    std::string tz_name;
    std::vector<std::string> words;
    app.add_option("--from", from_text, "Start after this time: ISO 8601 with offset, or 'now'")->capture_default_str();
    app.add_option("--count", count, "Number of occurrences to print")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
        ->capture_default_str();
    app.add_option("--tz", tz_name, "Time zone of the Proxmox host (default: this machine's, honouring TZ)");
    app.add_option("EXPR", words, "Calendar event, e.g. 'mon..fri 02:00' or 'sat *-1..7 15:00 UTC'")->required();

    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return exit_code::ok;
    } catch (const CLI::ParseError& e) {
        err << "schedule: " << e.what() << "\n";
        return exit_code::usage;
    }

    std::optional<schedule::TimeZone> tz;
    if (tz_name.empty()) {
        tz = default_zone;
    } else {
        try {
            tz = schedule::TimeZone::from_name(tz_name);
        } catch (const pvr::Error& e) {
            err << "schedule: --tz: " << e.what() << "\n";
            return exit_code::usage;
        }
    }

    EpochSeconds from = now;
    if (from_text != "now") {
        const auto parsed = parse_iso8601(from_text);
        if (!parsed) {
            err << fmt::format("schedule: --from: invalid time '{}' (expected ISO 8601 with an offset, e.g. "
                               "2026-11-28T02:00:00+01:00, or 'now')\n",
                               from_text);
            return exit_code::usage;
        }
        from = *parsed;
    }

    std::string expr;
    for (const auto& w : words) {
        expr += expr.empty() ? w : " " + w;
    }
    schedule::CalendarEvent event;
    try {
        event = schedule::parse_pve_calendar_event(expr);
    } catch (const schedule::CalendarEventError& e) {
        err << "schedule: " << e.what() << "\n";
        return exit_code::usage;
    }

    EpochSeconds last = from;
    std::size_t printed = 0;
    for (; printed < count; ++printed) {
        const auto next = schedule::next_event(event, last, *tz);
        if (!next) {
            break;
        }
        out << schedule::format_iso8601(*next, *tz) << "\n";
        last = *next;
    }
    if (printed < count) {
        err << fmt::format("schedule: '{}' {} after {}\n", expr, printed == 0 ? "never fires" : "fires no more",
                           schedule::format_iso8601(printed == 0 ? from : last, *tz));
    }
    return exit_code::ok;
}

} // namespace pvr::app
