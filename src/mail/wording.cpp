#include "mail/wording.hpp"

#include <fmt/format.h>

namespace pvr::mail::detail {

std::string Counted::format(std::int64_t n, bool french) const {
    const bool singular = french ? (n >= -1 && n <= 1) : (n == 1 || n == -1);
    return fmt::format(fmt::runtime(singular ? one : many), n);
}

namespace {

// clang-format off
const Words k_english{
    false,
    "Backups", "OK", ":", "{}/{} covered", "no guest found",
    {"{} not backed up", "{} not backed up"},
    {"{} undetermined", "{} undetermined"},
    {"{} failed", "{} failed"},
    {"{} overdue", "{} overdue"},
    {"{} critical anomaly", "{} critical anomalies"},
    {"{} warning", "{} warnings"},
    {"{} collection issue", "{} collection issues"},
    "Backup report of {}, {}",
    "Verdict",
    "OK", "INFO", "WARNING", "CRITICAL",
    "Guests", "Covered by a backup job", "Not backed up", "Coverage undetermined", "Last backup failed",
    "Backup overdue", "Anomalies", "Collection issues",
    "{} critical, {} warning, {} info",
    "node {}",
    "last backup {} ({})",
    "no backup seen",
    "failed on {}",
    "Most severe anomalies ({} of {})",
    "critical", "warning", "info",
    "... and {} more (see the report)",
    "The full report is attached: {}",
    "",
    {"{} accepted", "{} accepted"},
    {"{} lost coverage", "{} lost coverage"},
    {"{} new unprotected", "{} new unprotected"},
    {"{} new failure", "{} new failures"},
    " since {}",
};

const Words k_french{
    true,
    "Sauvegardes", "OK", "\u00a0:", "{}/{} couvertes", "aucune VM/CT trouvée",
    {"{} non sauvegardée", "{} non sauvegardées"},
    {"{} indéterminée", "{} indéterminées"},
    {"{} en échec", "{} en échec"},
    {"{} en retard", "{} en retard"},
    {"{} anomalie critique", "{} anomalies critiques"},
    {"{} avertissement", "{} avertissements"},
    {"{} problème de collecte", "{} problèmes de collecte"},
    "Rapport de sauvegarde de {}, {}",
    "Verdict",
    "OK", "INFO", "AVERTISSEMENT", "CRITIQUE",
    "VM/CT", "Couvertes par une tâche de sauvegarde", "Non sauvegardées", "Couverture indéterminée",
    "Dernière sauvegarde en échec", "Sauvegarde en retard", "Anomalies", "Problèmes de collecte",
    "{} critiques, {} avertissements, {} info",
    "nœud {}",
    "dernière sauvegarde {} ({})",
    "aucune sauvegarde vue",
    "échec le {}",
    "Anomalies les plus graves ({} sur {})",
    "critique", "avertissement", "info",
    "... et {} autres (voir le rapport)",
    "Le rapport complet est joint\u00a0: {}",
    "(Les raisons et les messages d’anomalie sont en anglais.)",
    {"{} acceptée", "{} acceptées"},
    {"{} couverture perdue", "{} couvertures perdues"},
    {"{} nouvelle non protégée", "{} nouvelles non protégées"},
    {"{} nouvel échec", "{} nouveaux échecs"},
    " depuis le {}",
};

const Words k_german{
    false, // German counts like English: 1 is singular
    "Backups", "OK", ":", "{}/{} abgedeckt", "kein Gast gefunden",
    {"{} nicht gesichert", "{} nicht gesichert"},
    {"{} unbestimmt", "{} unbestimmt"},
    {"{} fehlgeschlagen", "{} fehlgeschlagen"},
    {"{} überfällig", "{} überfällig"},
    {"{} kritische Auffälligkeit", "{} kritische Auffälligkeiten"},
    {"{} Warnung", "{} Warnungen"},
    {"{} Erfassungsproblem", "{} Erfassungsprobleme"},
    "Backup-Bericht für {}, {}",
    "Ergebnis",
    "OK", "INFO", "WARNUNG", "KRITISCH",
    "Gäste", "Von einem Backup-Job abgedeckt", "Nicht gesichert", "Abdeckung unbestimmt",
    "Letztes Backup fehlgeschlagen", "Backup überfällig", "Auffälligkeiten", "Probleme bei der Datenerfassung",
    "{} kritisch, {} Warnung, {} Info",
    "Knoten {}",
    "letztes Backup {} ({})",
    "kein Backup gefunden",
    "fehlgeschlagen am {}",
    "Schwerwiegendste Auffälligkeiten ({} von {})",
    "kritisch", "Warnung", "Info",
    "... und {} weitere (siehe Bericht)",
    "Der vollständige Bericht ist angehängt: {}",
    "(Gründe und Meldungen der Auffälligkeiten sind auf Englisch.)",
    {"{} akzeptiert", "{} akzeptiert"},
    {"{} Abdeckung verloren", "{} Abdeckung verloren"},
    {"{} neu ungesichert", "{} neu ungesichert"},
    {"{} neuer Fehlschlag", "{} neue Fehlschläge"},
    " seit {}",
};
// clang-format on

} // namespace

const Words& words(std::string_view lang) {
    if (lang == "fr") {
        return k_french;
    }
    return lang == "de" ? k_german : k_english;
}

} // namespace pvr::mail::detail
