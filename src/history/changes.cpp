#include "history/changes.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace pvr::history {
namespace {

constexpr std::int64_t k_day = 86400;

using GuestKey = std::pair<std::int64_t, std::string>; // (vmid, type)
using NamedKey = std::pair<std::string, std::string>;  // (kind, subject) or (source, id)

/// The first entry of each key (a run listing a key twice counts it once, as the analysis does).
template <typename T, typename KeyOf>
auto index_by(const std::vector<T>& items, KeyOf key_of) {
    std::map<decltype(key_of(items.front())), const T*> out;
    for (const auto& item : items) {
        out.emplace(key_of(item), &item);
    }
    return out;
}

GuestKey guest_key(const model::GuestDigest& g) { return {g.vmid, g.type}; }
NamedKey anomaly_key(const model::AnomalyDigest& a) { return {a.kind, a.subject}; }

std::string anomaly_text_key(const std::string& kind, const std::string& subject) {
    std::string key;
    key.reserve(kind.size() + subject.size() + 1);
    key += kind;
    key += '\n'; // neither a kind nor a subject holds a newline (a subject that did would only merge two keys)
    key += subject;
    return key;
}

model::GuestChange guest_change(const model::GuestDigest* before, const model::GuestDigest* after) {
    const model::GuestDigest& g = after != nullptr ? *after : *before;
    model::GuestChange change;
    change.vmid = g.vmid;
    change.type = g.type;
    change.name = g.name;
    change.before = before != nullptr ? plain_coverage_code(before->coverage) : std::string();
    change.after = after != nullptr ? plain_coverage_code(after->coverage) : std::string();
    change.accepted = g.accepted;
    return change;
}

void compare_guests(const model::RunDigest& previous, const model::RunDigest& current, model::Changes& out) {
    const auto before = index_by(previous.guests, guest_key);
    const auto now = index_by(current.guests, guest_key);
    for (const auto& [key, g] : now) {
        const auto found = before.find(key);
        const model::GuestDigest* old = found == before.end() ? nullptr : found->second;
        if (old == nullptr) {
            out.new_guests.push_back(guest_change(nullptr, g));
        } else {
            const bool was = plain_coverage_code(old->coverage) == "scheduled";
            const bool is = plain_coverage_code(g->coverage) == "scheduled";
            if (was && !is) {
                out.lost_coverage.push_back(guest_change(old, g));
            } else if (!was && is) {
                out.gained_coverage.push_back(guest_change(old, g));
            }
        }
        if (g->last_task_failed) {
            const bool newer = old != nullptr && g->last_task_time &&
                               (!old->last_task_time || *g->last_task_time > *old->last_task_time);
            if (old == nullptr || !old->last_task_failed || newer) {
                out.new_failed_backups.push_back(
                    {g->vmid, g->type, g->name, g->last_task_time.value_or(0), g->accepted});
            }
        }
    }
    for (const auto& [key, g] : before) {
        if (now.find(key) == now.end()) {
            out.removed_guests.push_back(guest_change(g, nullptr));
        }
    }
}

/// For each key in `open` (anomalies of the run `runs[start]`), the generated_at of the first run
/// of the unbroken series of runs, going back from `start`, that contain it.
std::unordered_map<std::string, std::int64_t> series_starts(const std::vector<const model::RunDigest*>& runs,
                                                            std::size_t start, std::vector<std::string> open) {
    std::unordered_map<std::string, std::int64_t> since;
    for (const auto& key : open) {
        since[key] = runs[start]->generated_at;
    }
    for (std::size_t i = start; i-- > 0 && !open.empty();) {
        std::unordered_set<std::string> keys;
        keys.reserve(runs[i]->anomalies.size());
        for (const auto& a : runs[i]->anomalies) {
            keys.insert(anomaly_text_key(a.kind, a.subject));
        }
        std::vector<std::string> still;
        for (auto& key : open) {
            if (keys.count(key) > 0) {
                since[key] = runs[i]->generated_at;
                still.push_back(std::move(key));
            }
        }
        open = std::move(still);
    }
    return since;
}

std::int64_t whole_days(std::int64_t from, std::int64_t to) { return to > from ? (to - from) / k_day : 0; }

/// `runs`: the earlier runs, oldest first; `current` is compared with runs.back().
void compare_anomalies(const std::vector<const model::RunDigest*>& earlier, const model::RunDigest& current,
                       model::Changes& out) {
    const model::RunDigest& previous = *earlier.back();
    const auto before = index_by(previous.anomalies, anomaly_key);
    const auto now = index_by(current.anomalies, anomaly_key);
    std::vector<const model::RunDigest*> runs = earlier;
    runs.push_back(&current);
    std::vector<std::string> current_keys;
    for (const auto& [key, a] : now) {
        current_keys.push_back(anomaly_text_key(key.first, key.second));
    }
    std::vector<std::string> resolved_keys;
    for (const auto& [key, a] : before) {
        if (now.find(key) == now.end()) {
            resolved_keys.push_back(anomaly_text_key(key.first, key.second));
        }
    }
    const auto open_now = series_starts(runs, runs.size() - 1, std::move(current_keys));
    const auto open_before = series_starts(runs, runs.size() - 2, std::move(resolved_keys));
    const auto change = [&](const model::AnomalyDigest& a, std::int64_t open_since) {
        return model::AnomalyChange{a.kind,    a.severity, a.subject,
                                    a.message, open_since, whole_days(open_since, current.generated_at),
                                    a.accepted};
    };
    for (const auto& [key, a] : now) {
        const auto open_since = open_now.at(anomaly_text_key(key.first, key.second));
        (before.find(key) == before.end() ? out.new_anomalies : out.ongoing_anomalies)
            .push_back(change(*a, open_since));
    }
    for (const auto& [key, a] : before) {
        if (now.find(key) == now.end()) {
            out.resolved_anomalies.push_back(change(*a, open_before.at(anomaly_text_key(key.first, key.second))));
        }
    }
}

void compare_jobs(const model::RunDigest& previous, const model::RunDigest& current, model::Changes& out) {
    const auto id_of = [](const model::JobDigest& j) { return j.id; };
    const auto before = index_by(previous.jobs, id_of);
    const auto now = index_by(current.jobs, id_of);
    // Both maps are ordered by id: merge them so that the changes come out by id.
    std::set<std::string> ids;
    for (const auto& [id, j] : before) {
        ids.insert(id);
    }
    for (const auto& [id, j] : now) {
        ids.insert(id);
    }
    for (const auto& id : ids) {
        const auto old = before.find(id);
        const auto cur = now.find(id);
        if (old == before.end()) {
            out.jobs.push_back({id, "added", "", cur->second->retention});
            continue;
        }
        if (cur == now.end()) {
            out.jobs.push_back({id, "removed", old->second->retention, ""});
            continue;
        }
        if (old->second->enabled != cur->second->enabled) {
            out.jobs.push_back({id, cur->second->enabled ? "enabled" : "disabled", "", ""});
        }
        if (old->second->retention != cur->second->retention) {
            out.jobs.push_back({id, "retention_changed", old->second->retention, cur->second->retention});
        }
    }
}

void compare_policies(const model::RunDigest& previous, const model::RunDigest& current, model::Changes& out) {
    const auto key_of = [](const model::RetentionPolicyDigest& p) { return NamedKey{p.source, p.id}; };
    const auto before = index_by(previous.retention_policies, key_of);
    const auto now = index_by(current.retention_policies, key_of);
    std::set<NamedKey> keys;
    for (const auto& [key, p] : before) {
        keys.insert(key);
    }
    for (const auto& [key, p] : now) {
        keys.insert(key);
    }
    for (const auto& key : keys) {
        const auto old = before.find(key);
        const auto cur = now.find(key);
        if (old == before.end()) {
            out.retention_policies.push_back({key.first, key.second, "added", "", cur->second->keep});
        } else if (cur == now.end()) {
            out.retention_policies.push_back({key.first, key.second, "removed", old->second->keep, ""});
        } else if (old->second->keep != cur->second->keep) {
            out.retention_policies.push_back({key.first, key.second, "changed", old->second->keep, cur->second->keep});
        }
    }
}

} // namespace

