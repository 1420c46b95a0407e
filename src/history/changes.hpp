#pragma once
// Changes since the previous report (issue 11, item 2): what differs between the previous kept run
// of the cluster and the current one. Pure: digests in, model::Changes out (no clock, no I/O).
//
// Rules (docs/report-data.md, `changes`):
// - Guests are identified by VMID and type (a VMID reused by a guest of the other type is a removed
//   guest and a new one). Coverage codes are compared in their plain form ("scheduled",
//   "not_backed_up", "undetermined"; the contract's French codes are read as these).
//   Lost coverage: scheduled before, not scheduled now (not backed up or undetermined); gained
//   coverage: not scheduled before, scheduled now.
// - Anomalies are identified by (kind, subject). open_since is the generated_at of the first run of
//   the unbroken series of consecutive kept runs (the current one included) that had it; days_open
//   counts whole days from open_since to the current run. A resolved anomaly's series ends with the
//   previous run.
// - A new failed backup: the guest's latest vzdump task failed now and did not in the previous run,
//   or failed then too but the failed task now is a newer one.
// - Jobs by id: added, removed, enabled, disabled, retention_changed (one entry per change);
//   retention policies by (source, id): added, removed, changed (their keep text).
// - Accepted exceptions: accepted guests and anomalies stay in the lists, marked `accepted`; the
//   outlets' alert counts (e-mail subject, monitoring) leave them out, as the verdict does.
// - Order: guests by VMID then type, anomalies by kind then subject, jobs by id (then change),
//   policies by source then id.
// - History: the runs of the same cluster (the caller picks them). Only runs made before the current
//   one count (by generated_at, oldest first); the latest of them is the previous report.

#include "model/history.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::history {

/// `history`: the kept runs of the same cluster, oldest first (none before `current`: first report).
[[nodiscard]] model::Changes compute_changes(const std::vector<model::RunDigest>& history,
                                             const model::RunDigest& current);

/// "scheduled", "not_backed_up", "undetermined" for either form of the coverage code (the plain one
/// or the contract's "sauvegarde_planifiee", "non_sauvegardee", "indetermine"); other text as is.
[[nodiscard]] std::string plain_coverage_code(std::string_view code);

/// Whether nothing changed (the ongoing anomalies are not changes).
[[nodiscard]] bool no_change(const model::Changes& changes) noexcept;

} // namespace pvr::history
