#pragma once
// The coverage verdict for one guest (contract: guests[].coverage).

#include <string>
#include <vector>

namespace pvr::model {

enum class CoverageStatus { scheduled, not_backed_up, undetermined };
/// Contract codes: "sauvegarde_planifiee", "non_sauvegardee", "indetermine".
[[nodiscard]] const char* to_code(CoverageStatus status) noexcept;

struct Coverage {
    CoverageStatus status = CoverageStatus::undetermined;
    std::vector<std::string> jobs;          // enabled jobs that include the guest
    std::vector<std::string> disabled_jobs; // disabled jobs that would include it
    std::string reason;                     // one human sentence
    /// Volumes that vzdump will not copy although the guest is included ("scsi1", "mp0").
    std::vector<std::string> excluded_volumes;
};

} // namespace pvr::model
