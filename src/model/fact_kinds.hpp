#pragma once
// Every form of fact the analysis produces (model/fact.hpp): the kind and its "case" parameter
// ("" = the kind has one form). The document stage words each one in every report language; a unit
// test (tests/unit/document/fact_wording_test.cpp) fails when a form has no wording. A producer that
// adds a kind or a case adds it here.

#include <array>
#include <string_view>

namespace pvr::model {

struct FactForm {
    std::string_view kind;
    std::string_view variant; // the "case" parameter
};

// clang-format off
inline constexpr std::array k_fact_forms = {
    // anomalies (anomalies[].fact)
    FactForm{"guest_not_backed_up", "plain"}, FactForm{"guest_not_backed_up", "disabled_jobs"},
    FactForm{"guest_not_backed_up", "explained"},
    FactForm{"guest_only_disabled_jobs", ""},
    FactForm{"volumes_excluded", ""},
    FactForm{"backup_failed", "error"}, FactForm{"backup_failed", "no_error"},
    FactForm{"job_disabled", "unknown"}, FactForm{"job_disabled", "nothing"}, FactForm{"job_disabled", "guests"},
    FactForm{"job_includes_nothing", "no_selection"}, FactForm{"job_includes_nothing", "exclude_without_all"},
    FactForm{"job_includes_nothing", "empty_pool"}, FactForm{"job_includes_nothing", "vmids_missing"},
    FactForm{"job_includes_nothing", "no_guest"}, FactForm{"job_includes_nothing", "all_excluded"},
    FactForm{"job_includes_nothing", "other_nodes"},
    FactForm{"job_unknown_vmid", "node"}, FactForm{"job_unknown_vmid", "every_node"},
    FactForm{"job_unknown_node", ""},
    FactForm{"job_pool_unknown", ""},
    FactForm{"job_storage_missing", ""},
    FactForm{"job_storage_disabled", "disabled"}, FactForm{"job_storage_disabled", "job_node"},
    FactForm{"job_storage_disabled", "guest_nodes"},
    FactForm{"job_uninterpretable", ""},
    FactForm{"job_no_schedule", ""},
    FactForm{"not_backed_up_mismatch", "pve_lists_included"}, FactForm{"not_backed_up_mismatch", "pve_omits"},
    FactForm{"not_backed_up_mismatch", "unknown_guest"},
    FactForm{"duplicate_vmid", ""}, FactForm{"duplicate_job", ""}, FactForm{"job_duplicate_vmid", ""},
    FactForm{"duplicate_storage", ""},
    FactForm{"exception_expired", ""},
    FactForm{"exception_unused", "taken"}, FactForm{"exception_unused", "no_match"},
    FactForm{"backup_overdue", "no_backup"}, FactForm{"backup_overdue", "last_backup"},
    FactForm{"verification_failed", ""},
    FactForm{"never_verified", "never"}, FactForm{"never_verified", "last_verified"},
    FactForm{"pbs_orphan_group", "no_guest"}, FactForm{"pbs_orphan_group", "not_vmid"},
    FactForm{"pbs_no_retention", "no_job"}, FactForm{"pbs_no_retention", "keeps_all"},
    FactForm{"pbs_no_retention", "node_default"},
    FactForm{"pbs_policies_overlap", ""},
    FactForm{"retention_mismatch", "too_many"}, FactForm{"retention_mismatch", "too_few"},
    FactForm{"datastore_full_soon", "pbs_estimate"}, FactForm{"datastore_full_soon", "fit"},
    // coverage reasons (guests[].coverage.reason_fact)
    FactForm{"reason_jobs_unread", "plain"}, FactForm{"reason_jobs_unread", "detail"},
    FactForm{"reason_included", ""},
    FactForm{"reason_undetermined", ""},
    FactForm{"reason_only_disabled", ""},
    FactForm{"reason_not_included", "plain"}, FactForm{"reason_not_included", "explained"},
    // why a job's guests are undetermined (the causes of reason_undetermined)
    FactForm{"undetermined_job", "guests_unread"}, FactForm{"undetermined_job", "pools_unread"},
    FactForm{"undetermined_job", "pool_missing"}, FactForm{"undetermined_job", "pool_members_unread"},
    // freshness and retention notes (guests[].freshness.note_facts, guests[].retention[].note_facts)
    FactForm{"note_pbs_not_configured", ""}, FactForm{"note_not_covered", ""},
    FactForm{"note_snapshots_unread", ""}, FactForm{"note_no_run_passed", ""}, FactForm{"note_no_pbs_target", ""},
    FactForm{"note_jobs_unscheduled", ""}, FactForm{"note_prune_job_unscheduled", ""},
    FactForm{"note_prune_job_bad_schedule", ""},
    FactForm{"note_short_history", "oldest"}, FactForm{"note_short_history", "no_backup"},
    FactForm{"note_one_version_tolerated", ""}, FactForm{"note_node_default", ""}, FactForm{"note_jobs_differ", ""},
    FactForm{"note_protected", ""}, FactForm{"note_no_enabled_job", ""}, FactForm{"note_no_pbs_server", ""},
    FactForm{"note_prune_jobs_unread", ""},
    FactForm{"note_sim_no_scheduled_job", ""}, FactForm{"note_sim_keeps_all", ""}, FactForm{"note_sim_no_run", ""},
    FactForm{"note_sim_capped", ""},
};
// clang-format on

/// The anomaly kinds (anomalies[].kind) the analysis produces; each has a translated label.
inline constexpr std::array k_anomaly_kinds = {
    std::string_view("guest_not_backed_up"),  std::string_view("guest_only_disabled_jobs"),
    std::string_view("volumes_excluded"),     std::string_view("backup_failed"),
    std::string_view("job_disabled"),         std::string_view("job_includes_nothing"),
    std::string_view("job_unknown_vmid"),     std::string_view("job_unknown_node"),
    std::string_view("job_pool_unknown"),     std::string_view("job_storage_missing"),
    std::string_view("job_storage_disabled"), std::string_view("job_uninterpretable"),
    std::string_view("job_no_schedule"),      std::string_view("not_backed_up_mismatch"),
    std::string_view("duplicate_vmid"),       std::string_view("duplicate_job"),
    std::string_view("job_duplicate_vmid"),   std::string_view("duplicate_storage"),
    std::string_view("exception_expired"),    std::string_view("exception_unused"),
    std::string_view("backup_overdue"),       std::string_view("verification_failed"),
    std::string_view("never_verified"),       std::string_view("pbs_orphan_group"),
    std::string_view("pbs_no_retention"),     std::string_view("pbs_policies_overlap"),
    std::string_view("retention_mismatch"),   std::string_view("datastore_full_soon"),
};

} // namespace pvr::model
