#pragma once
// The Proxmox Backup Server prune algorithm (`pbs-datastore/src/prune.rs`, `compute_prune_info`),
// exactly: which snapshots of ONE backup group a prune with given keep-* options keeps.
//
// Order of the options: keep-last, keep-hourly, keep-daily, keep-weekly (ISO week %G/%V),
// keep-monthly, keep-yearly. Each option keeps the newest snapshot of up to N periods not already
// covered by a snapshot kept by an earlier option; older snapshots of a period it selected are
// removed for good. Protected snapshots survive but neither use a slot nor cover a period. Only
// the newest snapshot may be unfinished (keep-partial); other unfinished snapshots are removed.
// Periods are calendar periods in the PBS host's local time zone.

#include "model/keep_options.hpp"
#include "retention/prune_timezone.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pvr::retention {

/// One snapshot of the group, as far as pruning cares.
struct PruneInput {
    std::int64_t time = 0;     ///< backup-time, epoch seconds
    bool is_protected = false; ///< `protected` flag (a `.protected` file on the datastore)
    bool finished = true;      ///< has a manifest (index.json.blob); false = in progress or aborted

    friend bool operator==(const PruneInput&, const PruneInput&) = default;
};

/// What a prune does with a snapshot. `protect`: kept because it is protected.
enum class PruneAction : std::uint8_t { keep, protect, remove };

/// Which step decided. For keep_last..keep_yearly the action is `keep` when that option selected
/// the snapshot, `remove` when the snapshot is an older one of a period that option selected.
enum class PruneRule : std::uint8_t {
    none, ///< remove: no option selected it (beyond every option's count)
    keep_last,
    keep_hourly,
    keep_daily,
    keep_weekly,
    keep_monthly,
    keep_yearly,
    partial,    ///< unfinished snapshot: keep (keep-partial) when it is the newest, else remove
    keep_all,   ///< keep: keep-all=1 or no value > 0 (PBS: "No prune selection - keeping all files.")
    protection, ///< protect: the snapshot is protected
};

struct PruneMark {
    PruneAction action = PruneAction::remove;
    PruneRule rule = PruneRule::none;
    /// The period (bucket id, as PBS formats it) of `rule` for keep-hourly..keep-yearly:
    /// "2024/12/31/23", "2024/12/31", "2025/01" (ISO year/week), "2024/12", "2024". Empty otherwise.
    std::string period;

    /// keep, keep-partial, keep-all and protected all survive the prune.
    [[nodiscard]] bool survives() const noexcept { return action != PruneAction::remove; }
    /// "keep-last" .. "keep-yearly", "keep-partial", "keep-all", "protected", "unfinished",
    /// "not-selected", or "superseded-in-keep-daily" (an older snapshot of a period keep-daily selected).
    [[nodiscard]] std::string reason() const;

    friend bool operator==(const PruneMark&, const PruneMark&) = default;
};

/// "keep", "protected", "remove".
[[nodiscard]] const char* to_string(PruneAction action) noexcept;
/// "keep-last" .. "keep-yearly", "keep-partial", "keep-all", "protected", "none".
[[nodiscard]] const char* to_string(PruneRule rule) noexcept;

/// PBS `keeps_something`: some keep-last..keep-yearly value is > 0 (keep-all is not looked at).
[[nodiscard]] bool keeps_something(const model::KeepOptions& keep) noexcept;

/// The period id PBS uses for `option` (keep_hourly..keep_yearly) at `time` in `zone`:
/// strftime "%Y/%m/%d/%H", "%Y/%m/%d", "%G/%V", "%Y/%m", "%Y". keep_last: the UTC time
/// ("2019-12-04T11:59:15Z"). Other rules: empty.
[[nodiscard]] std::string prune_period(PruneRule option, std::int64_t time, PruneZone zone);

/// What a PBS prune (API, prune job, proxmox-backup-client prune, PVE's vzdump prune of a PBS
/// storage) does with each snapshot of one group. Result i belongs to snapshots[i] (input order;
/// the input need not be sorted). Snapshots with equal times: the earlier one in the input counts
/// as the newer one. keep-all=1, or no keep value > 0, keeps everything (protected snapshots are
/// still reported as protected). Values <= 0 are ignored (PBS rejects 0 in its API; PVE skips it).
[[nodiscard]] std::vector<PruneMark> compute_prune_marks(const std::vector<PruneInput>& snapshots,
                                                         const model::KeepOptions& keep, PruneZone zone = nullptr);

/// The bare algorithm, `compute_prune_info` as upstream: no keep-all special case (keep-all is
/// ignored; with no value > 0 every unprotected snapshot except a newest unfinished one is
/// removed, as upstream's own tests assert). Same result order as compute_prune_marks.
[[nodiscard]] std::vector<PruneMark> compute_prune_info(const std::vector<PruneInput>& snapshots,
                                                        const model::KeepOptions& keep, PruneZone zone = nullptr);

/// For simulators: the marks of finished, unprotected snapshots taken at `times` (input order).
[[nodiscard]] std::vector<PruneMark> compute_prune_marks_for_times(const std::vector<std::int64_t>& times,
                                                                   const model::KeepOptions& keep,
                                                                   PruneZone zone = nullptr);

/// For simulators: the times (of finished, unprotected snapshots) that survive a prune, newest first.
[[nodiscard]] std::vector<std::int64_t> surviving_times(const std::vector<std::int64_t>& times,
                                                        const model::KeepOptions& keep, PruneZone zone = nullptr);

} // namespace pvr::retention
