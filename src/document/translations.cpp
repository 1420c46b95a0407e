#include "document/translations.hpp"

#include "core/error.hpp"
#include "core/strings.hpp"
#include "document/catalogues.hpp"
#include "document/po_catalogue.hpp"

#include <array>
#include <map>
#include <stdexcept>

// The English texts. French and German: po/fr.po and po/de.po (gettext catalogues, embedded at
// build time; see docs/translations.md). A row is {MSG(id), "English"} or, with a plural form,
// {MSG(id), "one", Plural{"many"}}; MSG(id) also records the id's name, the catalogues' msgctxt.

namespace pvr::document {

namespace {

using M = Msg;

#define MSG(id) M::id, #id // NOLINT(cppcoreguidelines-macro-usage): the id's name is the msgctxt

// clang-format off
const std::vector<MsgText> k_table = {
    // document
    {MSG(doc_title), "Backup report — {}"},
    {MSG(doc_subject), "Proxmox VE backup coverage and retention"},
    {MSG(doc_keywords), "Proxmox VE, Proxmox Backup Server, backup, coverage, retention, audit"},
    {MSG(doc_author), "pve-backup-report {}"},
    {MSG(footer_page_format), "Page {page} of {pages}"},
    {MSG(contents_title), "Contents"},
    {MSG(unnamed_cluster), "Unnamed cluster"},
    {MSG(standalone_host), "Standalone host {}"},
    // section titles
    {MSG(sec_summary), "Summary"},
    {MSG(sec_pbs_storages), "PBS storages declared in PVE"},
    {MSG(sec_storage_usage), "PBS storage usage"},
    {MSG(sec_retention_policies), "PBS retention policies"},
    {MSG(sec_backup_jobs), "Backup jobs"},
    {MSG(sec_without_backup), "VM/CT without backup"},
    {MSG(sec_coverage), "VM/CT coverage"},
    {MSG(sec_guest_retention), "VM/CT backup retention by PBS"},
    {MSG(sec_anomalies), "Anomalies"},
    {MSG(sec_collection_issues), "Collection issues"},
    // empty sections
    {MSG(empty_pbs_storages), "No PBS storage is declared in PVE."},
    {MSG(empty_storage_usage), "No PBS storage is declared in PVE, so there is no usage to show."},
    {MSG(empty_retention_policies), "No retention policy was found."},
    {MSG(empty_backup_jobs), "No backup job is defined."},
    {MSG(empty_without_backup), "No VM or CT is without backup."},
    {MSG(empty_coverage), "No VM or CT was found."},
    {MSG(empty_guest_retention), "No retention information: no guest has backups on a PBS storage."},
    {MSG(empty_anomalies), "No anomaly was found."},
    {MSG(empty_collection_issues), "Everything was collected: no collection issue."},
    // statuses and labels
    {MSG(status_scheduled), "Backup scheduled"},
    {MSG(status_not_backed_up), "Not backed up"},
    {MSG(status_undetermined), "Undetermined"},
    {MSG(severity_info), "Info"},
    {MSG(severity_warning), "Warning"},
    {MSG(severity_critical), "Critical"},
    {MSG(issue_error), "Error"},
    {MSG(job_enabled), "Enabled"},
    {MSG(job_disabled), "Disabled"},
    {MSG(storage_enabled), "Enabled"},
    {MSG(storage_disabled), "Disabled"},
    {MSG(yes), "Yes"},
    {MSG(no), "No"},
    {MSG(unknown), "Unknown"},
    {MSG(not_available), "Not available"},
    // summary
    {MSG(summary_cluster), "Cluster"},
    {MSG(summary_generated), "Generated"},
    {MSG(summary_pve_version), "Proxmox VE version"},
    {MSG(summary_nodes), "Nodes"},
    {MSG(summary_quorum), "Quorum"},
    {MSG(summary_tool), "Report tool"},
    {MSG(summary_time_zone), "Time zone"},
    {MSG(nodes_online), "{0} ({1} of {2} online)"},
    {MSG(quorate), "Quorate"},
    {MSG(not_quorate), "Not quorate"},
    {MSG(summary_inventory_source), "Guest inventory from"},
    {MSG(summary_node_source), "Node list from"},
    {MSG(inventory_source_node_lists), "the lists of each online node (/nodes/<node>/qemu and /lxc)"},
    {MSG(node_source_cluster_status), "/cluster/status (/nodes could not be read)"},
    {MSG(kf_guests), "Guests (VM/CT)"},
    {MSG(kf_guests_detail), "{} template", Plural{"{} templates"}},
    {MSG(kf_covered), "Covered"},
    {MSG(kf_covered_detail), "{0} of {1} guests"},
    {MSG(kf_not_backed_up), "Not backed up"},
    {MSG(kf_undetermined), "Undetermined"},
    {MSG(kf_jobs), "Backup jobs"},
    {MSG(kf_jobs_detail), "{} enabled", Plural{"{} enabled"}},
    {MSG(kf_anomalies), "Anomalies"},
    {MSG(kf_anomalies_detail), "{} critical", Plural{"{} critical"}},
    {MSG(kf_overdue), "Overdue backups"},
    {MSG(kf_last_failed), "Last backup failed"},
    {MSG(chart_coverage), "Coverage by status"},
    {MSG(verdict_critical_title), "Backups are incomplete"},
    {MSG(verdict_warning_title), "Backups need attention"},
    {MSG(verdict_good_title), "All guests are covered"},
    {MSG(verdict_empty_title), "No guest found"},
    {MSG(verdict_part_not_backed_up), "{} guest is not backed up", Plural{"{} guests are not backed up"}},
    {MSG(verdict_part_critical), "{} critical anomaly was found", Plural{"{} critical anomalies were found"}},
    {MSG(verdict_part_undetermined), "{} guest has an undetermined status", Plural{"{} guests have an undetermined status"}},
    {MSG(verdict_part_warnings), "{} anomaly needs attention", Plural{"{} anomalies need attention"}},
    {MSG(verdict_part_issues), "{} collection issue hides part of the cluster", Plural{"{} collection issues hide part of the cluster"}},
    {MSG(verdict_good_text), "The only guest is included in an enabled backup job, and nothing needs attention.", Plural{"All {} guests are included in at least one enabled backup job, and nothing needs attention."}},
    {MSG(verdict_empty_text), "No VM or CT was found in the cluster, so there is nothing to back up."},
    {MSG(verdict_rule), "Verdict rule: critical if a guest is not backed up or a critical anomaly was found; needs attention if a guest’s status is undetermined, an anomaly is a warning or something could not be collected; good otherwise."},
    {MSG(list_and), " and "},
    {MSG(list_separator), ", "},
    {MSG(sentence_end), "."},
    // storages
    {MSG(col_storage), "Storage"},
    {MSG(col_state), "State"},
    {MSG(col_server), "Server"},
    {MSG(col_datastore), "Datastore"},
    {MSG(col_namespace), "Namespace"},
    {MSG(col_nodes), "Nodes"},
    {MSG(col_retention), "Retention"},
    {MSG(col_encryption), "Encryption"},
    {MSG(namespace_root), "root"},
    {MSG(all_nodes), "All"},
    {MSG(encrypted), "Encrypted"},
    {MSG(not_encrypted), "Not encrypted"},
    {MSG(keep_not_set), "Not set"},
    {MSG(keep_all), "Keep all"},
    {MSG(usage_chart_title), "Used space"},
    {MSG(usage_value), "{0} of {1} used ({2}), {3} free"},
    {MSG(usage_thresholds), "Marks at {0} and {1} of capacity: warning and critical thresholds."},
    {MSG(usage_not_collected_all), "Usage was not collected: PBS was not queried or did not answer."},
    {MSG(usage_not_collected_some), "Usage was not collected for {}."},
    {MSG(col_used), "Used"},
    {MSG(col_total), "Total"},
    {MSG(col_free), "Free"},
    {MSG(col_usage), "Usage"},
    // retention policies
    {MSG(col_source), "Source"},
    {MSG(col_id), "ID"},
    {MSG(col_schedule), "Schedule"},
    {MSG(col_keep), "Keep"},
    {MSG(retention_policies_intro), "Retention is set in PVE (on a backup job or a storage; the job’s setting wins) and in PBS (prune jobs and datastores)."},
    {MSG(source_pve_job), "PVE backup job"},
    {MSG(source_pve_storage), "PVE storage"},
    {MSG(source_pbs_prune_job), "PBS prune job"},
    {MSG(source_pbs_datastore), "PBS datastore"},
    {MSG(ns_max_depth), "{0}, depth {1}"},
    {MSG(ns_all_levels), "{0}, all levels"},
    // backup jobs
    {MSG(col_job), "Job"},
    {MSG(col_next_run), "Next run"},
    {MSG(col_mode), "Mode"},
    {MSG(col_selection), "Selection"},
    {MSG(col_comment), "Comment"},
    {MSG(mode_snapshot), "Snapshot"},
    {MSG(mode_suspend), "Suspend"},
    {MSG(mode_stop), "Stop"},
    {MSG(default_storage), "Default storage"},
    {MSG(no_schedule), "No schedule"},
    {MSG(legacy_job), "legacy vzdump.cron job"},
    {MSG(selection_all), "All guests"},
    {MSG(selection_all_except), "All guests except {}"},
    {MSG(selection_pool), "Pool {}"},
    {MSG(selection_vmids), "VMID {}", Plural{"VMIDs {}"}},
    {MSG(selection_node_only), "{0}, node {1} only"},
    {MSG(selection_exclude_without_all), "No guest (excludes {} without “all”)"},
    {MSG(selection_none), "No guest selected"},
    {MSG(jobs_problems_heading), "Settings that could not be interpreted"},
    {MSG(job_problem_line), "{0}: {1}"},
    {MSG(jobs_caption), "Times in {}."},
    // guests
    {MSG(col_vmid), "VMID"},
    {MSG(col_name), "Name"},
    {MSG(col_type), "Type"},
    {MSG(col_node), "Node"},
    {MSG(col_disabled_jobs), "Disabled jobs"},
    {MSG(col_reason), "Reason"},
    {MSG(col_guest_state), "State"},
    {MSG(col_coverage), "Coverage"},
    {MSG(col_jobs), "Jobs"},
    {MSG(col_last_backup), "Last backup"},
    {MSG(col_notes), "Notes"},
    {MSG(type_vm), "VM"},
    {MSG(type_ct), "CT"},
    {MSG(type_template), "{} template"},
    {MSG(guest_running), "Running"},
    {MSG(guest_stopped), "Stopped"},
    {MSG(guest_paused), "Paused"},
    {MSG(guest_unknown), "Unknown"},
    {MSG(without_backup_intro), "{} guest is included in no enabled backup job.", Plural{"{} guests are included in no enabled backup job."}},
    {MSG(reason_only_disabled), "Only disabled jobs include it: {}."},
    {MSG(reason_no_job), "No enabled backup job includes it."},
    {MSG(coverage_caption), "{0} guest; times in {1}.", Plural{"{0} guests; times in {1}."}},
    {MSG(notes_not_read), "Not read"},
    {MSG(backup_none_seen), "None seen"},
    {MSG(last_backup_cell), "{0} ({1})"},
    {MSG(last_task_cell), "{0} ({1}), {2} (task)"},
    {MSG(task_ok), "OK"},
    {MSG(task_failed), "failed"},
    {MSG(overdue_mark), "{}, overdue"},
    {MSG(overdue_alone), "Overdue"},
    // guest retention
    {MSG(col_policy), "Policy"},
    {MSG(col_expected), "Expected"},
    {MSG(col_actual), "Actual"},
    {MSG(col_delta), "Delta"},
    {MSG(guest_retention_intro), "Expected: the versions the policy keeps in steady state for the guest’s schedule; actual: finished snapshots on PBS; delta = actual − expected."},
    {MSG(retention_unavailable), "—: figure unavailable; the notes say why (notes are written in English by the analysis)."},
    {MSG(guest_retention_caption), "Dates in {}; last backup and verification: the guest’s newest backup, on the row of its storage."},
    {MSG(col_oldest_snapshot), "Oldest snapshot"},
    {MSG(col_verification), "Verification"},
    {MSG(policy_node_default), "Node default (keep all, assumed)"},
    {MSG(policy_pbs_jobs), "PBS prune: {}"},
    {MSG(policy_with_pbs), "{0}; {1}"},
    {MSG(verification_ok), "OK"},
    {MSG(verification_failed), "Failed"},
    {MSG(verification_none), "Not verified"},
    {MSG(verification_last_ok), "{0} (last OK {1})"},
    {MSG(orphans_heading), "Orphan backup groups"},
    {MSG(orphans_intro), "Backup groups in the namespace of a PBS storage that match no VM/CT of the cluster: deleted guests, or guests of another cluster sharing the namespace."},
    {MSG(empty_orphans), "No orphan group."},
    {MSG(col_group), "Group"},
    {MSG(col_snapshots), "Snapshots"},
    // anomalies
    {MSG(col_severity), "Severity"},
    {MSG(col_kind), "Kind"},
    {MSG(col_subject), "Subject"},
    {MSG(col_message), "Message"},
    {MSG(anomalies_counts), "Critical: {0} · Warning: {1} · Info: {2}"},
    {MSG(messages_in_english), "Detailed messages are written in English by the analysis."},
    {MSG(kind_guest_not_backed_up), "Guest not backed up"},
    {MSG(kind_guest_only_disabled_jobs), "Only disabled jobs"},
    {MSG(kind_volumes_excluded), "Volumes excluded"},
    {MSG(kind_backup_failed), "Backup failed"},
    {MSG(kind_job_disabled), "Job disabled"},
    {MSG(kind_job_includes_nothing), "Job includes nothing"},
    {MSG(kind_job_unknown_vmid), "Unknown VMID"},
    {MSG(kind_job_unknown_node), "Unknown node"},
    {MSG(kind_job_pool_unknown), "Unknown pool"},
    {MSG(kind_job_storage_missing), "Storage missing"},
    {MSG(kind_job_storage_disabled), "Storage disabled"},
    {MSG(kind_job_uninterpretable), "Job setting not understood"},
    {MSG(kind_job_no_schedule), "Job without schedule"},
    {MSG(kind_not_backed_up_mismatch), "PVE disagrees"},
    {MSG(kind_retention_mismatch), "Retention mismatch"},
    {MSG(kind_backup_stale), "Backup too old"},
    {MSG(kind_verification_failed), "Verification failed"},
    {MSG(kind_storage_usage_high), "Storage nearly full"},
    {MSG(kind_exception_expired), "Exception expired"},
    {MSG(kind_exception_unused), "Exception unused"},
    {MSG(kind_duplicate_vmid), "VMID listed twice"},
    {MSG(kind_duplicate_job), "Job listed twice"},
    {MSG(kind_job_duplicate_vmid), "Job names a VMID twice"},
    {MSG(kind_duplicate_storage), "Storage listed twice"},
    // collection issues
    {MSG(col_endpoint), "Endpoint"},
    {MSG(collection_issues_intro), "What could not be seen, and why: the figures above may be incomplete for these parts."},
    {MSG(issue_permission_missing), "GET {endpoint} was refused (HTTP 403): the API token lacks {privilege} on {path}."},
    {MSG(issue_permission_probably_missing), "GET {endpoint} was refused (HTTP 403): the API token probably lacks {privilege} on {path}."},
    {MSG(issue_permission_probably_missing_anywhere), "GET {endpoint} was refused (HTTP 403): the API token probably lacks {privilege}."},
    {MSG(issue_permission_denied), "GET {endpoint} was refused (HTTP 403): the API token lacks a privilege."},
    {MSG(issue_auth_refused), "GET {endpoint}: the API token was refused (wrong secret, token expired or deleted, or user disabled)."},
    {MSG(issue_http_status), "GET {endpoint} failed: HTTP {status} “{reason}”."},
    {MSG(issue_http_status_bare), "GET {endpoint} failed: HTTP {status}."},
    {MSG(issue_endpoint_unreachable), "GET {endpoint}: the server could not be reached (“{detail}”)."},
    {MSG(issue_request_timeout), "GET {endpoint} timed out (“{detail}”)."},
    {MSG(issue_certificate_untrusted), "GET {endpoint}: the server’s TLS certificate is not trusted (“{detail}”)."},
    {MSG(issue_response_too_large), "GET {endpoint}: the answer is larger than allowed (“{detail}”)."},
    {MSG(issue_answer_unusable), "The answer to GET {endpoint} is unusable: “{detail}”."},
    {MSG(issue_request_failed), "GET {endpoint} failed: “{detail}”."},
    {MSG(issue_deadline_exceeded), "The run’s time allowance (REPORT_DEADLINE) ran out during GET {endpoint}; the requests after it were not made."},
    {MSG(issue_invalid_utf8), "The answer to GET {endpoint} contained {count} invalid UTF-8 sequence, replaced by U+FFFD.", Plural{"The answer to GET {endpoint} contained {count} invalid UTF-8 sequences, replaced by U+FFFD."}},
    {MSG(issue_field_unreadable), "GET {endpoint}: {location} could not be read and was ignored (“{detail}”)."},
    {MSG(issue_field_unreadable_anywhere), "GET {endpoint}: a value could not be read and was ignored (“{detail}”)."},
    {MSG(issue_entry_skipped), "GET {endpoint}: {location} could not be read, the entry was left out (“{detail}”)."},
    {MSG(issue_entry_skipped_anywhere), "GET {endpoint}: an entry could not be read and was left out (“{detail}”)."},
    {MSG(issue_field_wrong_type), "GET {endpoint}: {location} should be {expected}, not {value}; the value was ignored."},
    {MSG(issue_entry_wrong_type), "GET {endpoint}: {location} should be {expected}, not {value}; the entry was left out."},
    {MSG(issue_entry_missing_field), "GET {endpoint}: {location} has no “{field}”; the entry was left out."},
    {MSG(issue_more_entries_unreadable), "GET {endpoint}: {count} more entry could not be read completely.", Plural{"GET {endpoint}: {count} more entries could not be read completely."}},
    {MSG(issue_node_unreachable), "Node {node} did not answer (HTTP {status}): its task history and guest configurations could not be read."},
    {MSG(issue_node_offline), "Node {node} is offline: its task history and guest configurations could not be read."},
    {MSG(issue_node_unavailable), "Node {node} has status “{status}”: its task history and guest configurations could not be read."},
    {MSG(issue_node_list_fallback), "The node list comes from GET /cluster/status: GET /nodes failed (“{reason}”)."},
    {MSG(issue_node_list_empty_fallback), "The node list comes from GET /cluster/status: GET /nodes listed no node."},
    {MSG(issue_inventory_fallback), "The guest inventory comes from the guest lists of each online node: GET /cluster/resources failed (“{reason}”); pools and HA states are not known from these lists."},
    {MSG(issue_node_guests_unlisted), "The guests of node {node} (status “{status}”) are not listed: GET /cluster/resources failed and the node cannot list its own guests."},
    {MSG(issue_storages_hidden), "No storage is visible: the API token lacks {privilege}, and PVE hides the storages it may not audit."},
    {MSG(issue_guests_hidden), "No guest is visible: the API token lacks {privilege}, and PVE hides the guests it may not audit."},
    {MSG(issue_pools_hidden), "No pool is visible: the API token lacks {privilege}, and PVE hides the pools it may not audit."},
    {MSG(issue_tasks_hidden), "No task is visible: the API token lacks {privilege} on {path}, and PVE then shows only the tasks the token started itself."},
    {MSG(issue_node_tasks_hidden), "No backup task is visible on node {node}: the API token lacks {privilege} on {path}, and PVE then shows only the tasks the token started itself."},
    {MSG(issue_time_zone_missing), "The time zone of node {node} is unknown: the answer to GET {endpoint} has no “timezone”."},
    {MSG(issue_pbs_client_failed), "PBS {server}: the HTTP client could not be set up (“{detail}”); the snapshots of storage {storages} were not collected.", Plural{"PBS {server}: the HTTP client could not be set up (“{detail}”); the snapshots of storages {storages} were not collected."}},
    {MSG(issue_pbs_token_refused), "PBS {server} refused the API token {token} (“{reason}”): check {token_variable} and {secret_variable} (wrong secret, token expired or deleted, or user disabled); the snapshots of storage {storages} were not collected.", Plural{"PBS {server} refused the API token {token} (“{reason}”): check {token_variable} and {secret_variable} (wrong secret, token expired or deleted, or user disabled); the snapshots of storages {storages} were not collected."}},
    {MSG(issue_pbs_fingerprint_mismatch), "The fingerprint of storage {storage} ({fingerprint}) does not match the TLS certificate of PBS {server}: the certificate was probably renewed or replaced; update the fingerprint of storage {storage} (or set {variable}); the snapshots of storage {storages} were not collected.", Plural{"The fingerprint of storage {storage} ({fingerprint}) does not match the TLS certificate of PBS {server}: the certificate was probably renewed or replaced; update the fingerprint of storage {storage} (or set {variable}); the snapshots of storages {storages} were not collected."}},
    {MSG(issue_pbs_fingerprint_override_mismatch), "{variable} ({fingerprint}), used for storage {storage}, does not match the TLS certificate of PBS {server}: the certificate was probably renewed or replaced; update {variable}; the snapshots of storage {storages} were not collected.", Plural{"{variable} ({fingerprint}), used for storage {storage}, does not match the TLS certificate of PBS {server}: the certificate was probably renewed or replaced; update {variable}; the snapshots of storages {storages} were not collected."}},
    {MSG(issue_pbs_certificate_untrusted), "The TLS certificate of PBS {server} is not trusted (“{detail}”); the snapshots of storage {storages} were not collected.", Plural{"The TLS certificate of PBS {server} is not trusted (“{detail}”); the snapshots of storages {storages} were not collected."}},
    {MSG(issue_pbs_unreachable), "PBS {server} could not be reached (“{reason}”); the snapshots of storage {storages} were not collected.", Plural{"PBS {server} could not be reached (“{reason}”); the snapshots of storages {storages} were not collected."}},
    {MSG(issue_pbs_not_pbs), "PBS {server} did not answer like a Proxmox Backup Server (“{detail}”); the snapshots of storage {storages} were not collected.", Plural{"PBS {server} did not answer like a Proxmox Backup Server (“{detail}”); the snapshots of storages {storages} were not collected."}},
    {MSG(issue_pbs_version_failed), "GET /version on PBS {server} failed (“{reason}”); the snapshots of storage {storages} were not collected.", Plural{"GET /version on PBS {server} failed (“{reason}”); the snapshots of storages {storages} were not collected."}},
    {MSG(issue_datastore_invisible), "Datastore “{datastore}” is not visible on PBS {server}: it does not exist, or the token probably lacks Datastore.Audit on /datastore/{datastore}; the snapshots of storage {storages} were not collected.", Plural{"Datastore “{datastore}” is not visible on PBS {server}: it does not exist, or the token probably lacks Datastore.Audit on /datastore/{datastore}; the snapshots of storages {storages} were not collected."}},
    {MSG(issue_datastore_usage_hidden), "The usage of datastore “{datastore}” on PBS {server} is not visible: the token probably lacks {privilege} on {path}."},
    {MSG(issue_datastore_usage_error), "The usage of datastore “{datastore}” on PBS {server} could not be read: “{reason}”."},
    {MSG(issue_namespace_missing), "Namespace “{namespace}” of storage {storage} is not among the namespaces of datastore “{datastore}” on PBS {server}: it does not exist, or the token lacks {privilege} on {path}."},
    {MSG(issue_datastore_retention_hidden), "The retention of datastore “{datastore}” on PBS {server} (PBS < 2.2.2: keep-* options of the datastore) is not visible: the token probably lacks {privilege} on {path}."},
    {MSG(issue_prune_jobs_hidden), "The prune jobs of datastore “{datastore}” on PBS {server} may be hidden: the token lacks {privilege} on {path} (PBS lists only the jobs the token may audit); the PBS-side retention is unknown."},
    {MSG(issue_snapshots_filtered), "The snapshot list of storage {storage} (datastore “{datastore}”) on PBS {server} is empty and the token lacks {privilege} on {path}: PBS hides the backup groups the token does not own, so the list may be filtered; its snapshots are counted as unknown."},
    {MSG(issue_snapshots_unchecked), "The snapshot list of storage {storage} (datastore “{datastore}”) on PBS {server} is empty and the token’s privileges on {path} could not be checked: PBS hides the backup groups the token does not own, so the list may be filtered; its snapshots are counted as unknown."},
    {MSG(issue_pbs_storage_no_datastore), "Storage {storage} has no datastore in the PVE storage configuration: its snapshots were not collected."},
    {MSG(issue_pbs_storage_no_server), "Storage {storage} has no server in the PVE storage configuration (set {variable}): its snapshots were not collected."},
    {MSG(issue_pbs_storage_bad_url), "Storage {storage}: server “{server}” and port {port} do not make a PBS URL (“{detail}”; set {variable}): its snapshots were not collected."},
    {MSG(issue_pbs_no_token), "No PBS API token applies to storage {storage} (set PBS_TOKEN_ID and PBS_TOKEN_SECRET, or {token_variable} and {secret_variable}): its snapshots were not collected."},
    {MSG(issue_pbs_bad_fingerprint), "Storage {storage}: its fingerprint “{fingerprint}” is not a SHA-256 certificate fingerprint (32 hex bytes separated by “:”); correct it or set {variable}. Its snapshots were not collected."},
    {MSG(value_type_boolean), "a boolean"},
    {MSG(value_type_integer), "an integer"},
    {MSG(value_type_string), "a string"},
    {MSG(value_type_object), "an object"},
    {MSG(issue_repeated), "{message} ({count} time, e.g. {examples}).", Plural{"{message} ({count} times, e.g. {examples})."}},
    // accepted exceptions
    {MSG(sec_exceptions), "Accepted exceptions"},
    {MSG(empty_exceptions), "No accepted exception (EXCEPTIONS_FILE, EXEMPT_TAG)."},
    {MSG(exceptions_intro), "Known gaps accepted by their owners. What an exception accepts keeps its true status everywhere in this report, but leaves the verdict. An expired exception accepts nothing any more."},
    {MSG(exceptions_counts), "Active: {0} · Expired: {1} · Unused: {2} · Accepted findings: {3}"},
    {MSG(exceptions_source), "Source: {}"},
    {MSG(col_exception), "Exception"},
    {MSG(col_matches), "Matches"},
    {MSG(col_applies_to), "Applies to"},
    {MSG(col_accepts), "Accepts"},
    {MSG(col_owner), "Owner"},
    {MSG(col_until), "Until"},
    {MSG(col_finding), "Finding"},
    {MSG(exception_active), "Active"},
    {MSG(exception_expired), "Expired"},
    {MSG(exception_unused), "Unused"},
    {MSG(owner_unknown), "unknown"},
    {MSG(until_none), "no expiry"},
    {MSG(exception_tag_reason), "Tagged {} in PVE"},
    {MSG(accepted_findings_heading), "Accepted findings"},
    {MSG(accepted_by), "Accepted ({}) —"},
    {MSG(summary_accepted), "Accepted by exceptions (left out of the verdict) — guests not backed up: {0} · anomalies: {1}. See Accepted exceptions."},
    {MSG(kf_accepted_detail), "{} accepted", Plural{"{} accepted"}},
    // changes since the previous report (summary)
    {MSG(changes_heading), "Changes since {}"},
    {MSG(changes_first_report), "First report for this cluster: no earlier report to compare with."},
    {MSG(changes_none), "No change since {}."},
    {MSG(changes_lost_coverage), "Lost coverage"},
    {MSG(changes_new_unprotected), "New and unprotected"},
    {MSG(changes_new_guests), "New guests"},
    {MSG(changes_gained_coverage), "Gained coverage"},
    {MSG(changes_removed_guests), "Removed guests"},
    {MSG(changes_new_failures), "New failed backups"},
    {MSG(changes_new_anomalies), "New anomalies"},
    {MSG(changes_resolved_anomalies), "Resolved anomalies"},
    {MSG(changes_ongoing_anomalies), "Ongoing anomalies"},
    {MSG(changes_jobs), "Backup jobs"},
    {MSG(changes_retention), "Retention policies"},
    {MSG(changes_days_open), "{} day", Plural{"{} days"}},
    {MSG(changes_item_added), "{} added"},
    {MSG(changes_item_removed), "{} removed"},
    {MSG(changes_item_enabled), "{} enabled"},
    {MSG(changes_item_disabled), "{} disabled"},
    {MSG(changes_item_retention), "{0}: retention {1} → {2}"},
    {MSG(changes_item_keep), "{0}: {1} → {2}"},
    // trends and capacity (issue 11)
    {MSG(sec_trends), "Trends"},
    {MSG(sec_capacity), "PBS capacity forecast"},
    {MSG(trends_not_read), "The history of previous reports was not read: no trend can be shown."},
    {MSG(trends_single_run), "Trends appear from the second kept report on: this report is the only one of this cluster so far."},
    {MSG(trends_intro), "{0} report from {1} to {2} (the last {3} at most, this one included).", Plural{"{0} reports from {1} to {2} (the last {3} at most, this one included)."}},
    {MSG(chart_coverage_30), "Coverage, last {} reports"},
    {MSG(chart_coverage_90), "Coverage, last {} reports"},
    {MSG(chart_problems), "Guests not backed up, failed and overdue backups"},
    {MSG(chart_anomalies), "Anomalies by severity"},
    {MSG(chart_datastore), "Datastore {0} on {1}: used and total space"},
    {MSG(axis_percent), "Coverage (%)"},
    {MSG(axis_count), "Count"},
    {MSG(axis_space), "Space ({})"},
    {MSG(series_coverage), "Coverage"},
    {MSG(series_not_backed_up), "Not backed up"},
    {MSG(series_failed), "Failed"},
    {MSG(series_overdue), "Overdue"},
    {MSG(series_used), "Used"},
    {MSG(series_total), "Total"},
    {MSG(datastore_no_series), "Datastore {0} on {1}: its usage was read in fewer than two reports."},
    {MSG(capacity_intro), "When each PBS datastore will be full: PBS’s own estimate when it gives one, otherwise a straight line through the used space of the last 30 reports (at least 5, over 3 days or more). Fewer than {} days left is an anomaly (CAPACITY_WARN_DAYS)."},
    {MSG(capacity_empty), "No PBS datastore usage was read: there is no capacity forecast."},
    {MSG(col_full_in), "Full in"},
    {MSG(col_full_on), "Full on"},
    {MSG(col_basis), "Basis"},
    {MSG(col_growth), "Growth per day"},
    {MSG(full_in_days), "{} day", Plural{"{} days"}},
    {MSG(full_now), "Now"},
    {MSG(growth_per_day), "{}/day"},
    {MSG(basis_pbs_estimate), "PBS estimate"},
    {MSG(basis_history_fit), "Trend of the last {} reports"},
    {MSG(basis_not_growing), "Not growing"},
    {MSG(basis_insufficient), "Not enough history yet"},
    {MSG(kind_datastore_full_soon), "Datastore full soon"},
    // relative times
    {MSG(relative_now), "just now"},
    {MSG(minutes_ago), "{} minute ago", Plural{"{} minutes ago"}},
    {MSG(hours_ago), "{} hour ago", Plural{"{} hours ago"}},
    {MSG(days_ago), "{} day ago", Plural{"{} days ago"}},
    {MSG(months_ago), "{} month ago", Plural{"{} months ago"}},
    {MSG(years_ago), "{} year ago", Plural{"{} years ago"}},
    {MSG(in_minutes), "in {} minute", Plural{"in {} minutes"}},
    {MSG(in_hours), "in {} hour", Plural{"in {} hours"}},
    {MSG(in_days), "in {} day", Plural{"in {} days"}},
    {MSG(in_months), "in {} month", Plural{"in {} months"}},
    {MSG(in_years), "in {} year", Plural{"in {} years"}},
    // months
    {MSG(month_jan), "Jan"},
    {MSG(month_feb), "Feb"},
    {MSG(month_mar), "Mar"},
    {MSG(month_apr), "Apr"},
    {MSG(month_may), "May"},
    {MSG(month_jun), "Jun"},
    {MSG(month_jul), "Jul"},
    {MSG(month_aug), "Aug"},
    {MSG(month_sep), "Sep"},
    {MSG(month_oct), "Oct"},
    {MSG(month_nov), "Nov"},
    {MSG(month_dec), "Dec"},
    // size units (IEC binary prefixes, as in the PVE and PBS interfaces)
    {MSG(unit_b), "B"},
    {MSG(unit_kib), "KiB"},
    {MSG(unit_mib), "MiB"},
    {MSG(unit_gib), "GiB"},
    {MSG(unit_tib), "TiB"},
    {MSG(unit_pib), "PiB"},
    // facts (issue 13): the wording of the analysis' findings (document/fact_wording.cpp)
    {MSG(fact_template_guest), "template {}"},
    {MSG(fact_location), "storage {0} (datastore {1}, {2})"},
    {MSG(fact_namespace), "namespace {}"},
    {MSG(fact_root_namespace), "root namespace"},
    {MSG(fact_more), "{} more", Plural{"{} more"}},
    {MSG(fact_guest_on_node), "{0} on {1}"},
    {MSG(fact_default_storage), "the default storage"},
    {MSG(fact_minutes), "{} minute", Plural{"{} minutes"}},
    {MSG(fact_hours), "{} hour", Plural{"{} hours"}},
    {MSG(fact_days), "{} day", Plural{"{} days"}},
    {MSG(fact_clause_node_only), "job {0} only runs on node {1} but the guest is on {2}"},
    {MSG(fact_clause_excludes), "job {} excludes it"},
    {MSG(fact_match_vmids), "vmid {}"},
    {MSG(fact_match_name), "name '{}'"},
    {MSG(fact_match_pool), "pool {}"},
    {MSG(fact_match_tag), "tag {}"},
    {MSG(fact_exception_place), " ({0} line {1})"},
    {MSG(fact_policy_pve), "PVE {}"},
    {MSG(fact_policy_pbs), "PBS {}"},
    {MSG(fact_policy_node_default), "PVE node default (assumed keep-all)"},
    {MSG(fact_volume_reason), "{0} ({1})"},
    {MSG(fact_volume_efidisk), "efidisk but no OVMF BIOS"},
    {MSG(fact_volume_mount_point), "mount point without backup=1"},
    {MSG(fact_volume_bind_mount), "bind mount"},
    {MSG(fact_volume_not_a_volume), "not a volume"},
    {MSG(kind_backup_overdue), "Backup overdue"},
    {MSG(kind_never_verified), "Not verified recently"},
    {MSG(kind_pbs_orphan_group), "Orphan PBS group"},
    {MSG(kind_pbs_no_retention), "Never pruned"},
    {MSG(kind_pbs_policies_overlap), "Pruning overlaps"},
    {MSG(fact_guest_not_backed_up_plain), "{guest} on node {node} is not backed up by any enabled job."},
    {MSG(fact_guest_not_backed_up_disabled_jobs), "{guest} on node {node} is not backed up by any enabled job (only the disabled job {jobs} would include it).", Plural{"{guest} on node {node} is not backed up by any enabled job (only the disabled jobs {jobs} would include it)."}},
    {MSG(fact_guest_not_backed_up_explained), "{guest} on node {node} is not backed up by any enabled job ({why})."},
    {MSG(fact_guest_only_disabled_jobs), "{guest} is only included by the disabled job {jobs}; enable it or add the guest to an enabled job.", Plural{"{guest} is only included by the disabled jobs {jobs}; enable one of them or add the guest to an enabled job."}},
    {MSG(fact_volumes_excluded), "{guest} is backed up without volume {volumes}.", Plural{"{guest} is backed up without volumes {volumes}."}},
    {MSG(fact_backup_failed_error), "The last backup of {guest} on node {node} at {time} failed: {error}"},
    {MSG(fact_backup_failed_no_error), "The last backup of {guest} on node {node} at {time} failed (no error text in the task log)."},
    {MSG(fact_job_disabled_unknown), "Job {job} ({selection}) is disabled; what it would back up is unknown."},
    {MSG(fact_job_disabled_nothing), "Job {job} ({selection}) is disabled and would back up no guest."},
    {MSG(fact_job_disabled_guests), "Job {job} is disabled; it would back up {guests} to {storage}."},
    {MSG(fact_job_includes_nothing_no_selection), "Job {job} includes no existing guest: it selects no pool, no VMID and not all guests."},
    {MSG(fact_job_includes_nothing_exclude_without_all), "Job {job} includes no existing guest: it has exclude {exclude} without all, which Proxmox VE counts as selecting nothing (a manual run would back up every other guest)."},
    {MSG(fact_job_includes_nothing_empty_pool), "Job {job} includes no existing guest: pool {pool} has no existing guest as direct member."},
    {MSG(fact_job_includes_nothing_vmids_missing), "Job {job} includes no existing guest: none of the VMIDs it names exists."},
    {MSG(fact_job_includes_nothing_no_guest), "Job {job} includes no existing guest: the cluster has no guest."},
    {MSG(fact_job_includes_nothing_all_excluded), "Job {job} includes no existing guest: every guest is excluded."},
    {MSG(fact_job_includes_nothing_other_nodes), "Job {job} includes no existing guest: it only runs on node {job_node} but its guests live elsewhere ({guests})."},
    {MSG(fact_job_unknown_vmid_node), "Job {job} names a VMID that does not exist ({vmids}); each run reports an error for it on node {job_node}.", Plural{"Job {job} names VMIDs that do not exist ({vmids}); each run reports an error for them on node {job_node}."}},
    {MSG(fact_job_unknown_vmid_every_node), "Job {job} names a VMID that does not exist ({vmids}); each run reports an error for it on every node.", Plural{"Job {job} names VMIDs that do not exist ({vmids}); each run reports an error for them on every node."}},
    {MSG(fact_job_unknown_node), "Job {job} is restricted to node {job_node}, which is not a node of this cluster; it never runs."},
    {MSG(fact_job_pool_unknown), "Job {job} selects pool {pool}, which was not found (deleted, or not visible to the API token); its runs fail and Proxmox VE's not-backed-up check returns an error."},
    {MSG(fact_job_storage_missing), "Job {job} writes to storage {storage}, which does not exist (or is not visible to the API token); its runs fail."},
    {MSG(fact_job_storage_disabled_disabled), "Job {job} writes to storage {storage}, which is disabled; its runs fail."},
    {MSG(fact_job_storage_disabled_job_node), "Job {job} runs on node {job_node}, where storage {storage} is not available; its runs fail."},
    {MSG(fact_job_storage_disabled_guest_nodes), "Storage {storage} of job {job} is not available on node {nodes}, so the backups of {guests} fail.", Plural{"Storage {storage} of job {job} is not available on nodes {nodes}, so the backups of {guests} fail."}},
    {MSG(fact_job_uninterpretable), "Job {job} has a setting that could not be interpreted ({problem}); the analysis ignores it."},
    {MSG(fact_job_no_schedule), "Job {job} has no schedule; it never runs automatically."},
    {MSG(fact_not_backed_up_mismatch_pve_lists_included), "Proxmox VE lists {guest} as not backed up, but job {jobs} includes it.", Plural{"Proxmox VE lists {guest} as not backed up, but jobs {jobs} include it."}},
    {MSG(fact_not_backed_up_mismatch_pve_omits), "Proxmox VE does not list {guest} as not backed up, but no backup job (enabled or disabled) includes it."},
    {MSG(fact_not_backed_up_mismatch_unknown_guest), "Proxmox VE lists {guest} as not backed up, but it is not among the collected guests."},
    {MSG(fact_duplicate_vmid), "VMID {vmid} is listed {count} times in the guest inventory (on node {nodes}); it is counted once, as the guest on {node}: a VMID must be unique in a cluster.", Plural{"VMID {vmid} is listed {count} times in the guest inventory (on nodes {nodes}); it is counted once, as the guest on {node}: a VMID must be unique in a cluster."}},
    {MSG(fact_duplicate_job), "Job {job} is listed more than once by /cluster/backup; only the first entry is taken into account."},
    {MSG(fact_job_duplicate_vmid), "Job {job} names VMID {vmid} more than once; it is counted once."},
    {MSG(fact_duplicate_storage), "Storage {storage} is listed more than once by /storage; only the first entry is taken into account."},
    {MSG(fact_exception_expired), "The accepted exception {exception}{place} for {match} ({accepts}; owner {owner}) expired on {until}: it no longer accepts anything. Renew its date or remove it."},
    {MSG(fact_exception_unused_taken), "The accepted exception {exception}{place} for {match} applies to no guest: every guest it matches is already taken by an earlier exception. Merge or remove it."},
    {MSG(fact_exception_unused_no_match), "The accepted exception {exception}{place} for {match} matches no guest of the cluster. Remove it, or correct what it matches."},
    {MSG(fact_backup_overdue_last_backup), "{guest} has no backup on storage {storage} since the scheduled run at {due} (job {jobs}, grace {grace}); its last backup there is from {last}, {age} ago.", Plural{"{guest} has no backup on storage {storage} since the scheduled run at {due} (jobs {jobs}, grace {grace}); its last backup there is from {last}, {age} ago."}},
    {MSG(fact_backup_overdue_no_backup), "{guest} has no backup on storage {storage} since the scheduled run at {due} (job {jobs}, grace {grace}); it has no backup there at all.", Plural{"{guest} has no backup on storage {storage} since the scheduled run at {due} (jobs {jobs}, grace {grace}); it has no backup there at all."}},
    {MSG(fact_verification_failed), "The last backup of {guest} (storage {storage}, {time}) failed verification."},
    {MSG(fact_never_verified_never), "No backup of {guest} was verified successfully in the last {days} days: none of its backups was ever verified successfully."},
    {MSG(fact_never_verified_last_verified), "No backup of {guest} was verified successfully in the last {days} days: the last successful verification was at {last}, {age} ago."},
    {MSG(fact_pbs_orphan_group_no_guest), "Group {group} on {where} has {count} backup (last {last}) but no {backup_label} {backup_id} exists in the cluster; PVE's pruning after backups never touches it.", Plural{"Group {group} on {where} has {count} backups (last {last}) but no {backup_label} {backup_id} exists in the cluster; PVE's pruning after backups never touches it."}},
    {MSG(fact_pbs_orphan_group_not_vmid), "Group {group} on {where} has {count} backup (last {last}) but its id is not a VMID; PVE's pruning after backups never touches it.", Plural{"Group {group} on {where} has {count} backups (last {last}) but its id is not a VMID; PVE's pruning after backups never touches it."}},
    {MSG(fact_pbs_no_retention_no_job), "Backups on {where} are never pruned: no enabled backup job targets it, so PVE never prunes it and no PBS prune job covers the namespace; they accumulate until deleted by hand."},
    {MSG(fact_pbs_no_retention_keeps_all), "Backups on {where} are never pruned: its PVE-side policy keeps everything and no PBS prune job covers the namespace; they accumulate until deleted by hand."},
    {MSG(fact_pbs_no_retention_node_default), "Backups on {where} are never pruned: no PVE-side prune-backups is set (the node default in vzdump.conf is unknown, assumed keep-all) and no PBS prune job covers the namespace; they accumulate until deleted by hand."},
    {MSG(fact_pbs_policies_overlap), "The {where} is pruned by both PVE ({pve_policies}) and PBS ({pbs_policies}) with different options; the stricter pass decides what remains."},
    {MSG(fact_retention_mismatch_too_many), "{guest} has {count} backups on {where} where its retention ({policies}) keeps {expected} in steady state: pruning does not seem to be applied."},
    {MSG(fact_retention_mismatch_too_few), "{guest} has only {count} backups on {where} where its retention ({policies}) keeps {expected} in steady state, although its oldest backup ({oldest}) is old enough: backups are missing.", Plural{"{guest} has only {count} backups on {where} where its retention ({policies}) keeps {expected} in steady state, although its oldest backup ({oldest}) is old enough: backups are missing."}},
    {MSG(fact_reason_jobs_unread_plain), "The backup job list could not be read."},
    {MSG(fact_reason_jobs_unread_detail), "The backup job list could not be read ({detail})."},
    {MSG(fact_reason_included), "Included by enabled job {jobs}.", Plural{"Included by enabled jobs {jobs}."}},
    {MSG(fact_reason_undetermined), "{causes}"},
    {MSG(fact_reason_only_disabled), "Only the disabled job {jobs} would back it up.", Plural{"Only the disabled jobs {jobs} would back it up."}},
    {MSG(fact_reason_not_included_plain), "No backup job includes it."},
    {MSG(fact_reason_not_included_explained), "No backup job includes it: {why}."},
    {MSG(fact_undetermined_job_guests_unread), "The guest list could not be read, so the guests job {job} includes are unknown."},
    {MSG(fact_undetermined_job_pools_unread), "Job {job} selects pool {pool} but the pool list could not be read."},
    {MSG(fact_undetermined_job_pool_missing), "Job {job} selects pool {pool}, which was not found (deleted, or not visible to the API token)."},
    {MSG(fact_undetermined_job_pool_members_unread), "Job {job} selects pool {pool} whose members could not be read."},
    {MSG(fact_note_pbs_not_configured), "PBS collection is not configured"},
    {MSG(fact_note_not_covered), "not covered by an enabled job: no backup is expected"},
    {MSG(fact_note_snapshots_unread), "the snapshots of storage {storage} could not be read"},
    {MSG(fact_note_no_run_passed), "no scheduled run of the jobs backing it up to {storage} has passed yet"},
    {MSG(fact_note_no_pbs_target), "no enabled job including it targets a PBS storage: its backups cannot be seen"},
    {MSG(fact_note_jobs_unscheduled), "{jobs} has no valid schedule (not simulated)", Plural{"{jobs} have no valid schedule (not simulated)"}},
    {MSG(fact_note_prune_job_unscheduled), "PBS prune job {prune_job} has no schedule (never runs)"},
    {MSG(fact_note_prune_job_bad_schedule), "PBS prune job {prune_job} has an invalid schedule (not simulated)"},
    {MSG(fact_note_short_history_oldest), "history shorter than the policy (oldest backup {oldest}, the policy reaches back to {since}): fewer versions are expected"},
    {MSG(fact_note_short_history_no_backup), "history shorter than the policy (no backup yet)"},
    {MSG(fact_note_one_version_tolerated), "a difference of one version is tolerated (a backup may have just run or be due)"},
    {MSG(fact_note_node_default), "node default (vzdump.conf) unknown, assumed keep-all"},
    {MSG(fact_note_jobs_differ), "{jobs} applies a different PVE-side policy than {job}", Plural{"{jobs} apply a different PVE-side policy than {job}"}},
    {MSG(fact_note_protected), "actual_versions includes {count} protected snapshot", Plural{"actual_versions includes {count} protected snapshots"}},
    {MSG(fact_note_no_enabled_job), "no enabled job backs the guest up to this storage: its snapshots are history, no steady state"},
    {MSG(fact_note_no_pbs_server), "no PBS server is known for storage {storage}"},
    {MSG(fact_note_prune_jobs_unread), "the prune jobs of {server} could not be read"},
    {MSG(fact_note_sim_no_scheduled_job), "no enabled job with a valid schedule backs the guest up to this storage: no steady state"},
    {MSG(fact_note_sim_keeps_all), "keeps everything: no steady state"},
    {MSG(fact_note_sim_no_run), "the backup schedules did not fire in the last 10 years: no steady state"},
    {MSG(fact_note_sim_capped), "simulated over the last 10 years only (the policy reaches further back)"},
    {MSG(fact_datastore_full_soon_pbs_estimate), "Datastore {datastore} on PBS {server} will be full in {count} day ({full_at}, PBS's own estimate); {used} of {total} used, warning below {warn_days} days (CAPACITY_WARN_DAYS).", Plural{"Datastore {datastore} on PBS {server} will be full in {count} days ({full_at}, PBS's own estimate); {used} of {total} used, warning below {warn_days} days (CAPACITY_WARN_DAYS)."}},
    {MSG(fact_datastore_full_soon_fit), "Datastore {datastore} on PBS {server} will be full in {count} day ({full_at}, fit of the last {samples} runs); {used} of {total} used, warning below {warn_days} days (CAPACITY_WARN_DAYS).", Plural{"Datastore {datastore} on PBS {server} will be full in {count} days ({full_at}, fit of the last {samples} runs); {used} of {total} used, warning below {warn_days} days (CAPACITY_WARN_DAYS)."}},
    {MSG(archive_note_own), "Report data {0}, SHA-256 {1}."},
    {MSG(archive_note_previous), "Previous report {0}, SHA-256 {1}."},
    {MSG(archive_note_first), "First report of the archive: no previous report."},
    {MSG(archive_note_restarted), "Removed by the report retention during this run: {0} archive record.",
     Plural{"Removed by the report retention during this run: {0} archive records."}},
    {MSG(archive_note_check),
     "Check the file with sha256sum and the chain of reports with: pve-backup-report verify-archive <directory>."},
    {MSG(job_problem_bad_schedule), "schedule: '{0}' is not a valid calendar event ({1})"},
    {MSG(job_problem_enabled_not_boolean), "enabled: expected a boolean, got {} (taken as enabled)"},
};
// clang-format on

#undef MSG

const MsgText& entry(Msg id) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= k_table.size() || k_table[index].id != id) {
        throw std::logic_error("translation table out of order at message " + std::to_string(index));
    }
    return k_table[index];
}

