#pragma once
// ReportData: the one object every renderer consumes (contract: ../shared/contracts/report-data.md).

#include "model/anomaly.hpp"
#include "model/backup_job.hpp"
#include "model/cluster.hpp"
#include "model/collection_issue.hpp"
#include "model/coverage.hpp"
#include "model/guest.hpp"
#include "model/keep_options.hpp"
#include "model/storage.hpp"
#include "model/task.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pvr::model {

struct ReportSummary {
    std::int64_t guests_total = 0;
    std::int64_t guests_scheduled = 0;
    std::int64_t guests_not_backed_up = 0;
    std::int64_t guests_undetermined = 0;
    double coverage_percent = 0.0; // one decimal
    std::int64_t backup_jobs_total = 0;
    std::int64_t backup_jobs_enabled = 0;
    std::int64_t pbs_storages = 0;
    std::int64_t anomalies = 0;
};

struct StorageUsage {
    std::int64_t total = 0;
    std::int64_t used = 0;
    std::int64_t avail = 0;
};

/// A PVE storage of type "pbs" as reported (contract: pbs_storages[]).
struct PbsStorageReport {
    Storage storage;
    std::optional<StorageUsage> usage; // from PBS, when collected
};

struct RetentionPolicy {
    std::string source; // "pve-job", "pve-storage", "pbs-prune-job", "pbs-datastore"
    std::string id;
    std::optional<std::string> storage;
    std::optional<std::string> datastore;
    std::optional<std::string> ns;
    std::optional<std::string> schedule;
    KeepOptions keep;
};

struct LastBackup {
    std::int64_t time = 0;
    std::string storage;
    std::string datastore;
    std::string ns;
    std::optional<std::int64_t> size;
    std::optional<std::string> verification; // "ok", "failed"
    bool is_protected = false;
};

struct GuestRetention {
    std::string storage;
    std::string datastore;
    std::string ns;
    KeepOptions policy;
    std::optional<std::int64_t> expected_versions;
    std::optional<std::int64_t> actual_versions;
    std::optional<std::int64_t> delta;
};

struct GuestReport {
    Guest guest;
    Coverage coverage;
    std::optional<LastBackup> last_backup;
    std::vector<GuestRetention> retention;
    std::optional<GuestBackupResult> last_task; // latest vzdump result seen in PVE's task history
};

struct ReportData {
    int schema_version = 1;
    std::int64_t generated_at = 0; // epoch
    std::string tool_version;
    ClusterInfo cluster;
    ReportSummary summary;
    std::vector<PbsStorageReport> pbs_storages;
    std::vector<RetentionPolicy> retention_policies;
    std::vector<BackupJob> backup_jobs;
    std::vector<GuestReport> guests;
    std::vector<Anomaly> anomalies;
    std::vector<CollectionIssue> collection_issues;
};

} // namespace pvr::model
