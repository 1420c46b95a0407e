#pragma once
// The coverage verdict for one guest (contract: guests[].coverage).

#include "analysis/job_inclusion.hpp"
#include "model/collection_issue.hpp"
#include "model/coverage.hpp"
#include "model/guest.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pvr::analysis {

/// `jobs` nullopt: the job list could not be read. `jobs_unavailable_detail` is then put in the
/// reason ("403 Permission check failed"), when known.
[[nodiscard]] model::Coverage guest_coverage(const model::Guest& guest,
                                             const std::optional<std::vector<AnalyzedJob>>& jobs,
                                             const std::string& jobs_unavailable_detail = {});

/// Why /cluster/backup could not be read, from its collection issue (without the collector's
/// "backup jobs could not be read: " lead-in and final period), or "".
[[nodiscard]] std::string job_list_issue(const std::vector<model::CollectionIssue>& issues);

/// "scsi1 (backup=0)", or "scsi1" when the volume has no reason.
[[nodiscard]] std::string describe_volume(const model::Volume& volume);

} // namespace pvr::analysis
