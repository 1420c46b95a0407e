#pragma once
// Every word the report prints, in English and French: one table (translations.cpp), looked up by
// message id. Texts are fmt format strings ("{}" or "{0}" placeholders); a message may have a
// plural form, chosen by the language's rule (en: 1 is singular; fr: 0 and 1 are singular).

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
    // relative times
    relative_now, minutes_ago, hours_ago, days_ago, months_ago, years_ago,
    in_minutes, in_hours, in_days, in_months, in_years,
    // months
    month_jan, month_feb, month_mar, month_apr, month_may, month_jun,
    month_jul, month_aug, month_sep, month_oct, month_nov, month_dec,
    // size units (IEC)
    unit_b, unit_kib, unit_mib, unit_gib, unit_tib, unit_pib,
    count_
};
// clang-format on

/// One entry of the table: singular (or only) texts, and plural texts (empty = no plural form).
struct MsgText {
    Msg id;
    std::string_view en;
    std::string_view fr;
    std::string_view en_plural = {};
    std::string_view fr_plural = {};
    std::string_view de = {}; // German; empty: not translated yet (English is shown)
    std::string_view de_plural = {};
};

/// The whole table, in Msg order (tests check it is complete and ordered).
[[nodiscard]] const std::vector<MsgText>& translation_table();

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
