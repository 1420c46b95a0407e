#include "analysis/verdict.hpp"

#include <algorithm>

namespace pvr::analysis {

model::Verdict decide_verdict(const model::ReportData& report) {
    model::Verdict v;
    v.guests_undetermined = report.summary.guests_undetermined;
    for (const auto& anomaly : report.anomalies) {
        const bool accepted = anomaly.accepted_by.has_value();
        switch (anomaly.severity) {
        case model::Severity::info:
            ++(accepted ? v.accepted_info_anomalies : v.info_anomalies);
            break;
        case model::Severity::warning:
            ++(accepted ? v.accepted_warning_anomalies : v.warning_anomalies);
            break;
        case model::Severity::critical:
            ++(accepted ? v.accepted_critical_anomalies : v.critical_anomalies);
            break;
        }
    }
    v.collection_issues = static_cast<std::int64_t>(report.collection_issues.size());
    for (const auto& guest : report.guests) {
        const model::AcceptedException* exception = guest.exception ? &guest.exception->exception : nullptr;
        if (guest.coverage.status == model::CoverageStatus::not_backed_up && exception != nullptr &&
            exception->accepts_not_backed_up()) {
            ++v.accepted_guests_not_backed_up;
        }
        if (guest.last_task && guest.last_task->outcome == model::BackupOutcome::failed) {
            ++(exception != nullptr && exception->accepts_kind("backup_failed") ? v.accepted_failed_backups
                                                                                : v.failed_backups);
        }
        if (guest.freshness.overdue.value_or(false)) {
            ++(exception != nullptr && exception->accepts_kind("backup_overdue") ? v.accepted_overdue_backups
                                                                                 : v.overdue_backups);
        }
    }
    // The summary's true count, minus the accepted guests.
    v.guests_not_backed_up =
        std::max<std::int64_t>(0, report.summary.guests_not_backed_up - v.accepted_guests_not_backed_up);
    if (v.guests_not_backed_up > 0 || v.critical_anomalies > 0) {
        v.level = model::VerdictLevel::critical;
    } else if (v.guests_undetermined > 0 || v.warning_anomalies > 0 || v.collection_issues > 0) {
        v.level = model::VerdictLevel::warning;
    } else if (report.summary.guests_total == 0) {
        v.level = model::VerdictLevel::info;
    } else {
        v.level = model::VerdictLevel::good;
    }
    return v;
}

} // namespace pvr::analysis
