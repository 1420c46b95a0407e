#include "retention/prune.hpp"

#include "core/time.hpp"

#include <date/date.h>
#include <date/iso_week.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <optional>
#include <unordered_set>

namespace pvr::retention {
namespace {

/// The working marks of prune.rs (`PruneMark` plus "no mark yet").
enum class Raw : std::uint8_t { none, keep, keep_partial, protect, remove };

struct State {
    Raw raw = Raw::none;
    PruneRule rule = PruneRule::none;
    std::string period;
};

date::local_seconds local_time_of(std::int64_t time, PruneZone zone) {
    const date::sys_seconds sys{std::chrono::seconds{time}};
    if (zone == nullptr) {
        return date::local_seconds{sys.time_since_epoch()};
    }
    return date::make_zoned(zone, sys).get_local_time();
}

/// The snapshot indexes sorted newest first (BackupInfo::sort_list(list, false)); ties keep the
/// input order.
std::vector<std::size_t> newest_first(const std::vector<PruneInput>& snapshots) {
    std::vector<std::size_t> order(snapshots.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return snapshots[a].time > snapshots[b].time; });
    return order;
}

/// prune.rs `remove_incomplete_snapshots`.
void mark_incomplete(std::vector<State>& states, const std::vector<std::size_t>& order,
                     const std::vector<PruneInput>& snapshots) {
    bool keep_unfinished = true;
    for (const std::size_t i : order) {
        if (snapshots[i].finished) {
            keep_unfinished = false;
        } else {
            states[i].raw = keep_unfinished ? Raw::keep_partial : Raw::remove;
            states[i].rule = PruneRule::partial;
            keep_unfinished = false;
        }
    }
}

/// prune.rs `mark_selections` for one option.
void mark_selections(std::vector<State>& states, const std::vector<std::size_t>& order,
                     const std::vector<PruneInput>& snapshots, std::int64_t keep_count, PruneRule rule,
                     PruneZone zone) {
    const auto count = static_cast<std::size_t>(std::max<std::int64_t>(keep_count, 0));
    std::vector<std::optional<std::string>> ids(snapshots.size());
    const auto id_of = [&](std::size_t i) -> const std::string& {
        if (!ids[i]) {
            ids[i] = prune_period(rule, snapshots[i].time, zone);
        }
        return *ids[i];
    };

    std::unordered_set<std::string> already_included;
    for (const std::size_t i : order) {
        if (states[i].raw == Raw::keep) {
            already_included.insert(id_of(i));
        }
    }

    std::unordered_set<std::string> include;
    for (const std::size_t i : order) {
        State& state = states[i];
        if (state.raw != Raw::none) {
            continue;
        }
        if (snapshots[i].is_protected) {
            state.raw = Raw::protect;
            state.rule = PruneRule::protection;
            continue;
        }
        const std::string& id = id_of(i);
        if (already_included.contains(id)) {
            continue;
        }
        if (!include.contains(id)) {
            if (include.size() >= count) {
                break;
            }
            include.insert(id);
            state.raw = Raw::keep;
        } else {
            state.raw = Raw::remove;
        }
        state.rule = rule;
        state.period = rule == PruneRule::keep_last ? std::string() : id;
    }
}

} // namespace

std::string PruneMark::reason() const {
    switch (action) {
    case PruneAction::protect:
        return "protected";
    case PruneAction::keep:
        return to_string(rule);
    case PruneAction::remove:
        break;
    }
    switch (rule) {
    case PruneRule::none:
        return "not-selected";
    case PruneRule::partial:
        return "unfinished";
    case PruneRule::keep_last:
    case PruneRule::keep_hourly:
    case PruneRule::keep_daily:
    case PruneRule::keep_weekly:
    case PruneRule::keep_monthly:
    case PruneRule::keep_yearly:
        return std::string("superseded-in-") + to_string(rule);
    case PruneRule::keep_all:
    case PruneRule::protection:
        break;
    }
    return to_string(rule);
}

const char* to_string(PruneAction action) noexcept {
    switch (action) {
    case PruneAction::keep:
        return "keep";
    case PruneAction::protect:
        return "protected";
    case PruneAction::remove:
        return "remove";
    }
    return "?";
}

const char* to_string(PruneRule rule) noexcept {
    switch (rule) {
    case PruneRule::none:
        return "none";
    case PruneRule::keep_last:
        return "keep-last";
    case PruneRule::keep_hourly:
        return "keep-hourly";
    case PruneRule::keep_daily:
        return "keep-daily";
    case PruneRule::keep_weekly:
        return "keep-weekly";
    case PruneRule::keep_monthly:
        return "keep-monthly";
    case PruneRule::keep_yearly:
        return "keep-yearly";
    case PruneRule::partial:
        return "keep-partial";
    case PruneRule::keep_all:
        return "keep-all";
    case PruneRule::protection:
        return "protected";
    }
    return "?";
}

