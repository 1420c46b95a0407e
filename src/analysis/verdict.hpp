#pragma once
// The overall verdict of a finished report (model/verdict.hpp):
//   critical — a guest is not backed up (coverage "non_sauvegardee") or an anomaly is critical;
//   warning  — otherwise, a guest's coverage is undetermined, an anomaly is a warning, or there is
//              a collection issue;
//   info     — otherwise, when there is no guest at all ("no guest found");
//   good     — otherwise.
// Failed and overdue backups are counted for the outlets; they reach the level through their
// anomalies (backup_failed, backup_overdue, ...).
// Accepted exceptions (analysis/exceptions.hpp, applied before) leave the counts: a guest not backed
// up whose exception accepts it, and every anomaly with `accepted_by`, are counted in the
// `accepted_*` fields instead.

#include "model/report_data.hpp"
#include "model/verdict.hpp"

namespace pvr::analysis {

[[nodiscard]] model::Verdict decide_verdict(const model::ReportData& report);

} // namespace pvr::analysis
