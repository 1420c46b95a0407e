#include "analysis/retention_simulation.hpp"

#include "analysis/retention_effective.hpp"
#include "retention/prune.hpp"
#include "schedule/next_event.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace pvr::analysis {

namespace {

constexpr std::int64_t k_hour = 3600;
constexpr std::int64_t k_day = 86400;
constexpr std::int64_t k_sample_window = 400 * k_day;
constexpr std::int64_t k_max_horizon = 3653 * k_day; // 10 years
constexpr std::size_t k_sample_limit = 200000;
constexpr std::size_t k_event_limit = 2000000;

std::string keep_key(const model::KeepOptions& keep) {
    return policy_prunes(keep) ? describe_keep(keep) : std::string("all");
}

std::string cache_key(const SimulationInput& input) {
    std::vector<std::string> backups;
    for (const auto& backup : input.backups) {
        backups.push_back(backup.event.text + "#" + keep_key(backup.pve_keep));
    }
    std::sort(backups.begin(), backups.end());
    std::vector<std::string> prunes;
    for (const auto& prune : input.prunes) {
        prunes.push_back(prune.event.text + "#" + keep_key(prune.keep));
    }
    std::sort(prunes.begin(), prunes.end());
    return fmt::format("{}|{}|{}|{}", fmt::join(backups, ";"), fmt::join(prunes, ";"), input.pve_zone.name(),
                       input.pbs_zone.name());
}

/// The largest distance between consecutive times in [from, to), the window edges included.
std::int64_t largest_gap(std::vector<std::int64_t> times, std::int64_t from, std::int64_t to) {
    std::sort(times.begin(), times.end());
    std::int64_t gap = 0;
    std::int64_t previous = from;
    for (const auto t : times) {
        gap = std::max(gap, t - previous);
        previous = t;
    }
    return std::max(gap, to - previous);
}

/// How far back a policy's survivors can lie when backups are at most `gap` apart.
std::int64_t policy_reach(const model::KeepOptions& keep, std::int64_t gap) {
    const auto n = [](const std::optional<std::int64_t>& v) { return std::max<std::int64_t>(v.value_or(0), 0); };
    return n(keep.keep_last) * gap + n(keep.keep_hourly) * (k_hour + gap) + n(keep.keep_daily) * (k_day + gap) +
           n(keep.keep_weekly) * (7 * k_day + gap) + n(keep.keep_monthly) * (31 * k_day + gap) +
           n(keep.keep_yearly) * (366 * k_day + gap);
}

/// A simulated event: a prune pass (kind 0) runs before a backup (kind 1) of the same second.
struct Event {
    std::int64_t time = 0;
    int kind = 0;
    std::size_t index = 0;
};

} // namespace

const SimulationResult& RetentionSimulator::simulate(const SimulationInput& input) {
    const std::string key = cache_key(input);
    const auto found = m_cache.find(key);
    if (found != m_cache.end()) {
        return found->second;
    }
    ++m_runs;
    return m_cache.emplace(key, run(input)).first->second;
}

SimulationResult RetentionSimulator::run(const SimulationInput& input) const {
    SimulationResult result;
    if (input.backups.empty()) {
        result.note = "no enabled job with a valid schedule backs the guest up to this storage: no steady state";
        result.note_kind = "note_sim_no_scheduled_job";
        return result;
    }
    std::vector<const SimulatedPrunePass*> passes;
    for (const auto& prune : input.prunes) {
        if (policy_prunes(prune.keep)) {
            passes.push_back(&prune);
        }
    }
    const bool pve_prunes = std::any_of(input.backups.begin(), input.backups.end(),
                                        [](const SimulatedBackupJob& b) { return policy_prunes(b.pve_keep); });
    if (!pve_prunes && passes.empty()) {
        result.note = "keeps everything: no steady state";
        result.note_kind = "note_sim_keeps_all";
        return result;
    }

    // The largest gap between backups, measured over the last 400 days (10 years if sparser).
    std::vector<std::int64_t> sample;
    std::int64_t sample_from = m_now - k_sample_window;
    for (const std::int64_t window : {k_sample_window, k_max_horizon}) {
        sample_from = m_now - window;
        sample.clear();
        for (const auto& backup : input.backups) {
            const auto times = schedule::occurrences(backup.event, sample_from, m_now, input.pve_zone, k_sample_limit);
            sample.insert(sample.end(), times.begin(), times.end());
        }
        if (!sample.empty()) {
            break;
        }
    }
    if (sample.empty()) {
        result.note = "the backup schedules did not fire in the last 10 years: no steady state";
        result.note_kind = "note_sim_no_run";
        return result;
    }
    const std::int64_t gap = largest_gap(sample, sample_from, m_now);

    std::int64_t reach = 0;
    for (const auto& backup : input.backups) {
        if (policy_prunes(backup.pve_keep)) {
            reach = std::max(reach, policy_reach(backup.pve_keep, gap));
        }
    }
    std::int64_t prune_gap = 0;
    for (const auto* pass : passes) {
        reach = std::max(reach, policy_reach(pass->keep, gap));
        const auto runs =
            schedule::occurrences(pass->event, m_now - k_sample_window, m_now, input.pbs_zone, k_sample_limit);
        prune_gap = std::max(prune_gap, largest_gap(runs, m_now - k_sample_window, m_now));
    }
    std::int64_t horizon = reach + 2 * gap + prune_gap + k_day;
    if (horizon > k_max_horizon) {
        horizon = k_max_horizon;
        result.note = "simulated over the last 10 years only (the policy reaches further back)";
        result.note_kind = "note_sim_capped";
    }
    const std::int64_t start = m_now - horizon;

    std::vector<Event> events;
    for (std::size_t i = 0; i < input.backups.size(); ++i) {
        for (const auto t :
             schedule::occurrences(input.backups[i].event, start, m_now, input.pve_zone, k_event_limit)) {
            events.push_back({t, 1, i});
        }
    }
    for (std::size_t i = 0; i < passes.size(); ++i) {
        for (const auto t : schedule::occurrences(passes[i]->event, start, m_now, input.pbs_zone, k_event_limit)) {
            events.push_back({t, 0, i});
        }
    }
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return std::tie(a.time, a.kind, a.index) < std::tie(b.time, b.kind, b.index);
    });

    const retention::PruneZone zone = input.pbs_zone.zone();
    std::vector<std::int64_t> group;
    for (const auto& event : events) {
        if (event.kind == 1) {
            const auto& backup = input.backups[event.index];
            if (!group.empty() && group.back() == event.time) {
                continue; // two jobs at the same second: vzdump runs one backup of the guest at a time
            }
            group.push_back(event.time);
            if (policy_prunes(backup.pve_keep)) {
                group = retention::surviving_times(group, backup.pve_keep, zone);
                std::sort(group.begin(), group.end());
            }
        } else if (!group.empty()) {
            group = retention::surviving_times(group, passes[event.index]->keep, zone);
            std::sort(group.begin(), group.end());
        }
    }
    result.expected = static_cast<std::int64_t>(group.size());
    if (!group.empty()) {
        result.steady_state_since = group.front();
    }
    return result;
}

} // namespace pvr::analysis
