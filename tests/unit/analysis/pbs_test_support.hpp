#pragma once
// Builders for the PBS retention / freshness tests: a cluster with PBS storages, their PBS server
// and the snapshots read through them, at a fixed `now`.

#include "analysis/analyze.hpp"
#include "fixtures.hpp"
#include "model/inventory.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pvr::analysis::test {

/// 2026-11-27T12:00:00Z, a Friday.
inline constexpr std::int64_t k_now = 1795780800;
inline constexpr std::int64_t k_hour = 3600;
inline constexpr std::int64_t k_day = 86400;
/// 2026-11-26T21:00:00Z: yesterday's 21:00 run.
inline constexpr std::int64_t k_yesterday_21 = k_now - 15 * k_hour;

inline model::KeepOptions keep(std::optional<std::int64_t> last, std::optional<std::int64_t> daily = std::nullopt,
                               std::optional<std::int64_t> weekly = std::nullopt) {
    model::KeepOptions out;
    out.keep_last = last;
    out.keep_daily = daily;
    out.keep_weekly = weekly;
    return out;
}

inline model::KeepOptions keep_all() {
    model::KeepOptions out;
    out.keep_all = true;
    return out;
}

inline model::PbsSnapshot snapshot(std::string type, std::int64_t id, std::int64_t time) {
    model::PbsSnapshot s;
    s.backup_type = std::move(type);
    s.backup_id = std::to_string(id);
    s.time = time;
    s.size = 1000;
    s.owner = "pve@pbs!report";
    return s;
}

/// `count` snapshots of type/id, one per day at 21:00 UTC, the newest `newest_days_ago` days
/// before today's date (1 = yesterday 21:00).
inline std::vector<model::PbsSnapshot> daily(std::string type, std::int64_t id, int count, int newest_days_ago = 1) {
    std::vector<model::PbsSnapshot> out;
    for (int i = count - 1; i >= 0; --i) {
        out.push_back(snapshot(type, id, k_yesterday_21 - (newest_days_ago - 1 + i) * k_day));
    }
    return out;
}

inline model::PbsPruneJob prune_job(std::string id, std::string schedule, model::KeepOptions keep_options,
                                    std::string ns = "", std::optional<std::int64_t> max_depth = std::nullopt) {
    model::PbsPruneJob job;
    job.id = std::move(id);
    job.store = "store1";
    job.ns = std::move(ns);
    job.max_depth = max_depth;
    job.schedule = std::move(schedule);
    job.keep = keep_options;
    return job;
}

/// Guests 100 (qemu, web01) and 112 (lxc); storage pbs-main (pbs1, store1, namespace prod) and
/// local; PBS configured and read: no prune jobs, no snapshots yet, zones UTC.
inline model::Inventory pbs_inventory() {
    auto inventory = make_inventory(
        {make_guest(100, "node1", model::GuestType::qemu, "web01"), make_guest(112, "node1", model::GuestType::lxc)});
    inventory.storages = {make_storage("pbs-main", "pbs"), make_storage("local")};
    inventory.pve_time_zone = "UTC";
    inventory.pbs_configured = true;
    model::PbsServer server;
    server.url = "https://10.0.0.50:8007";
    server.storages = {"pbs-main"};
    server.reachable = true;
    server.time_zone = "UTC";
    model::PbsDatastore store;
    store.name = "store1";
    store.usage = model::StorageUsage{1000, 600, 400};
    store.namespaces = {"", "prod"};
    server.datastores["store1"] = store;
    server.prune_jobs = std::vector<model::PbsPruneJob>{};
    inventory.pbs_servers.push_back(server);
    model::PbsStorageContent content;
    content.storage = "pbs-main";
    content.server_url = server.url;
    content.collected = true;
    inventory.pbs_content["pbs-main"] = content;
    return inventory;
}

inline void add_snapshots(model::Inventory& inventory, const std::string& storage,
                          const std::vector<model::PbsSnapshot>& snapshots) {
    auto& content = inventory.pbs_content[storage].snapshots;
    content.insert(content.end(), snapshots.begin(), snapshots.end());
}

inline void add_job(model::Inventory& inventory, model::BackupJob job) { inventory.jobs->push_back(std::move(job)); }

inline model::ReportData analyze_at(const model::Inventory& inventory, std::int64_t now = k_now) {
    AnalysisOptions options;
    options.now = now;
    return analyze(inventory, options);
}

inline const model::GuestReport& guest_of(const model::ReportData& report, std::int64_t vmid) {
    for (const auto& guest : report.guests) {
        if (guest.guest.vmid == vmid) {
            return guest;
        }
    }
    throw std::runtime_error("no guest " + std::to_string(vmid));
}

inline std::vector<model::Anomaly> anomalies_of_kind(const model::ReportData& report, const std::string& kind) {
    std::vector<model::Anomaly> out;
    for (const auto& anomaly : report.anomalies) {
        if (anomaly.kind == kind) {
            out.push_back(anomaly);
        }
    }
    return out;
}

} // namespace pvr::analysis::test