/// One language's usable translations, indexed by message.
using Translations = std::vector<std::optional<Translation>>;

Translations load_catalogue(const EmbeddedCatalogue& embedded) {
    const std::string file = "po/" + std::string(embedded.lang) + ".po";
    PoCatalogue catalogue;
    try {
        catalogue = parse_po(embedded.text, file);
    } catch (const Error& e) {
        throw Error(ErrorKind::internal, std::string("embedded catalogue unreadable: ") + e.what());
    }
    std::map<std::string_view, std::size_t> by_name;
    for (std::size_t i = 0; i < k_table.size(); ++i) {
        by_name.emplace(k_table[i].name, i);
    }
    Translations out(k_table.size());
    for (const auto& e : catalogue.entries) {
        if (e.is_header() || e.fuzzy() || !e.context) {
            continue;
        }
        const auto found = by_name.find(*e.context);
        if (found == by_name.end()) {
            continue;
        }
        const auto& row = k_table[found->second];
        const bool plural = !row.en_plural.text.empty();
        // Written for another English text (the table changed, the catalogue not yet): unusable.
        if (e.id != row.en || e.id_plural.has_value() != plural || (plural && *e.id_plural != row.en_plural.text)) {
            continue;
        }
        if (e.strings.empty() || e.strings[0].empty() || (plural && (e.strings.size() < 2 || e.strings[1].empty()))) {
            continue;
        }
        out[found->second] = Translation{e.strings[0], plural ? e.strings[1] : std::string()};
    }
    return out;
}