bool keeps_something(const model::KeepOptions& keep) noexcept {
    for (const auto* value : {&keep.keep_last, &keep.keep_hourly, &keep.keep_daily, &keep.keep_weekly,
                              &keep.keep_monthly, &keep.keep_yearly}) {
        if (value->value_or(0) > 0) {
            return true;
        }
    }
    return false;
}

std::string prune_period(PruneRule option, std::int64_t time, PruneZone zone) {
    if (option == PruneRule::keep_last) {
        return iso8601_utc(time);
    }
    const date::local_seconds local = local_time_of(time, zone);
    const date::local_days day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const auto y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month());
    const auto d = static_cast<unsigned>(ymd.day());
    switch (option) {
    case PruneRule::keep_hourly:
        return fmt::format("{:04}/{:02}/{:02}/{:02}", y, m, d, date::floor<std::chrono::hours>(local - day).count());
    case PruneRule::keep_daily:
        return fmt::format("{:04}/{:02}/{:02}", y, m, d);
    case PruneRule::keep_weekly: {
        const iso_week::year_weeknum_weekday iso{day};
        return fmt::format("{:04}/{:02}", static_cast<int>(iso.year()), static_cast<unsigned>(iso.weeknum()));
    }
    case PruneRule::keep_monthly:
        return fmt::format("{:04}/{:02}", y, m);
    case PruneRule::keep_yearly:
        return fmt::format("{:04}", y);
    default:
        return {};
    }
}

std::vector<PruneMark> compute_prune_info(const std::vector<PruneInput>& snapshots, const model::KeepOptions& keep,
                                          PruneZone zone) {
    std::vector<State> states(snapshots.size());
    const std::vector<std::size_t> order = newest_first(snapshots);

    mark_incomplete(states, order, snapshots);
    const std::pair<const std::optional<std::int64_t>*, PruneRule> options[] = {
        {&keep.keep_last, PruneRule::keep_last},       {&keep.keep_hourly, PruneRule::keep_hourly},
        {&keep.keep_daily, PruneRule::keep_daily},     {&keep.keep_weekly, PruneRule::keep_weekly},
        {&keep.keep_monthly, PruneRule::keep_monthly}, {&keep.keep_yearly, PruneRule::keep_yearly},
    };
    for (const auto& [value, rule] : options) {
        if (value->has_value()) {
            mark_selections(states, order, snapshots, **value, rule, zone);
        }
    }

    std::vector<PruneMark> marks(snapshots.size());
    for (std::size_t i = 0; i < snapshots.size(); ++i) {
        State& state = states[i];
        PruneMark& mark = marks[i];
        if (snapshots[i].is_protected) {
            mark.action = PruneAction::protect;
            mark.rule = PruneRule::protection;
            continue;
        }
        mark.action =
            state.raw == Raw::keep || state.raw == Raw::keep_partial ? PruneAction::keep : PruneAction::remove;
        mark.rule = state.rule;
        mark.period = std::move(state.period);
    }
    return marks;
}

std::vector<PruneMark> compute_prune_marks(const std::vector<PruneInput>& snapshots, const model::KeepOptions& keep,
                                           PruneZone zone) {
    if (keep.keep_all.value_or(false) || !keeps_something(keep)) {
        std::vector<PruneMark> marks(snapshots.size());
        for (std::size_t i = 0; i < snapshots.size(); ++i) {
            marks[i].action = snapshots[i].is_protected ? PruneAction::protect : PruneAction::keep;
            marks[i].rule = snapshots[i].is_protected ? PruneRule::protection : PruneRule::keep_all;
        }
        return marks;
    }
    return compute_prune_info(snapshots, keep, zone);
}

std::vector<PruneMark> compute_prune_marks_for_times(const std::vector<std::int64_t>& times,
                                                     const model::KeepOptions& keep, PruneZone zone) {
    std::vector<PruneInput> snapshots;
    snapshots.reserve(times.size());
    for (const std::int64_t t : times) {
        snapshots.push_back(PruneInput{.time = t});
    }
    return compute_prune_marks(snapshots, keep, zone);
}

std::vector<std::int64_t> surviving_times(const std::vector<std::int64_t>& times, const model::KeepOptions& keep,
                                          PruneZone zone) {
    const std::vector<PruneMark> marks = compute_prune_marks_for_times(times, keep, zone);
    std::vector<std::int64_t> kept;
    for (std::size_t i = 0; i < times.size(); ++i) {
        if (marks[i].survives()) {
            kept.push_back(times[i]);
        }
    }
    std::stable_sort(kept.begin(), kept.end(), std::greater<>());
    return kept;
}

} // namespace pvr::retention
