#pragma once
// Something that could not be collected; the run goes on and the report says so.

#include <optional>
#include <string>

namespace pvr::model {

enum class IssueSeverity { warning, error };

struct CollectionIssue {
    IssueSeverity severity = IssueSeverity::warning;
    std::string source;                  // "pve", "node/pve3", "pbs/pbs-main"
    std::optional<std::string> endpoint; // "/nodes/pve3/tasks"
    std::string message;
};

} // namespace pvr::model
