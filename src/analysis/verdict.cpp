#include "analysis/verdict.hpp"

#include <algorithm>

namespace pvr::analysis {

model::Verdict decide_verdict(const model::ReportData& report) {
    model::Verdict v;
    v.guests_not_backed_up = report.summary.guests_not_backed_up;
    v.guests_undetermined = report.summary.guests_undetermined;
    for (const auto& anomaly : report.anomalies) {
        switch (anomaly.severity) {
        case model::Severity::info:
            ++v.info_anomalies;
            break;
        case model::Severity::warning:
            ++v.warning_anomalies;
            break;
        case model::Severity::critical:
            ++v.critical_anomalies;
            break;
        }
    }
    v.collection_issues = static_cast<std::int64_t>(report.collection_issues.size());
    for (const auto& guest : report.guests) {
        if (guest.last_task && guest.last_task->outcome == model::BackupOutcome::failed) {
            ++v.failed_backups;
        }
        if (guest.freshness.overdue.value_or(false)) {
            ++v.overdue_backups;
        }
    }
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
