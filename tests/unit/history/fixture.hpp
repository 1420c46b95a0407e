#pragma once
// A rich ReportData for the history tests: every field the digest reads is set.

#include "model/report_data.hpp"

namespace pvr::test {

inline model::ReportData rich_report(std::int64_t generated_at = 1795762800) {
    using namespace pvr::model;
    ReportData d;
    d.generated_at = generated_at;
    d.tool_version = "0.1.0";
    d.cluster.name = "pve-prod";
    d.cluster.nodes = {{"pve1", "online", "10.0.0.11", true}};
    d.summary.guests_total = 3;
    d.summary.guests_scheduled = 2;
    d.summary.guests_not_backed_up = 1;
    d.summary.coverage_percent = 66.66666;
    d.verdict.guests_not_backed_up = 1;
    d.verdict.failed_backups = 1;
    d.verdict.overdue_backups = 1;
    d.verdict.critical_anomalies = 1;
    d.verdict.warning_anomalies = 2;
    d.verdict.info_anomalies = 3;
    Storage pbs;
    pbs.id = "pbs-main";
    pbs.type = "pbs";
    pbs.pbs = PbsTarget{"pbs1.example.lan", 8007, "store1", "pve-prod", "AB:CD", "pve@pbs!report", false};
    KeepOptions keep;
    keep.keep_daily = 7;
    keep.keep_last = 3;
    pbs.prune_backups = keep;
    d.pbs_storages.push_back({pbs, StorageUsage{1000, 400, 600}});
    Storage second = pbs;
    second.id = "pbs-other-ns";
    second.pbs->ns = "other";
    d.pbs_storages.push_back({second, StorageUsage{1000, 400, 600}}); // same datastore: one digest entry
    d.retention_policies.push_back({"pve-storage", "pbs-main", "pbs-main", "store1", "pve-prod", std::nullopt, keep});
    BackupJob job;
    job.id = "backup-daily";
    job.schedule = "21:00";
    job.storage = "pbs-main";
    job.prune_backups = keep;
    d.backup_jobs.push_back(job);
    BackupJob off;
    off.id = "backup-weekly";
    off.enabled = false;
    d.backup_jobs.push_back(off);
    GuestReport web;
    web.guest.vmid = 100;
    web.guest.name = "web01";
    web.guest.node = "pve1";
    web.coverage.status = CoverageStatus::scheduled;
    web.coverage.jobs = {"backup-daily"};
    web.last_backup = LastBackup{generated_at - 36000, "pbs-main", "store1", "pve-prod", 123, "ok", false};
    web.last_task = GuestBackupResult{
        100, "pve1", generated_at - 36000, generated_at - 35000, BackupOutcome::ok, std::nullopt, "UPID:x"};
    GuestReport db = web;
    db.guest.vmid = 101;
    db.guest.name = "db01";
    db.last_task->outcome = BackupOutcome::failed;
    db.freshness.overdue = true;
    GuestReport ct;
    ct.guest.vmid = 130;
    ct.guest.type = GuestType::lxc;
    ct.guest.node = "pve1";
    ct.coverage.status = CoverageStatus::not_backed_up;
    ct.exception = GuestException{AcceptedException{}, {"not_backed_up"}};
    d.guests = {web, db, ct};
    d.anomalies.push_back({"guest_not_backed_up", Severity::critical, "ct/130", "No job.", "scratch"});
    d.anomalies.push_back({"backup_failed", Severity::warning, "vm/101", "Last backup failed."});
    return d;
}

} // namespace pvr::test
