#pragma once
// The coverage verdict for one guest (contract: guests[].coverage).

#include "model/fact.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace pvr::model {

enum class CoverageStatus { scheduled, not_backed_up, undetermined };
/// Contract codes: "sauvegarde_planifiee", "non_sauvegardee", "indetermine".
[[nodiscard]] const char* to_code(CoverageStatus status) noexcept;

/// How a job's selection reaches the guest (contract: guests[].coverage.rules[].selection).
enum class RuleSelection { vmid, pool, all };
/// Contract codes: "vmid", "pool", "all".
[[nodiscard]] const char* to_code(RuleSelection selection) noexcept;

/// One job that includes the guest and the rule by which it does. A fact of constant size: the
/// job's VMID or exclude list is said once, with the job (backup_jobs), never per guest.
struct CoverageRule {
    std::string job;
    bool enabled = true;
    RuleSelection selection = RuleSelection::vmid;
    std::optional<std::string> pool;    // selection == pool
    std::optional<std::string> node;    // the job runs only on this node
    std::optional<std::string> storage; // nullopt: the default storage
    std::size_t excluded_count = 0;     // selection == all: how many VMIDs the job excludes
};

struct Coverage {
    CoverageStatus status = CoverageStatus::undetermined;
    std::vector<std::string> jobs;          // enabled jobs that include the guest
    std::vector<std::string> disabled_jobs; // disabled jobs that would include it
    std::string reason;                     // one human sentence, of constant size (names rules, not VMID lists)
    /// Volumes that vzdump will not copy although the guest is included ("scsi1", "mp0").
    std::vector<std::string> excluded_volumes;
    /// The jobs that include the guest (enabled or not), by job id, with their rule.
    std::vector<CoverageRule> rules;
    /// `reason` as a fact (kind "reason_*"), worded by the document stage.
    Fact reason_fact{};
};

} // namespace pvr::model
