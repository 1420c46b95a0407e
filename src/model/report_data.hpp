#pragma once
// ReportData: the one object every renderer consumes (contract: docs/report-data.md).

#include "model/accepted_exception.hpp"
#include "model/anomaly.hpp"
#include "model/backup_job.hpp"
#include "model/cluster.hpp"
#include "model/collection_issue.hpp"
#include "model/coverage.hpp"
#include "model/guest.hpp"
#include "model/history.hpp"
#include "model/keep_options.hpp"
#include "model/pbs.hpp"
#include "model/storage.hpp"
#include "model/task.hpp"
#include "model/verdict.hpp"

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
    // Added by pve-backup-report (retention analysis):
    std::optional<std::string> server{};     // PBS server URL (pbs-prune-job, pbs-datastore)
    std::optional<std::int64_t> max_depth{}; // pbs-prune-job scope below `ns`; nullopt = unlimited
    bool enabled = true;                     // the job's (or storage's) enabled flag
    std::vector<std::string> storages{};     // PVE PBS storages whose namespace the policy covers
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
    // Added by pve-backup-report (retention analysis, see analysis/retention_guest.hpp):
    /// Where `policy` comes from: "pve-job" (the job's prune-backups), "pve-storage", or
    /// "node-default" (vzdump.conf unknown, assumed keep-all; `policy` is then {}).
    std::string policy_source{};
    /// The enabled PVE jobs that include the guest and back it up to this storage (simulated).
    std::vector<std::string> jobs{};
    /// Enabled PBS prune jobs (or the legacy datastore policy, by datastore name) covering the namespace.
    std::vector<std::string> pbs_prune_jobs{};
    /// Oldest finished snapshot of the group (nullopt: none, or not collected).
    std::optional<std::int64_t> oldest_snapshot{};
    /// Oldest snapshot the simulated steady state still holds: history must reach back this far
    /// before a shortfall counts as a mismatch.
    std::optional<std::int64_t> steady_state_since{};
    /// Why a figure is null, which tolerance was applied, or assumptions made ("" = nothing to say).
    std::string note{};
    /// `note` as facts (kind "note_*"), one per part of the note, in the same order.
    std::vector<Fact> note_facts{};
};

/// Backup freshness of one guest on its PBS storages (see analysis/freshness.hpp for the rules).
struct GuestFreshness {
    std::optional<std::int64_t> last_success;     // newest finished snapshot on the guest's PBS storages
    std::optional<std::int64_t> age_seconds;      // generated_at - last_success
    std::optional<std::int64_t> expected_since;   // latest scheduled run whose grace period has elapsed
    std::optional<std::int64_t> grace_seconds;    // STALE_GRACE_HOURS in seconds
    std::optional<bool> overdue;                  // nullopt: could not be evaluated (note says why)
    std::vector<std::string> overdue_storages;    // PBS storages without a backup since expected_since
    std::optional<std::int64_t> last_verified;    // newest successful verification (verify task start)
    std::optional<std::string> last_verification; // verification of the newest snapshot: "ok"|"failed"
    std::string note;
    /// `note` as facts (kind "note_*"), one per part of the note, in the same order.
    std::vector<Fact> note_facts{};
};

/// A vm/ct group in a PBS storage's namespace that matches no guest of the cluster.
struct PbsOrphanGroup {
    std::string storage;
    std::string datastore;
    std::string ns;
    std::string backup_type; // "vm" | "ct"
    std::string backup_id;
    std::int64_t snapshots = 0; // finished snapshots
    std::optional<std::int64_t> last_backup;
};

struct GuestReport {
    Guest guest;
    Coverage coverage;
    std::optional<LastBackup> last_backup;
    std::vector<GuestRetention> retention;
    std::optional<GuestBackupResult> last_task; // latest vzdump result seen in PVE's task history
    GuestFreshness freshness{};                 // added by pve-backup-report
    std::optional<GuestException> exception{};  // the accepted exception that applies, if any (added)
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
    std::vector<PbsOrphanGroup> pbs_orphan_groups{}; // added by pve-backup-report
    Verdict verdict{};                               // added by pve-backup-report (analysis/verdict.hpp)
    std::vector<ExceptionUse> exceptions{};          // accepted exceptions and their use (added)
    // Run history (issue 11; model/history.hpp), filled by src/history after the analysis.
    std::optional<Changes> changes{};         // nullopt: history not read (e.g. HISTORY_DIR unusable)
    std::optional<Trends> trends{};           // nullopt: history not read
    std::vector<CapacityForecast> capacity{}; // one per PBS datastore read
    std::optional<ArchiveLink> archive{};     // the hash-chain link of this run
};

} // namespace pvr::model
