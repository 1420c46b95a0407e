#pragma once
// A small but complete ReportData for presentation tests (document builder, HTML and PDF
// renderers): every section has content, with awkward text (markup characters, long UTF-8 notes).
//
//   #include "unit/document/sample_report.hpp"
//   auto data = pvr::test::sample_report();   // or empty_report(), many_guests(10000)

#include "analysis/verdict.hpp"
#include "model/report_data.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <utility>

namespace pvr::test {

/// 2026-11-27T07:00:00Z, the sample's generated_at.
inline constexpr std::int64_t k_sample_generated_at = 1795762800;

inline model::GuestReport sample_guest(std::int64_t vmid, std::string name, model::CoverageStatus status,
                                       model::GuestType type = model::GuestType::qemu) {
    model::GuestReport report;
    report.guest.vmid = vmid;
    report.guest.type = type;
    report.guest.node = "pve1";
    report.guest.status = "running";
    report.guest.name = std::move(name);
    report.guest.is_template = false;
    report.guest.config_collected = true;
    report.coverage.status = status;
    return report;
}

/// Four guests: 100 and 101 scheduled, 102 not backed up (a disabled job only), 9000 (template)
/// undetermined; two PBS storages (one with usage at 85 %, one without usage); three jobs; three
/// anomalies (critical, warning, info); one collection issue. PBS data: 100 backed up 3 days ago
/// (verified); 101 overdue, no snapshot seen, its last vzdump task failed; 9000 has a successful
/// task only; three retention policies (PVE storage, PBS prune job, PBS datastore); two orphan groups.
inline model::ReportData sample_report() {
    using model::CoverageStatus;
    model::ReportData data;
    data.generated_at = k_sample_generated_at;
    data.tool_version = "0.1.0";
    data.cluster.name = "pve-prod";
    data.cluster.pve_version = "8.2.4";
    data.cluster.pve_release = "8.2";
    data.cluster.quorate = true;
    data.cluster.nodes = {{"pve1", "online", "10.0.0.1", true},
                          {"pve2", "online", "10.0.0.2", false},
                          {"pve3", "offline", std::nullopt, false}};

    // PBS storages: pbs-main collected (85 % used), pbs-offsite not collected.
    model::PbsStorageReport main_storage;
    main_storage.storage.id = "pbs-main";
    main_storage.storage.type = "pbs";
    main_storage.storage.content = {"backup"};
    main_storage.storage.pbs =
        model::PbsTarget{"pbs1.example.lan", 8007, "store1", "", std::nullopt, "backup@pbs", true};
    main_storage.storage.prune_backups = model::KeepOptions{};
    main_storage.storage.prune_backups->keep_daily = 7;
    main_storage.storage.prune_backups->keep_weekly = 4;
    const std::int64_t tib = std::int64_t{1} << 40;
    main_storage.usage = model::StorageUsage{8 * tib, 8 * tib * 85 / 100, 8 * tib * 15 / 100};
    model::PbsStorageReport offsite;
    offsite.storage.id = "pbs-offsite";
    offsite.storage.type = "pbs";
    offsite.storage.enabled = false;
    offsite.storage.nodes = std::set<std::string>{"pve1", "pve2"};
    offsite.storage.pbs =
        model::PbsTarget{"pbs2.example.lan", 8008, "remote", "prod/vm", std::nullopt, std::nullopt, false};
    data.pbs_storages = {main_storage, offsite};

    model::RetentionPolicy storage_policy;
    storage_policy.source = "pve-storage";
    storage_policy.id = "pbs-main";
    storage_policy.storage = "pbs-main";
    storage_policy.keep = *main_storage.storage.prune_backups;
    model::RetentionPolicy prune_job;
    prune_job.source = "pbs-prune-job";
    prune_job.id = "prune-store1";
    prune_job.datastore = "store1";
    prune_job.ns = "";
    prune_job.schedule = "daily";
    prune_job.keep.keep_last = 3;
    prune_job.keep.keep_daily = 14;
    prune_job.server = "https://pbs1.example.lan:8007";
    prune_job.max_depth = 2;
    prune_job.storages = {"pbs-main"};
    model::RetentionPolicy datastore_policy;
    datastore_policy.source = "pbs-datastore";
    datastore_policy.id = "remote";
    datastore_policy.datastore = "remote";
    datastore_policy.server = "https://pbs2.example.lan:8008";
    datastore_policy.keep.keep_last = 5;
    datastore_policy.enabled = false;
    data.retention_policies = {storage_policy, prune_job, datastore_policy};

    model::BackupJob daily;
    daily.id = "backup-daily";
    daily.schedule = "02:00";
    daily.storage = "pbs-main";
    daily.mode = "snapshot";
    daily.selection.all = true;
    daily.selection.exclude = {105, 110};
    daily.next_run = k_sample_generated_at + 19 * 3600; // 2026-11-28T02:00:00Z
    daily.comment = "Nightly <all> & \"more\"";
    model::BackupJob pool_job;
    pool_job.id = "backup-pool";
    pool_job.enabled = false;
    pool_job.schedule = "sat 03:00";
    pool_job.storage = "pbs-offsite";
    pool_job.mode = "stop";
    pool_job.node = "pve2";
    pool_job.selection.pool = "prod";
    model::BackupJob vmids_job;
    vmids_job.id = "backup-vmids";
    vmids_job.mode = "suspend";
    vmids_job.selection.vmids = {100, 101};
    vmids_job.problems = {"vmid: 'abc' is not a VMID"};
    data.backup_jobs = {daily, pool_job, vmids_job};

    auto web = sample_guest(100, "web01", CoverageStatus::scheduled);
    web.coverage.jobs = {"backup-daily", "backup-vmids"};
    web.coverage.reason = "Included by backup-daily and backup-vmids.";
    web.guest.notes = "Front web server";
    web.last_backup =
        model::LastBackup{k_sample_generated_at - 3 * 86400, "pbs-main", "store1", "", 12345678901, "ok", false};
    model::GuestRetention web_retention;
    web_retention.storage = "pbs-main";
    web_retention.datastore = "store1";
    web_retention.policy = *main_storage.storage.prune_backups;
    web_retention.expected_versions = 11;
    web_retention.actual_versions = 9;
    web_retention.delta = -2;
    web_retention.policy_source = "pve-storage";
    web_retention.jobs = {"backup-daily"};
    web_retention.pbs_prune_jobs = {"prune-store1"};
    web_retention.oldest_snapshot = k_sample_generated_at - 60 * 86400; // 28 Sep 2026
    web.retention = {web_retention};
    web.freshness.last_success = web.last_backup->time;
    web.freshness.age_seconds = 3 * 86400;
    web.freshness.overdue = false;
    web.freshness.last_verified = k_sample_generated_at - 2 * 86400;
    web.freshness.last_verification = "ok";

    auto db = sample_guest(101, "db<&>\"'01", CoverageStatus::scheduled, model::GuestType::lxc);
    db.guest.status = "stopped";
    db.coverage.jobs = {"backup-daily"};
    db.guest.notes = "Base <script>alert('x')</script> & \"quotes\" — données clients, très importantes, à ne "
                     "jamais arrêter pendant la clôture mensuelle; contact: équipe DBA 🐘 extension";
    model::GuestRetention db_retention = web_retention;
    db_retention.expected_versions.reset();
    db_retention.actual_versions.reset();
    db_retention.delta.reset();
    db_retention.oldest_snapshot.reset();
    db_retention.policy_source = "node-default";
    db_retention.policy = {};
    db_retention.pbs_prune_jobs.clear();
    db_retention.note = "PBS snapshots of pbs-main were not collected: expected and actual versions are unknown";
    db.retention = {db_retention};
    // No snapshot seen on PBS; PVE's task history has a failed backup; overdue on pbs-main.
    db.last_task = model::GuestBackupResult{
        101,         "pve1",       k_sample_generated_at - 86400, std::nullopt, model::BackupOutcome::failed,
        "disk full", "UPID:pve1:1"};
    db.freshness.overdue = true;
    db.freshness.expected_since = k_sample_generated_at - 5 * 3600;
    db.freshness.overdue_storages = {"pbs-main"};

    auto ct = sample_guest(102, "ct-test", CoverageStatus::not_backed_up, model::GuestType::lxc);
    ct.guest.node = "pve2";
    ct.coverage.disabled_jobs = {"backup-pool"};
    ct.coverage.reason = "Only disabled job backup-pool includes it.";
    ct.guest.config_collected = false;

    auto tmpl = sample_guest(9000, "base-template", CoverageStatus::undetermined);
    tmpl.guest.is_template = true;
    tmpl.guest.status = "stopped";
    tmpl.coverage.reason = "The members of pool prod could not be read.";
    tmpl.last_task = model::GuestBackupResult{
        9000,         "pve1",       k_sample_generated_at - 2 * 86400, std::nullopt, model::BackupOutcome::ok,
        std::nullopt, "UPID:pve1:2"};

    data.guests = {web, db, ct, tmpl};
    data.pbs_orphan_groups = {
        {"pbs-main", "store1", "", "vm", "105", 4, k_sample_generated_at - 10 * 86400},
        {"pbs-offsite", "remote", "prod/vm", "ct", "300", 0, std::nullopt},
    };

    data.anomalies = {
        {"guest_not_backed_up", model::Severity::critical, "ct/102", "CT 102 (ct-test) is not backed up."},
        {"job_disabled", model::Severity::info, "job/backup-pool", "Job backup-pool is disabled."},
        {"job_unknown_vmid", model::Severity::warning, "job/backup-vmids", "Job <backup-vmids> names VMID 999."},
    };
    data.collection_issues = {
        {model::IssueSeverity::warning, "pbs/pbs-offsite", std::string("/status/datastore-usage"),
         "PBS was not configured: usage and snapshots are unknown."},
    };

    data.summary.guests_total = 4;
    data.summary.guests_scheduled = 2;
    data.summary.guests_not_backed_up = 1;
    data.summary.guests_undetermined = 1;
    data.summary.coverage_percent = 50.0;
    data.summary.backup_jobs_total = 3;
    data.summary.backup_jobs_enabled = 2;
    data.summary.pbs_storages = 2;
    data.summary.anomalies = 3;
    data.verdict = analysis::decide_verdict(data);
    return data;
}

/// A cluster with nothing in it: no storage, job, guest, anomaly or issue.
inline model::ReportData empty_report() {
    model::ReportData data;
    data.generated_at = k_sample_generated_at;
    data.tool_version = "0.1.0";
    data.cluster.name = "empty";
    data.cluster.pve_version = "8.2.4";
    data.cluster.nodes = {{"pve1", "online", std::nullopt, true}};
    data.verdict = analysis::decide_verdict(data);
    return data;
}

/// `count` scheduled guests (VMIDs from 100), for size and speed tests.
inline model::ReportData many_guests(std::size_t count) {
    model::ReportData data = sample_report();
    data.guests.clear();
    for (std::size_t i = 0; i < count; ++i) {
        auto guest = sample_guest(100 + static_cast<std::int64_t>(i), "guest-" + std::to_string(i),
                                  model::CoverageStatus::scheduled);
        guest.coverage.jobs = {"backup-daily"};
        guest.guest.notes = "Notes for guest " + std::to_string(i) + ": " + std::string(200, 'x');
        guest.last_backup = model::LastBackup{k_sample_generated_at - 86400, "pbs-main", "store1", "", 1, "ok", false};
        data.guests.push_back(std::move(guest));
    }
    data.summary.guests_total = static_cast<std::int64_t>(count);
    data.summary.guests_scheduled = static_cast<std::int64_t>(count);
    data.summary.guests_not_backed_up = 0;
    data.summary.guests_undetermined = 0;
    data.summary.coverage_percent = 100.0;
    data.verdict = analysis::decide_verdict(data);
    return data;
}

} // namespace pvr::test
