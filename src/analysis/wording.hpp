#pragma once
// Small text helpers for the human sentences of coverage reasons and anomalies.

#include "model/backup_job.hpp"
#include "model/coverage.hpp"
#include "model/guest.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pvr::analysis {

/// "a", "a and b", "a, b and c"; "" for an empty list.
[[nodiscard]] std::string join_words(const std::vector<std::string>& words);
/// "100, 201, 212".
[[nodiscard]] std::string vmid_list(const std::vector<std::int64_t>& vmids);
/// "VM 100 (web01)", "CT 101", "template VM 9000 (base)".
[[nodiscard]] std::string guest_label(const model::Guest& guest);
/// At most `limit` labels, then "and N more": "VM 100 (web01), CT 101 and 3 more".
[[nodiscard]] std::string guest_labels(const std::vector<std::string>& labels, std::size_t limit = 10);
/// What a job selects: "all guests except 105, 110", "pool prod/db on node pve2", "VMIDs 200, 201".
[[nodiscard]] std::string describe_selection(const model::BackupJob& job);
/// The rule by which a job includes one guest, of constant size whatever the job lists:
/// "listed by VMID", "pool prod/db on node pve2", "all guests but the 2 it excludes".
[[nodiscard]] std::string describe_rule(const model::CoverageRule& rule);
/// "pbs-main" or "the default storage" (vzdump.conf's storage, else `local`).
[[nodiscard]] std::string describe_storage(const model::BackupJob& job);
/// Singular or plural noun: plural_noun(1, "job", "jobs").
[[nodiscard]] std::string plural_noun(std::size_t count, const std::string& singular, const std::string& plural);

} // namespace pvr::analysis