std::string plain_coverage_code(std::string_view code) {
    if (code == "sauvegarde_planifiee") {
        return "scheduled";
    }
    if (code == "non_sauvegardee") {
        return "not_backed_up";
    }
    if (code == "indetermine") {
        return "undetermined";
    }
    return std::string(code);
}

model::Changes compute_changes(const std::vector<model::RunDigest>& history, const model::RunDigest& current) {
    // Only runs made before the current one count (the current run's own archive file, or a run of a
    // machine whose clock was ahead, is no previous report), oldest first.
    std::vector<const model::RunDigest*> earlier;
    earlier.reserve(history.size());
    for (const auto& run : history) {
        if (run.generated_at < current.generated_at) {
            earlier.push_back(&run);
        }
    }
    std::stable_sort(earlier.begin(), earlier.end(),
                     [](const auto* a, const auto* b) { return a->generated_at < b->generated_at; });
    model::Changes out;
    if (earlier.empty()) {
        out.first_report = true;
        return out;
    }
    const model::RunDigest& previous = *earlier.back();
    out.first_report = false;
    out.previous_at = previous.generated_at;
    if (!previous.file.empty()) {
        out.previous_file = previous.file;
    }
    compare_guests(previous, current, out);
    compare_anomalies(earlier, current, out);
    compare_jobs(previous, current, out);
    compare_policies(previous, current, out);
    return out;
}

bool no_change(const model::Changes& c) noexcept {
    return c.lost_coverage.empty() && c.gained_coverage.empty() && c.new_guests.empty() && c.removed_guests.empty() &&
           c.new_anomalies.empty() && c.resolved_anomalies.empty() && c.new_failed_backups.empty() && c.jobs.empty() &&
           c.retention_policies.empty();
}

} // namespace pvr::history
