#include "collect/foundations.hpp"

#include "core/error.hpp"

#include <algorithm>

namespace pvr::collect {

const std::vector<FoundationSpec>& foundations() {
    static const std::vector<FoundationSpec> specs = {
        {Foundation::version, "the PVE version", {"/version"}},
        {Foundation::nodes, "the node list", {node_source_nodes, node_source_cluster_status}},
        {Foundation::guests, "the guest inventory", {inventory_source_resources, inventory_source_node_lists}},
        {Foundation::backup_jobs, "the backup jobs", {"/cluster/backup"}},
    };
    return specs;
}

const FoundationSpec& foundation(Foundation which) {
    const auto& specs = foundations();
    return *std::find_if(specs.begin(), specs.end(), [&](const FoundationSpec& s) { return s.which == which; });
}

void throw_foundation_missing(Foundation which, const std::vector<SourceFailure>& failures) {
    std::string message = "cannot produce a report: " + std::string(foundation(which).what) + " could not be read";
    std::string details;
    for (const auto& failure : failures) {
        if (!details.empty()) {
            details += "; ";
        }
        details += failure.endpoint + ": " + failure.reason;
    }
    if (!details.empty()) {
        message += " (" + details + ")";
    }
    // One line, whatever the server wrote.
    std::replace_if(
        message.begin(), message.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    throw Error(ErrorKind::invalid_response, message);
}

} // namespace pvr::collect
