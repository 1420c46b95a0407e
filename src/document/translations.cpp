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
    {M::list_and, " and ", " et ", "", "", " und "},
    {M::list_separator, ", ", ", ", "", "", ", "},
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
    {M::selection_all, "All guests", "Toutes les VM/CT", "", "", "Alle Gäste"},
    {M::selection_all_except, "All guests except {}", "Toutes les VM/CT sauf {}", "", "", "Alle Gäste außer {}"},
    {M::selection_pool, "Pool {}", "Pool {}", "", "", "Pool {}"},
    {M::selection_vmids, "VMID {}", "VMID {}", "VMIDs {}", "VMID {}", "VMID {}", "VMIDs {}"},
    {M::selection_node_only, "{0}, node {1} only", "{0}, nœud {1} uniquement", "", "", "{0}, nur Knoten {1}"},
    {M::selection_exclude_without_all, "No guest (excludes {} without “all”)",
     "Aucune VM/CT (exclut {} sans «\u00a0toutes\u00a0»)", "", "", "Kein Gast (schließt {} ohne „alle“ aus)"},
    {M::selection_none, "No guest selected", "Aucune VM/CT sélectionnée", "", "", "Kein Gast ausgewählt"},
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
    {M::type_vm, "VM", "VM", "", "", "VM"},
    {M::type_ct, "CT", "CT", "", "", "CT"},
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
    {M::kind_guest_not_backed_up, "Guest not backed up", "VM/CT non sauvegardée", "", "", "Gast nicht gesichert"},
    {M::kind_guest_only_disabled_jobs, "Only disabled jobs", "Seulement des tâches désactivées", "", "", "Nur deaktivierte Jobs"},
    {M::kind_volumes_excluded, "Volumes excluded", "Volumes exclus", "", "", "Volumes ausgeschlossen"},
    {M::kind_backup_failed, "Backup failed", "Échec de sauvegarde", "", "", "Sicherung fehlgeschlagen"},
    {M::kind_job_disabled, "Job disabled", "Tâche désactivée", "", "", "Job deaktiviert"},
    {M::kind_job_includes_nothing, "Job includes nothing", "Tâche sans VM/CT", "", "", "Job ohne Gäste"},
    {M::kind_job_unknown_vmid, "Unknown VMID", "VMID inconnu", "", "", "Unbekannte VMID"},
    {M::kind_job_unknown_node, "Unknown node", "Nœud inconnu", "", "", "Unbekannter Knoten"},
    {M::kind_job_pool_unknown, "Unknown pool", "Pool inconnu", "", "", "Unbekannter Pool"},
    {M::kind_job_storage_missing, "Storage missing", "Stockage absent", "", "", "Speicher fehlt"},
    {M::kind_job_storage_disabled, "Storage disabled", "Stockage désactivé", "", "", "Speicher deaktiviert"},
    {M::kind_job_uninterpretable, "Job setting not understood", "Réglage de tâche incompris", "", "", "Job-Einstellung unverständlich"},
    {M::kind_job_no_schedule, "Job without schedule", "Tâche sans planification", "", "", "Job ohne Zeitplan"},
    {M::kind_not_backed_up_mismatch, "PVE disagrees", "Désaccord avec PVE", "", "", "Abweichung von PVE"},
    {M::kind_retention_mismatch, "Retention mismatch", "Écart de rétention", "", "", "Aufbewahrung weicht ab"},
    {M::kind_backup_stale, "Backup too old", "Sauvegarde trop ancienne", "", "", "Sicherung zu alt"},
    {M::kind_verification_failed, "Verification failed", "Échec de vérification", "", "", "Verifizierung fehlgeschlagen"},
    {M::kind_storage_usage_high, "Storage nearly full", "Stockage presque plein", "", "", "Speicher fast voll"},
    {M::kind_exception_expired, "Exception expired", "Exception expirée", "", "", "Ausnahme abgelaufen"},
    {M::kind_exception_unused, "Exception unused", "Exception inutilisée", "", "", "Ausnahme ungenutzt"},
    {M::kind_duplicate_vmid, "VMID listed twice", "VMID listé deux fois", "", "", "VMID doppelt aufgeführt"},
    {M::kind_duplicate_job, "Job listed twice", "Tâche listée deux fois", "", "", "Job doppelt aufgeführt"},
    {M::kind_job_duplicate_vmid, "Job names a VMID twice", "Tâche nommant un VMID deux fois", "", "", "Job nennt VMID doppelt"},
    {M::kind_duplicate_storage, "Storage listed twice", "Stockage listé deux fois", "", "", "Speicher doppelt aufgeführt"},
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
    {M::owner_unknown, "unknown", "inconnu", "", "", "unbekannt"},
    {M::until_none, "no expiry", "sans échéance"},
    {M::exception_tag_reason, "Tagged {} in PVE", "Étiquette {} dans PVE"},
    {M::accepted_findings_heading, "Accepted findings", "Constats acceptés"},
    {M::accepted_by, "Accepted ({}) —", "Acceptée ({}) —", "", "", "Akzeptiert ({}) —"},
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
    // facts (issue 13)
    {M::fact_template_guest, "template {}", "modèle {}", "", "", "Vorlage {}", ""},
    {M::fact_location, "storage {0} (datastore {1}, {2})", "stockage {0} (datastore {1}, {2})", "", "", "Speicher {0} (Datastore {1}, {2})", ""},
    {M::fact_namespace, "namespace {}", "espace de noms {}", "", "", "Namespace {}", ""},
    {M::fact_root_namespace, "root namespace", "espace de noms racine", "", "", "Root-Namespace", ""},
    {M::fact_more, "{} more", "{} autre", "{} more", "{} autres", "{} weiterer", "{} weitere"},
    {M::fact_guest_on_node, "{0} on {1}", "{0} sur {1}", "", "", "{0} auf {1}", ""},
    {M::fact_default_storage, "the default storage", "le stockage par défaut", "", "", "den Standardspeicher", ""},
    {M::fact_minutes, "{} minute", "{} minute", "{} minutes", "{} minutes", "{} Minute", "{} Minuten"},
    {M::fact_hours, "{} hour", "{} heure", "{} hours", "{} heures", "{} Stunde", "{} Stunden"},
    {M::fact_days, "{} day", "{} jour", "{} days", "{} jours", "{} Tag", "{} Tage"},
    {M::fact_clause_node_only, "job {0} only runs on node {1} but the guest is on {2}", "la tâche {0} ne s’exécute que sur le nœud {1}, alors que la VM/CT est sur {2}", "", "", "Job {0} läuft nur auf Knoten {1}, der Gast liegt aber auf {2}", ""},
    {M::fact_clause_excludes, "job {} excludes it", "la tâche {} l’exclut", "", "", "Job {} schließt ihn aus", ""},
    {M::fact_match_vmids, "vmid {}", "VMID {}", "", "", "VMID {}", ""},
    {M::fact_match_name, "name '{}'", "nom « {} »", "", "", "Name „{}“", ""},
    {M::fact_match_pool, "pool {}", "pool {}", "", "", "Pool {}", ""},
    {M::fact_match_tag, "tag {}", "étiquette {}", "", "", "Tag {}", ""},
    {M::fact_exception_place, " ({0} line {1})", " ({0}, ligne {1})", "", "", " ({0}, Zeile {1})", ""},
    {M::fact_policy_pve, "PVE {}", "PVE {}", "", "", "PVE {}", ""},
    {M::fact_policy_pbs, "PBS {}", "PBS {}", "", "", "PBS {}", ""},
    {M::fact_policy_node_default, "PVE node default (assumed keep-all)", "défaut du nœud PVE (keep-all supposé)", "", "", "Knoten-Standard von PVE (keep-all angenommen)", ""},
    {M::fact_volume_reason, "{0} ({1})", "{0} ({1})", "", "", "{0} ({1})"},
    {M::fact_volume_efidisk, "efidisk but no OVMF BIOS", "disque EFI sans BIOS OVMF", "", "", "EFI-Disk ohne OVMF-BIOS"},
    {M::fact_volume_mount_point, "mount point without backup=1", "point de montage sans backup=1", "", "", "Mountpoint ohne backup=1"},
    {M::fact_volume_bind_mount, "bind mount", "montage lié", "", "", "Bind-Mount"},
    {M::fact_volume_not_a_volume, "not a volume", "pas un volume", "", "", "kein Volume"},
    {M::kind_backup_overdue, "Backup overdue", "Sauvegarde en retard", "", "", "Sicherung überfällig", ""},
    {M::kind_never_verified, "Not verified recently", "Vérification trop ancienne", "", "", "Lange nicht verifiziert", ""},
    {M::kind_pbs_orphan_group, "Orphan PBS group", "Groupe PBS orphelin", "", "", "Verwaiste PBS-Gruppe", ""},
    {M::kind_pbs_no_retention, "Never pruned", "Jamais purgé", "", "", "Nie bereinigt", ""},
    {M::kind_pbs_policies_overlap, "Pruning overlaps", "Purges superposées", "", "", "Überlappende Bereinigung", ""},
    {M::fact_guest_not_backed_up_plain, "{guest} on node {node} is not backed up by any enabled job.", "{guest}, sur le nœud {node}, n’est sauvegardée par aucune tâche activée.", "", "", "{guest} auf Knoten {node} wird von keinem aktiven Sicherungsjob gesichert.", ""},
    {M::fact_guest_not_backed_up_disabled_jobs, "{guest} on node {node} is not backed up by any enabled job (only the disabled job {jobs} would include it).", "{guest}, sur le nœud {node}, n’est sauvegardée par aucune tâche activée (seule la tâche désactivée {jobs} l’inclurait).", "{guest} on node {node} is not backed up by any enabled job (only the disabled jobs {jobs} would include it).", "{guest}, sur le nœud {node}, n’est sauvegardée par aucune tâche activée (seules les tâches désactivées {jobs} l’incluraient).", "{guest} auf Knoten {node} wird von keinem aktiven Sicherungsjob gesichert (nur der deaktivierte Job {jobs} würde ihn einschließen).", "{guest} auf Knoten {node} wird von keinem aktiven Sicherungsjob gesichert (nur die deaktivierten Jobs {jobs} würden ihn einschließen)."},
    {M::fact_guest_not_backed_up_explained, "{guest} on node {node} is not backed up by any enabled job ({why}).", "{guest}, sur le nœud {node}, n’est sauvegardée par aucune tâche activée ({why}).", "", "", "{guest} auf Knoten {node} wird von keinem aktiven Sicherungsjob gesichert ({why}).", ""},
    {M::fact_guest_only_disabled_jobs, "{guest} is only included by the disabled job {jobs}; enable it or add the guest to an enabled job.", "{guest} n’est incluse que par la tâche désactivée {jobs}\u00a0; activez-la ou ajoutez la VM/CT à une tâche activée.", "{guest} is only included by the disabled jobs {jobs}; enable one of them or add the guest to an enabled job.", "{guest} n’est incluse que par les tâches désactivées {jobs}\u00a0; activez-en une ou ajoutez la VM/CT à une tâche activée.", "{guest} ist nur im deaktivierten Job {jobs} enthalten; aktivieren Sie ihn oder nehmen Sie den Gast in einen aktiven Job auf.", "{guest} ist nur in den deaktivierten Jobs {jobs} enthalten; aktivieren Sie einen davon oder nehmen Sie den Gast in einen aktiven Job auf."},
    {M::fact_volumes_excluded, "{guest} is backed up without volume {volumes}.", "{guest} est sauvegardée sans le volume {volumes}.", "{guest} is backed up without volumes {volumes}.", "{guest} est sauvegardée sans les volumes {volumes}.", "{guest} wird ohne das Volume {volumes} gesichert.", "{guest} wird ohne die Volumes {volumes} gesichert."},
    {M::fact_backup_failed_error, "The last backup of {guest} on node {node} at {time} failed: {error}", "La dernière sauvegarde de {guest} sur le nœud {node}, le {time}, a échoué\u00a0: {error}", "", "", "Die letzte Sicherung von {guest} auf Knoten {node} am {time} ist fehlgeschlagen: {error}", ""},
    {M::fact_backup_failed_no_error, "The last backup of {guest} on node {node} at {time} failed (no error text in the task log).", "La dernière sauvegarde de {guest} sur le nœud {node}, le {time}, a échoué (aucun message d’erreur dans le journal de la tâche).", "", "", "Die letzte Sicherung von {guest} auf Knoten {node} am {time} ist fehlgeschlagen (kein Fehlertext im Task-Log).", ""},
    {M::fact_job_disabled_unknown, "Job {job} ({selection}) is disabled; what it would back up is unknown.", "La tâche {job} ({selection}) est désactivée\u00a0; on ignore ce qu’elle sauvegarderait.", "", "", "Job {job} ({selection}) ist deaktiviert; was er sichern würde, ist unbekannt.", ""},
    {M::fact_job_disabled_nothing, "Job {job} ({selection}) is disabled and would back up no guest.", "La tâche {job} ({selection}) est désactivée et ne sauvegarderait aucune VM/CT.", "", "", "Job {job} ({selection}) ist deaktiviert und würde keinen Gast sichern.", ""},
    {M::fact_job_disabled_guests, "Job {job} is disabled; it would back up {guests} to {storage}.", "La tâche {job} est désactivée\u00a0; elle sauvegarderait {guests} sur {storage}.", "", "", "Job {job} ist deaktiviert; er würde {guests} auf {storage} sichern.", ""},
    {M::fact_job_includes_nothing_no_selection, "Job {job} includes no existing guest: it selects no pool, no VMID and not all guests.", "La tâche {job} n’inclut aucune VM/CT existante\u00a0: elle ne sélectionne ni pool, ni VMID, ni l’ensemble des VM/CT.", "", "", "Job {job} umfasst keinen vorhandenen Gast: Er wählt weder einen Pool noch VMIDs noch alle Gäste aus.", ""},
    {M::fact_job_includes_nothing_exclude_without_all, "Job {job} includes no existing guest: it has exclude {exclude} without all, which Proxmox VE counts as selecting nothing (a manual run would back up every other guest).", "La tâche {job} n’inclut aucune VM/CT existante\u00a0: elle exclut {exclude} sans sélectionner «\u00a0toutes\u00a0», ce que Proxmox VE compte comme une sélection vide (une exécution manuelle sauvegarderait toutes les autres VM/CT).", "", "", "Job {job} umfasst keinen vorhandenen Gast: Er schließt {exclude} aus, ohne „alle“ auszuwählen, was Proxmox VE als leere Auswahl wertet (ein manueller Lauf würde alle anderen Gäste sichern).", ""},
    {M::fact_job_includes_nothing_empty_pool, "Job {job} includes no existing guest: pool {pool} has no existing guest as direct member.", "La tâche {job} n’inclut aucune VM/CT existante\u00a0: le pool {pool} n’a aucune VM/CT existante comme membre direct.", "", "", "Job {job} umfasst keinen vorhandenen Gast: Pool {pool} hat keinen vorhandenen Gast als direktes Mitglied.", ""},
    {M::fact_job_includes_nothing_vmids_missing, "Job {job} includes no existing guest: none of the VMIDs it names exists.", "La tâche {job} n’inclut aucune VM/CT existante\u00a0: aucun des VMID qu’elle cite n’existe.", "", "", "Job {job} umfasst keinen vorhandenen Gast: Keine der angegebenen VMIDs existiert.", ""},
    {M::fact_job_includes_nothing_no_guest, "Job {job} includes no existing guest: the cluster has no guest.", "La tâche {job} n’inclut aucune VM/CT existante\u00a0: le cluster n’a aucune VM/CT.", "", "", "Job {job} umfasst keinen vorhandenen Gast: Der Cluster hat keine Gäste.", ""},
    {M::fact_job_includes_nothing_all_excluded, "Job {job} includes no existing guest: every guest is excluded.", "La tâche {job} n’inclut aucune VM/CT existante\u00a0: toutes les VM/CT sont exclues.", "", "", "Job {job} umfasst keinen vorhandenen Gast: Alle Gäste sind ausgeschlossen.", ""},
    {M::fact_job_includes_nothing_other_nodes, "Job {job} includes no existing guest: it only runs on node {job_node} but its guests live elsewhere ({guests}).", "La tâche {job} n’inclut aucune VM/CT existante\u00a0: elle ne s’exécute que sur le nœud {job_node}, mais ses VM/CT sont ailleurs ({guests}).", "", "", "Job {job} umfasst keinen vorhandenen Gast: Er läuft nur auf Knoten {job_node}, seine Gäste liegen aber woanders ({guests}).", ""},
    {M::fact_job_unknown_vmid_node, "Job {job} names a VMID that does not exist ({vmids}); each run reports an error for it on node {job_node}.", "La tâche {job} cite un VMID qui n’existe pas ({vmids})\u00a0; chaque exécution signale une erreur à son sujet sur le nœud {job_node}.", "Job {job} names VMIDs that do not exist ({vmids}); each run reports an error for them on node {job_node}.", "La tâche {job} cite des VMID qui n’existent pas ({vmids})\u00a0; chaque exécution signale une erreur à leur sujet sur le nœud {job_node}.", "Job {job} nennt eine VMID, die nicht existiert ({vmids}); jeder Lauf meldet dafür einen Fehler auf Knoten {job_node}.", "Job {job} nennt VMIDs, die nicht existieren ({vmids}); jeder Lauf meldet dafür Fehler auf Knoten {job_node}."},
    {M::fact_job_unknown_vmid_every_node, "Job {job} names a VMID that does not exist ({vmids}); each run reports an error for it on every node.", "La tâche {job} cite un VMID qui n’existe pas ({vmids})\u00a0; chaque exécution signale une erreur à son sujet sur chaque nœud.", "Job {job} names VMIDs that do not exist ({vmids}); each run reports an error for them on every node.", "La tâche {job} cite des VMID qui n’existent pas ({vmids})\u00a0; chaque exécution signale une erreur à leur sujet sur chaque nœud.", "Job {job} nennt eine VMID, die nicht existiert ({vmids}); jeder Lauf meldet dafür einen Fehler auf jedem Knoten.", "Job {job} nennt VMIDs, die nicht existieren ({vmids}); jeder Lauf meldet dafür Fehler auf jedem Knoten."},
    {M::fact_job_unknown_node, "Job {job} is restricted to node {job_node}, which is not a node of this cluster; it never runs.", "La tâche {job} est limitée au nœud {job_node}, qui n’appartient pas à ce cluster\u00a0: elle ne s’exécute jamais.", "", "", "Job {job} ist auf Knoten {job_node} beschränkt, der nicht zu diesem Cluster gehört; er läuft nie.", ""},
    {M::fact_job_pool_unknown, "Job {job} selects pool {pool}, which was not found (deleted, or not visible to the API token); its runs fail and Proxmox VE's not-backed-up check returns an error.", "La tâche {job} sélectionne le pool {pool}, introuvable (supprimé, ou invisible pour le jeton d’API)\u00a0; ses exécutions échouent et la vérification des VM/CT non sauvegardées de Proxmox VE renvoie une erreur.", "", "", "Job {job} wählt Pool {pool} aus, der nicht gefunden wurde (gelöscht oder für das API-Token nicht sichtbar); seine Läufe schlagen fehl, und die Prüfung nicht gesicherter Gäste von Proxmox VE meldet einen Fehler.", ""},
    {M::fact_job_storage_missing, "Job {job} writes to storage {storage}, which does not exist (or is not visible to the API token); its runs fail.", "La tâche {job} écrit sur le stockage {storage}, qui n’existe pas (ou est invisible pour le jeton d’API)\u00a0; ses exécutions échouent.", "", "", "Job {job} schreibt auf Speicher {storage}, der nicht existiert (oder für das API-Token nicht sichtbar ist); seine Läufe schlagen fehl.", ""},
    {M::fact_job_storage_disabled_disabled, "Job {job} writes to storage {storage}, which is disabled; its runs fail.", "La tâche {job} écrit sur le stockage {storage}, qui est désactivé\u00a0; ses exécutions échouent.", "", "", "Job {job} schreibt auf Speicher {storage}, der deaktiviert ist; seine Läufe schlagen fehl.", ""},
    {M::fact_job_storage_disabled_job_node, "Job {job} runs on node {job_node}, where storage {storage} is not available; its runs fail.", "La tâche {job} s’exécute sur le nœud {job_node}, où le stockage {storage} n’est pas disponible\u00a0; ses exécutions échouent.", "", "", "Job {job} läuft auf Knoten {job_node}, wo Speicher {storage} nicht verfügbar ist; seine Läufe schlagen fehl.", ""},
    {M::fact_job_storage_disabled_guest_nodes, "Storage {storage} of job {job} is not available on node {nodes}, so the backups of {guests} fail.", "Le stockage {storage} de la tâche {job} n’est pas disponible sur le nœud {nodes}\u00a0: les sauvegardes de {guests} échouent.", "Storage {storage} of job {job} is not available on nodes {nodes}, so the backups of {guests} fail.", "Le stockage {storage} de la tâche {job} n’est pas disponible sur les nœuds {nodes}\u00a0: les sauvegardes de {guests} échouent.", "Speicher {storage} von Job {job} ist auf Knoten {nodes} nicht verfügbar, daher schlagen die Sicherungen von {guests} fehl.", "Speicher {storage} von Job {job} ist auf den Knoten {nodes} nicht verfügbar, daher schlagen die Sicherungen von {guests} fehl."},
    {M::fact_job_uninterpretable, "Job {job} has a setting that could not be interpreted ({problem}); the analysis ignores it.", "La tâche {job} a un réglage qui n’a pas pu être interprété ({problem})\u00a0; l’analyse l’ignore.", "", "", "Job {job} hat eine Einstellung, die nicht ausgewertet werden konnte ({problem}); die Analyse ignoriert sie.", ""},
    {M::fact_job_no_schedule, "Job {job} has no schedule; it never runs automatically.", "La tâche {job} n’a pas de planification\u00a0: elle ne s’exécute jamais automatiquement.", "", "", "Job {job} hat keinen Zeitplan; er läuft nie automatisch.", ""},
    {M::fact_not_backed_up_mismatch_pve_lists_included, "Proxmox VE lists {guest} as not backed up, but job {jobs} includes it.", "Proxmox VE indique {guest} comme non sauvegardée, mais la tâche {jobs} l’inclut.", "Proxmox VE lists {guest} as not backed up, but jobs {jobs} include it.", "Proxmox VE indique {guest} comme non sauvegardée, mais les tâches {jobs} l’incluent.", "Proxmox VE führt {guest} als nicht gesichert, aber Job {jobs} schließt ihn ein.", "Proxmox VE führt {guest} als nicht gesichert, aber die Jobs {jobs} schließen ihn ein."},
    {M::fact_not_backed_up_mismatch_pve_omits, "Proxmox VE does not list {guest} as not backed up, but no backup job (enabled or disabled) includes it.", "Proxmox VE n’indique pas {guest} comme non sauvegardée, alors qu’aucune tâche de sauvegarde (activée ou non) ne l’inclut.", "", "", "Proxmox VE führt {guest} nicht als ungesichert, obwohl kein Sicherungsjob (aktiv oder deaktiviert) ihn einschließt.", ""},
    {M::fact_not_backed_up_mismatch_unknown_guest, "Proxmox VE lists {guest} as not backed up, but it is not among the collected guests.", "Proxmox VE indique {guest} comme non sauvegardée, mais elle ne fait pas partie des VM/CT collectées.", "", "", "Proxmox VE führt {guest} als nicht gesichert, der Gast ist aber nicht unter den erfassten Gästen.", ""},
    {M::fact_duplicate_vmid, "VMID {vmid} is listed {count} times in the guest inventory (on node {nodes}); it is counted once, as the guest on {node}: a VMID must be unique in a cluster.", "Le VMID {vmid} figure {count} fois dans l’inventaire des VM/CT (sur le nœud {nodes})\u00a0; il n’est compté qu’une fois, comme la VM/CT de {node}\u00a0: un VMID doit être unique dans un cluster.", "VMID {vmid} is listed {count} times in the guest inventory (on nodes {nodes}); it is counted once, as the guest on {node}: a VMID must be unique in a cluster.", "Le VMID {vmid} figure {count} fois dans l’inventaire des VM/CT (sur les nœuds {nodes})\u00a0; il n’est compté qu’une fois, comme la VM/CT de {node}\u00a0: un VMID doit être unique dans un cluster.", "VMID {vmid} steht {count}-mal im Gästeinventar (auf Knoten {nodes}); sie wird einmal gezählt, als Gast auf {node}: Eine VMID muss im Cluster eindeutig sein.", "VMID {vmid} steht {count}-mal im Gästeinventar (auf den Knoten {nodes}); sie wird einmal gezählt, als Gast auf {node}: Eine VMID muss im Cluster eindeutig sein."},
    {M::fact_duplicate_job, "Job {job} is listed more than once by /cluster/backup; only the first entry is taken into account.", "La tâche {job} apparaît plusieurs fois dans /cluster/backup\u00a0; seule la première entrée est prise en compte.", "", "", "Job {job} wird von /cluster/backup mehrfach aufgeführt; nur der erste Eintrag wird berücksichtigt.", ""},
    {M::fact_job_duplicate_vmid, "Job {job} names VMID {vmid} more than once; it is counted once.", "La tâche {job} cite le VMID {vmid} plusieurs fois\u00a0; il n’est compté qu’une fois.", "", "", "Job {job} nennt VMID {vmid} mehrfach; sie wird einmal gezählt.", ""},
    {M::fact_duplicate_storage, "Storage {storage} is listed more than once by /storage; only the first entry is taken into account.", "Le stockage {storage} apparaît plusieurs fois dans /storage\u00a0; seule la première entrée est prise en compte.", "", "", "Speicher {storage} wird von /storage mehrfach aufgeführt; nur der erste Eintrag wird berücksichtigt.", ""},
    {M::fact_exception_expired, "The accepted exception {exception}{place} for {match} ({accepts}; owner {owner}) expired on {until}: it no longer accepts anything. Renew its date or remove it.", "L’exception acceptée {exception}{place} pour {match} ({accepts}\u00a0; responsable\u00a0: {owner}) a expiré le {until}\u00a0: elle n’accepte plus rien. Prolongez-la ou supprimez-la.", "", "", "Die akzeptierte Ausnahme {exception}{place} für {match} ({accepts}; verantwortlich: {owner}) ist am {until} abgelaufen: Sie akzeptiert nichts mehr. Verlängern Sie sie oder entfernen Sie sie.", ""},
    {M::fact_exception_unused_taken, "The accepted exception {exception}{place} for {match} applies to no guest: every guest it matches is already taken by an earlier exception. Merge or remove it.", "L’exception acceptée {exception}{place} pour {match} ne s’applique à aucune VM/CT\u00a0: chaque VM/CT qu’elle désigne relève déjà d’une exception précédente. Fusionnez-la ou supprimez-la.", "", "", "Die akzeptierte Ausnahme {exception}{place} für {match} gilt für keinen Gast: Jeder passende Gast fällt bereits unter eine frühere Ausnahme. Führen Sie sie zusammen oder entfernen Sie sie.", ""},
    {M::fact_exception_unused_no_match, "The accepted exception {exception}{place} for {match} matches no guest of the cluster. Remove it, or correct what it matches.", "L’exception acceptée {exception}{place} pour {match} ne désigne aucune VM/CT du cluster. Supprimez-la ou corrigez ses critères.", "", "", "Die akzeptierte Ausnahme {exception}{place} für {match} trifft auf keinen Gast des Clusters zu. Entfernen Sie sie oder korrigieren Sie ihre Kriterien.", ""},
    {M::fact_backup_overdue_last_backup, "{guest} has no backup on storage {storage} since the scheduled run at {due} (job {jobs}, grace {grace}); its last backup there is from {last}, {age} ago.", "{guest} n’a aucune sauvegarde sur le stockage {storage} depuis l’exécution planifiée du {due} (tâche {jobs}, délai de grâce {grace})\u00a0; sa dernière sauvegarde y date du {last}, il y a {age}.", "{guest} has no backup on storage {storage} since the scheduled run at {due} (jobs {jobs}, grace {grace}); its last backup there is from {last}, {age} ago.", "{guest} n’a aucune sauvegarde sur le stockage {storage} depuis l’exécution planifiée du {due} (tâches {jobs}, délai de grâce {grace})\u00a0; sa dernière sauvegarde y date du {last}, il y a {age}.", "{guest} hat auf Speicher {storage} keine Sicherung seit dem geplanten Lauf am {due} (Job {jobs}, Karenzzeit {grace}); die letzte Sicherung dort stammt vom {last} (Alter: {age}).", "{guest} hat auf Speicher {storage} keine Sicherung seit dem geplanten Lauf am {due} (Jobs {jobs}, Karenzzeit {grace}); die letzte Sicherung dort stammt vom {last} (Alter: {age})."},
    {M::fact_backup_overdue_no_backup, "{guest} has no backup on storage {storage} since the scheduled run at {due} (job {jobs}, grace {grace}); it has no backup there at all.", "{guest} n’a aucune sauvegarde sur le stockage {storage} depuis l’exécution planifiée du {due} (tâche {jobs}, délai de grâce {grace})\u00a0; elle n’y a aucune sauvegarde.", "{guest} has no backup on storage {storage} since the scheduled run at {due} (jobs {jobs}, grace {grace}); it has no backup there at all.", "{guest} n’a aucune sauvegarde sur le stockage {storage} depuis l’exécution planifiée du {due} (tâches {jobs}, délai de grâce {grace})\u00a0; elle n’y a aucune sauvegarde.", "{guest} hat auf Speicher {storage} keine Sicherung seit dem geplanten Lauf am {due} (Job {jobs}, Karenzzeit {grace}); dort liegt überhaupt keine Sicherung vor.", "{guest} hat auf Speicher {storage} keine Sicherung seit dem geplanten Lauf am {due} (Jobs {jobs}, Karenzzeit {grace}); dort liegt überhaupt keine Sicherung vor."},
    {M::fact_verification_failed, "The last backup of {guest} (storage {storage}, {time}) failed verification.", "La dernière sauvegarde de {guest} (stockage {storage}, {time}) a échoué à la vérification.", "", "", "Die Verifizierung der letzten Sicherung von {guest} (Speicher {storage}, {time}) ist fehlgeschlagen.", ""},
    {M::fact_never_verified_never, "No backup of {guest} was verified successfully in the last {days} days: none of its backups was ever verified successfully.", "Aucune sauvegarde de {guest} n’a été vérifiée avec succès ces {days} derniers jours\u00a0: aucune de ses sauvegardes ne l’a jamais été.", "", "", "Keine Sicherung von {guest} wurde in den letzten {days} Tagen erfolgreich verifiziert: Keine ihrer Sicherungen wurde je erfolgreich verifiziert.", ""},
    {M::fact_never_verified_last_verified, "No backup of {guest} was verified successfully in the last {days} days: the last successful verification was at {last}, {age} ago.", "Aucune sauvegarde de {guest} n’a été vérifiée avec succès ces {days} derniers jours\u00a0: la dernière vérification réussie date du {last}, il y a {age}.", "", "", "Keine Sicherung von {guest} wurde in den letzten {days} Tagen erfolgreich verifiziert: Die letzte erfolgreiche Verifizierung war am {last} (Alter: {age}).", ""},
    {M::fact_pbs_orphan_group_no_guest, "Group {group} on {where} has {count} backup (last {last}) but no {backup_label} {backup_id} exists in the cluster; PVE's pruning after backups never touches it.", "Le groupe {group} sur le {where} contient {count} sauvegarde (la dernière du {last}), mais {backup_label} {backup_id} n’existe pas dans le cluster\u00a0; la purge de PVE après les sauvegardes n’y touche jamais.", "Group {group} on {where} has {count} backups (last {last}) but no {backup_label} {backup_id} exists in the cluster; PVE's pruning after backups never touches it.", "Le groupe {group} sur le {where} contient {count} sauvegardes (la dernière du {last}), mais {backup_label} {backup_id} n’existe pas dans le cluster\u00a0; la purge de PVE après les sauvegardes n’y touche jamais.", "Gruppe {group} im {where} enthält {count} Sicherung (letzte am {last}), aber {backup_label} {backup_id} existiert im Cluster nicht; die Bereinigung von PVE nach Sicherungen erfasst sie nie.", "Gruppe {group} im {where} enthält {count} Sicherungen (letzte am {last}), aber {backup_label} {backup_id} existiert im Cluster nicht; die Bereinigung von PVE nach Sicherungen erfasst sie nie."},
    {M::fact_pbs_orphan_group_not_vmid, "Group {group} on {where} has {count} backup (last {last}) but its id is not a VMID; PVE's pruning after backups never touches it.", "Le groupe {group} sur le {where} contient {count} sauvegarde (la dernière du {last}), mais son identifiant n’est pas un VMID\u00a0; la purge de PVE après les sauvegardes n’y touche jamais.", "Group {group} on {where} has {count} backups (last {last}) but its id is not a VMID; PVE's pruning after backups never touches it.", "Le groupe {group} sur le {where} contient {count} sauvegardes (la dernière du {last}), mais son identifiant n’est pas un VMID\u00a0; la purge de PVE après les sauvegardes n’y touche jamais.", "Gruppe {group} im {where} enthält {count} Sicherung (letzte am {last}), aber ihre ID ist keine VMID; die Bereinigung von PVE nach Sicherungen erfasst sie nie.", "Gruppe {group} im {where} enthält {count} Sicherungen (letzte am {last}), aber ihre ID ist keine VMID; die Bereinigung von PVE nach Sicherungen erfasst sie nie."},
    {M::fact_pbs_no_retention_no_job, "Backups on {where} are never pruned: no enabled backup job targets it, so PVE never prunes it and no PBS prune job covers the namespace; they accumulate until deleted by hand.", "Les sauvegardes du {where} ne sont jamais purgées\u00a0: aucune tâche de sauvegarde activée ne le cible, donc PVE ne le purge jamais, et aucune tâche de purge PBS ne couvre l’espace de noms\u00a0; elles s’accumulent jusqu’à leur suppression manuelle.", "", "", "Sicherungen im {where} werden nie bereinigt: Kein aktiver Sicherungsjob sichert dorthin, daher bereinigt PVE ihn nie, und kein PBS-Prune-Job deckt den Namespace ab; sie sammeln sich an, bis sie von Hand gelöscht werden.", ""},
    {M::fact_pbs_no_retention_keeps_all, "Backups on {where} are never pruned: its PVE-side policy keeps everything and no PBS prune job covers the namespace; they accumulate until deleted by hand.", "Les sauvegardes du {where} ne sont jamais purgées\u00a0: sa politique côté PVE conserve tout, et aucune tâche de purge PBS ne couvre l’espace de noms\u00a0; elles s’accumulent jusqu’à leur suppression manuelle.", "", "", "Sicherungen im {where} werden nie bereinigt: Seine PVE-seitige Richtlinie behält alles, und kein PBS-Prune-Job deckt den Namespace ab; sie sammeln sich an, bis sie von Hand gelöscht werden.", ""},
    {M::fact_pbs_no_retention_node_default, "Backups on {where} are never pruned: no PVE-side prune-backups is set (the node default in vzdump.conf is unknown, assumed keep-all) and no PBS prune job covers the namespace; they accumulate until deleted by hand.", "Les sauvegardes du {where} ne sont jamais purgées\u00a0: aucun prune-backups n’est défini côté PVE (le défaut du nœud dans vzdump.conf est inconnu, keep-all supposé), et aucune tâche de purge PBS ne couvre l’espace de noms\u00a0; elles s’accumulent jusqu’à leur suppression manuelle.", "", "", "Sicherungen im {where} werden nie bereinigt: PVE-seitig ist kein prune-backups gesetzt (der Knoten-Standard in vzdump.conf ist unbekannt, keep-all angenommen), und kein PBS-Prune-Job deckt den Namespace ab; sie sammeln sich an, bis sie von Hand gelöscht werden.", ""},
    {M::fact_pbs_policies_overlap, "The {where} is pruned by both PVE ({pve_policies}) and PBS ({pbs_policies}) with different options; the stricter pass decides what remains.", "Le {where} est purgé à la fois par PVE ({pve_policies}) et par PBS ({pbs_policies}) avec des options différentes\u00a0; le passage le plus strict décide de ce qui reste.", "", "", "Der {where} wird sowohl von PVE ({pve_policies}) als auch von PBS ({pbs_policies}) mit unterschiedlichen Optionen bereinigt; der strengere Durchlauf entscheidet, was bleibt.", ""},
    {M::fact_retention_mismatch_too_many, "{guest} has {count} backups on {where} where its retention ({policies}) keeps {expected} in steady state: pruning does not seem to be applied.", "{guest} a {count} sauvegardes sur le {where}, alors que sa rétention ({policies}) en conserve {expected} en régime établi\u00a0: la purge ne semble pas appliquée.", "", "", "{guest} hat {count} Sicherungen im {where}, während die Aufbewahrung ({policies}) im eingeschwungenen Zustand {expected} behält: Die Bereinigung scheint nicht zu greifen.", ""},
    {M::fact_retention_mismatch_too_few, "{guest} has only {count} backups on {where} where its retention ({policies}) keeps {expected} in steady state, although its oldest backup ({oldest}) is old enough: backups are missing.", "{guest} n’a que {count} sauvegarde sur le {where}, alors que sa rétention ({policies}) en conserve {expected} en régime établi et que sa plus ancienne sauvegarde ({oldest}) est assez ancienne\u00a0: des sauvegardes manquent.", "{guest} has only {count} backups on {where} where its retention ({policies}) keeps {expected} in steady state, although its oldest backup ({oldest}) is old enough: backups are missing.", "{guest} n’a que {count} sauvegardes sur le {where}, alors que sa rétention ({policies}) en conserve {expected} en régime établi et que sa plus ancienne sauvegarde ({oldest}) est assez ancienne\u00a0: des sauvegardes manquent.", "{guest} hat nur {count} Sicherung im {where}, obwohl die Aufbewahrung ({policies}) im eingeschwungenen Zustand {expected} behält und die älteste Sicherung ({oldest}) alt genug ist: Es fehlen Sicherungen.", "{guest} hat nur {count} Sicherungen im {where}, obwohl die Aufbewahrung ({policies}) im eingeschwungenen Zustand {expected} behält und die älteste Sicherung ({oldest}) alt genug ist: Es fehlen Sicherungen."},
    {M::fact_reason_jobs_unread_plain, "The backup job list could not be read.", "La liste des tâches de sauvegarde n’a pas pu être lue.", "", "", "Die Liste der Sicherungsjobs konnte nicht gelesen werden.", ""},
    {M::fact_reason_jobs_unread_detail, "The backup job list could not be read ({detail}).", "La liste des tâches de sauvegarde n’a pas pu être lue ({detail}).", "", "", "Die Liste der Sicherungsjobs konnte nicht gelesen werden ({detail}).", ""},
    {M::fact_reason_included, "Included by enabled job {jobs}.", "Incluse par la tâche activée {jobs}.", "Included by enabled jobs {jobs}.", "Incluse par les tâches activées {jobs}.", "Im aktiven Job {jobs} enthalten.", "In den aktiven Jobs {jobs} enthalten."},
    {M::fact_reason_undetermined, "{causes}", "{causes}", "", "", "{causes}", ""},
    {M::fact_reason_only_disabled, "Only the disabled job {jobs} would back it up.", "Seule la tâche désactivée {jobs} la sauvegarderait.", "Only the disabled jobs {jobs} would back it up.", "Seules les tâches désactivées {jobs} la sauvegarderaient.", "Nur der deaktivierte Job {jobs} würde ihn sichern.", "Nur die deaktivierten Jobs {jobs} würden ihn sichern."},
    {M::fact_reason_not_included_plain, "No backup job includes it.", "Aucune tâche de sauvegarde ne l’inclut.", "", "", "Kein Sicherungsjob schließt ihn ein.", ""},
    {M::fact_reason_not_included_explained, "No backup job includes it: {why}.", "Aucune tâche de sauvegarde ne l’inclut\u00a0: {why}.", "", "", "Kein Sicherungsjob schließt ihn ein: {why}.", ""},
    {M::fact_undetermined_job_guests_unread, "The guest list could not be read, so the guests job {job} includes are unknown.", "La liste des VM/CT n’a pas pu être lue\u00a0: on ignore quelles VM/CT la tâche {job} inclut.", "", "", "Die Gästeliste konnte nicht gelesen werden, daher ist unbekannt, welche Gäste Job {job} einschließt.", ""},
    {M::fact_undetermined_job_pools_unread, "Job {job} selects pool {pool} but the pool list could not be read.", "La tâche {job} sélectionne le pool {pool}, mais la liste des pools n’a pas pu être lue.", "", "", "Job {job} wählt Pool {pool} aus, aber die Pool-Liste konnte nicht gelesen werden.", ""},
    {M::fact_undetermined_job_pool_missing, "Job {job} selects pool {pool}, which was not found (deleted, or not visible to the API token).", "La tâche {job} sélectionne le pool {pool}, introuvable (supprimé, ou invisible pour le jeton d’API).", "", "", "Job {job} wählt Pool {pool} aus, der nicht gefunden wurde (gelöscht oder für das API-Token nicht sichtbar).", ""},
    {M::fact_undetermined_job_pool_members_unread, "Job {job} selects pool {pool} whose members could not be read.", "La tâche {job} sélectionne le pool {pool}, dont les membres n’ont pas pu être lus.", "", "", "Job {job} wählt Pool {pool} aus, dessen Mitglieder nicht gelesen werden konnten.", ""},
    {M::fact_note_pbs_not_configured, "PBS collection is not configured", "la collecte PBS n’est pas configurée", "", "", "die PBS-Erfassung ist nicht konfiguriert", ""},
    {M::fact_note_not_covered, "not covered by an enabled job: no backup is expected", "couverte par aucune tâche activée\u00a0: aucune sauvegarde n’est attendue", "", "", "von keinem aktiven Job erfasst: keine Sicherung erwartet", ""},
    {M::fact_note_snapshots_unread, "the snapshots of storage {storage} could not be read", "les instantanés du stockage {storage} n’ont pas pu être lus", "", "", "die Snapshots von Speicher {storage} konnten nicht gelesen werden", ""},
    {M::fact_note_no_run_passed, "no scheduled run of the jobs backing it up to {storage} has passed yet", "aucune exécution planifiée des tâches qui la sauvegardent sur {storage} n’a encore eu lieu", "", "", "noch kein geplanter Lauf der Jobs, die ihn auf {storage} sichern, ist fällig gewesen", ""},
    {M::fact_note_no_pbs_target, "no enabled job including it targets a PBS storage: its backups cannot be seen", "aucune tâche activée qui l’inclut ne cible un stockage PBS\u00a0: ses sauvegardes ne sont pas visibles", "", "", "kein aktiver Job, der ihn einschließt, sichert auf einen PBS-Speicher: seine Sicherungen sind nicht sichtbar", ""},
    {M::fact_note_jobs_unscheduled, "{jobs} has no valid schedule (not simulated)", "{jobs} n’a pas de planification valide (non simulée)", "{jobs} have no valid schedule (not simulated)", "{jobs} n’ont pas de planification valide (non simulées)", "{jobs} hat keinen gültigen Zeitplan (nicht simuliert)", "{jobs} haben keinen gültigen Zeitplan (nicht simuliert)"},
    {M::fact_note_prune_job_unscheduled, "PBS prune job {prune_job} has no schedule (never runs)", "la tâche de purge PBS {prune_job} n’a pas de planification (ne s’exécute jamais)", "", "", "PBS-Prune-Job {prune_job} hat keinen Zeitplan (läuft nie)", ""},
    {M::fact_note_prune_job_bad_schedule, "PBS prune job {prune_job} has an invalid schedule (not simulated)", "la tâche de purge PBS {prune_job} a une planification invalide (non simulée)", "", "", "PBS-Prune-Job {prune_job} hat einen ungültigen Zeitplan (nicht simuliert)", ""},
    {M::fact_note_short_history_oldest, "history shorter than the policy (oldest backup {oldest}, the policy reaches back to {since}): fewer versions are expected", "historique plus court que la politique (plus ancienne sauvegarde\u00a0: {oldest}\u00a0; la politique remonte au {since})\u00a0: moins de versions sont attendues", "", "", "Verlauf kürzer als die Richtlinie (älteste Sicherung {oldest}, die Richtlinie reicht bis {since} zurück): weniger Versionen erwartet", ""},
    {M::fact_note_short_history_no_backup, "history shorter than the policy (no backup yet)", "historique plus court que la politique (aucune sauvegarde pour l’instant)", "", "", "Verlauf kürzer als die Richtlinie (noch keine Sicherung)", ""},
    {M::fact_note_one_version_tolerated, "a difference of one version is tolerated (a backup may have just run or be due)", "un écart d’une version est toléré (une sauvegarde vient peut-être de s’exécuter ou est imminente)", "", "", "eine Abweichung von einer Version wird toleriert (eine Sicherung ist eventuell gerade gelaufen oder fällig)", ""},
    {M::fact_note_node_default, "node default (vzdump.conf) unknown, assumed keep-all", "défaut du nœud (vzdump.conf) inconnu, keep-all supposé", "", "", "Knoten-Standard (vzdump.conf) unbekannt, keep-all angenommen", ""},
    {M::fact_note_jobs_differ, "{jobs} applies a different PVE-side policy than {job}", "{jobs} applique une autre politique côté PVE que {job}", "{jobs} apply a different PVE-side policy than {job}", "{jobs} appliquent une autre politique côté PVE que {job}", "{jobs} wendet eine andere PVE-seitige Richtlinie an als {job}", "{jobs} wenden eine andere PVE-seitige Richtlinie an als {job}"},
    {M::fact_note_protected, "actual_versions includes {count} protected snapshot", "le nombre réel inclut {count} instantané protégé", "actual_versions includes {count} protected snapshots", "le nombre réel inclut {count} instantanés protégés", "die tatsächliche Anzahl enthält {count} geschützten Snapshot", "die tatsächliche Anzahl enthält {count} geschützte Snapshots"},
    {M::fact_note_no_enabled_job, "no enabled job backs the guest up to this storage: its snapshots are history, no steady state", "aucune tâche activée ne sauvegarde la VM/CT sur ce stockage\u00a0: ses instantanés sont un historique, sans régime établi", "", "", "kein aktiver Job sichert den Gast auf diesen Speicher: seine Snapshots sind Altbestand, kein eingeschwungener Zustand", ""},
    {M::fact_note_no_pbs_server, "no PBS server is known for storage {storage}", "aucun serveur PBS n’est connu pour le stockage {storage}", "", "", "für Speicher {storage} ist kein PBS-Server bekannt", ""},
    {M::fact_note_prune_jobs_unread, "the prune jobs of {server} could not be read", "les tâches de purge de {server} n’ont pas pu être lues", "", "", "die Prune-Jobs von {server} konnten nicht gelesen werden", ""},
    {M::fact_note_sim_no_scheduled_job, "no enabled job with a valid schedule backs the guest up to this storage: no steady state", "aucune tâche activée avec une planification valide ne sauvegarde la VM/CT sur ce stockage\u00a0: pas de régime établi", "", "", "kein aktiver Job mit gültigem Zeitplan sichert den Gast auf diesen Speicher: kein eingeschwungener Zustand", ""},
    {M::fact_note_sim_keeps_all, "keeps everything: no steady state", "conserve tout\u00a0: pas de régime établi", "", "", "behält alles: kein eingeschwungener Zustand", ""},
    {M::fact_note_sim_no_run, "the backup schedules did not fire in the last 10 years: no steady state", "les planifications de sauvegarde ne se sont pas déclenchées ces 10 dernières années\u00a0: pas de régime établi", "", "", "die Sicherungszeitpläne wurden in den letzten 10 Jahren nie ausgelöst: kein eingeschwungener Zustand", ""},
    {M::fact_note_sim_capped, "simulated over the last 10 years only (the policy reaches further back)", "simulé sur les 10 dernières années seulement (la politique remonte plus loin)", "", "", "nur über die letzten 10 Jahre simuliert (die Richtlinie reicht weiter zurück)", ""},
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
