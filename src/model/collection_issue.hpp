#pragma once
// Something that could not be collected; the run goes on and the report says so.

#include "model/fact.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::model {

enum class IssueSeverity { warning, error };

struct CollectionIssue {
    IssueSeverity severity = IssueSeverity::warning;
    std::string source;                  // "pve", "node/pve3", "pbs/pbs-main"
    std::optional<std::string> endpoint; // "/nodes/pve3/tasks"
    std::string message;                 // the English sentence (kept in the JSON for other tools)
    Fact fact{}; // the same as a kind and parameters (collection_issue_kinds below); {} keeps 4-field inits valid
};

/// Every kind a collection issue's fact can have (the closed set the document stage words in
/// each report language; tests fail on a kind without wording). Parameters, by kind, are listed
/// in docs/report-data.md. A collapsed issue (collapse_issues) keeps its first member's kind and
/// adds `occurrences` and `examples`.
inline constexpr auto collection_issue_kinds = std::to_array<std::string_view>(
    {// a request that failed (any endpoint)
     "permission_missing", "permission_probably_missing", "permission_denied", "auth_refused", "http_status",
     "endpoint_unreachable", "request_timeout", "certificate_untrusted", "response_too_large", "answer_unusable",
     "request_failed", "deadline_exceeded", "invalid_utf8",
     // an element of an answer
     "field_unreadable", "entry_skipped", "field_wrong_type", "entry_wrong_type", "entry_missing_field",
     "more_entries_unreadable",
     // PVE nodes and what the token may see
     "node_unreachable", "node_offline", "node_unavailable", "node_list_fallback", "node_list_empty_fallback",
     "inventory_fallback", "node_guests_unlisted", "storages_hidden", "guests_hidden", "pools_hidden", "tasks_hidden",
     "node_tasks_hidden", "time_zone_missing",
     // Proxmox Backup Servers
     "pbs_client_failed", "pbs_token_refused", "pbs_fingerprint_mismatch", "pbs_fingerprint_override_mismatch",
     "pbs_certificate_untrusted", "pbs_unreachable", "pbs_not_pbs", "pbs_version_failed", "datastore_invisible",
     "datastore_usage_hidden", "datastore_usage_error", "namespace_missing", "datastore_retention_hidden",
     "prune_jobs_hidden", "snapshots_filtered", "snapshots_unchecked", "pbs_storage_no_datastore",
     "pbs_storage_no_server", "pbs_storage_bad_url", "pbs_no_token", "pbs_bad_fingerprint"});

/// The values of the `expected` parameter (an identifier) of field_wrong_type and
/// entry_wrong_type: the type a field should have had.
inline constexpr auto collection_issue_value_types =
    std::to_array<std::string_view>({"boolean", "integer", "string", "object"});

} // namespace pvr::model