/// The catalogues, parsed once (thread-safe static initialisation): [0] French, [1] German.
const std::array<Translations, 2>& catalogues() {
    static const std::array<Translations, 2> loaded = [] {
        std::array<Translations, 2> out;
        for (const auto& embedded : embedded_catalogues()) {
            const auto lang = parse_lang(embedded.lang);
            if (lang == Lang::fr) {
                out[0] = load_catalogue(embedded);
            } else if (lang == Lang::de) {
                out[1] = load_catalogue(embedded);
            }
        }
        for (auto& translations : out) {
            translations.resize(k_table.size());
        }
        return out;
    }();
    return loaded;
}

} // namespace

const Translation* catalogue_translation(Lang lang, Msg id) {
    if (lang == Lang::en) {
        return nullptr;
    }
    const auto index = static_cast<std::size_t>(entry(id).id);
    const auto& found = catalogues()[lang == Lang::fr ? 0 : 1][index];
    return found ? &*found : nullptr;
}

std::optional<Lang> parse_lang(std::string_view text) {
    const auto code = to_lower(trim(text));
    if (code == "en") {
        return Lang::en;
    }
    if (code == "fr") {
        return Lang::fr;
    }
    if (code == "de") {
        return Lang::de;
    }
    return std::nullopt;
}

