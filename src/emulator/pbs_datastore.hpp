#pragma once
// What the PBS personality derives from a datastore's `snapshots.json` (every snapshot of the
// store, each with an extra "ns" field): the per-namespace snapshot list, the backup groups, the
// namespace tree and the verbose status counts. Pure functions, no I/O.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pvr::emulator {

struct PbsSnapshotFilter {
    std::string ns; // "" = root; exactly this namespace, no recursion
    std::optional<std::string> backup_type;
    std::optional<std::string> backup_id;
};

/// The namespace of a snapshot item ("ns" field; absent or null = root).
[[nodiscard]] std::string snapshot_namespace(const nlohmann::json& snapshot);
/// Finished iff `files` contains "index.json.blob" (by name, as a string or `{"filename": ...}`).
[[nodiscard]] bool snapshot_finished(const nlohmann::json& snapshot);

/// The snapshots of `filter.ns` (and type/id), in file order, without the "ns" field.
[[nodiscard]] nlohmann::json select_snapshots(const nlohmann::json& all, const PbsSnapshotFilter& filter);

/// The groups of namespace `ns`, sorted by type and id: `backup-type`, `backup-id`, `backup-count`
/// (all snapshots, also unfinished), `last-backup` and `files` (names) of the newest finished
/// snapshot (the newest snapshot when none is finished), `owner` (of that snapshot, if set), `comment`
/// (the snapshots' `group-comment`, if any).
[[nodiscard]] nlohmann::json derive_groups(const nlohmann::json& all, const std::string& ns);

/// Number of components ("" = 0, "a/b" = 2).
[[nodiscard]] int namespace_depth(const std::string& ns);
/// The root, every snapshot's namespace and all their ancestors, depth-first (sorted per level).
[[nodiscard]] std::vector<std::string> namespaces_of_snapshots(const nlohmann::json& all);
/// `[{"ns": parent}, ...descendants within max_depth levels...]` from `known` (which must contain
/// `parent`), keeping `known`'s order for the descendants.
[[nodiscard]] nlohmann::json namespace_list(const std::vector<std::string>& known, const std::string& parent,
                                            std::optional<int> max_depth);

/// The verbose status `counts`: `{"ct": {"groups": n, "snapshots": n} | null, "host": ..., "vm": ...,
/// "other": null}` over all namespaces.
[[nodiscard]] nlohmann::json snapshot_counts(const nlohmann::json& all);

} // namespace pvr::emulator
