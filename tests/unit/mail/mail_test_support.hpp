#pragma once
// A small report for the e-mail tests: 4 guests, one not backed up, one whose last backup failed.

#include "model/report_data.hpp"

namespace pvr::mail::test {

inline model::GuestReport guest(std::int64_t vmid, const char* name, model::CoverageStatus status) {
    model::GuestReport g;
    g.guest.vmid = vmid;
    g.guest.name = name;
    g.guest.node = "pve1";
    g.coverage.status = status;
    g.coverage.reason = status == model::CoverageStatus::not_backed_up ? "no enabled backup job includes this guest"
                                                                       : "included by job backup-daily";
    return g;
}

/// generated_at 2026-11-27T07:00:00Z.
inline model::ReportData critical_report() {
    model::ReportData data;
    data.generated_at = 1795762800;
    data.tool_version = "0.1.0";
    data.cluster.name = "pve-prod";
    data.summary.guests_total = 4;
    data.summary.guests_scheduled = 3;
    data.summary.guests_not_backed_up = 1;
    data.summary.coverage_percent = 75.0;
    data.summary.anomalies = 2;
    data.guests.push_back(guest(100, "web", model::CoverageStatus::scheduled));
    data.guests.push_back(guest(101, "db", model::CoverageStatus::scheduled));
    data.guests.push_back(guest(102, "mail", model::CoverageStatus::scheduled));
    data.guests.push_back(guest(9001, "tpl-debian", model::CoverageStatus::not_backed_up));
    model::GuestBackupResult failed;
    failed.vmid = 101;
    failed.node = "pve1";
    failed.time = 1795748400; // 2026-11-27T03:00:00Z
    failed.outcome = model::BackupOutcome::failed;
    failed.error = "unable to open file '/mnt/pbs' - Connection refused";
    data.guests[1].last_task = failed;
    data.anomalies.push_back({"backup_failed", model::Severity::warning, "vm/101", "the last backup failed"});
    data.anomalies.push_back({"guest_not_backed_up", model::Severity::critical, "vm/9001", "no job includes it"});
    data.verdict.level = model::VerdictLevel::critical;
    data.verdict.guests_not_backed_up = 1;
    data.verdict.failed_backups = 1;
    data.verdict.critical_anomalies = 1;
    data.verdict.warning_anomalies = 1;
    return data;
}

inline model::ReportData good_report() {
    model::ReportData data;
    data.generated_at = 1795762800;
    data.tool_version = "0.1.0";
    data.cluster.name = "pve-prod";
    data.summary.guests_total = 3;
    data.summary.guests_scheduled = 3;
    data.summary.coverage_percent = 100.0;
    data.guests.push_back(guest(100, "web", model::CoverageStatus::scheduled));
    data.guests.push_back(guest(101, "db", model::CoverageStatus::scheduled));
    data.guests.push_back(guest(102, "mail", model::CoverageStatus::scheduled));
    data.verdict.level = model::VerdictLevel::good;
    return data;
}

} // namespace pvr::mail::test
