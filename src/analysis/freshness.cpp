#include "analysis/freshness.hpp"

#include "analysis/facts.hpp"
#include "analysis/retention_words.hpp"
#include "analysis/wording.hpp"
#include "core/time.hpp"
#include "schedule/next_event.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace pvr::analysis {

namespace {

constexpr std::int64_t k_hour = 3600;
constexpr std::int64_t k_day = 86400;

void add_note(model::GuestFreshness& out, const std::string& text, model::Fact fact) {
    out.note += out.note.empty() ? text : "; " + text;
    out.note_facts.push_back(std::move(fact));
}

model::Fact storage_note(const char* kind, const std::string& storage) {
    auto fact = make_fact(kind);
    fact.add_text("storage", storage);
    return fact;
}

struct StorageVerdict {
    std::string storage;
    std::int64_t due = 0;
    std::vector<std::string> jobs; // the jobs whose run is `due`
    const model::PbsSnapshot* newest = nullptr;
    bool overdue = false;
};

} // namespace

std::optional<std::int64_t> FreshnessEvaluator::due(const ScheduledJob& job) {
    const auto found = m_due_by_job.find(job.job->id);
    if (found != m_due_by_job.end()) {
        return found->second;
    }
    std::optional<std::int64_t> out;
    if (job.event) {
        // Latest occurrence o with o < now - grace, i.e. now > o + grace.
        out = schedule::previous_event(*job.event, m_context->now() - m_options.stale_grace_hours * k_hour,
                                       m_context->pve_zone(), schedule::Bound::exclusive);
    }
    m_due_by_job.emplace(job.job->id, out);
    return out;
}

