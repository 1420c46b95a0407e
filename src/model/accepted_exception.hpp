#pragma once
// An accepted exception: a known, deliberate gap in the backups ("VM 9001 is a template rebuilt
// from git, it needs no backup") read from EXCEPTIONS_FILE or implied by the EXEMPT_TAG PVE tag.
// The analysis (analysis/exceptions.hpp) matches them to guests; accepted findings keep their true
// status in the report but leave the verdict.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::model {

/// Which guests an exception selects: every criterion given must match (at least one is given).
struct ExceptionMatch {
    std::vector<std::int64_t> vmids; // any of them
    std::optional<std::string> name; // glob (*, ?, [...]), case-insensitive; a guest without a name never matches
    std::optional<std::string> pool; // exact pool id
    std::optional<std::string> tag;  // a PVE tag of the guest, case-insensitive
};

struct AcceptedException {
    std::string id;         // the `id` key, else "exception-<index>"; "tag:<tag>" for EXEMPT_TAG
    std::int64_t index = 0; // 1-based position in the file; 0 for EXEMPT_TAG
    std::int64_t line = 0;  // line of its [[exception]] header; 0 for EXEMPT_TAG
    std::string source;     // "file" | "tag"
    std::string file;       // EXCEPTIONS_FILE as given ("" for EXEMPT_TAG)
    ExceptionMatch match;
    /// "not_backed_up", "overdue", "retention_mismatch", "anomaly:<kind>" (see accepted_anomaly_kinds).
    std::vector<std::string> accept;
    std::string reason;
    std::optional<std::string> owner; // unknown (nullopt) for EXEMPT_TAG
    std::optional<std::string> until; // "YYYY-MM-DD", last day it applies (UTC); nullopt = no expiry

    /// Whether one of `accept` covers anomalies of this kind.
    [[nodiscard]] bool accepts_kind(std::string_view kind) const;
    /// Whether a guest not backed up (coverage "non_sauvegardee") is accepted.
    [[nodiscard]] bool accepts_not_backed_up() const;
};

/// The accept keywords besides "anomaly:<kind>": "not_backed_up", "overdue", "retention_mismatch".
[[nodiscard]] const std::vector<std::string_view>& accept_keywords();
/// The anomaly kinds about a single guest (subject "vm/<vmid>" or "ct/<vmid>"): the kinds that
/// "anomaly:<kind>" may name.
[[nodiscard]] const std::vector<std::string_view>& guest_anomaly_kinds();
/// The anomaly kinds one accept entry covers: not_backed_up -> guest_not_backed_up,
/// guest_only_disabled_jobs; overdue -> backup_overdue; retention_mismatch -> retention_mismatch;
/// anomaly:<kind> -> <kind>. Empty for an unknown entry.
[[nodiscard]] std::vector<std::string_view> accepted_anomaly_kinds(std::string_view accept);

/// The exception that applies to a guest, and what of the guest's findings it accepted.
struct GuestException {
    AcceptedException exception;
    /// In accept vocabulary: "not_backed_up" (the coverage status), "overdue" (freshness), and
    /// "anomaly:<kind>" for each accepted anomaly of the guest; empty when the guest has nothing to accept.
    std::vector<std::string> accepted;
};

/// One exception as the report shows it: its status and what it applied to.
struct ExceptionUse {
    AcceptedException exception;
    std::string status;                 // "active" | "expired" | "unused"
    std::vector<std::string> subjects;  // guests it applies to ("vm/9001"), in VMID order; empty unless active
    std::int64_t accepted_findings = 0; // anomalies it accepted (anomalies[].accepted_by)
};

} // namespace pvr::model
