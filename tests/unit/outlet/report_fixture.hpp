#pragma once
// A small ReportData for the outlet tests: 4 guests (2 scheduled, one of them with a failed and
// overdue backup; 1 not backed up; 1 undetermined), anomalies, a collection issue, a PBS datastore.

#include "model/report_data.hpp"

namespace pvr::test {

inline model::GuestReport guest(std::int64_t vmid, const char* name, model::CoverageStatus status) {
    model::GuestReport g;
    g.guest.vmid = vmid;
    g.guest.name = name;
    g.guest.node = "pve1";
    g.guest.type = vmid >= 200 ? model::GuestType::lxc : model::GuestType::qemu;
    g.coverage.status = status;
    g.coverage.reason = "reason of " + std::to_string(vmid);
    return g;
}

inline model::ReportData sample_report() {
    model::ReportData r;
    r.generated_at = 1795762800; // 2026-11-27T07:00:00Z
    r.tool_version = "0.1.0";
    r.cluster.name = "pve-prod";
    r.cluster.pve_version = "8.2.4";
    auto ok = guest(100, "web01", model::CoverageStatus::scheduled);
    ok.freshness.last_success = 1795730000;
    ok.freshness.overdue = false;
    ok.last_task = model::GuestBackupResult{};
    ok.last_task->vmid = 100;
    model::GuestRetention retention;
    retention.storage = "pbs-main";
    retention.expected_versions = 7;
    retention.actual_versions = 6;
    ok.retention.push_back(retention);
    auto failed = guest(101, "db \"primary\"", model::CoverageStatus::scheduled);
    failed.last_task = model::GuestBackupResult{};
    failed.last_task->vmid = 101;
    failed.last_task->time = 1795716000;
    failed.last_task->outcome = model::BackupOutcome::failed;
    failed.last_task->error = "disk full";
    failed.freshness.overdue = true;
    failed.freshness.last_success = 1795000000;
    r.guests = {ok, failed, guest(102, "test|vm", model::CoverageStatus::not_backed_up),
                guest(200, "ct-x", model::CoverageStatus::undetermined)};
    r.summary.guests_total = 4;
    r.summary.guests_scheduled = 2;
    r.summary.guests_not_backed_up = 1;
    r.summary.guests_undetermined = 1;
    r.summary.coverage_percent = 50.0;
    r.anomalies = {{"guest_not_backed_up", model::Severity::critical, "vm/102", "not backed up"},
                   {"backup_failed", model::Severity::critical, "vm/101", "failed"},
                   {"job_disabled", model::Severity::warning, "job/x", "disabled"},
                   {"job_disabled", model::Severity::warning, "job/y", "disabled"}};
    r.collection_issues = {{model::IssueSeverity::warning, "node/pve3", "/nodes/pve3/tasks", "offline"}};
    model::PbsStorageReport pbs;
    pbs.storage.id = "pbs-main";
    pbs.storage.type = "pbs";
    pbs.storage.pbs = model::PbsTarget{};
    pbs.storage.pbs->server = "pbs1.example.lan";
    pbs.storage.pbs->datastore = "main";
    pbs.usage = model::StorageUsage{.total = 1000, .used = 600, .avail = 400};
    r.pbs_storages = {pbs, pbs}; // two storages on one datastore: one series
    r.pbs_storages[1].storage.id = "pbs-other-ns";
    r.verdict.level = model::VerdictLevel::critical;
    r.verdict.guests_not_backed_up = 1;
    r.verdict.guests_undetermined = 1;
    r.verdict.critical_anomalies = 2;
    r.verdict.warning_anomalies = 2;
    r.verdict.collection_issues = 1;
    r.verdict.failed_backups = 1;
    r.verdict.overdue_backups = 1;
    return r;
}

} // namespace pvr::test
