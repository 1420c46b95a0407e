#pragma once
// `history <VMID|NAME>`: one guest across the kept reports, each row with the archive record that
// proves it.

#include "model/history.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pvr::history {

struct GuestHistoryRow {
    std::int64_t generated_at = 0;
    std::string file;
    std::string sha256;
    bool present = false; // the guest is in this report
    model::GuestDigest guest;
    std::vector<model::AnomalyDigest> anomalies; // subject vm/<id> or ct/<id>
};

struct GuestHistoryQuery {
    std::string guest;                 // VMID or name
    std::optional<std::int64_t> since; // epoch, inclusive
    std::optional<std::int64_t> until; // epoch, exclusive
};

/// Rows oldest first, for the runs in [since, until) in which the guest appears (by VMID, or by
/// name when `guest` is not a number). Empty when it appears in none.
[[nodiscard]] std::vector<GuestHistoryRow> guest_history(const std::vector<model::RunDigest>& runs,
                                                         const GuestHistoryQuery& query);

/// The first row whose last backup is at or after `day` (epoch of 00:00 UTC that day).
[[nodiscard]] const GuestHistoryRow* first_backup_on_or_after(const std::vector<GuestHistoryRow>& rows,
                                                              std::int64_t day);

} // namespace pvr::history
