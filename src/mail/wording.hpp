#pragma once
// Internal: the words of the e-mail (subject and plain text) in English, French and German. The HTML body
// and the PDF are the report itself (document/translations.cpp).

#include <cstdint>
#include <string>
#include <string_view>

namespace pvr::mail::detail {

/// A count with its noun phrase: singular and plural format strings ("{}" is the number).
struct Counted {
    std::string_view one;
    std::string_view many;
    /// The language's rule: en 1 is singular, fr 0 and 1 are.
    [[nodiscard]] std::string format(std::int64_t n, bool french) const;
};

struct Words {
    bool french = false;
    // subject
    std::string_view backups;  // "Backups"
    std::string_view ok;       // "OK"
    std::string_view colon;    // ":" (fr no-break space + ":")
    std::string_view covered;  // "{}/{} covered"
    std::string_view no_guest; // "no guest found"
    Counted not_backed_up, undetermined, failed, overdue, critical_anomalies, warnings, collection_issues;
    // plain text
    std::string_view title;   // "Backup report of {cluster}, {date}"
    std::string_view verdict; // "Verdict"
    std::string_view level_good, level_info, level_warning, level_critical;
    std::string_view guests, covered_by_job, not_backed_up_label, undetermined_label, failed_label, overdue_label,
        anomalies_label, issues_label;
    std::string_view anomaly_counts; // "{} critical, {} warning, {} info"
    std::string_view on_node;        // "node {}"
    std::string_view last_backup;    // "last backup {} ({})"
    std::string_view no_backup_seen; // "no backup seen"
    std::string_view failed_at;      // "failed on {}"
    std::string_view top_anomalies;  // "Most severe anomalies ({} of {})"
    std::string_view severity_critical, severity_warning, severity_info;
    std::string_view more;             // "... and {} more (see the report)"
    std::string_view attached;         // "The full report is attached: {}"
    std::string_view messages_english; // note: the messages are in English
    Counted accepted;                  // "{} accepted" (not backed up, accepted exceptions)
    // changes since the previous report (subject)
    Counted lost_coverage, new_unprotected, new_failed;
    std::string_view since; // " since {}" (the previous report's day)
};

[[nodiscard]] const Words& words(std::string_view lang);

} // namespace pvr::mail::detail