const char* to_code(Lang lang) noexcept {
    switch (lang) {
    case Lang::fr:
        return "fr";
    case Lang::de:
        return "de";
    case Lang::en:
        break;
    }
    return "en";
}

const std::vector<MsgText>& translation_table() { return k_table; }

std::string_view Translator::text(Msg id) const {
    const auto* translated = catalogue_translation(m_lang, id);
    return translated != nullptr ? std::string_view(translated->one) : entry(id).en;
}

std::string_view Translator::text(Msg id, std::int64_t count) const {
    // Plural rules as gettext's (the catalogues' Plural-Forms): fr "n > 1"; en and de "n != 1".
    const bool singular = m_lang == Lang::fr ? (count >= -1 && count <= 1) : (count == 1 || count == -1);
    if (singular) {
        return text(id);
    }
    const auto& e = entry(id);
    if (e.en_plural.text.empty()) {
        return text(id);
    }
    const auto* translated = catalogue_translation(m_lang, id);
    return translated != nullptr ? std::string_view(translated->many) : e.en_plural.text;
}

std::string Translator::join_words(const std::vector<std::string>& words) const {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            out += i + 1 == words.size() ? text(Msg::list_and) : text(Msg::list_separator);
        }
        out += words[i];
    }
    return out;
}

} // namespace pvr::document
