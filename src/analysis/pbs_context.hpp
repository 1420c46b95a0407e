#pragma once
// Lookups shared by the PBS-side analyses (retention, freshness, orphans): which PBS server and
// which collected snapshots stand behind each PVE storage of type "pbs", the evaluation zones,
// and the backup-job schedules parsed once.
//
// Matching (the report's promise): a guest's backup group in a PBS storage is the group
// `vm/<vmid>` (qemu) or `ct/<vmid>` (lxc) among the snapshots collected through that storage,
// i.e. in the storage's own datastore and namespace (PbsStorageContent never holds another
// namespace, so another cluster's namespace is never counted). A `vm` group never matches a
// container and a `ct` group never matches a VM; `host` groups and non-numeric ids match no guest.

#include "analysis/job_inclusion.hpp"
#include "model/inventory.hpp"
#include "retention/prune_timezone.hpp"
#include "schedule/calendar_event.hpp"
#include "schedule/time_zone.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pvr::analysis {

/// "vm" for qemu, "ct" for lxc: the PBS backup type of a guest.
[[nodiscard]] const char* backup_type_of(model::GuestType type) noexcept;

/// Whether a PBS prune job whose scope is (`job_ns`, `max_depth`) covers the namespace `ns`:
/// `ns` equals `job_ns` or lies below it at most `max_depth` levels deeper (nullopt = unlimited,
/// i.e. PBS's limit of 7 levels). "" is the root namespace; levels are separated by '/'.
[[nodiscard]] bool namespace_in_scope(const std::string& job_ns, std::optional<std::int64_t> max_depth,
                                      const std::string& ns);

/// A backup group's key within one namespace: ("vm", "100").
using GroupKey = std::pair<std::string, std::string>;
/// Finished snapshots of one group, oldest first.
using GroupSnapshots = std::vector<const model::PbsSnapshot*>;

/// A backup job with its schedule parsed (nullopt: no schedule or an invalid one).
struct ScheduledJob {
    const model::BackupJob* job = nullptr;
    std::optional<schedule::CalendarEvent> event;
};

class PbsContext {
public:
    PbsContext(const model::Inventory& inventory, const std::optional<std::vector<AnalyzedJob>>& jobs,
               std::int64_t now);

    [[nodiscard]] const model::Inventory& inventory() const noexcept { return *m_inventory; }
    [[nodiscard]] std::int64_t now() const noexcept { return m_now; }

    /// The PVE storage `id` if it exists and is of type "pbs" with PBS coordinates, else nullptr.
    [[nodiscard]] const model::Storage* pbs_storage(const std::string& id) const;
    /// Every PVE storage of type "pbs" with coordinates, sorted by id.
    [[nodiscard]] const std::vector<const model::Storage*>& pbs_storages() const noexcept { return m_pbs_storages; }
    /// The PBS server behind a PVE storage (by its `storages` list, else by the content's URL).
    [[nodiscard]] const model::PbsServer* server_for(const std::string& storage) const;
    /// The content read through a storage when it was collected (PBS configured), else nullptr:
    /// snapshot figures are then unknown (null), never 0.
    [[nodiscard]] const model::PbsStorageContent* collected_content(const std::string& storage) const;

    /// Zone of the PVE nodes (schedules of backup jobs): `pve_time_zone`, else UTC.
    [[nodiscard]] const schedule::TimeZone& pve_zone() const noexcept { return m_pve_zone; }
    /// Zone of a PBS server (prune buckets and prune-job schedules): its time_zone, else UTC.
    [[nodiscard]] schedule::TimeZone pbs_zone(const model::PbsServer* server) const;

    /// The collected job by id (nullptr if unknown), with its parsed schedule.
    [[nodiscard]] const ScheduledJob* job(const std::string& id) const;

    /// The finished snapshots of the guest's group in a storage whose content was collected
    /// (empty when there are none; callers check collected_content() first).
    [[nodiscard]] const GroupSnapshots& group(const std::string& storage, const model::Guest& guest) const;
    /// Every group of a collected storage (finished snapshots only; a group with only unfinished
    /// snapshots is listed empty), sorted by key.
    [[nodiscard]] std::vector<std::pair<GroupKey, const GroupSnapshots*>> groups(const std::string& storage) const;

private:
    const model::Inventory* m_inventory;
    std::int64_t m_now;
    schedule::TimeZone m_pve_zone;
    std::vector<const model::Storage*> m_pbs_storages;
    std::map<std::string, const model::Storage*> m_storage_by_id;
    std::map<std::string, ScheduledJob> m_jobs;
    /// By storage, then by "type/id".
    std::map<std::string, std::unordered_map<std::string, GroupSnapshots>> m_groups;
};

} // namespace pvr::analysis
