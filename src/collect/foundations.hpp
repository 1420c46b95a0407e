#pragma once
// What a report cannot exist without. Without the PVE version, the node list, the guest
// inventory or the backup jobs, a report would claim coverage it cannot know (an empty guest
// list reads as "nothing to back up"): the run stops with exit 4 instead, writing no report.
// Each foundation has its sources, tried in order; the report names the source that was used.
// Everything else a report needs is a detail: its failure is a collection issue, and the guests
// whose answer depends on it are `indetermine`.

#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

enum class Foundation { version, nodes, guests, backup_jobs };

struct FoundationSpec {
    Foundation which;
    std::string_view what;                 // "the guest inventory"
    std::vector<std::string_view> sources; // endpoints in the order they are tried
};

/// The four foundations and their sources, in the order they are read.
[[nodiscard]] const std::vector<FoundationSpec>& foundations();
[[nodiscard]] const FoundationSpec& foundation(Foundation which);

// Names of the sources, as written in the report (cluster.node_source, cluster.inventory_source).
inline constexpr std::string_view node_source_nodes = "/nodes";
inline constexpr std::string_view node_source_cluster_status = "/cluster/status";
inline constexpr std::string_view inventory_source_resources = "/cluster/resources";
inline constexpr std::string_view inventory_source_node_lists = "/nodes/{node}/qemu+lxc";

/// One source that could not be read: "GET /cluster/resources" and why ("HTTP 500 boom").
struct SourceFailure {
    std::string endpoint;
    std::string reason;
};

/// Throws pvr::Error (exit 4) with one line: "cannot produce a report: the guest inventory could
/// not be read (GET /cluster/resources: HTTP 500 boom; GET /nodes/pve1/qemu: HTTP 595 ...)".
[[noreturn]] void throw_foundation_missing(Foundation which, const std::vector<SourceFailure>& failures);

} // namespace pvr::collect
