#pragma once
// A finding about the cluster, for humans (contract: anomalies[]).

#include "model/fact.hpp"

#include <optional>
#include <string>

namespace pvr::model {

enum class Severity { info, warning, critical };
[[nodiscard]] const char* to_string(Severity severity) noexcept;

struct Anomaly {
    std::string kind; // "guest_not_backed_up", "job_disabled", ...
    Severity severity = Severity::warning;
    std::string subject; // "vm/101", "job/backup-8ba1", "storage/pbs-main"
    std::string message;
    /// Id of the accepted exception that accepts it (EXCEPTIONS_FILE, EXEMPT_TAG); nullopt = not
    /// accepted. Accepted anomalies keep their severity but leave the verdict.
    std::optional<std::string> accepted_by{};
    /// The finding as a kind (= `kind`) and parameters; the document words it in the report language.
    Fact fact{};
};

} // namespace pvr::model
