#pragma once
// guests[].freshness and the anomalies backup_overdue, verification_failed, never_verified.
// Only PBS storages are looked at: backups on other storages cannot be seen, nothing is said.
//
// * last_success: the newest finished snapshot of the guest's group over its PBS storages (see
//   retention_guest.hpp) whose snapshots were collected; age_seconds = now - last_success.
// * Overdue, evaluated per PBS storage S targeted by an enabled job including the guest, when the
//   guest's coverage is sauvegarde_planifiee and S's snapshots were collected:
//     due(S) = the latest occurrence o of the schedules of those jobs (PVE nodes' zone) with
//              now > o + grace   (grace = STALE_GRACE_HOURS, default 6 h);
//     S is overdue  <=>  due(S) exists and no finished snapshot on S has backup-time >= due(S).
//   (A backup started by the run at o carries a backup-time >= o.) The guest is overdue when any
//   such S is; expected_since = due(S) of the overdue storages (the latest), else the latest due(S)
//   evaluated. overdue is null when nothing could be evaluated (the note says why).
// * verification_failed (warning): the newest finished snapshot (last_backup) failed verification.
// * never_verified (info): the guest has had finished snapshots for at least VERIFY_MAX_AGE_DAYS
//   (its oldest is older than now - N days) and no snapshot was verified successfully within the
//   last N days: the newest successful verification (verify task start; the snapshot time when
//   unknown) is older than now - N days, or there is none.

#include "analysis/pbs_context.hpp"
#include "analysis/retention_guest.hpp"
#include "model/anomaly.hpp"
#include "model/report_data.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pvr::analysis {

struct FreshnessOptions {
    std::int64_t stale_grace_hours = 6;
    std::int64_t verify_max_age_days = 30;
};

class FreshnessEvaluator {
public:
    FreshnessEvaluator(const PbsContext& context, FreshnessOptions options) : m_context(&context), m_options(options) {}

    /// Freshness of one guest; its anomalies go to `anomalies`.
    [[nodiscard]] model::GuestFreshness evaluate(const model::GuestReport& report,
                                                 const std::vector<GuestStorage>& storages,
                                                 std::vector<model::Anomaly>& anomalies);

private:
    /// due() of one job, cached by job id.
    [[nodiscard]] std::optional<std::int64_t> due(const ScheduledJob& job);

    const PbsContext* m_context;
    FreshnessOptions m_options;
    std::map<std::string, std::optional<std::int64_t>> m_due_by_job;
};

} // namespace pvr::analysis
