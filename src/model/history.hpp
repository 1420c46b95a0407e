#pragma once
// Run history (issue 11): what one kept run looked like (RunDigest, read back from the archive or
// taken from the current ReportData), and the facts derived from the history that the current
// report carries: changes since the previous run, trends, capacity forecasts and the archive's
// hash chain. Produced by src/history; worded by src/document; serialised by src/report.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pvr::model {

// ---------------------------------------------------------------------------------------------
// RunDigest: the part of one run's report data that history needs. Both the current run
// (history::digest_of(ReportData)) and every kept run (history::digest_from_json) give one.

struct GuestDigest {
    std::int64_t vmid = 0;
    std::string type; // "qemu" | "lxc" (JSON guests[].type)
    std::string name; // empty when unknown
    std::string node;
    std::string coverage;                    // "scheduled" | "not_backed_up" | "undetermined" (JSON coverage.status)
    std::vector<std::string> jobs;           // enabled jobs that include it
    bool accepted = false;                   // an accepted exception applies to the guest
    std::optional<std::int64_t> last_backup; // epoch of the newest backup seen
    std::optional<std::string> last_backup_storage;
    std::optional<std::int64_t> last_task_time; // latest vzdump task seen for it
    bool last_task_failed = false;
    bool overdue = false;
};

struct AnomalyDigest {
    std::string kind;     // "guest_not_backed_up", ...
    std::string severity; // "info" | "warning" | "critical"
    std::string subject;  // "vm/101", "job/backup-daily", ...
    std::string message;  // English message as in the JSON
    bool accepted = false;
};

struct JobDigest {
    std::string id;
    bool enabled = true;
    std::string schedule;
    std::string storage;   // empty: default storage
    std::string retention; // canonical keep text ("keep-daily=7,keep-weekly=4"), empty when none
};

struct RetentionPolicyDigest {
    std::string source; // as JSON retention_policies[].source
    std::string id;
    std::string keep; // canonical keep text
};

struct DatastoreDigest {
    std::string server;    // "pbs1.example.lan:8007"
    std::string datastore; // "store1"
    std::optional<std::int64_t> used;
    std::optional<std::int64_t> total;
    std::optional<std::int64_t> estimated_full_date; // epoch, when PBS estimated it
};

struct RunDigest {
    std::string file;   // archive file name (no directory); empty for the current run
    std::string sha256; // of the archive file's bytes; empty for the current run
    int schema_version = 1;
    std::int64_t generated_at = 0;
    std::string cluster; // ReportData cluster name ("" for a standalone host: then the node name)
    // Summary counts (accepted exceptions already left out, as in the verdict).
    std::int64_t guests_total = 0;
    std::int64_t guests_covered = 0;
    std::int64_t guests_not_backed_up = 0;
    std::int64_t guests_undetermined = 0;
    double coverage_percent = 0.0;
    std::int64_t failed_backups = 0;
    std::int64_t overdue_backups = 0;
    std::int64_t anomalies_critical = 0;
    std::int64_t anomalies_warning = 0;
    std::int64_t anomalies_info = 0;
    std::vector<GuestDigest> guests;
    std::vector<AnomalyDigest> anomalies;
    std::vector<JobDigest> jobs;
    std::vector<RetentionPolicyDigest> retention_policies;
    std::vector<DatastoreDigest> datastores;
};

// ---------------------------------------------------------------------------------------------
// Changes since the previous run of the same cluster (JSON `changes`).

struct GuestChange {
    std::int64_t vmid = 0;
    std::string type;
    std::string name;
    std::string before;    // coverage status before ("" for a new guest)
    std::string after;     // coverage status now ("" for a removed guest)
    bool accepted = false; // an accepted exception applies to the guest (now; before for a removed guest)
};

struct AnomalyChange {
    std::string kind;
    std::string severity;
    std::string subject;
    std::string message;
    std::int64_t open_since = 0; // generated_at of the first run (in the unbroken kept series) that had it
    std::int64_t days_open = 0;  // whole days from open_since to the current run
    bool accepted = false;       // accepted by an exception (now; in the previous run for a resolved one)
};

