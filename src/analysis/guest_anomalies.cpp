// Anomalies about single guests: not backed up, only disabled jobs, volumes left out, last backup failed.

#include "analysis/anomalies.hpp"
#include "analysis/coverage.hpp"
#include "analysis/facts.hpp"
#include "analysis/wording.hpp"
#include "core/time.hpp"

#include <fmt/format.h>

namespace pvr::analysis {

namespace {

using model::Anomaly;
using model::Severity;

/// The lead-in of coverage reasons that go on to explain why no job includes the guest (coverage.cpp).
const std::string k_not_included_because = "No backup job includes it: ";

void not_backed_up(const model::GuestReport& report, std::vector<Anomaly>& out) {
    const auto& coverage = report.coverage;
    if (coverage.status != model::CoverageStatus::not_backed_up) {
        return;
    }
    const auto& guest = report.guest;
    const bool is_template = guest.is_template.value_or(false);
    std::string message =
        fmt::format("{} on node {} is not backed up by any enabled job", guest_label(guest), guest.node);
    if (!coverage.disabled_jobs.empty()) {
        message +=
            fmt::format(" (only the disabled {} {} would include it)",
                        plural_noun(coverage.disabled_jobs.size(), "job", "jobs"), join_words(coverage.disabled_jobs));
    } else if (coverage.reason.rfind(k_not_included_because, 0) == 0) {
        // "No backup job includes it: job j only runs on node pve2 ..." -> keep the explanation.
        const auto why = coverage.reason.substr(k_not_included_because.size());
        message += fmt::format(" ({})", why.substr(0, why.size() - 1));
    }
    message += ".";
    // The fact: the guest, and why, as the coverage reason's parameters say it.
    auto fact = make_fact("guest_not_backed_up", !coverage.disabled_jobs.empty() ? "disabled_jobs"
                                                 : coverage.reason_fact.find("excluded_by") != nullptr ||
                                                         coverage.reason_fact.find("node_jobs") != nullptr
                                                     ? "explained"
                                                     : "plain");
    add_guest(fact, guest);
    fact.add_text("node", guest.node);
    if (!coverage.disabled_jobs.empty()) {
        fact.add_int("count", static_cast<std::int64_t>(coverage.disabled_jobs.size()));
        add_list(fact, "jobs", coverage.disabled_jobs);
    } else {
        for (const char* name : {"excluded_by", "node_jobs", "job_nodes"}) {
            if (const auto* param = coverage.reason_fact.find(name)) {
                fact.params.push_back(*param);
            }
        }
    }
    out.push_back({"guest_not_backed_up", is_template ? Severity::warning : Severity::critical, guest.subject(),
                   std::move(message), std::nullopt, std::move(fact)});
    if (!coverage.disabled_jobs.empty()) {
        auto only = make_fact("guest_only_disabled_jobs");
        add_guest(only, guest);
        only.add_int("count", static_cast<std::int64_t>(coverage.disabled_jobs.size()));
        add_list(only, "jobs", coverage.disabled_jobs);
        out.push_back({"guest_only_disabled_jobs", Severity::warning, guest.subject(),
                       fmt::format("{} is only included by the disabled {} {}; enable {} or add the guest to an "
                                   "enabled job.",
                                   guest_label(guest), plural_noun(coverage.disabled_jobs.size(), "job", "jobs"),
                                   join_words(coverage.disabled_jobs),
                                   plural_noun(coverage.disabled_jobs.size(), "it", "one of them")),
                       std::nullopt, std::move(only)});
    }
}

void volumes_excluded(const model::GuestReport& report, std::vector<Anomaly>& out) {
    const auto& guest = report.guest;
    if (report.coverage.jobs.empty() || !guest.config_collected) {
        return;
    }
    std::vector<std::string> excluded;
    std::vector<std::string> keys;
    std::vector<std::string> reasons; // the collector's reason, a closed set ("backup=0", "bind mount", ...)
    for (const auto& volume : guest.volumes) {
        if (!volume.included) {
            excluded.push_back(describe_volume(volume));
            keys.push_back(volume.key);
            reasons.push_back(volume.reason);
        }
    }
    if (excluded.empty()) {
        return;
    }
    auto fact = make_fact("volumes_excluded");
    add_guest(fact, guest);
    fact.add_int("count", static_cast<std::int64_t>(excluded.size()));
    add_list(fact, "volumes", keys);
    add_list(fact, "volume_reasons", reasons);
    out.push_back({"volumes_excluded", Severity::warning, guest.subject(),
                   fmt::format("{} is backed up without {} {}.", guest_label(guest),
                               plural_noun(excluded.size(), "volume", "volumes"), join_words(excluded)),
                   std::nullopt, std::move(fact)});
}

void backup_failed(const model::GuestReport& report, std::vector<Anomaly>& out) {
    if (!report.last_task || report.last_task->outcome != model::BackupOutcome::failed) {
        return;
    }
    const auto& task = *report.last_task;
    const auto& guest = report.guest;
    const std::string node = task.node.empty() ? guest.node : task.node;
    std::string message =
        fmt::format("The last backup of {} on node {} at {} failed", guest_label(guest), node, iso8601_utc(task.time));
    message += task.error ? fmt::format(": {}", *task.error) : std::string(" (no error text in the task log)");
    if (message.back() != '.') {
        message += ".";
    }
    auto fact = make_fact("backup_failed", task.error ? "error" : "no_error");
    add_guest(fact, guest);
    fact.add_text("node", node);
    fact.add_time("time", task.time);
    if (task.error) {
        fact.add_text("error", *task.error);
    }
    out.push_back(
        {"backup_failed", Severity::critical, guest.subject(), std::move(message), std::nullopt, std::move(fact)});
}

} // namespace

std::vector<Anomaly> guest_anomalies(const std::vector<model::GuestReport>& guests) {
    std::vector<Anomaly> out;
    for (const auto& report : guests) {
        not_backed_up(report, out);
        volumes_excluded(report, out);
        backup_failed(report, out);
    }
    return out;
}

} // namespace pvr::analysis
