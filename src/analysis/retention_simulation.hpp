#pragma once
// expected_versions: how many snapshots a guest's group holds in steady state, by simulating the
// backups and prunes that actually happen, with the exact PBS prune algorithm (src/retention).
//
// The simulation, for one guest and one PBS storage:
// * Backup times: the occurrences of the schedules of the enabled jobs that include the guest and
//   target the storage, in the PVE nodes' zone, in [start, now) (a run starting exactly at `now`
//   is not finished yet). After each simulated backup, the job's PVE-side policy (if it prunes)
//   is applied to the group (vzdump prunes the one group right after the backup).
// * PBS prune passes: at each occurrence of each covering PBS prune job's schedule, in the PBS
//   server's zone, its keep options are applied. When a backup and a prune pass share a second,
//   the prune runs first (it sees the backup still in progress, which keep-partial protects).
// * Prune buckets (hour/day/week/month/year) are computed in the PBS server's zone on both sides:
//   PVE prunes a PBS storage through proxmox-backup-client, i.e. with the PBS algorithm on PBS.
// * expected = the number of simulated survivors at `now`; steady_state_since = the oldest one.
// * Horizon (start): long enough for every pruning policy to fill all its periods. With G the
//   largest gap between two consecutive backups (measured over the last 400 days), a policy
//   reaches back at most keep-last*G + sum over keep-hourly..keep-yearly of N*(period+G), where
//   the periods are 1 h, 1 d, 7 d, 31 d and 366 d (periods without backups do not count, hence +G).
//   The simulation starts that far back (largest reach over all pruning policies) plus 2*G, plus
//   the largest gap between PBS prune runs, plus one day; capped at 10 years (then noted).
// * No pruning policy on either side: nullopt, "keeps everything: no steady state".
// Results are cached per (schedules, policies, zones): guests sharing jobs are simulated once.

#include "model/keep_options.hpp"
#include "schedule/calendar_event.hpp"
#include "schedule/time_zone.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pvr::analysis {

struct SimulatedBackupJob {
    schedule::CalendarEvent event;
    model::KeepOptions pve_keep; // applied after each backup when it prunes
};

struct SimulatedPrunePass {
    schedule::CalendarEvent event;
    model::KeepOptions keep;
};

struct SimulationInput {
    std::vector<SimulatedBackupJob> backups;
    std::vector<SimulatedPrunePass> prunes;
    schedule::TimeZone pve_zone;
    schedule::TimeZone pbs_zone;
};

struct SimulationResult {
    std::optional<std::int64_t> expected;
    std::optional<std::int64_t> steady_state_since;
    std::string note;        // why expected is null, or that the horizon was capped
    std::string note_kind{}; // `note` as a fact kind ("note_sim_*"), "" when no note
};

class RetentionSimulator {
public:
    explicit RetentionSimulator(std::int64_t now) : m_now(now) {}

    [[nodiscard]] const SimulationResult& simulate(const SimulationInput& input);
    [[nodiscard]] std::size_t cache_size() const noexcept { return m_cache.size(); }
    [[nodiscard]] std::size_t simulations_run() const noexcept { return m_runs; }

private:
    [[nodiscard]] SimulationResult run(const SimulationInput& input) const;

    std::int64_t m_now;
    std::map<std::string, SimulationResult> m_cache;
    std::size_t m_runs = 0;
};

} // namespace pvr::analysis
