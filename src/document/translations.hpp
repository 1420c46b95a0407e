#pragma once
// Every word the report prints. English is the table in translations.cpp, looked up by message id;
// French and German come from the gettext catalogues po/fr.po and po/de.po, embedded into the
// binary at build time (msgctxt = the message id's name, msgid = the English text). Texts are fmt
// format strings ("{}", "{0}" or "{name}" placeholders); a message may have a plural form, chosen
// by the language's rule (en, de: 1 is singular; fr: 0 and 1 are singular).

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pvr::document {

enum class Lang { en, fr, de };
/// "en", "fr" or "de" (case-insensitive); nullopt otherwise.
[[nodiscard]] std::optional<Lang> parse_lang(std::string_view text);
[[nodiscard]] const char* to_code(Lang lang) noexcept;

// clang-format off
enum class Msg : std::size_t {
    // document
    doc_title, doc_subject, doc_keywords, doc_author, footer_page_format, contents_title,
    unnamed_cluster, standalone_host,
    // section titles
    sec_summary, sec_pbs_storages, sec_storage_usage, sec_retention_policies, sec_backup_jobs,
    sec_without_backup, sec_coverage, sec_guest_retention, sec_anomalies, sec_collection_issues,
    // empty sections
    empty_pbs_storages, empty_storage_usage, empty_retention_policies, empty_backup_jobs,
    empty_without_backup, empty_coverage, empty_guest_retention, empty_anomalies, empty_collection_issues,
    // statuses and labels
    status_scheduled, status_not_backed_up, status_undetermined,
    severity_info, severity_warning, severity_critical, issue_error,
    job_enabled, job_disabled, storage_enabled, storage_disabled, yes, no, unknown, not_available,
    // summary
    summary_cluster, summary_generated, summary_pve_version, summary_nodes, summary_quorum, summary_tool,
    summary_time_zone, nodes_online, quorate, not_quorate, summary_inventory_source, summary_node_source,
    inventory_source_node_lists, node_source_cluster_status,
    kf_guests, kf_guests_detail, kf_covered, kf_covered_detail, kf_not_backed_up, kf_undetermined,
    kf_jobs, kf_jobs_detail, kf_anomalies, kf_anomalies_detail, kf_overdue, kf_last_failed, chart_coverage,
    verdict_critical_title, verdict_warning_title, verdict_good_title, verdict_empty_title,
    verdict_part_not_backed_up, verdict_part_critical, verdict_part_undetermined, verdict_part_warnings,
    verdict_part_issues, verdict_good_text, verdict_empty_text, verdict_rule,
    list_and, list_separator, sentence_end,
    // storages
    col_storage, col_state, col_server, col_datastore, col_namespace, col_nodes, col_retention, col_encryption,
    namespace_root, all_nodes, encrypted, not_encrypted, keep_not_set, keep_all,
    usage_chart_title, usage_value, usage_thresholds, usage_not_collected_all, usage_not_collected_some,
    col_used, col_total, col_free, col_usage,
    // retention policies
    col_source, col_id, col_schedule, col_keep, retention_policies_intro,
    source_pve_job, source_pve_storage, source_pbs_prune_job, source_pbs_datastore, ns_max_depth, ns_all_levels,
    // backup jobs
    col_job, col_next_run, col_mode, col_selection, col_comment,
    mode_snapshot, mode_suspend, mode_stop, default_storage, no_schedule, legacy_job,
    selection_all, selection_all_except, selection_pool, selection_vmids, selection_node_only,
    selection_exclude_without_all, selection_none, jobs_problems_heading, job_problem_line, jobs_caption,
    // guests
    col_vmid, col_name, col_type, col_node, col_disabled_jobs, col_reason, col_guest_state, col_coverage,
    col_jobs, col_last_backup, col_notes,
    type_vm, type_ct, type_template, guest_running, guest_stopped, guest_paused, guest_unknown,
    without_backup_intro, reason_only_disabled, reason_no_job, coverage_caption, notes_not_read, backup_none_seen,
    last_backup_cell, last_task_cell, task_ok, task_failed, overdue_mark, overdue_alone,
    // guest retention
    col_policy, col_expected, col_actual, col_delta, guest_retention_intro, retention_unavailable,
    guest_retention_caption, col_oldest_snapshot, col_verification,
    policy_node_default, policy_pbs_jobs, policy_with_pbs,
    verification_ok, verification_failed, verification_none, verification_last_ok,
    orphans_heading, orphans_intro, empty_orphans, col_group, col_snapshots,
    // anomalies
    col_severity, col_kind, col_subject, col_message, anomalies_counts, messages_in_english,
    kind_guest_not_backed_up, kind_guest_only_disabled_jobs, kind_volumes_excluded, kind_backup_failed,
    kind_job_disabled, kind_job_includes_nothing, kind_job_unknown_vmid, kind_job_unknown_node,
    kind_job_pool_unknown, kind_job_storage_missing, kind_job_storage_disabled, kind_job_uninterpretable,
    kind_job_no_schedule, kind_not_backed_up_mismatch, kind_retention_mismatch, kind_backup_stale,
    kind_verification_failed, kind_storage_usage_high, kind_exception_expired, kind_exception_unused,
    kind_duplicate_vmid, kind_duplicate_job, kind_job_duplicate_vmid, kind_duplicate_storage,
    // collection issues
    col_endpoint, collection_issues_intro,
    issue_permission_missing, issue_permission_probably_missing, issue_permission_probably_missing_anywhere,
    issue_permission_denied, issue_auth_refused, issue_http_status, issue_http_status_bare,
    issue_endpoint_unreachable, issue_request_timeout, issue_certificate_untrusted, issue_response_too_large,
    issue_answer_unusable, issue_request_failed, issue_deadline_exceeded, issue_invalid_utf8,
    issue_field_unreadable, issue_field_unreadable_anywhere, issue_entry_skipped, issue_entry_skipped_anywhere,
    issue_field_wrong_type, issue_entry_wrong_type, issue_entry_missing_field, issue_more_entries_unreadable,
    issue_node_unreachable,
    issue_node_offline, issue_node_unavailable,
    issue_node_list_fallback, issue_node_list_empty_fallback, issue_inventory_fallback, issue_node_guests_unlisted,
    issue_storages_hidden, issue_guests_hidden, issue_pools_hidden, issue_tasks_hidden, issue_node_tasks_hidden,
    issue_time_zone_missing, issue_pbs_client_failed, issue_pbs_token_refused, issue_pbs_fingerprint_mismatch,
    issue_pbs_fingerprint_override_mismatch, issue_pbs_certificate_untrusted, issue_pbs_unreachable,
    issue_pbs_not_pbs, issue_pbs_version_failed, issue_datastore_invisible, issue_datastore_usage_hidden,
    issue_datastore_usage_error, issue_namespace_missing, issue_datastore_retention_hidden,
    issue_prune_jobs_hidden, issue_snapshots_filtered, issue_snapshots_unchecked, issue_pbs_storage_no_datastore,
    issue_pbs_storage_no_server, issue_pbs_storage_bad_url, issue_pbs_no_token, issue_pbs_bad_fingerprint,
    value_type_boolean, value_type_integer, value_type_string, value_type_object, issue_repeated,
    // accepted exceptions
    sec_exceptions, empty_exceptions, exceptions_intro, exceptions_counts, exceptions_source,
    col_exception, col_matches, col_applies_to, col_accepts, col_owner, col_until, col_finding,
    exception_active, exception_expired, exception_unused, owner_unknown, until_none,
    exception_tag_reason, accepted_findings_heading, accepted_by, summary_accepted, kf_accepted_detail,
    // changes since the previous report (summary)
    changes_heading, changes_first_report, changes_none, changes_lost_coverage, changes_new_unprotected,
    changes_new_guests, changes_gained_coverage, changes_removed_guests, changes_new_failures,
    changes_new_anomalies, changes_resolved_anomalies, changes_ongoing_anomalies, changes_jobs,
    changes_retention, changes_days_open, changes_item_added, changes_item_removed, changes_item_enabled,
    changes_item_disabled, changes_item_retention, changes_item_keep,
    // trends and capacity (issue 11)
    sec_trends, sec_capacity, trends_not_read, trends_single_run, trends_intro, chart_coverage_30, chart_coverage_90,
    chart_problems, chart_anomalies, chart_datastore, axis_percent, axis_count, axis_space,
    series_coverage, series_not_backed_up, series_failed, series_overdue, series_used, series_total,
    datastore_no_series, capacity_intro, capacity_empty, col_full_in, col_full_on, col_basis, col_growth,
    full_in_days, full_now, growth_per_day, basis_pbs_estimate, basis_history_fit, basis_not_growing,
    basis_insufficient, kind_datastore_full_soon,
    // relative times
    relative_now, minutes_ago, hours_ago, days_ago, months_ago, years_ago,
    in_minutes, in_hours, in_days, in_months, in_years,
    // months
    month_jan, month_feb, month_mar, month_apr, month_may, month_jun,
    month_jul, month_aug, month_sep, month_oct, month_nov, month_dec,
    // size units (IEC)
    unit_b, unit_kib, unit_mib, unit_gib, unit_tib, unit_pib,
    // facts (issue 13): wording of the analysis' findings (document/fact_wording.cpp)
    fact_template_guest, fact_location, fact_namespace, fact_root_namespace, fact_more, fact_guest_on_node,
    fact_default_storage, fact_minutes, fact_hours, fact_days, fact_clause_node_only, fact_clause_excludes,
    fact_match_vmids, fact_match_name, fact_match_pool, fact_match_tag, fact_exception_place, fact_policy_pve,
    fact_policy_pbs, fact_policy_node_default, fact_volume_reason, fact_volume_efidisk,
    fact_volume_mount_point, fact_volume_bind_mount, fact_volume_not_a_volume, kind_backup_overdue, kind_never_verified,
    kind_pbs_orphan_group, kind_pbs_no_retention, kind_pbs_policies_overlap, fact_guest_not_backed_up_plain,
    fact_guest_not_backed_up_disabled_jobs, fact_guest_not_backed_up_explained, fact_guest_only_disabled_jobs,
    fact_volumes_excluded, fact_backup_failed_error, fact_backup_failed_no_error, fact_job_disabled_unknown,
    fact_job_disabled_nothing, fact_job_disabled_guests, fact_job_includes_nothing_no_selection,
    fact_job_includes_nothing_exclude_without_all, fact_job_includes_nothing_empty_pool,
    fact_job_includes_nothing_vmids_missing, fact_job_includes_nothing_no_guest,
    fact_job_includes_nothing_all_excluded, fact_job_includes_nothing_other_nodes, fact_job_unknown_vmid_node,
    fact_job_unknown_vmid_every_node, fact_job_unknown_node, fact_job_pool_unknown, fact_job_storage_missing,
    fact_job_storage_disabled_disabled, fact_job_storage_disabled_job_node,
    fact_job_storage_disabled_guest_nodes, fact_job_uninterpretable, fact_job_no_schedule,
    fact_not_backed_up_mismatch_pve_lists_included, fact_not_backed_up_mismatch_pve_omits,
    fact_not_backed_up_mismatch_unknown_guest, fact_duplicate_vmid, fact_duplicate_job, fact_job_duplicate_vmid,
    fact_duplicate_storage, fact_exception_expired, fact_exception_unused_taken, fact_exception_unused_no_match,
    fact_backup_overdue_last_backup, fact_backup_overdue_no_backup, fact_verification_failed,
    fact_never_verified_never, fact_never_verified_last_verified, fact_pbs_orphan_group_no_guest,
    fact_pbs_orphan_group_not_vmid, fact_pbs_no_retention_no_job, fact_pbs_no_retention_keeps_all,
    fact_pbs_no_retention_node_default, fact_pbs_policies_overlap, fact_retention_mismatch_too_many,
    fact_retention_mismatch_too_few, fact_reason_jobs_unread_plain, fact_reason_jobs_unread_detail,
    fact_reason_included, fact_reason_undetermined, fact_reason_only_disabled, fact_reason_not_included_plain,
    fact_reason_not_included_explained, fact_undetermined_job_guests_unread, fact_undetermined_job_pools_unread,
    fact_undetermined_job_pool_missing, fact_undetermined_job_pool_members_unread, fact_note_pbs_not_configured,
    fact_note_not_covered, fact_note_snapshots_unread, fact_note_no_run_passed, fact_note_no_pbs_target,
    fact_note_jobs_unscheduled, fact_note_prune_job_unscheduled, fact_note_prune_job_bad_schedule,
    fact_note_short_history_oldest, fact_note_short_history_no_backup, fact_note_one_version_tolerated,
    fact_note_node_default, fact_note_jobs_differ, fact_note_protected, fact_note_no_enabled_job,
    fact_note_no_pbs_server, fact_note_prune_jobs_unread, fact_note_sim_no_scheduled_job,
    fact_note_sim_keeps_all, fact_note_sim_no_run, fact_note_sim_capped,
    fact_datastore_full_soon_pbs_estimate, fact_datastore_full_soon_fit,
    // archive (hash chain) note on the last page
    archive_note_own, archive_note_previous, archive_note_first, archive_note_restarted, archive_note_check,
    // job settings that could not be interpreted (document/job_problem_wording.cpp)
    job_problem_bad_schedule, job_problem_enabled_not_boolean,
    count_
};
// clang-format on

/// The English plural form of a message (a row reads {MSG(id), "one", Plural{"many"}}).
struct Plural {
    std::string_view text;
};

/// One entry of the English table. French and German texts live in po/<lang>.po, not here.
struct MsgText {
    Msg id;
    std::string_view name; // the id as written, e.g. "kind_backup_failed": the msgctxt in the catalogues
    std::string_view en;
    Plural en_plural = {}; // empty: no plural form
};

/// The whole table, in Msg order (tests check it is complete and ordered).
[[nodiscard]] const std::vector<MsgText>& translation_table();

/// A translated message: singular and (when the English has one) plural form.
struct Translation {
    std::string one;
    std::string many;
};

/// The translation of `id` in the embedded catalogue of `lang` (fr or de), or nullptr when the
/// catalogue has none usable: missing, fuzzy, empty, or written for another English text (the
/// report then shows the English). For en: always nullptr.
[[nodiscard]] const Translation* catalogue_translation(Lang lang, Msg id);

class Translator {
public:
    explicit Translator(Lang lang) : m_lang(lang) {}

    [[nodiscard]] Lang lang() const noexcept { return m_lang; }
    /// The text for the language (singular form).
    [[nodiscard]] std::string_view text(Msg id) const;
    /// The singular or plural form for `count`.
    [[nodiscard]] std::string_view text(Msg id, std::int64_t count) const;

    /// fmt::format with the message as format string.
    template <typename... Args>
    [[nodiscard]] std::string format(Msg id, Args&&... args) const {
        return fmt::format(fmt::runtime(text(id)), std::forward<Args>(args)...);
    }
    /// Chooses the form for `count`, then formats with `args` (the count is usually one of them,
    /// already formatted for the language).
    template <typename... Args>
    [[nodiscard]] std::string format_n(Msg id, std::int64_t count, Args&&... args) const {
        return fmt::format(fmt::runtime(text(id, count)), std::forward<Args>(args)...);
    }

    /// "a", "a and b", "a, b and c" / "a, b et c".
    [[nodiscard]] std::string join_words(const std::vector<std::string>& words) const;

private:
    Lang m_lang;
};

} // namespace pvr::document
