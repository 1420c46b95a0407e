#include "analysis/retention_guest.hpp"

#include "analysis/facts.hpp"
#include "analysis/retention_effective.hpp"
#include "analysis/retention_words.hpp"
#include "analysis/wording.hpp"
#include "core/time.hpp"
#include "schedule/parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>

namespace pvr::analysis {

namespace {

struct Notes {
    std::string text;
    std::vector<model::Fact> facts;
};

void add_note(Notes& notes, const std::string& text, model::Fact fact) {
    if (text.empty()) {
        return;
    }
    notes.text += notes.text.empty() ? text : "; " + text;
    notes.facts.push_back(std::move(fact));
}

void add_notes(Notes& notes, Notes more) {
    if (more.text.empty()) {
        return;
    }
    notes.text += notes.text.empty() ? more.text : "; " + more.text;
    for (auto& fact : more.facts) {
        notes.facts.push_back(std::move(fact));
    }
}

model::Fact note_fact(const char* kind, const char* name = nullptr, const std::string& value = {}) {
    auto fact = make_fact(kind);
    if (name != nullptr) {
        fact.add_text(name, value);
    }
    return fact;
}

/// The policies as fact parameters: pve_policy (keep options, "" for the node default) and
/// pbs_policies (list of "p1 (keep-daily=3)").
void add_policies(model::Fact& fact, const model::GuestRetention& retention,
                  const std::vector<const model::PbsPruneJob*>& pbs_jobs) {
    fact.add_text("pve_policy",
                  retention.policy_source == "node-default" ? std::string() : describe_keep(retention.policy));
    std::vector<std::string> pbs;
    for (const auto* job : pbs_jobs) {
        pbs.push_back(fmt::format("{} ({})", prune_job_label(*job), describe_keep(job->keep)));
    }
    add_list(fact, "pbs_policies", pbs);
}

/// The PVE-side and PBS-side policies in words: "keep-daily=7, PBS prune job p1 keep-daily=3".
std::string describe_policies(const model::GuestRetention& retention,
                              const std::vector<const model::PbsPruneJob*>& pbs_jobs) {
    std::vector<std::string> parts;
    parts.push_back(retention.policy_source == "node-default" ? std::string("PVE node default (assumed keep-all)")
                                                              : fmt::format("PVE {}", describe_keep(retention.policy)));
    for (const auto* job : pbs_jobs) {
        parts.push_back(fmt::format("PBS {} {} {}", job->legacy_datastore_policy ? "datastore" : "prune job",
                                    prune_job_label(*job), describe_keep(job->keep)));
    }
    return fmt::format("{}", fmt::join(parts, ", "));
}

struct Simulated {
    SimulationResult result;
    Notes note;
};

/// Builds the simulation input for the guest's jobs on `storage` and runs it (cached).
Simulated simulate(const PbsContext& context, RetentionSimulator& simulator, const GuestStorage& target,
                   const model::PbsServer* server, const std::vector<const model::PbsPruneJob*>& pbs_jobs) {
    Simulated out;
    SimulationInput input;
    input.pve_zone = context.pve_zone();
    input.pbs_zone = context.pbs_zone(server);
    std::vector<std::string> unscheduled;
    for (const auto* job : target.jobs) {
        if (!job->event) {
            unscheduled.push_back(job->job->id);
            continue;
        }
        input.backups.push_back({*job->event, pve_side_policy(job->job, *target.storage).keep});
    }
    if (!unscheduled.empty()) {
        auto fact = make_fact("note_jobs_unscheduled");
        fact.add_int("count", static_cast<std::int64_t>(unscheduled.size()));
        add_list(fact, "jobs", unscheduled);
        add_note(out.note,
                 fmt::format("{} {} no valid schedule (not simulated)", join_words(unscheduled),
                             unscheduled.size() == 1 ? "has" : "have"),
                 std::move(fact));
    }
    for (const auto* job : pbs_jobs) {
        if (!policy_prunes(job->keep)) {
            continue;
        }
        if (!job->schedule) {
            add_note(out.note, fmt::format("PBS prune job {} has no schedule (never runs)", prune_job_label(*job)),
                     note_fact("note_prune_job_unscheduled", "prune_job", prune_job_label(*job)));
            continue;
        }
        try {
            input.prunes.push_back({schedule::parse_pve_calendar_event(*job->schedule), job->keep});
        } catch (const std::exception&) {
            add_note(out.note,
                     fmt::format("PBS prune job {} has an invalid schedule (not simulated)", prune_job_label(*job)),
                     note_fact("note_prune_job_bad_schedule", "prune_job", prune_job_label(*job)));
        }
    }
    out.result = simulator.simulate(input);
    return out;
}

void check_mismatch(const model::GuestReport& report, model::GuestRetention& retention, Notes& notes,
                    const std::vector<const model::PbsPruneJob*>& pbs_jobs, std::vector<model::Anomaly>& anomalies) {
    if (!retention.delta) {
        return;
    }
    const auto actual = *retention.actual_versions;
    const auto expected = *retention.expected_versions;
    const auto where = describe_pbs_location(retention.storage, retention.datastore, retention.ns);
    const auto& guest = report.guest;
    const auto mismatch_fact = [&](const char* variant) {
        auto fact = make_fact("retention_mismatch", variant);
        add_guest(fact, guest);
        fact.add_int("count", actual);
        fact.add_int("expected", expected);
        add_location(fact, retention.storage, retention.datastore, retention.ns);
        add_policies(fact, retention, pbs_jobs);
        return fact;
    };
    if (actual > expected + 1) {
        anomalies.push_back(
            {"retention_mismatch", model::Severity::warning, guest.subject(),
             fmt::format("{} has {} backups on {} where its retention ({}) keeps {} in steady state: "
                         "pruning does not seem to be applied.",
                         guest_label(guest), actual, where, describe_policies(retention, pbs_jobs), expected),
             std::nullopt, mismatch_fact("too_many")});
        return;
    }
    if (actual < expected - 1) {
        const bool long_enough = retention.oldest_snapshot && retention.steady_state_since &&
                                 *retention.oldest_snapshot <= *retention.steady_state_since;
        if (!long_enough) {
            auto fact = make_fact("note_short_history", retention.oldest_snapshot ? "oldest" : "no_backup");
            if (retention.oldest_snapshot) {
                fact.add_time("oldest", *retention.oldest_snapshot);
                fact.add_time("since", retention.steady_state_since.value_or(0));
            }
            add_note(notes,
                     retention.oldest_snapshot
                         ? fmt::format("history shorter than the policy (oldest backup {}, the policy reaches back "
                                       "to {}): fewer versions are expected",
                                       iso8601_utc(*retention.oldest_snapshot),
                                       iso8601_utc(retention.steady_state_since.value_or(0)))
                         : std::string("history shorter than the policy (no backup yet)"),
                     std::move(fact));
            return;
        }
        anomalies.push_back({"retention_mismatch", model::Severity::warning, guest.subject(),
                             fmt::format("{} has only {} backups on {} where its retention ({}) keeps {} in steady "
                                         "state, although its oldest backup ({}) is old enough: backups are missing.",
                                         guest_label(guest), actual, where, describe_policies(retention, pbs_jobs),
                                         expected, iso8601_utc(*retention.oldest_snapshot)),
                             std::nullopt, [&] {
                                 auto fact = mismatch_fact("too_few");
                                 fact.add_time("oldest", *retention.oldest_snapshot);
                                 return fact;
                             }()});
        return;
    }
    if (actual != expected) {
        add_note(notes, "a difference of one version is tolerated (a backup may have just run or be due)",
                 make_fact("note_one_version_tolerated"));
    }
}

} // namespace

std::vector<GuestStorage> guest_storages(const PbsContext& context, const model::GuestReport& report) {
    std::map<std::string, GuestStorage> by_id;
    if (!context.inventory().pbs_configured) {
        return {};
    }
    std::vector<std::string> job_ids = report.coverage.jobs;
    std::sort(job_ids.begin(), job_ids.end());
    for (const auto& id : job_ids) {
        const ScheduledJob* job = context.job(id);
        if (job == nullptr || !job->job->enabled || !job->job->storage) {
            continue;
        }
        const model::Storage* storage = context.pbs_storage(*job->job->storage);
        if (storage == nullptr) {
            continue;
        }
        auto& entry = by_id[storage->id];
        entry.storage = storage;
        entry.jobs.push_back(job);
    }
    for (const model::Storage* storage : context.pbs_storages()) {
        if (context.collected_content(storage->id) != nullptr && !context.group(storage->id, report.guest).empty()) {
            by_id[storage->id].storage = storage;
        }
    }
    std::vector<GuestStorage> out;
    out.reserve(by_id.size());
    for (auto& [id, entry] : by_id) {
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<model::GuestRetention> guest_retention(const PbsContext& context, RetentionSimulator& simulator,
                                                   const model::GuestReport& report,
                                                   const std::vector<GuestStorage>& storages,
                                                   std::vector<model::Anomaly>& anomalies) {
    std::vector<model::GuestRetention> out;
    const bool pbs_configured = context.inventory().pbs_configured;
    for (const auto& target : storages) {
        const model::Storage& storage = *target.storage;
        model::GuestRetention retention;
        Notes notes;
        retention.storage = storage.id;
        retention.datastore = storage.pbs->datastore;
        retention.ns = storage.pbs->ns;
        for (const auto* job : target.jobs) {
            retention.jobs.push_back(job->job->id);
        }

        // PVE side: the first job's effective policy; name the jobs that differ.
        const PveSidePolicy pve = pve_side_policy(target.jobs.empty() ? nullptr : target.jobs.front()->job, storage);
        retention.policy = pve.keep;
        retention.policy_source = pve.source;
        if (pve.source == "node-default") {
            add_note(notes, "node default (vzdump.conf) unknown, assumed keep-all", make_fact("note_node_default"));
        }
        std::vector<std::string> differing;
        for (const auto* job : target.jobs) {
            if (!(pve_side_policy(job->job, storage).keep == pve.keep)) {
                differing.push_back(job->job->id);
            }
        }
        if (!differing.empty()) {
            auto fact = make_fact("note_jobs_differ");
            fact.add_int("count", static_cast<std::int64_t>(differing.size()));
            add_list(fact, "jobs", differing);
            fact.add_text("job", target.jobs.front()->job->id);
            add_note(notes,
                     fmt::format("{} {} a different PVE-side policy than {}", join_words(differing),
                                 differing.size() == 1 ? "applies" : "apply", target.jobs.front()->job->id),
                     std::move(fact));
        }

        // PBS side.
        const model::PbsServer* server = context.server_for(storage.id);
        const auto pbs_jobs = covering_prune_jobs(server, storage);
        if (pbs_jobs) {
            for (const auto* job : *pbs_jobs) {
                retention.pbs_prune_jobs.push_back(prune_job_label(*job));
            }
        }

        // Actual.
        if (context.collected_content(storage.id) != nullptr) {
            const auto& group = context.group(storage.id, report.guest);
            retention.actual_versions = static_cast<std::int64_t>(group.size());
            if (!group.empty()) {
                retention.oldest_snapshot = group.front()->time;
            }
            const auto protected_count =
                std::count_if(group.begin(), group.end(), [](const model::PbsSnapshot* s) { return s->is_protected; });
            if (protected_count > 0) {
                auto fact = make_fact("note_protected");
                fact.add_int("count", protected_count);
                add_note(notes,
                         fmt::format("actual_versions includes {} protected snapshot{}", protected_count,
                                     protected_count == 1 ? "" : "s"),
                         std::move(fact));
            }
        }

        // Expected.
        if (!pbs_configured) {
            add_note(notes, "PBS collection is not configured", make_fact("note_pbs_not_configured"));
        } else if (!retention.actual_versions) {
            add_note(notes, fmt::format("the snapshots of storage {} could not be read", storage.id),
                     note_fact("note_snapshots_unread", "storage", storage.id));
        }
        if (pbs_configured) {
            if (target.jobs.empty()) {
                add_note(notes,
                         "no enabled job backs the guest up to this storage: its snapshots are history, no steady "
                         "state",
                         make_fact("note_no_enabled_job"));
            } else if (!pbs_jobs) {
                if (server == nullptr) {
                    add_note(notes, fmt::format("no PBS server is known for storage {}", storage.id),
                             note_fact("note_no_pbs_server", "storage", storage.id));
                } else {
                    add_note(notes, fmt::format("the prune jobs of {} could not be read", server->url),
                             note_fact("note_prune_jobs_unread", "server", server->url));
                }
            } else {
                Simulated simulated = simulate(context, simulator, target, server, *pbs_jobs);
                add_notes(notes, std::move(simulated.note));
                retention.expected_versions = simulated.result.expected;
                retention.steady_state_since = simulated.result.steady_state_since;
                add_note(notes, simulated.result.note, make_fact(simulated.result.note_kind));
            }
        }
        if (retention.actual_versions && retention.expected_versions) {
            retention.delta = *retention.actual_versions - *retention.expected_versions;
        }
        check_mismatch(report, retention, notes, pbs_jobs.value_or(std::vector<const model::PbsPruneJob*>{}),
                       anomalies);
        retention.note = std::move(notes.text);
        retention.note_facts = std::move(notes.facts);
        out.push_back(std::move(retention));
    }
    return out;
}

std::optional<model::LastBackup> last_backup(const PbsContext& context, const model::Guest& guest,
                                             const std::vector<GuestStorage>& storages) {
    std::optional<model::LastBackup> out;
    for (const auto& target : storages) {
        if (context.collected_content(target.storage->id) == nullptr) {
            continue;
        }
        const auto& group = context.group(target.storage->id, guest);
        if (group.empty() || (out && group.back()->time <= out->time)) {
            continue;
        }
        const model::PbsSnapshot& s = *group.back();
        out = model::LastBackup{
            s.time,         target.storage->id, target.storage->pbs->datastore, target.storage->pbs->ns, s.size,
            s.verification, s.is_protected};
    }
    return out;
}

} // namespace pvr::analysis
