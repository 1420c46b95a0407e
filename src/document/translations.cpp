#include "document/translations.hpp"

#include "core/strings.hpp"

#include <stdexcept>

// French typography: a non-breaking space (\u00a0) before ":", ";", "%" and as the thousands
// separator; the typographic apostrophe "’"; "VM/CT" is invariable.

namespace pvr::document {

namespace {

using M = Msg;

// clang-format off
const std::vector<MsgText> k_table = {
    // document
    {M::doc_title, "Backup report — {}", "Rapport de sauvegarde — {}"},
    {M::doc_subject, "Proxmox VE backup coverage and retention", "Couverture et rétention des sauvegardes Proxmox VE"},
    {M::doc_keywords, "Proxmox VE, Proxmox Backup Server, backup, coverage, retention, audit",
     "Proxmox VE, Proxmox Backup Server, sauvegarde, couverture, rétention, audit"},
    {M::doc_author, "pve-backup-report {}", "pve-backup-report {}"},
    {M::footer_page_format, "Page {page} of {pages}", "Page {page} sur {pages}"},
    {M::contents_title, "Contents", "Sommaire"},
    {M::unnamed_cluster, "Unnamed cluster", "Cluster sans nom"},
    {M::standalone_host, "Standalone host {}", "Hôte autonome {}"},
    // section titles
    {M::sec_summary, "Summary", "Synthèse"},
    {M::sec_pbs_storages, "PBS storages declared in PVE", "Stockages PBS déclarés dans PVE"},
    {M::sec_storage_usage, "PBS storage usage", "Occupation des stockages PBS"},
    {M::sec_retention_policies, "PBS retention policies", "Politiques de rétention PBS"},
    {M::sec_backup_jobs, "Backup jobs", "Tâches de sauvegarde"},
    {M::sec_without_backup, "VM/CT without backup", "VM/CT sans sauvegarde"},
    {M::sec_coverage, "VM/CT coverage", "Couverture des VM/CT"},
    {M::sec_guest_retention, "VM/CT backup retention by PBS", "Rétention des sauvegardes des VM/CT par PBS"},
    {M::sec_anomalies, "Anomalies", "Anomalies"},
    {M::sec_collection_issues, "Collection issues", "Problèmes de collecte"},
    // empty sections
    {M::empty_pbs_storages, "No PBS storage is declared in PVE.", "Aucun stockage PBS n’est déclaré dans PVE."},
    {M::empty_storage_usage, "No PBS storage is declared in PVE, so there is no usage to show.",
     "Aucun stockage PBS n’est déclaré dans PVE\u00a0: aucune occupation à afficher."},
    {M::empty_retention_policies, "No retention policy was found.", "Aucune politique de rétention n’a été trouvée."},
    {M::empty_backup_jobs, "No backup job is defined.", "Aucune tâche de sauvegarde n’est définie."},
    {M::empty_without_backup, "No VM or CT is without backup.", "Aucune VM/CT n’est sans sauvegarde."},
    {M::empty_coverage, "No VM or CT was found.", "Aucune VM/CT n’a été trouvée."},
    {M::empty_guest_retention, "No retention information: no guest has backups on a PBS storage.",
     "Aucune information de rétention\u00a0: aucune VM/CT n’a de sauvegarde sur un stockage PBS."},
    {M::empty_anomalies, "No anomaly was found.", "Aucune anomalie n’a été relevée."},
    {M::empty_collection_issues, "Everything was collected: no collection issue.",
     "Tout a été collecté\u00a0: aucun problème de collecte."},
    // statuses and labels
    {M::status_scheduled, "Backup scheduled", "Sauvegarde planifiée"},
    {M::status_not_backed_up, "Not backed up", "Non sauvegardée"},
    {M::status_undetermined, "Undetermined", "Indéterminé"},
    {M::severity_info, "Info", "Info"},
    {M::severity_warning, "Warning", "Avertissement"},
    {M::severity_critical, "Critical", "Critique"},
    {M::issue_error, "Error", "Erreur"},
    {M::job_enabled, "Enabled", "Activée"},
    {M::job_disabled, "Disabled", "Désactivée"},
    {M::storage_enabled, "Enabled", "Activé"},
    {M::storage_disabled, "Disabled", "Désactivé"},
    {M::yes, "Yes", "Oui"},
    {M::no, "No", "Non"},
    {M::unknown, "Unknown", "Inconnu"},
    {M::not_available, "Not available", "Non disponible"},
    // summary
    {M::summary_cluster, "Cluster", "Cluster"},
    {M::summary_generated, "Generated", "Généré le"},
    {M::summary_pve_version, "Proxmox VE version", "Version de Proxmox VE"},
    {M::summary_nodes, "Nodes", "Nœuds"},
    {M::summary_quorum, "Quorum", "Quorum"},
    {M::summary_tool, "Report tool", "Outil de rapport"},
    {M::summary_time_zone, "Time zone", "Fuseau horaire"},
    {M::nodes_online, "{0} ({1} of {2} online)", "{0} ({1} en ligne sur {2})"},
    {M::quorate, "Quorate", "Atteint"},
    {M::not_quorate, "Not quorate", "Non atteint"},
    {M::summary_inventory_source, "Guest inventory from", "Inventaire des VM/CT lu dans"},
    {M::summary_node_source, "Node list from", "Liste des nœuds lue dans"},
    {M::inventory_source_node_lists, "the lists of each online node (/nodes/<node>/qemu and /lxc)",
     "les listes de chaque nœud en ligne (/nodes/<node>/qemu et /lxc)"},
    {M::node_source_cluster_status, "/cluster/status (/nodes could not be read)",
     "/cluster/status (/nodes n’a pas pu être lu)"},
    {M::kf_guests, "Guests (VM/CT)", "VM/CT"},
    {M::kf_guests_detail, "{} template", "{} modèle", "{} templates", "{} modèles"},
    {M::kf_covered, "Covered", "Couverture"},
    {M::kf_covered_detail, "{0} of {1} guests", "{0} VM/CT sur {1}"},
    {M::kf_not_backed_up, "Not backed up", "Non sauvegardées"},
    {M::kf_undetermined, "Undetermined", "Indéterminées"},
    {M::kf_jobs, "Backup jobs", "Tâches de sauvegarde"},
    {M::kf_jobs_detail, "{} enabled", "{} activée", "{} enabled", "{} activées"},
    {M::kf_anomalies, "Anomalies", "Anomalies"},
    {M::kf_anomalies_detail, "{} critical", "{} critique", "{} critical", "{} critiques"},
    {M::kf_overdue, "Overdue backups", "Sauvegardes en retard"},
    {M::kf_last_failed, "Last backup failed", "Dernière sauvegarde en échec"},
    {M::chart_coverage, "Coverage by status", "Couverture par statut"},
    {M::verdict_critical_title, "Backups are incomplete", "Sauvegardes incomplètes"},
    {M::verdict_warning_title, "Backups need attention", "Sauvegardes à vérifier"},
    {M::verdict_good_title, "All guests are covered", "Toutes les VM/CT sont couvertes"},
    {M::verdict_empty_title, "No guest found", "Aucune VM/CT trouvée"},
    {M::verdict_part_not_backed_up, "{} guest is not backed up", "{} VM/CT n’est pas sauvegardée",
     "{} guests are not backed up", "{} VM/CT ne sont pas sauvegardées"},
    {M::verdict_part_critical, "{} critical anomaly was found", "{} anomalie critique a été relevée",
     "{} critical anomalies were found", "{} anomalies critiques ont été relevées"},
    {M::verdict_part_undetermined, "{} guest has an undetermined status", "{} VM/CT a un statut indéterminé",
     "{} guests have an undetermined status", "{} VM/CT ont un statut indéterminé"},
    {M::verdict_part_warnings, "{} anomaly needs attention", "{} anomalie est à vérifier",
     "{} anomalies need attention", "{} anomalies sont à vérifier"},
    {M::verdict_part_issues, "{} collection issue hides part of the cluster",
     "{} problème de collecte masque une partie du cluster",
     "{} collection issues hide part of the cluster", "{} problèmes de collecte masquent une partie du cluster"},
    {M::verdict_good_text, "The only guest is included in an enabled backup job, and nothing needs attention.",
     "L’unique VM/CT est incluse dans une tâche de sauvegarde activée, et rien n’est à vérifier.",
     "All {} guests are included in at least one enabled backup job, and nothing needs attention.",
     "Les {} VM/CT sont toutes incluses dans au moins une tâche de sauvegarde activée, et rien n’est à vérifier."},
    {M::verdict_empty_text, "No VM or CT was found in the cluster, so there is nothing to back up.",
     "Aucune VM/CT n’a été trouvée dans le cluster\u00a0: il n’y a rien à sauvegarder."},
    {M::verdict_rule,
     "Verdict rule: critical if a guest is not backed up or a critical anomaly was found; needs attention if a "
     "guest’s status is undetermined, an anomaly is a warning or something could not be collected; good otherwise.",
     "Règle du verdict\u00a0: critique si une VM/CT n’est pas sauvegardée ou si une anomalie critique a été "
     "relevée\u00a0; à vérifier si le statut d’une VM/CT est indéterminé, si une anomalie est un avertissement ou si "
     "des données n’ont pas pu être collectées\u00a0; bon sinon."},
    {M::list_and, " and ", " et "},
    {M::list_separator, ", ", ", "},
    {M::sentence_end, ".", "."},
    // storages
    {M::col_storage, "Storage", "Stockage"},
    {M::col_state, "State", "État"},
    {M::col_server, "Server", "Serveur"},
    {M::col_datastore, "Datastore", "Datastore"},
    {M::col_namespace, "Namespace", "Espace de noms"},
    {M::col_nodes, "Nodes", "Nœuds"},
    {M::col_retention, "Retention", "Rétention"},
    {M::col_encryption, "Encryption", "Chiffrement"},
    {M::namespace_root, "root", "racine"},
    {M::all_nodes, "All", "Tous"},
    {M::encrypted, "Encrypted", "Chiffré"},
    {M::not_encrypted, "Not encrypted", "Non chiffré"},
    {M::keep_not_set, "Not set", "Non définie"},
    {M::keep_all, "Keep all", "Tout conserver"},
    {M::usage_chart_title, "Used space", "Espace utilisé"},
    {M::usage_value, "{0} of {1} used ({2}), {3} free", "{0} utilisés sur {1} ({2}), {3} libres"},
    {M::usage_thresholds, "Marks at {0} and {1} of capacity: warning and critical thresholds.",
     "Repères à {0} et {1} de la capacité\u00a0: seuils d’avertissement et critique."},
    {M::usage_not_collected_all, "Usage was not collected: PBS was not queried or did not answer.",
     "L’occupation n’a pas été collectée\u00a0: PBS n’a pas été interrogé ou n’a pas répondu."},
    {M::usage_not_collected_some, "Usage was not collected for {}.", "L’occupation n’a pas été collectée pour {}."},
    {M::col_used, "Used", "Utilisé"},
    {M::col_total, "Total", "Total"},
    {M::col_free, "Free", "Libre"},
    {M::col_usage, "Usage", "Occupation"},
    // retention policies
    {M::col_source, "Source", "Source"},
    {M::col_id, "ID", "Identifiant"},
    {M::col_schedule, "Schedule", "Planification"},
    {M::col_keep, "Keep", "Conservation"},
    {M::retention_policies_intro,
     "Retention is set in PVE (on a backup job or a storage; the job’s setting wins) and in PBS (prune jobs and "
     "datastores).",
     "La rétention se règle dans PVE (sur une tâche de sauvegarde ou un stockage\u00a0; celui de la tâche "
     "l’emporte) et dans PBS (tâches de purge et datastores)."},
    {M::source_pve_job, "PVE backup job", "Tâche de sauvegarde PVE"},
    {M::source_pve_storage, "PVE storage", "Stockage PVE"},
    {M::source_pbs_prune_job, "PBS prune job", "Tâche de purge PBS"},
    {M::source_pbs_datastore, "PBS datastore", "Datastore PBS"},
    {M::ns_max_depth, "{0}, depth {1}", "{0}, profondeur {1}"},
    {M::ns_all_levels, "{0}, all levels", "{0}, tous niveaux"},
    // backup jobs
    {M::col_job, "Job", "Tâche"},
    {M::col_next_run, "Next run", "Prochaine exécution"},
    {M::col_mode, "Mode", "Mode"},
    {M::col_selection, "Selection", "Sélection"},
    {M::col_comment, "Comment", "Commentaire"},
    {M::mode_snapshot, "Snapshot", "Instantané"},
    {M::mode_suspend, "Suspend", "Suspension"},
    {M::mode_stop, "Stop", "Arrêt"},
    {M::default_storage, "Default storage", "Stockage par défaut"},
    {M::no_schedule, "No schedule", "Aucune planification"},
    {M::legacy_job, "legacy vzdump.cron job", "ancienne tâche vzdump.cron"},
    {M::selection_all, "All guests", "Toutes les VM/CT"},
    {M::selection_all_except, "All guests except {}", "Toutes les VM/CT sauf {}"},
    {M::selection_pool, "Pool {}", "Pool {}"},
    {M::selection_vmids, "VMID {}", "VMID {}", "VMIDs {}", "VMID {}"},
    {M::selection_node_only, "{0}, node {1} only", "{0}, nœud {1} uniquement"},
    {M::selection_exclude_without_all, "No guest (excludes {} without “all”)",
     "Aucune VM/CT (exclut {} sans «\u00a0toutes\u00a0»)"},
    {M::selection_none, "No guest selected", "Aucune VM/CT sélectionnée"},
    {M::jobs_problems_heading, "Settings that could not be interpreted", "Réglages non interprétables"},
    {M::job_problem_line, "{0}: {1}", "{0}\u00a0: {1}"},
    {M::jobs_caption, "Times in {}.", "Heures en {}."},
    // guests
    {M::col_vmid, "VMID", "VMID"},
    {M::col_name, "Name", "Nom"},
    {M::col_type, "Type", "Type"},
    {M::col_node, "Node", "Nœud"},
    {M::col_disabled_jobs, "Disabled jobs", "Tâches désactivées"},
    {M::col_reason, "Reason", "Raison"},
    {M::col_guest_state, "State", "État"},
    {M::col_coverage, "Coverage", "Couverture"},
    {M::col_jobs, "Jobs", "Tâches"},
    {M::col_last_backup, "Last backup", "Dernière sauvegarde"},
    {M::col_notes, "Notes", "Notes"},
    {M::type_vm, "VM", "VM"},
    {M::type_ct, "CT", "CT"},
    {M::type_template, "{} template", "Modèle {}"},
    {M::guest_running, "Running", "En marche"},
    {M::guest_stopped, "Stopped", "Arrêtée"},
    {M::guest_paused, "Paused", "En pause"},
    {M::guest_unknown, "Unknown", "Inconnu"},
    {M::without_backup_intro, "{} guest is included in no enabled backup job.",
     "{} VM/CT n’est incluse dans aucune tâche de sauvegarde activée.",
     "{} guests are included in no enabled backup job.",
     "{} VM/CT ne sont incluses dans aucune tâche de sauvegarde activée."},
    {M::reason_only_disabled, "Only disabled jobs include it: {}.", "Seules des tâches désactivées l’incluent\u00a0: {}."},
    {M::reason_no_job, "No enabled backup job includes it.", "Aucune tâche de sauvegarde activée ne l’inclut."},
    {M::coverage_caption, "{0} guest; times in {1}.", "{0} VM/CT\u00a0; heures en {1}.",
     "{0} guests; times in {1}.", "{0} VM/CT\u00a0; heures en {1}."},
    {M::notes_not_read, "Not read", "Non lues"},
    {M::backup_none_seen, "None seen", "Aucune"},
    {M::last_backup_cell, "{0} ({1})", "{0} ({1})"},
    {M::last_task_cell, "{0} ({1}), {2} (task)", "{0} ({1}), {2} (tâche)"},
    {M::task_ok, "OK", "OK"},
    {M::task_failed, "failed", "échec"},
    {M::overdue_mark, "{}, overdue", "{}, en retard"},
    {M::overdue_alone, "Overdue", "En retard"},
    // guest retention
    {M::col_policy, "Policy", "Politique"},
    {M::col_expected, "Expected", "Attendues"},
    {M::col_actual, "Actual", "Réelles"},
    {M::col_delta, "Delta", "Écart"},
    {M::guest_retention_intro,
     "Expected: the versions the policy keeps in steady state for the guest’s schedule; actual: finished "
     "snapshots on PBS; delta = actual − expected.",
     "Attendues\u00a0: les versions que la politique conserve en régime établi pour la planification de la "
     "VM/CT\u00a0; réelles\u00a0: les instantanés terminés sur PBS\u00a0; écart = réelles − attendues."},
    {M::retention_unavailable,
     "—: figure unavailable; the notes say why (notes are written in English by the analysis).",
     "—\u00a0: valeur indisponible\u00a0; les notes disent pourquoi (elles sont rédigées en anglais par l’analyse)."},
    {M::guest_retention_caption,
     "Dates in {}; last backup and verification: the guest’s newest backup, on the row of its storage.",
     "Dates en {}\u00a0; dernière sauvegarde et vérification\u00a0: la plus récente sauvegarde de la VM/CT, sur la "
     "ligne de son stockage."},
    {M::col_oldest_snapshot, "Oldest snapshot", "Plus ancien instantané"},
    {M::col_verification, "Verification", "Vérification"},
    {M::policy_node_default, "Node default (keep all, assumed)", "Défaut du nœud (tout conserver, supposé)"},
    {M::policy_pbs_jobs, "PBS prune: {}", "Purge PBS\u00a0: {}"},
    {M::policy_with_pbs, "{0}; {1}", "{0}\u00a0; {1}"},
    {M::verification_ok, "OK", "OK"},
    {M::verification_failed, "Failed", "Échec"},
    {M::verification_none, "Not verified", "Non vérifiée"},
    {M::verification_last_ok, "{0} (last OK {1})", "{0} (dernier succès {1})"},
    {M::orphans_heading, "Orphan backup groups", "Groupes de sauvegarde orphelins"},
    {M::orphans_intro,
     "Backup groups in the namespace of a PBS storage that match no VM/CT of the cluster: deleted guests, or "
     "guests of another cluster sharing the namespace.",
     "Groupes de sauvegarde de l’espace de noms d’un stockage PBS qui ne correspondent à aucune VM/CT du "
     "cluster\u00a0: VM/CT supprimées, ou d’un autre cluster partageant l’espace de noms."},
    {M::empty_orphans, "No orphan group.", "Aucun groupe orphelin."},
    {M::col_group, "Group", "Groupe"},
    {M::col_snapshots, "Snapshots", "Instantanés"},
    // anomalies
    {M::col_severity, "Severity", "Gravité"},
    {M::col_kind, "Kind", "Type"},
    {M::col_subject, "Subject", "Objet"},
    {M::col_message, "Message", "Message"},
    {M::anomalies_counts, "Critical: {0} · Warning: {1} · Info: {2}",
     "Critiques\u00a0: {0} · Avertissements\u00a0: {1} · Infos\u00a0: {2}"},
    {M::messages_in_english, "Detailed messages are written in English by the analysis.",
     "Les messages détaillés sont rédigés en anglais par l’analyse."},
    {M::kind_guest_not_backed_up, "Guest not backed up", "VM/CT non sauvegardée"},
    {M::kind_guest_only_disabled_jobs, "Only disabled jobs", "Seulement des tâches désactivées"},
    {M::kind_volumes_excluded, "Volumes excluded", "Volumes exclus"},
    {M::kind_backup_failed, "Backup failed", "Échec de sauvegarde"},
    {M::kind_job_disabled, "Job disabled", "Tâche désactivée"},
    {M::kind_job_includes_nothing, "Job includes nothing", "Tâche sans VM/CT"},
    {M::kind_job_unknown_vmid, "Unknown VMID", "VMID inconnu"},
    {M::kind_job_unknown_node, "Unknown node", "Nœud inconnu"},
    {M::kind_job_pool_unknown, "Unknown pool", "Pool inconnu"},
    {M::kind_job_storage_missing, "Storage missing", "Stockage absent"},
    {M::kind_job_storage_disabled, "Storage disabled", "Stockage désactivé"},
    {M::kind_job_uninterpretable, "Job setting not understood", "Réglage de tâche incompris"},
    {M::kind_job_no_schedule, "Job without schedule", "Tâche sans planification"},
    {M::kind_not_backed_up_mismatch, "PVE disagrees", "Désaccord avec PVE"},
    {M::kind_retention_mismatch, "Retention mismatch", "Écart de rétention"},
    {M::kind_backup_stale, "Backup too old", "Sauvegarde trop ancienne"},
    {M::kind_verification_failed, "Verification failed", "Échec de vérification"},
    {M::kind_storage_usage_high, "Storage nearly full", "Stockage presque plein"},
    {M::kind_exception_expired, "Exception expired", "Exception expirée"},
    {M::kind_exception_unused, "Exception unused", "Exception inutilisée"},
    {M::kind_duplicate_vmid, "VMID listed twice", "VMID listé deux fois"},
    {M::kind_duplicate_job, "Job listed twice", "Tâche listée deux fois"},
    {M::kind_job_duplicate_vmid, "Job names a VMID twice", "Tâche nommant un VMID deux fois"},
    {M::kind_duplicate_storage, "Storage listed twice", "Stockage listé deux fois"},
    // collection issues
    {M::col_endpoint, "Endpoint", "Point d’accès"},
    {M::collection_issues_intro,
     "What could not be seen, and why: the figures above may be incomplete for these parts.",
     "Ce qui n’a pas pu être vu, et pourquoi\u00a0: les chiffres ci-dessus peuvent être incomplets pour ces "
     "parties."},
    {M::issue_permission_missing,
     "GET {endpoint} was refused (HTTP 403): the API token lacks {privilege} on {path}.",
     "GET {endpoint} a été refusé (HTTP 403)\u00a0: il manque au jeton d’API le privilège {privilege} sur "
     "{path}.",
     {},
     {},
     "GET {endpoint} wurde abgelehnt (HTTP 403): Dem API-Token fehlt das Recht {privilege} auf {path}."},
    {M::issue_permission_probably_missing,
     "GET {endpoint} was refused (HTTP 403): the API token probably lacks {privilege} on {path}.",
     "GET {endpoint} a été refusé (HTTP 403)\u00a0: le jeton d’API n’a probablement pas le privilège "
     "{privilege} sur {path}.",
     {},
     {},
     "GET {endpoint} wurde abgelehnt (HTTP 403): Dem API-Token fehlt vermutlich das Recht {privilege} "
     "auf {path}."},
    {M::issue_permission_probably_missing_anywhere,
     "GET {endpoint} was refused (HTTP 403): the API token probably lacks {privilege}.",
     "GET {endpoint} a été refusé (HTTP 403)\u00a0: le jeton d’API n’a probablement pas le privilège "
     "{privilege}.",
     {},
     {},
     "GET {endpoint} wurde abgelehnt (HTTP 403): Dem API-Token fehlt vermutlich das Recht {privilege}."},
    {M::issue_permission_denied,
     "GET {endpoint} was refused (HTTP 403): the API token lacks a privilege.",
     "GET {endpoint} a été refusé (HTTP 403)\u00a0: il manque un privilège au jeton d’API.",
     {},
     {},
     "GET {endpoint} wurde abgelehnt (HTTP 403): Dem API-Token fehlt ein Recht."},
    {M::issue_auth_refused,
     "GET {endpoint}: the API token was refused (wrong secret, token expired or deleted, or user "
     "disabled).",
     "GET {endpoint}\u00a0: le jeton d’API a été refusé (secret erroné, jeton expiré ou supprimé, ou "
     "utilisateur désactivé).",
     {},
     {},
     "GET {endpoint}: Das API-Token wurde abgelehnt (falsches Secret, Token abgelaufen oder gelöscht, "
     "oder Benutzer deaktiviert)."},
    {M::issue_http_status,
     "GET {endpoint} failed: HTTP {status} “{reason}”.",
     "GET {endpoint} a échoué\u00a0: HTTP {status} «\u00a0{reason}\u00a0».",
     {},
     {},
     "GET {endpoint} ist fehlgeschlagen: HTTP {status} „{reason}“."},
    {M::issue_http_status_bare,
     "GET {endpoint} failed: HTTP {status}.",
     "GET {endpoint} a échoué\u00a0: HTTP {status}.",
     {},
     {},
     "GET {endpoint} ist fehlgeschlagen: HTTP {status}."},
    {M::issue_endpoint_unreachable,
     "GET {endpoint}: the server could not be reached (“{detail}”).",
     "GET {endpoint}\u00a0: le serveur est injoignable («\u00a0{detail}\u00a0»).",
     {},
     {},
     "GET {endpoint}: Der Server ist nicht erreichbar („{detail}“)."},
    {M::issue_request_timeout,
     "GET {endpoint} timed out (“{detail}”).",
     "GET {endpoint}\u00a0: délai d’attente dépassé («\u00a0{detail}\u00a0»).",
     {},
     {},
     "GET {endpoint}: Zeitüberschreitung („{detail}“)."},
    {M::issue_certificate_untrusted,
     "GET {endpoint}: the server’s TLS certificate is not trusted (“{detail}”).",
     "GET {endpoint}\u00a0: le certificat TLS du serveur n’est pas reconnu comme fiable («\u00a0{detail}\u00a0»).",
     {},
     {},
     "GET {endpoint}: Dem TLS-Zertifikat des Servers wird nicht vertraut („{detail}“)."},
    {M::issue_response_too_large,
     "GET {endpoint}: the answer is larger than allowed (“{detail}”).",
     "GET {endpoint}\u00a0: la réponse dépasse la taille autorisée («\u00a0{detail}\u00a0»).",
     {},
     {},
     "GET {endpoint}: Die Antwort ist größer als erlaubt („{detail}“)."},
    {M::issue_answer_unusable,
     "The answer to GET {endpoint} is unusable: “{detail}”.",
     "La réponse à GET {endpoint} est inexploitable\u00a0: «\u00a0{detail}\u00a0».",
     {},
     {},
     "Die Antwort auf GET {endpoint} ist unbrauchbar: „{detail}“."},
    {M::issue_request_failed,
     "GET {endpoint} failed: “{detail}”.",
     "GET {endpoint} a échoué\u00a0: «\u00a0{detail}\u00a0».",
     {},
     {},
     "GET {endpoint} ist fehlgeschlagen: „{detail}“."},
    {M::issue_deadline_exceeded,
     "The run’s time allowance (REPORT_DEADLINE) ran out during GET {endpoint}; the requests after it "
     "were not made.",
     "Le temps alloué à l’exécution (REPORT_DEADLINE) a été dépassé pendant GET {endpoint}\u00a0; les "
     "requêtes suivantes n’ont pas été faites.",
     {},
     {},
     "Das Zeitbudget des Laufs (REPORT_DEADLINE) wurde während GET {endpoint} überschritten; die "
     "folgenden Anfragen wurden nicht gestellt."},
    {M::issue_invalid_utf8,
     "The answer to GET {endpoint} contained {count} invalid UTF-8 sequence, replaced by U+FFFD.",
     "La réponse à GET {endpoint} contenait {count} séquence UTF-8 invalide, remplacée par U+FFFD.",
     "The answer to GET {endpoint} contained {count} invalid UTF-8 sequences, replaced by U+FFFD.",
     "La réponse à GET {endpoint} contenait {count} séquences UTF-8 invalides, remplacées par U+FFFD.",
     "Die Antwort auf GET {endpoint} enthielt {count} ungültige UTF-8-Sequenz, ersetzt durch U+FFFD.",
     "Die Antwort auf GET {endpoint} enthielt {count} ungültige UTF-8-Sequenzen, ersetzt durch U+FFFD."},
    {M::issue_field_unreadable,
     "GET {endpoint}: {location} could not be read and was ignored (“{detail}”).",
     "GET {endpoint}\u00a0: {location} est illisible et a été ignoré («\u00a0{detail}\u00a0»).",
     {},
     {},
     "GET {endpoint}: {location} ist nicht lesbar und wurde ignoriert („{detail}“)."},
    {M::issue_field_unreadable_anywhere,
     "GET {endpoint}: a value could not be read and was ignored (“{detail}”).",
     "GET {endpoint}\u00a0: une valeur illisible a été ignorée («\u00a0{detail}\u00a0»).",
     {},
     {},
     "GET {endpoint}: Ein nicht lesbarer Wert wurde ignoriert („{detail}“)."},
    {M::issue_entry_skipped,
     "GET {endpoint}: {location} could not be read, the entry was left out (“{detail}”).",
     "GET {endpoint}\u00a0: {location} est illisible, l’entrée a été écartée («\u00a0{detail}\u00a0»).",
     {},
     {},
     "GET {endpoint}: {location} ist nicht lesbar, der Eintrag wurde ausgelassen („{detail}“)."},
    {M::issue_entry_skipped_anywhere,
     "GET {endpoint}: an entry could not be read and was left out (“{detail}”).",
     "GET {endpoint}\u00a0: une entrée illisible a été écartée («\u00a0{detail}\u00a0»).",
     {},
     {},
     "GET {endpoint}: Ein nicht lesbarer Eintrag wurde ausgelassen („{detail}“)."},
    {M::issue_field_wrong_type,
     "GET {endpoint}: {location} should be {expected}, not {value}; the value was ignored.",
     "GET {endpoint}\u00a0: {location} devrait être {expected}, et non {value}\u00a0; la valeur a été ignorée.",
     {},
     {},
     "GET {endpoint}: {location} sollte {expected} sein, nicht {value}; der Wert wurde ignoriert."},
    {M::issue_entry_wrong_type,
     "GET {endpoint}: {location} should be {expected}, not {value}; the entry was left out.",
     "GET {endpoint}\u00a0: {location} devrait être {expected}, et non {value}\u00a0; l’entrée a été écartée.",
     {},
     {},
     "GET {endpoint}: {location} sollte {expected} sein, nicht {value}; der Eintrag wurde ausgelassen."},
    {M::issue_entry_missing_field,
     "GET {endpoint}: {location} has no “{field}”; the entry was left out.",
     "GET {endpoint}\u00a0: {location} n’a pas de champ «\u00a0{field}\u00a0»\u00a0; l’entrée a été écartée.",
     {},
     {},
     "GET {endpoint}: {location} hat kein Feld „{field}“; der Eintrag wurde ausgelassen."},
    {M::issue_more_entries_unreadable,
     "GET {endpoint}: {count} more entry could not be read completely.",
     "GET {endpoint}\u00a0: {count} autre entrée n’a pas pu être lue entièrement.",
     "GET {endpoint}: {count} more entries could not be read completely.",
     "GET {endpoint}\u00a0: {count} autres entrées n’ont pas pu être lues entièrement.",
     "GET {endpoint}: {count} weiterer Eintrag konnte nicht vollständig gelesen werden.",
     "GET {endpoint}: {count} weitere Einträge konnten nicht vollständig gelesen werden."},
    {M::issue_node_unreachable,
     "Node {node} did not answer (HTTP {status}): its task history and guest configurations could not "
     "be read.",
     "Le nœud {node} n’a pas répondu (HTTP {status})\u00a0: son historique de tâches et la configuration "
     "de ses VM/CT n’ont pas pu être lus.",
     {},
     {},
     "Knoten {node} hat nicht geantwortet (HTTP {status}): Sein Task-Verlauf und die Konfiguration "
     "seiner Gäste konnten nicht gelesen werden."},
    {M::issue_node_offline,
     "Node {node} is offline: its task history and guest configurations could not be read.",
     "Le nœud {node} est hors ligne\u00a0: son historique de tâches et la configuration de ses VM/CT n’ont "
     "pas pu être lus.",
     {},
     {},
     "Knoten {node} ist offline: Sein Task-Verlauf und die Konfiguration seiner Gäste konnten nicht "
     "gelesen werden."},
    {M::issue_node_unavailable,
     "Node {node} has status “{status}”: its task history and guest configurations could not be read.",
     "Le nœud {node} est dans l’état «\u00a0{status}\u00a0»\u00a0: son historique de tâches et la configuration de "
     "ses VM/CT n’ont pas pu être lus.",
     {},
     {},
     "Knoten {node} hat den Status „{status}“: Sein Task-Verlauf und die Konfiguration seiner Gäste "
     "konnten nicht gelesen werden."},
    {M::issue_node_list_fallback,
     "The node list comes from GET /cluster/status: GET /nodes failed (“{reason}”).",
     "La liste des nœuds provient de GET /cluster/status\u00a0: GET /nodes a échoué («\u00a0{reason}\u00a0»).",
     {},
     {},
     "Die Knotenliste stammt aus GET /cluster/status: GET /nodes ist fehlgeschlagen („{reason}“)."},
    {M::issue_node_list_empty_fallback,
     "The node list comes from GET /cluster/status: GET /nodes listed no node.",
     "La liste des nœuds provient de GET /cluster/status\u00a0: GET /nodes n’a listé aucun nœud.",
     {},
     {},
     "Die Knotenliste stammt aus GET /cluster/status: GET /nodes hat keinen Knoten aufgeführt."},
    {M::issue_inventory_fallback,
     "The guest inventory comes from the guest lists of each online node: GET /cluster/resources "
     "failed (“{reason}”); pools and HA states are not known from these lists.",
     "L’inventaire des VM/CT provient des listes de chaque nœud en ligne\u00a0: GET /cluster/resources a "
     "échoué («\u00a0{reason}\u00a0»)\u00a0; ces listes n’indiquent ni les pools ni l’état HA.",
     {},
     {},
     "Das Gast-Inventar stammt aus den Gastlisten der einzelnen Online-Knoten: GET /cluster/resources "
     "ist fehlgeschlagen („{reason}“); Pools und HA-Status sind aus diesen Listen nicht bekannt."},
    {M::issue_node_guests_unlisted,
     "The guests of node {node} (status “{status}”) are not listed: GET /cluster/resources failed and "
     "the node cannot list its own guests.",
     "Les VM/CT du nœud {node} (état «\u00a0{status}\u00a0») ne sont pas listées\u00a0: GET /cluster/resources a "
     "échoué et le nœud ne peut pas lister ses propres VM/CT.",
     {},
     {},
     "Die Gäste von Knoten {node} (Status „{status}“) sind nicht aufgeführt: GET /cluster/resources "
     "ist fehlgeschlagen, und der Knoten kann seine eigenen Gäste nicht auflisten."},
    {M::issue_storages_hidden,
     "No storage is visible: the API token lacks {privilege}, and PVE hides the storages it may not "
     "audit.",
     "Aucun stockage n’est visible\u00a0: il manque au jeton d’API le privilège {privilege}, et PVE masque "
     "les stockages qu’il n’a pas le droit d’auditer.",
     {},
     {},
     "Kein Storage ist sichtbar: Dem API-Token fehlt das Recht {privilege}, und PVE blendet die "
     "Storages aus, die es nicht prüfen darf."},
    {M::issue_guests_hidden,
     "No guest is visible: the API token lacks {privilege}, and PVE hides the guests it may not audit.",
     "Aucune VM/CT n’est visible\u00a0: il manque au jeton d’API le privilège {privilege}, et PVE masque "
     "les VM/CT qu’il n’a pas le droit d’auditer.",
     {},
     {},
     "Kein Gast ist sichtbar: Dem API-Token fehlt das Recht {privilege}, und PVE blendet die Gäste "
     "aus, die es nicht prüfen darf."},
    {M::issue_pools_hidden,
     "No pool is visible: the API token lacks {privilege}, and PVE hides the pools it may not audit.",
     "Aucun pool n’est visible\u00a0: il manque au jeton d’API le privilège {privilege}, et PVE masque les "
     "pools qu’il n’a pas le droit d’auditer.",
     {},
     {},
     "Kein Pool ist sichtbar: Dem API-Token fehlt das Recht {privilege}, und PVE blendet die Pools "
     "aus, die es nicht prüfen darf."},
    {M::issue_tasks_hidden,
     "No task is visible: the API token lacks {privilege} on {path}, and PVE then shows only the "
     "tasks the token started itself.",
     "Aucune tâche n’est visible\u00a0: il manque au jeton d’API le privilège {privilege} sur {path}, et "
     "PVE n’affiche alors que les tâches lancées par le jeton lui-même.",
     {},
     {},
     "Keine Task ist sichtbar: Dem API-Token fehlt das Recht {privilege} auf {path}, und PVE zeigt "
     "dann nur die Tasks, die das Token selbst gestartet hat."},
    {M::issue_node_tasks_hidden,
     "No backup task is visible on node {node}: the API token lacks {privilege} on {path}, and PVE "
     "then shows only the tasks the token started itself.",
     "Aucune tâche de sauvegarde n’est visible sur le nœud {node}\u00a0: il manque au jeton d’API le "
     "privilège {privilege} sur {path}, et PVE n’affiche alors que les tâches lancées par le jeton "
     "lui-même.",
     {},
     {},
     "Auf Knoten {node} ist keine Backup-Task sichtbar: Dem API-Token fehlt das Recht {privilege} auf "
     "{path}, und PVE zeigt dann nur die Tasks, die das Token selbst gestartet hat."},
    {M::issue_time_zone_missing,
     "The time zone of node {node} is unknown: the answer to GET {endpoint} has no “timezone”.",
     "Le fuseau horaire du nœud {node} est inconnu\u00a0: la réponse à GET {endpoint} ne contient pas "
     "«\u00a0timezone\u00a0».",
     {},
     {},
     "Die Zeitzone von Knoten {node} ist unbekannt: Die Antwort auf GET {endpoint} enthält kein "
     "„timezone“."},
    {M::issue_pbs_client_failed,
     "PBS {server}: the HTTP client could not be set up (“{detail}”); the snapshots of storage "
     "{storages} were not collected.",
     "Serveur PBS {server}\u00a0: le client HTTP n’a pas pu être initialisé («\u00a0{detail}\u00a0»)\u00a0; les "
     "instantanés du stockage {storages} n’ont pas été collectés.",
     "PBS {server}: the HTTP client could not be set up (“{detail}”); the snapshots of storages "
     "{storages} were not collected.",
     "Serveur PBS {server}\u00a0: le client HTTP n’a pas pu être initialisé («\u00a0{detail}\u00a0»)\u00a0; les "
     "instantanés des stockages {storages} n’ont pas été collectés.",
     "PBS {server}: Der HTTP-Client konnte nicht eingerichtet werden („{detail}“); die Snapshots von "
     "Storage {storages} wurden nicht erfasst.",
     "PBS {server}: Der HTTP-Client konnte nicht eingerichtet werden („{detail}“); die Snapshots der "
     "Storages {storages} wurden nicht erfasst."},
    {M::issue_pbs_token_refused,
     "PBS {server} refused the API token {token} (“{reason}”): check {token_variable} and "
     "{secret_variable} (wrong secret, token expired or deleted, or user disabled); the snapshots of "
     "storage {storages} were not collected.",
     "Le serveur PBS {server} a refusé le jeton d’API {token} («\u00a0{reason}\u00a0»)\u00a0: vérifiez "
     "{token_variable} et {secret_variable} (secret erroné, jeton expiré ou supprimé, ou utilisateur "
     "désactivé)\u00a0; les instantanés du stockage {storages} n’ont pas été collectés.",
     "PBS {server} refused the API token {token} (“{reason}”): check {token_variable} and "
     "{secret_variable} (wrong secret, token expired or deleted, or user disabled); the snapshots of "
     "storages {storages} were not collected.",
     "Le serveur PBS {server} a refusé le jeton d’API {token} («\u00a0{reason}\u00a0»)\u00a0: vérifiez "
     "{token_variable} et {secret_variable} (secret erroné, jeton expiré ou supprimé, ou utilisateur "
     "désactivé)\u00a0; les instantanés des stockages {storages} n’ont pas été collectés.",
     "PBS {server} hat das API-Token {token} abgelehnt („{reason}“): Prüfen Sie {token_variable} und "
     "{secret_variable} (falsches Secret, Token abgelaufen oder gelöscht, oder Benutzer deaktiviert); "
     "die Snapshots von Storage {storages} wurden nicht erfasst.",
     "PBS {server} hat das API-Token {token} abgelehnt („{reason}“): Prüfen Sie {token_variable} und "
     "{secret_variable} (falsches Secret, Token abgelaufen oder gelöscht, oder Benutzer deaktiviert); "
     "die Snapshots der Storages {storages} wurden nicht erfasst."},
    {M::issue_pbs_fingerprint_mismatch,
     "The fingerprint of storage {storage} ({fingerprint}) does not match the TLS certificate of PBS "
     "{server}: the certificate was probably renewed or replaced; update the fingerprint of storage "
     "{storage} (or set {variable}); the snapshots of storage {storages} were not collected.",
     "L’empreinte du stockage {storage} ({fingerprint}) ne correspond pas au certificat TLS du "
     "serveur PBS {server}\u00a0: le certificat a probablement été renouvelé ou remplacé\u00a0; mettez à jour "
     "l’empreinte du stockage {storage} (ou définissez {variable})\u00a0; les instantanés du stockage "
     "{storages} n’ont pas été collectés.",
     "The fingerprint of storage {storage} ({fingerprint}) does not match the TLS certificate of PBS "
     "{server}: the certificate was probably renewed or replaced; update the fingerprint of storage "
     "{storage} (or set {variable}); the snapshots of storages {storages} were not collected.",
     "L’empreinte du stockage {storage} ({fingerprint}) ne correspond pas au certificat TLS du "
     "serveur PBS {server}\u00a0: le certificat a probablement été renouvelé ou remplacé\u00a0; mettez à jour "
     "l’empreinte du stockage {storage} (ou définissez {variable})\u00a0; les instantanés des stockages "
     "{storages} n’ont pas été collectés.",
     "Der Fingerprint von Storage {storage} ({fingerprint}) passt nicht zum TLS-Zertifikat von PBS "
     "{server}: Das Zertifikat wurde vermutlich erneuert oder ersetzt; aktualisieren Sie den "
     "Fingerprint von Storage {storage} (oder setzen Sie {variable}); die Snapshots von Storage "
     "{storages} wurden nicht erfasst.",
     "Der Fingerprint von Storage {storage} ({fingerprint}) passt nicht zum TLS-Zertifikat von PBS "
     "{server}: Das Zertifikat wurde vermutlich erneuert oder ersetzt; aktualisieren Sie den "
     "Fingerprint von Storage {storage} (oder setzen Sie {variable}); die Snapshots der Storages "
     "{storages} wurden nicht erfasst."},
    {M::issue_pbs_fingerprint_override_mismatch,
     "{variable} ({fingerprint}), used for storage {storage}, does not match the TLS certificate of "
     "PBS {server}: the certificate was probably renewed or replaced; update {variable}; the "
     "snapshots of storage {storages} were not collected.",
     "{variable} ({fingerprint}), utilisée pour le stockage {storage}, ne correspond pas au "
     "certificat TLS du serveur PBS {server}\u00a0: le certificat a probablement été renouvelé ou "
     "remplacé\u00a0; mettez à jour {variable}\u00a0; les instantanés du stockage {storages} n’ont pas été "
     "collectés.",
     "{variable} ({fingerprint}), used for storage {storage}, does not match the TLS certificate of "
     "PBS {server}: the certificate was probably renewed or replaced; update {variable}; the "
     "snapshots of storages {storages} were not collected.",
     "{variable} ({fingerprint}), utilisée pour le stockage {storage}, ne correspond pas au "
     "certificat TLS du serveur PBS {server}\u00a0: le certificat a probablement été renouvelé ou "
     "remplacé\u00a0; mettez à jour {variable}\u00a0; les instantanés des stockages {storages} n’ont pas été "
     "collectés.",
     "{variable} ({fingerprint}), verwendet für Storage {storage}, passt nicht zum TLS-Zertifikat von "
     "PBS {server}: Das Zertifikat wurde vermutlich erneuert oder ersetzt; aktualisieren Sie "
     "{variable}; die Snapshots von Storage {storages} wurden nicht erfasst.",
     "{variable} ({fingerprint}), verwendet für Storage {storage}, passt nicht zum TLS-Zertifikat von "
     "PBS {server}: Das Zertifikat wurde vermutlich erneuert oder ersetzt; aktualisieren Sie "
     "{variable}; die Snapshots der Storages {storages} wurden nicht erfasst."},
    {M::issue_pbs_certificate_untrusted,
     "The TLS certificate of PBS {server} is not trusted (“{detail}”); the snapshots of storage "
     "{storages} were not collected.",
     "Le certificat TLS du serveur PBS {server} n’est pas reconnu comme fiable («\u00a0{detail}\u00a0»)\u00a0; les "
     "instantanés du stockage {storages} n’ont pas été collectés.",
     "The TLS certificate of PBS {server} is not trusted (“{detail}”); the snapshots of storages "
     "{storages} were not collected.",
     "Le certificat TLS du serveur PBS {server} n’est pas reconnu comme fiable («\u00a0{detail}\u00a0»)\u00a0; les "
     "instantanés des stockages {storages} n’ont pas été collectés.",
     "Dem TLS-Zertifikat von PBS {server} wird nicht vertraut („{detail}“); die Snapshots von Storage "
     "{storages} wurden nicht erfasst.",
     "Dem TLS-Zertifikat von PBS {server} wird nicht vertraut („{detail}“); die Snapshots der "
     "Storages {storages} wurden nicht erfasst."},
    {M::issue_pbs_unreachable,
     "PBS {server} could not be reached (“{reason}”); the snapshots of storage {storages} were not "
     "collected.",
     "Le serveur PBS {server} est injoignable («\u00a0{reason}\u00a0»)\u00a0; les instantanés du stockage {storages} "
     "n’ont pas été collectés.",
     "PBS {server} could not be reached (“{reason}”); the snapshots of storages {storages} were not "
     "collected.",
     "Le serveur PBS {server} est injoignable («\u00a0{reason}\u00a0»)\u00a0; les instantanés des stockages "
     "{storages} n’ont pas été collectés.",
     "PBS {server} ist nicht erreichbar („{reason}“); die Snapshots von Storage {storages} wurden "
     "nicht erfasst.",
     "PBS {server} ist nicht erreichbar („{reason}“); die Snapshots der Storages {storages} wurden "
     "nicht erfasst."},
    {M::issue_pbs_not_pbs,
     "PBS {server} did not answer like a Proxmox Backup Server (“{detail}”); the snapshots of storage "
     "{storages} were not collected.",
     "Le serveur {server} n’a pas répondu comme un Proxmox Backup Server («\u00a0{detail}\u00a0»)\u00a0; les "
     "instantanés du stockage {storages} n’ont pas été collectés.",
     "PBS {server} did not answer like a Proxmox Backup Server (“{detail}”); the snapshots of "
     "storages {storages} were not collected.",
     "Le serveur {server} n’a pas répondu comme un Proxmox Backup Server («\u00a0{detail}\u00a0»)\u00a0; les "
     "instantanés des stockages {storages} n’ont pas été collectés.",
     "{server} hat nicht wie ein Proxmox Backup Server geantwortet („{detail}“); die Snapshots von "
     "Storage {storages} wurden nicht erfasst.",
     "{server} hat nicht wie ein Proxmox Backup Server geantwortet („{detail}“); die Snapshots der "
     "Storages {storages} wurden nicht erfasst."},
    {M::issue_pbs_version_failed,
     "GET /version on PBS {server} failed (“{reason}”); the snapshots of storage {storages} were not "
     "collected.",
     "GET /version sur le serveur PBS {server} a échoué («\u00a0{reason}\u00a0»)\u00a0; les instantanés du stockage "
     "{storages} n’ont pas été collectés.",
     "GET /version on PBS {server} failed (“{reason}”); the snapshots of storages {storages} were not "
     "collected.",
     "GET /version sur le serveur PBS {server} a échoué («\u00a0{reason}\u00a0»)\u00a0; les instantanés des "
     "stockages {storages} n’ont pas été collectés.",
     "GET /version auf PBS {server} ist fehlgeschlagen („{reason}“); die Snapshots von Storage "
     "{storages} wurden nicht erfasst.",
     "GET /version auf PBS {server} ist fehlgeschlagen („{reason}“); die Snapshots der Storages "
     "{storages} wurden nicht erfasst."},
    {M::issue_datastore_invisible,
     "Datastore “{datastore}” is not visible on PBS {server}: it does not exist, or the token "
     "probably lacks Datastore.Audit on /datastore/{datastore}; the snapshots of storage {storages} "
     "were not collected.",
     "Le datastore «\u00a0{datastore}\u00a0» n’est pas visible sur le serveur PBS {server}\u00a0: il n’existe pas, "
     "ou le jeton n’a probablement pas le privilège Datastore.Audit sur /datastore/{datastore}\u00a0; les "
     "instantanés du stockage {storages} n’ont pas été collectés.",
     "Datastore “{datastore}” is not visible on PBS {server}: it does not exist, or the token "
     "probably lacks Datastore.Audit on /datastore/{datastore}; the snapshots of storages {storages} "
     "were not collected.",
     "Le datastore «\u00a0{datastore}\u00a0» n’est pas visible sur le serveur PBS {server}\u00a0: il n’existe pas, "
     "ou le jeton n’a probablement pas le privilège Datastore.Audit sur /datastore/{datastore}\u00a0; les "
     "instantanés des stockages {storages} n’ont pas été collectés.",
     "Datastore „{datastore}“ ist auf PBS {server} nicht sichtbar: Er existiert nicht, oder dem Token "
     "fehlt vermutlich das Recht Datastore.Audit auf /datastore/{datastore}; die Snapshots von "
     "Storage {storages} wurden nicht erfasst.",
     "Datastore „{datastore}“ ist auf PBS {server} nicht sichtbar: Er existiert nicht, oder dem Token "
     "fehlt vermutlich das Recht Datastore.Audit auf /datastore/{datastore}; die Snapshots der "
     "Storages {storages} wurden nicht erfasst."},
    {M::issue_datastore_usage_hidden,
     "The usage of datastore “{datastore}” on PBS {server} is not visible: the token probably lacks "
     "{privilege} on {path}.",
     "L’occupation du datastore «\u00a0{datastore}\u00a0» sur le serveur PBS {server} n’est pas visible\u00a0: le "
     "jeton n’a probablement pas le privilège {privilege} sur {path}.",
     {},
     {},
     "Die Belegung von Datastore „{datastore}“ auf PBS {server} ist nicht sichtbar: Dem Token fehlt "
     "vermutlich das Recht {privilege} auf {path}."},
    {M::issue_datastore_usage_error,
     "The usage of datastore “{datastore}” on PBS {server} could not be read: “{reason}”.",
     "L’occupation du datastore «\u00a0{datastore}\u00a0» sur le serveur PBS {server} n’a pas pu être lue\u00a0: "
     "«\u00a0{reason}\u00a0».",
     {},
     {},
     "Die Belegung von Datastore „{datastore}“ auf PBS {server} konnte nicht gelesen werden: "
     "„{reason}“."},
    {M::issue_namespace_missing,
     "Namespace “{namespace}” of storage {storage} is not among the namespaces of datastore "
     "“{datastore}” on PBS {server}: it does not exist, or the token lacks {privilege} on {path}.",
     "L’espace de noms «\u00a0{namespace}\u00a0» du stockage {storage} ne figure pas parmi ceux du datastore "
     "«\u00a0{datastore}\u00a0» sur le serveur PBS {server}\u00a0: il n’existe pas, ou il manque au jeton le "
     "privilège {privilege} sur {path}.",
     {},
     {},
     "Namespace „{namespace}“ von Storage {storage} ist nicht unter den Namespaces von Datastore "
     "„{datastore}“ auf PBS {server}: Er existiert nicht, oder dem Token fehlt das Recht {privilege} "
     "auf {path}."},
    {M::issue_datastore_retention_hidden,
     "The retention of datastore “{datastore}” on PBS {server} (PBS < 2.2.2: keep-* options of the "
     "datastore) is not visible: the token probably lacks {privilege} on {path}.",
     "La rétention du datastore «\u00a0{datastore}\u00a0» sur le serveur PBS {server} (PBS < 2.2.2\u00a0: options "
     "keep-* du datastore) n’est pas visible\u00a0: le jeton n’a probablement pas le privilège {privilege} "
     "sur {path}.",
     {},
     {},
     "Die Aufbewahrung von Datastore „{datastore}“ auf PBS {server} (PBS < 2.2.2: keep-*-Optionen des "
     "Datastores) ist nicht sichtbar: Dem Token fehlt vermutlich das Recht {privilege} auf {path}."},
    {M::issue_prune_jobs_hidden,
     "The prune jobs of datastore “{datastore}” on PBS {server} may be hidden: the token lacks "
     "{privilege} on {path} (PBS lists only the jobs the token may audit); the PBS-side retention is "
     "unknown.",
     "Les tâches d’élagage (prune) du datastore «\u00a0{datastore}\u00a0» sur le serveur PBS {server} peuvent "
     "être masquées\u00a0: il manque au jeton le privilège {privilege} sur {path} (PBS ne liste que les "
     "tâches que le jeton a le droit d’auditer)\u00a0; la rétention côté PBS est inconnue.",
     {},
     {},
     "Die Prune-Jobs von Datastore „{datastore}“ auf PBS {server} sind möglicherweise ausgeblendet: "
     "Dem Token fehlt das Recht {privilege} auf {path} (PBS listet nur die Jobs, die das Token prüfen "
     "darf); die Aufbewahrung auf PBS-Seite ist unbekannt."},
    {M::issue_snapshots_filtered,
     "The snapshot list of storage {storage} (datastore “{datastore}”) on PBS {server} is empty and "
     "the token lacks {privilege} on {path}: PBS hides the backup groups the token does not own, so "
     "the list may be filtered; its snapshots are counted as unknown.",
     "La liste des instantanés du stockage {storage} (datastore «\u00a0{datastore}\u00a0») sur le serveur PBS "
     "{server} est vide et il manque au jeton le privilège {privilege} sur {path}\u00a0: PBS masque les "
     "groupes de sauvegarde dont le jeton n’est pas propriétaire, la liste peut donc être filtrée\u00a0; "
     "ses instantanés sont comptés comme inconnus.",
     {},
     {},
     "Die Snapshot-Liste von Storage {storage} (Datastore „{datastore}“) auf PBS {server} ist leer, "
     "und dem Token fehlt das Recht {privilege} auf {path}: PBS blendet die Backup-Gruppen aus, die "
     "nicht dem Token gehören, die Liste kann also gefiltert sein; ihre Snapshots werden als "
     "unbekannt gezählt."},
    {M::issue_snapshots_unchecked,
     "The snapshot list of storage {storage} (datastore “{datastore}”) on PBS {server} is empty and "
     "the token’s privileges on {path} could not be checked: PBS hides the backup groups the token "
     "does not own, so the list may be filtered; its snapshots are counted as unknown.",
     "La liste des instantanés du stockage {storage} (datastore «\u00a0{datastore}\u00a0») sur le serveur PBS "
     "{server} est vide et les privilèges du jeton sur {path} n’ont pas pu être vérifiés\u00a0: PBS masque "
     "les groupes de sauvegarde dont le jeton n’est pas propriétaire, la liste peut donc être "
     "filtrée\u00a0; ses instantanés sont comptés comme inconnus.",
     {},
     {},
     "Die Snapshot-Liste von Storage {storage} (Datastore „{datastore}“) auf PBS {server} ist leer, "
     "und die Rechte des Tokens auf {path} konnten nicht geprüft werden: PBS blendet die "
     "Backup-Gruppen aus, die nicht dem Token gehören, die Liste kann also gefiltert sein; ihre "
     "Snapshots werden als unbekannt gezählt."},
    {M::issue_pbs_storage_no_datastore,
     "Storage {storage} has no datastore in the PVE storage configuration: its snapshots were not "
     "collected.",
     "Le stockage {storage} n’a pas de datastore dans la configuration des stockages de PVE\u00a0: ses "
     "instantanés n’ont pas été collectés.",
     {},
     {},
     "Storage {storage} hat keinen Datastore in der Storage-Konfiguration von PVE: Seine Snapshots "
     "wurden nicht erfasst."},
    {M::issue_pbs_storage_no_server,
     "Storage {storage} has no server in the PVE storage configuration (set {variable}): its "
     "snapshots were not collected.",
     "Le stockage {storage} n’a pas de serveur dans la configuration des stockages de PVE (définissez "
     "{variable})\u00a0: ses instantanés n’ont pas été collectés.",
     {},
     {},
     "Storage {storage} hat keinen Server in der Storage-Konfiguration von PVE (setzen Sie "
     "{variable}): Seine Snapshots wurden nicht erfasst."},
    {M::issue_pbs_storage_bad_url,
     "Storage {storage}: server “{server}” and port {port} do not make a PBS URL (“{detail}”; set "
     "{variable}): its snapshots were not collected.",
     "Stockage {storage}\u00a0: le serveur «\u00a0{server}\u00a0» et le port {port} ne forment pas une URL de PBS "
     "valide («\u00a0{detail}\u00a0»\u00a0; définissez {variable})\u00a0: ses instantanés n’ont pas été collectés.",
     {},
     {},
     "Storage {storage}: Server „{server}“ und Port {port} ergeben keine gültige PBS-URL („{detail}“; "
     "setzen Sie {variable}): Seine Snapshots wurden nicht erfasst."},
    {M::issue_pbs_no_token,
     "No PBS API token applies to storage {storage} (set PBS_TOKEN_ID and PBS_TOKEN_SECRET, or "
     "{token_variable} and {secret_variable}): its snapshots were not collected.",
     "Aucun jeton d’API PBS ne s’applique au stockage {storage} (définissez PBS_TOKEN_ID et "
     "PBS_TOKEN_SECRET, ou {token_variable} et {secret_variable})\u00a0: ses instantanés n’ont pas été "
     "collectés.",
     {},
     {},
     "Für Storage {storage} gilt kein PBS-API-Token (setzen Sie PBS_TOKEN_ID und PBS_TOKEN_SECRET "
     "oder {token_variable} und {secret_variable}): Seine Snapshots wurden nicht erfasst."},
    {M::issue_pbs_bad_fingerprint,
     "Storage {storage}: its fingerprint “{fingerprint}” is not a SHA-256 certificate fingerprint (32 "
     "hex bytes separated by “:”); correct it or set {variable}. Its snapshots were not collected.",
     "Stockage {storage}\u00a0: son empreinte «\u00a0{fingerprint}\u00a0» n’est pas une empreinte de certificat "
     "SHA-256 (32 octets hexadécimaux séparés par «\u00a0:\u00a0»)\u00a0; corrigez-la ou définissez {variable}. Ses "
     "instantanés n’ont pas été collectés.",
     {},
     {},
     "Storage {storage}: Sein Fingerprint „{fingerprint}“ ist kein SHA-256-Zertifikats-Fingerprint "
     "(32 Hex-Bytes, getrennt durch „:“); korrigieren Sie ihn oder setzen Sie {variable}. Seine "
     "Snapshots wurden nicht erfasst."},
    {M::value_type_boolean,
     "a boolean",
     "un booléen",
     {},
     {},
     "ein boolescher Wert"},
    {M::value_type_integer,
     "an integer",
     "un entier",
     {},
     {},
     "eine ganze Zahl"},
    {M::value_type_string,
     "a string",
     "une chaîne",
     {},
     {},
     "eine Zeichenkette"},
    {M::value_type_object,
     "an object",
     "un objet",
     {},
     {},
     "ein Objekt"},
    {M::issue_repeated,
     "{message} ({count} time, e.g. {examples}).",
     "{message} ({count} fois, par ex. {examples}).",
     "{message} ({count} times, e.g. {examples}).",
     "{message} ({count} fois, par ex. {examples}).",
     "{message} ({count}-mal, z. B. {examples}).",
     "{message} ({count}-mal, z. B. {examples})."},
    // accepted exceptions
    {M::sec_exceptions, "Accepted exceptions", "Exceptions acceptées"},
    {M::empty_exceptions, "No accepted exception (EXCEPTIONS_FILE, EXEMPT_TAG).",
     "Aucune exception acceptée (EXCEPTIONS_FILE, EXEMPT_TAG)."},
    {M::exceptions_intro,
     "Known gaps accepted by their owners. What an exception accepts keeps its true status everywhere in this "
     "report, but leaves the verdict. An expired exception accepts nothing any more.",
     "Manques connus, acceptés par leurs responsables. Ce qu’une exception accepte garde son vrai statut partout "
     "dans ce rapport, mais sort du verdict. Une exception expirée n’accepte plus rien."},
    {M::exceptions_counts, "Active: {0} · Expired: {1} · Unused: {2} · Accepted findings: {3}",
     "Actives : {0} · Expirées : {1} · Inutilisées : {2} · Constats acceptés : {3}"},
    {M::exceptions_source, "Source: {}", "Source : {}"},
    {M::col_exception, "Exception", "Exception"},
    {M::col_matches, "Matches", "Critères"},
    {M::col_applies_to, "Applies to", "S’applique à"},
    {M::col_accepts, "Accepts", "Accepte"},
    {M::col_owner, "Owner", "Responsable"},
    {M::col_until, "Until", "Jusqu’au"},
    {M::col_finding, "Finding", "Constat"},
    {M::exception_active, "Active", "Active"},
    {M::exception_expired, "Expired", "Expirée"},
    {M::exception_unused, "Unused", "Inutilisée"},
    {M::owner_unknown, "unknown", "inconnu"},
    {M::until_none, "no expiry", "sans échéance"},
    {M::exception_tag_reason, "Tagged {} in PVE", "Étiquette {} dans PVE"},
    {M::accepted_findings_heading, "Accepted findings", "Constats acceptés"},
    {M::accepted_by, "Accepted ({}) —", "Acceptée ({}) —"},
    {M::summary_accepted,
     "Accepted by exceptions (left out of the verdict) — guests not backed up: {0} · anomalies: {1}. See Accepted "
     "exceptions.",
     "Acceptés par des exceptions (hors verdict) — VM/CT non sauvegardées\u00a0: {0} · anomalies\u00a0: {1}. Voir "
     "Exceptions acceptées."},
    {M::kf_accepted_detail, "{} accepted", "{} acceptée", "{} accepted", "{} acceptées"},
    // relative times
    {M::relative_now, "just now", "à l’instant"},
    {M::minutes_ago, "{} minute ago", "il y a {} minute", "{} minutes ago", "il y a {} minutes"},
    {M::hours_ago, "{} hour ago", "il y a {} heure", "{} hours ago", "il y a {} heures"},
    {M::days_ago, "{} day ago", "il y a {} jour", "{} days ago", "il y a {} jours"},
    {M::months_ago, "{} month ago", "il y a {} mois", "{} months ago", "il y a {} mois"},
    {M::years_ago, "{} year ago", "il y a {} an", "{} years ago", "il y a {} ans"},
    {M::in_minutes, "in {} minute", "dans {} minute", "in {} minutes", "dans {} minutes"},
    {M::in_hours, "in {} hour", "dans {} heure", "in {} hours", "dans {} heures"},
    {M::in_days, "in {} day", "dans {} jour", "in {} days", "dans {} jours"},
    {M::in_months, "in {} month", "dans {} mois", "in {} months", "dans {} mois"},
    {M::in_years, "in {} year", "dans {} an", "in {} years", "dans {} ans"},
    // months
    {M::month_jan, "Jan", "janv."},
    {M::month_feb, "Feb", "févr."},
    {M::month_mar, "Mar", "mars"},
    {M::month_apr, "Apr", "avr."},
    {M::month_may, "May", "mai"},
    {M::month_jun, "Jun", "juin"},
    {M::month_jul, "Jul", "juil."},
    {M::month_aug, "Aug", "août"},
    {M::month_sep, "Sep", "sept."},
    {M::month_oct, "Oct", "oct."},
    {M::month_nov, "Nov", "nov."},
    {M::month_dec, "Dec", "déc."},
    // size units (IEC binary prefixes, as in the PVE and PBS interfaces)
    {M::unit_b, "B", "B"},
    {M::unit_kib, "KiB", "KiB"},
    {M::unit_mib, "MiB", "MiB"},
    {M::unit_gib, "GiB", "GiB"},
    {M::unit_tib, "TiB", "TiB"},
    {M::unit_pib, "PiB", "PiB"},
};
// clang-format on

const MsgText& entry(Msg id) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= k_table.size() || k_table[index].id != id) {
        throw std::logic_error("translation table out of order at message " + std::to_string(index));
    }
    return k_table[index];
}

} // namespace

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
    const auto& e = entry(id);
    switch (m_lang) {
    case Lang::fr:
        return e.fr;
    case Lang::de:
        return e.de.empty() ? e.en : e.de;
    case Lang::en:
        break;
    }
    return e.en;
}

std::string_view Translator::text(Msg id, std::int64_t count) const {
    const auto& e = entry(id);
    // Plural rules as gettext's: fr "n > 1" (0 and 1 singular); en and de "n != 1".
    const bool singular = m_lang == Lang::fr ? (count >= -1 && count <= 1) : (count == 1 || count == -1);
    if (singular) {
        return text(id);
    }
    std::string_view plural = e.en_plural;
    if (m_lang == Lang::fr) {
        plural = e.fr_plural;
    } else if (m_lang == Lang::de && !e.de.empty()) {
        plural = e.de_plural;
    }
    return plural.empty() ? text(id) : plural;
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
