#pragma once
// ReportData -> Document: every section of the report, translated and formatted.
//
// Sections, in order (anchors in `anchors`): summary, PBS capacity forecast and trends (when the
// run history gave them), PBS storages declared in PVE, PBS storage
// usage, PBS retention policies, backup jobs, VM/CT without backup, VM/CT coverage, VM/CT backup
// retention by PBS, anomalies, accepted exceptions (only when exceptions are configured),
// collection issues. An empty section holds exactly one muted Paragraph saying so.
//
// Overall verdict (summary section):
//   critical — a guest is not backed up (coverage "non_sauvegardee") or an anomaly is critical;
//   warning  — otherwise, a guest's coverage is undetermined, an anomaly is a warning, or there is
//              a collection issue;
//   good     — otherwise. With no guest at all and nothing else to report, the verdict is "info"
//              ("no guest found").

#include "document/document.hpp"
#include "model/report_data.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace pvr::document {

struct DocumentOptions {
    std::string lang = "en";                // "en" | "fr" (REPORT_LANG)
    std::string time_zone = "UTC";          // IANA name; every time is shown in this zone
    double storage_warn = 0.80;             // used/total at or above: warning tone
    double storage_critical = 0.90;         // used/total at or above: critical tone
    std::size_t notes_excerpt_chars = 80;   // notes are cut to this many characters (with "…")
    std::size_t reason_excerpt_chars = 300; // coverage reasons in the "without backup" table
    std::int64_t capacity_warn_days = 30;   // CAPACITY_WARN_DAYS: the capacity table's tones and intro
};

/// Section anchors (stable ids: HTML ids, PDF destinations, key-figure links).
namespace anchors {
inline constexpr const char* summary = "summary";
inline constexpr const char* capacity = "capacity";
inline constexpr const char* trends = "trends";
inline constexpr const char* pbs_storages = "pbs-storages";
inline constexpr const char* storage_usage = "storage-usage";
inline constexpr const char* retention_policies = "retention-policies";
inline constexpr const char* backup_jobs = "backup-jobs";
inline constexpr const char* without_backup = "without-backup";
inline constexpr const char* coverage = "coverage";
inline constexpr const char* guest_retention = "guest-retention";
inline constexpr const char* anomalies = "anomalies";
inline constexpr const char* exceptions = "accepted-exceptions";
inline constexpr const char* collection_issues = "collection-issues";
} // namespace anchors

/// Builds the whole document. Throws pvr::Error (config) for an unknown language or time zone.
[[nodiscard]] Document build_document(const model::ReportData& data, const DocumentOptions& options);

} // namespace pvr::document