model::GuestFreshness FreshnessEvaluator::evaluate(const model::GuestReport& report,
                                                   const std::vector<GuestStorage>& storages,
                                                   std::vector<model::Anomaly>& anomalies) {
    const std::int64_t now = m_context->now();
    const auto& guest = report.guest;
    model::GuestFreshness out;
    out.grace_seconds = m_options.stale_grace_hours * k_hour;

    // Newest, oldest and verification over every collected storage.
    const model::PbsSnapshot* newest = nullptr;
    std::string newest_storage;
    std::optional<std::int64_t> oldest;
    bool any_collected = false;
    for (const auto& target : storages) {
        if (m_context->collected_content(target.storage->id) == nullptr) {
            continue;
        }
        any_collected = true;
        const auto& group = m_context->group(target.storage->id, guest);
        if (group.empty()) {
            continue;
        }
        if (newest == nullptr || group.back()->time > newest->time) {
            newest = group.back();
            newest_storage = target.storage->id;
        }
        oldest = std::min(oldest.value_or(group.front()->time), group.front()->time);
        for (const auto* snapshot : group) {
            if (snapshot->verification == "ok") {
                const std::int64_t at = snapshot->verified_at.value_or(snapshot->time);
                out.last_verified = std::max(out.last_verified.value_or(at), at);
            }
        }
    }
    if (newest != nullptr) {
        out.last_success = newest->time;
        out.age_seconds = now - newest->time;
        out.last_verification = newest->verification;
    }

    // Overdue.
    std::vector<StorageVerdict> verdicts;
    if (!m_context->inventory().pbs_configured) {
        add_note(out, "PBS collection is not configured", make_fact("note_pbs_not_configured"));
    } else if (report.coverage.status != model::CoverageStatus::scheduled) {
        add_note(out, "not covered by an enabled job: no backup is expected", make_fact("note_not_covered"));
    } else {
        bool targets_pbs = false;
        for (const auto& target : storages) {
            if (target.jobs.empty()) {
                continue;
            }
            targets_pbs = true;
            if (m_context->collected_content(target.storage->id) == nullptr) {
                add_note(out, fmt::format("the snapshots of storage {} could not be read", target.storage->id),
                         storage_note("note_snapshots_unread", target.storage->id));
                continue;
            }
            StorageVerdict verdict;
            verdict.storage = target.storage->id;
            bool has_due = false;
            for (const auto* job : target.jobs) {
                const auto job_due = due(*job);
                if (!job_due) {
                    continue;
                }
                if (!has_due || *job_due > verdict.due) {
                    verdict.due = *job_due;
                    verdict.jobs.clear();
                }
                if (*job_due == verdict.due) {
                    verdict.jobs.push_back(job->job->id);
                }
                has_due = true;
            }
            if (!has_due) {
                add_note(
                    out,
                    fmt::format("no scheduled run of the jobs backing it up to {} has passed yet", target.storage->id),
                    storage_note("note_no_run_passed", target.storage->id));
                continue;
            }
            const auto& group = m_context->group(target.storage->id, guest);
            verdict.newest = group.empty() ? nullptr : group.back();
            verdict.overdue = verdict.newest == nullptr || verdict.newest->time < verdict.due;
            verdicts.push_back(std::move(verdict));
        }
        if (!targets_pbs) {
            add_note(out, "no enabled job including it targets a PBS storage: its backups cannot be seen",
                     make_fact("note_no_pbs_target"));
        }
    }
    if (!verdicts.empty()) {
        out.overdue = false;
        std::int64_t latest_due = 0;
        std::int64_t latest_overdue = 0;
        for (const auto& verdict : verdicts) {
            latest_due = std::max(latest_due, verdict.due);
            if (verdict.overdue) {
                out.overdue = true;
                out.overdue_storages.push_back(verdict.storage);
                latest_overdue = std::max(latest_overdue, verdict.due);
                const std::string last =
                    verdict.newest == nullptr
                        ? std::string("it has no backup there at all")
                        : fmt::format("its last backup there is from {}, {} ago", iso8601_utc(verdict.newest->time),
                                      describe_duration(now - verdict.newest->time));
                auto fact = make_fact("backup_overdue", verdict.newest == nullptr ? "no_backup" : "last_backup");
                add_guest(fact, guest);
                fact.add_text("storage", verdict.storage);
                fact.add_time("due", verdict.due);
                fact.add_int("count", static_cast<std::int64_t>(verdict.jobs.size()));
                add_list(fact, "jobs", verdict.jobs);
                fact.add("grace", model::FactParam::Type::seconds,
                         std::to_string(m_options.stale_grace_hours * k_hour));
                if (verdict.newest != nullptr) {
                    fact.add_time("last", verdict.newest->time);
                    fact.add("age", model::FactParam::Type::seconds, std::to_string(now - verdict.newest->time));
                }
                anomalies.push_back(
                    {"backup_overdue", model::Severity::critical, guest.subject(),
                     fmt::format("{} has no backup on storage {} since the scheduled run at {} ({} {}, grace {}); {}.",
                                 guest_label(guest), verdict.storage, iso8601_utc(verdict.due),
                                 plural_noun(verdict.jobs.size(), "job", "jobs"), join_words(verdict.jobs),
                                 describe_duration(m_options.stale_grace_hours * k_hour), last),
                     std::nullopt, std::move(fact)});
            }
        }
        out.expected_since = *out.overdue ? latest_overdue : latest_due;
    }

    // Verification.
    if (newest != nullptr && newest->verification == "failed") {
        auto fact = make_fact("verification_failed");
        add_guest(fact, guest);
        fact.add_text("storage", newest_storage);
        fact.add_time("time", newest->time);
        anomalies.push_back({"verification_failed", model::Severity::warning, guest.subject(),
                             fmt::format("The last backup of {} (storage {}, {}) failed verification.",
                                         guest_label(guest), newest_storage, iso8601_utc(newest->time)),
                             std::nullopt, std::move(fact)});
    }
    const std::int64_t verify_limit = now - m_options.verify_max_age_days * k_day;
    if (any_collected && oldest && *oldest <= verify_limit &&
        (!out.last_verified || *out.last_verified < verify_limit)) {
        const std::string last = out.last_verified ? fmt::format("the last successful verification was at {}, {} ago",
                                                                 iso8601_utc(*out.last_verified),
                                                                 describe_duration(now - *out.last_verified))
                                                   : std::string("none of its backups was ever verified successfully");
        auto fact = make_fact("never_verified", out.last_verified ? "last_verified" : "never");
        add_guest(fact, guest);
        fact.add_int("days", m_options.verify_max_age_days);
        if (out.last_verified) {
            fact.add_time("last", *out.last_verified);
            fact.add("age", model::FactParam::Type::seconds, std::to_string(now - *out.last_verified));
        }
        anomalies.push_back({"never_verified", model::Severity::info, guest.subject(),
                             fmt::format("No backup of {} was verified successfully in the last {} days: {}.",
                                         guest_label(guest), m_options.verify_max_age_days, last),
                             std::nullopt, std::move(fact)});
    }
    return out;
}

} // namespace pvr::analysis
