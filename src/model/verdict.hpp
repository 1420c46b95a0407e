#pragma once
// The report's overall verdict: one level and the counts behind it (JSON: verdict). Computed once
// by the analysis (analysis/verdict.hpp) and read by every outlet: the document's summary, the
// exit status (--fail-on), the monitoring plugin, the metrics and the e-mail subject.

#include <cstdint>
#include <optional>
#include <string_view>

namespace pvr::model {

/// Ordered: good < info < warning < critical. `info` is "no guest found, nothing else to report".
enum class VerdictLevel { good, info, warning, critical };

/// "good", "info", "warning", "critical".
[[nodiscard]] const char* to_string(VerdictLevel level) noexcept;
[[nodiscard]] std::optional<VerdictLevel> verdict_level_from(std::string_view text) noexcept;

struct Verdict {
    VerdictLevel level = VerdictLevel::good;
    // The counts the level was decided from (accepted exceptions already left out).
    std::int64_t guests_not_backed_up = 0; // coverage "non_sauvegardee"
    std::int64_t guests_undetermined = 0;  // coverage "indetermine"
    std::int64_t critical_anomalies = 0;
    std::int64_t warning_anomalies = 0;
    std::int64_t info_anomalies = 0;
    std::int64_t collection_issues = 0;
    std::int64_t failed_backups = 0;  // guests whose latest vzdump task failed
    std::int64_t overdue_backups = 0; // guests with no backup since their last scheduled run
    // What accepted exceptions took out of the counts above (analysis/exceptions.hpp).
    std::int64_t accepted_guests_not_backed_up = 0;
    std::int64_t accepted_critical_anomalies = 0;
    std::int64_t accepted_warning_anomalies = 0;
    std::int64_t accepted_info_anomalies = 0;
    std::int64_t accepted_failed_backups = 0;
    std::int64_t accepted_overdue_backups = 0;
};

} // namespace pvr::model
