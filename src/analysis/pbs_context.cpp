#include "analysis/pbs_context.hpp"

#include "schedule/parse.hpp"

#include <algorithm>
#include <exception>

namespace pvr::analysis {

namespace {

schedule::TimeZone zone_or_utc(const std::optional<std::string>& name) {
    if (!name || name->empty()) {
        return schedule::TimeZone::utc();
    }
    try {
        return schedule::TimeZone::from_name(*name);
    } catch (const std::exception&) {
        return schedule::TimeZone::utc();
    }
}

std::int64_t namespace_depth(const std::string& ns) {
    if (ns.empty()) {
        return 0;
    }
    return 1 + static_cast<std::int64_t>(std::count(ns.begin(), ns.end(), '/'));
}

} // namespace

const char* backup_type_of(model::GuestType type) noexcept { return type == model::GuestType::qemu ? "vm" : "ct"; }

bool namespace_in_scope(const std::string& job_ns, std::optional<std::int64_t> max_depth, const std::string& ns) {
    constexpr std::int64_t k_pbs_max_depth = 7;
    if (!job_ns.empty() && ns != job_ns && ns.rfind(job_ns + "/", 0) != 0) {
        return false;
    }
    const std::int64_t below = namespace_depth(ns) - namespace_depth(job_ns);
    return below >= 0 && below <= std::min(max_depth.value_or(k_pbs_max_depth), k_pbs_max_depth);
}

PbsContext::PbsContext(const model::Inventory& inventory, const std::optional<std::vector<AnalyzedJob>>& jobs,
                       std::int64_t now)
    : m_inventory(&inventory), m_now(now), m_pve_zone(zone_or_utc(inventory.pve_time_zone)) {
    for (const auto& storage : inventory.storages) {
        m_storage_by_id.emplace(storage.id, &storage);
        if (storage.is_pbs() && storage.pbs) {
            m_pbs_storages.push_back(&storage);
        }
    }
    std::sort(m_pbs_storages.begin(), m_pbs_storages.end(),
              [](const model::Storage* a, const model::Storage* b) { return a->id < b->id; });
    if (jobs) {
        for (const auto& analyzed : *jobs) {
            ScheduledJob scheduled;
            scheduled.job = &analyzed.job;
            if (analyzed.job.schedule) {
                try {
                    scheduled.event = schedule::parse_pve_calendar_event(*analyzed.job.schedule);
                } catch (const std::exception&) {
                    scheduled.event.reset(); // job_anomalies reports unusable schedules
                }
            }
            m_jobs.emplace(analyzed.job.id, std::move(scheduled));
        }
    }
    if (!inventory.pbs_configured) {
        return;
    }
    for (const auto& [storage, content] : inventory.pbs_content) {
        if (!content.collected) {
            continue;
        }
        auto& groups = m_groups[storage];
        std::string key;
        for (const auto& snapshot : content.snapshots) {
            key.assign(snapshot.backup_type).append("/").append(snapshot.backup_id);
            auto& group = groups[key];
            if (snapshot.finished) {
                group.push_back(&snapshot);
            }
        }
        for (auto& [group_key, group] : groups) {
            std::stable_sort(group.begin(), group.end(), [](const model::PbsSnapshot* a, const model::PbsSnapshot* b) {
                return a->time < b->time;
            });
        }
    }
}

const model::Storage* PbsContext::pbs_storage(const std::string& id) const {
    const auto found = m_storage_by_id.find(id);
    if (found == m_storage_by_id.end() || !found->second->is_pbs() || !found->second->pbs) {
        return nullptr;
    }
    return found->second;
}

const model::PbsServer* PbsContext::server_for(const std::string& storage) const {
    for (const auto& server : m_inventory->pbs_servers) {
        if (std::find(server.storages.begin(), server.storages.end(), storage) != server.storages.end()) {
            return &server;
        }
    }
    const auto content = m_inventory->pbs_content.find(storage);
    if (content != m_inventory->pbs_content.end()) {
        for (const auto& server : m_inventory->pbs_servers) {
            if (server.url == content->second.server_url) {
                return &server;
            }
        }
    }
    return nullptr;
}

const model::PbsStorageContent* PbsContext::collected_content(const std::string& storage) const {
    if (!m_inventory->pbs_configured) {
        return nullptr;
    }
    const auto found = m_inventory->pbs_content.find(storage);
    if (found == m_inventory->pbs_content.end() || !found->second.collected) {
        return nullptr;
    }
    return &found->second;
}

schedule::TimeZone PbsContext::pbs_zone(const model::PbsServer* server) const {
    return server == nullptr ? schedule::TimeZone::utc() : zone_or_utc(server->time_zone);
}

const ScheduledJob* PbsContext::job(const std::string& id) const {
    const auto found = m_jobs.find(id);
    return found == m_jobs.end() ? nullptr : &found->second;
}

const GroupSnapshots& PbsContext::group(const std::string& storage, const model::Guest& guest) const {
    static const GroupSnapshots k_none;
    const auto by_storage = m_groups.find(storage);
    if (by_storage == m_groups.end()) {
        return k_none;
    }
    const auto found =
        by_storage->second.find(std::string(backup_type_of(guest.type)) + "/" + std::to_string(guest.vmid));
    return found == by_storage->second.end() ? k_none : found->second;
}

std::vector<std::pair<GroupKey, const GroupSnapshots*>> PbsContext::groups(const std::string& storage) const {
    std::vector<std::pair<GroupKey, const GroupSnapshots*>> out;
    const auto found = m_groups.find(storage);
    if (found == m_groups.end()) {
        return out;
    }
    for (const auto& [key, group] : found->second) {
        const auto slash = key.find('/');
        out.push_back({GroupKey{key.substr(0, slash), key.substr(slash + 1)}, &group});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

} // namespace pvr::analysis