struct FailedBackupChange {
    std::int64_t vmid = 0;
    std::string type;
    std::string name;
    std::int64_t task_time = 0;
    bool accepted = false; // an accepted exception applies to the guest
};

struct JobChange {
    std::string id;
    std::string change; // "added" | "removed" | "enabled" | "disabled" | "retention_changed"
    std::string before; // retention before (retention_changed), else empty
    std::string after;
};

struct RetentionPolicyChange {
    std::string source;
    std::string id;
    std::string change; // "added" | "removed" | "changed"
    std::string before;
    std::string after;
};

struct Changes {
    bool first_report = true;                 // no previous run of this cluster was found
    std::optional<std::int64_t> previous_at;  // generated_at of the previous run
    std::optional<std::string> previous_file; // its archive file
    std::vector<GuestChange> lost_coverage;   // scheduled before, not scheduled now
    std::vector<GuestChange> gained_coverage; // not scheduled before, scheduled now
    std::vector<GuestChange> new_guests;      // with their coverage now ("not_backed_up" = new and unprotected)
    std::vector<GuestChange> removed_guests;
    std::vector<AnomalyChange> new_anomalies;
    std::vector<AnomalyChange> resolved_anomalies;
    std::vector<AnomalyChange> ongoing_anomalies;
    std::vector<FailedBackupChange> new_failed_backups;
    std::vector<JobChange> jobs;
    std::vector<RetentionPolicyChange> retention_policies;
};

// ---------------------------------------------------------------------------------------------
// Trends over the last 30 and 90 runs (JSON `trends`).

struct TrendPoint {
    std::int64_t generated_at = 0;
    double coverage_percent = 0.0;
    std::int64_t guests_not_backed_up = 0;
    std::int64_t failed_backups = 0;
    std::int64_t overdue_backups = 0;
    std::int64_t anomalies_critical = 0;
    std::int64_t anomalies_warning = 0;
    std::int64_t anomalies_info = 0;
};

struct DatastoreTrendPoint {
    std::int64_t generated_at = 0;
    std::int64_t used = 0;
    std::int64_t total = 0;
};

struct DatastoreTrend {
    std::string server;
    std::string datastore;
    std::vector<DatastoreTrendPoint> points; // oldest first
};

struct Trends {
    int window = 90;                // runs kept in `points` (the last 90, current run included)
    std::vector<TrendPoint> points; // oldest first; the last 30 are the 30-run window
    std::vector<DatastoreTrend> datastores;
};

// ---------------------------------------------------------------------------------------------
// Capacity forecast per PBS datastore (JSON `capacity`).

struct CapacityForecast {
    std::string server;
    std::string datastore;
    std::optional<std::int64_t> used;
    std::optional<std::int64_t> total;
    std::string basis;                     // "pbs_estimate" | "history_fit" | "not_growing" | "insufficient_history"
    std::optional<std::int64_t> full_at;   // epoch, when known
    std::optional<std::int64_t> days_left; // whole days from generated_at to full_at
    std::int64_t samples = 0;              // history points used by the fit
    std::optional<double> growth_bytes_per_day;
};

// ---------------------------------------------------------------------------------------------
// The archive's hash chain (JSON `archive`).

struct PrunedReport {
    std::string file;
    std::string sha256;
    std::int64_t generated_at = 0;
};

struct ArchiveLink {
    std::optional<std::string> previous_file;   // archive file of the previous run of this cluster
    std::optional<std::string> previous_sha256; // SHA-256 (hex) of its bytes
    std::optional<std::int64_t> previous_generated_at;
    std::vector<PrunedReport> pruned; // what REPORT_RETENTION_DAYS removed during this run
    /// SHA-256 of this run's own archive file, known once it is written (PDF metadata, last page);
    /// never serialised inside the file it is the hash of.
    std::optional<std::string> own_sha256{};
    std::optional<std::string> own_file{};
};

} // namespace pvr::model
