#pragma once
// Accepted exceptions (model/accepted_exception.hpp) applied to a report: pure, with `now` for
// expiry.
//
// - An exception applies through the whole day of its `until` date (UTC); from the next day on it
//   is expired: it accepts nothing and is itself an anomaly, exception_expired (warning).
// - A guest's exception is the first one, in file order, whose criteria all match the guest and
//   that has not expired; the EXEMPT_TAG exception comes after the file's. Only that one applies.
// - It accepts the guest's findings its `accept` list covers: the coverage status
//   "non_sauvegardee" (not_backed_up), the freshness "overdue" flag (overdue), and the guest's
//   anomalies of the covered kinds, which get `accepted_by`. Statuses are never changed.
// - A file exception that applies to no guest (it selects none, or only guests an earlier
//   exception already took) is an anomaly, exception_unused (info). The EXEMPT_TAG one is not.

#include "model/accepted_exception.hpp"
#include "model/guest.hpp"
#include "model/report_data.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::analysis {

/// The first second an exception no longer applies: the day after `until`, 00:00 UTC. nullopt
/// without an expiry (or with a malformed date, which the configuration rejects).
[[nodiscard]] std::optional<std::int64_t> exception_end(const model::AcceptedException& exception);
[[nodiscard]] bool exception_expired(const model::AcceptedException& exception, std::int64_t now);

/// Whether every criterion given matches the guest (vmid: any of the list; name: glob,
/// case-insensitive; pool: exact; tag: one of the guest's tags, case-insensitive).
[[nodiscard]] bool exception_matches(const model::AcceptedException& exception, const model::Guest& guest);

/// The exception implied by EXEMPT_TAG: accepts not_backed_up, reason "tagged <tag> in PVE", owner
/// unknown, no expiry, id "tag:<tag>".
[[nodiscard]] model::AcceptedException tag_exception(std::string_view tag);

/// Sets guests[].exception, anomalies[].accepted_by and report.exceptions, and appends the
/// exception_expired and exception_unused anomalies (unsorted). Run after every other anomaly is
/// known and before the verdict.
void apply_exceptions(model::ReportData& report, const std::vector<model::AcceptedException>& exceptions,
                      const std::optional<std::string>& exempt_tag, std::int64_t now);

} // namespace pvr::analysis
