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
    // trends and capacity (issue 11)
    {M::sec_trends, "Trends", "Tendances", "", "", "Trends"},
    {M::sec_capacity, "PBS capacity forecast", "Prévision de capacité PBS", "", "", "PBS-Kapazitätsprognose"},
    {M::trends_not_read, "The history of previous reports was not read: no trend can be shown.",
     "L’historique des rapports précédents n’a pas été lu\u00a0: aucune tendance ne peut être affichée.", "", "",
     "Der Verlauf früherer Berichte wurde nicht gelesen: es können keine Trends gezeigt werden."},
    {M::trends_single_run,
     "Trends appear from the second kept report on: this report is the only one of this cluster so far.",
     "Les tendances apparaissent à partir du deuxième rapport conservé\u00a0: ce rapport est pour l’instant le seul "
     "de ce cluster.",
     "", "",
     "Trends erscheinen ab dem zweiten aufbewahrten Bericht: bisher ist dies der einzige Bericht dieses Clusters."},
    {M::trends_intro, "{0} report from {1} to {2} (the last {3} at most, this one included).",
     "{0} rapport du {1} au {2} (les {3} derniers au plus, celui-ci compris).",
     "{0} reports from {1} to {2} (the last {3} at most, this one included).",
     "{0} rapports du {1} au {2} (les {3} derniers au plus, celui-ci compris).",
     "{0} Bericht vom {1} bis {2} (höchstens die letzten {3}, dieser eingeschlossen).",
     "{0} Berichte vom {1} bis {2} (höchstens die letzten {3}, dieser eingeschlossen)."},
    {M::chart_coverage_30, "Coverage, last {} reports", "Couverture, {} derniers rapports", "", "",
     "Abdeckung, letzte {} Berichte"},
    {M::chart_coverage_90, "Coverage, last {} reports", "Couverture, {} derniers rapports", "", "",
     "Abdeckung, letzte {} Berichte"},
    {M::chart_problems, "Guests not backed up, failed and overdue backups",
     "VM/CT non sauvegardées, sauvegardes en échec et en retard", "", "",
     "Nicht gesicherte VM/CT, fehlgeschlagene und überfällige Sicherungen"},
    {M::chart_anomalies, "Anomalies by severity", "Anomalies par gravité", "", "", "Anomalien nach Schweregrad"},
    {M::chart_datastore, "Datastore {0} on {1}: used and total space", "Datastore {0} sur {1}\u00a0: espace utilisé et total",
     "", "", "Datastore {0} auf {1}: belegter und gesamter Speicherplatz"},
    {M::axis_percent, "Coverage (%)", "Couverture (%)", "", "", "Abdeckung (%)"},
    {M::axis_count, "Count", "Nombre", "", "", "Anzahl"},
    {M::axis_space, "Space ({})", "Espace ({})", "", "", "Speicherplatz ({})"},
    {M::series_coverage, "Coverage", "Couverture", "", "", "Abdeckung"},
    {M::series_not_backed_up, "Not backed up", "Non sauvegardées", "", "", "Nicht gesichert"},
    {M::series_failed, "Failed", "En échec", "", "", "Fehlgeschlagen"},
    {M::series_overdue, "Overdue", "En retard", "", "", "Überfällig"},
    {M::series_used, "Used", "Utilisé", "", "", "Belegt"},
    {M::series_total, "Total", "Total", "", "", "Gesamt"},
    {M::datastore_no_series, "Datastore {0} on {1}: its usage was read in fewer than two reports.",
     "Datastore {0} sur {1}\u00a0: son occupation a été lue dans moins de deux rapports.", "", "",
     "Datastore {0} auf {1}: seine Belegung wurde in weniger als zwei Berichten gelesen."},
    {M::capacity_intro,
     "When each PBS datastore will be full: PBS’s own estimate when it gives one, otherwise a straight line through "
     "the used space of the last 30 reports (at least 5, over 3 days or more). Fewer than {} days left is an anomaly "
     "(CAPACITY_WARN_DAYS).",
     "Quand chaque datastore PBS sera plein\u00a0: l’estimation de PBS lui-même quand il en donne une, sinon une "
     "droite ajustée sur l’espace utilisé des 30 derniers rapports (au moins 5, sur 3 jours ou plus). Moins de {} "
     "jours restants est une anomalie (CAPACITY_WARN_DAYS).",
     "", "",
     "Wann jeder PBS-Datastore voll ist: die eigene Schätzung von PBS, wenn es eine liefert, sonst eine Gerade durch "
     "den belegten Speicherplatz der letzten 30 Berichte (mindestens 5, über 3 Tage oder mehr). Weniger als {} "
     "verbleibende Tage sind eine Anomalie (CAPACITY_WARN_DAYS)."},
    {M::capacity_empty, "No PBS datastore usage was read: there is no capacity forecast.",
     "Aucune occupation de datastore PBS n’a été lue\u00a0: pas de prévision de capacité.", "", "",
     "Keine Belegung eines PBS-Datastores wurde gelesen: es gibt keine Kapazitätsprognose."},
    {M::col_full_in, "Full in", "Plein dans", "", "", "Voll in"},
    {M::col_full_on, "Full on", "Plein le", "", "", "Voll am"},
    {M::col_basis, "Basis", "Base", "", "", "Grundlage"},
    {M::col_growth, "Growth per day", "Croissance par jour", "", "", "Wachstum pro Tag"},
    {M::full_in_days, "{} day", "{}\u00a0jour", "{} days", "{}\u00a0jours", "{} Tag", "{} Tagen"},
    {M::full_now, "Now", "Maintenant", "", "", "Jetzt"},
    {M::growth_per_day, "{}/day", "{}/jour", "", "", "{}/Tag"},
    {M::basis_pbs_estimate, "PBS estimate", "Estimation de PBS", "", "", "Schätzung von PBS"},
    {M::basis_history_fit, "Trend of the last {} reports", "Tendance des {} derniers rapports", "", "",
     "Trend der letzten {} Berichte"},
    {M::basis_not_growing, "Not growing", "Pas de croissance", "", "", "Kein Wachstum"},
    {M::basis_insufficient, "Not enough history yet", "Historique encore insuffisant", "", "",
     "Noch zu wenig Verlauf"},
    {M::kind_datastore_full_soon, "Datastore full soon", "Datastore bientôt plein", "", "", "Datastore bald voll"},
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
