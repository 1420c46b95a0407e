#pragma once
// Many failures of one cause become one collection issue with a count: a failing task-log
// endpoint gives "log of task {upid} could not be read: HTTP 500 ... (54 times, e.g. ...)" rather
// than 54 issues. Issues are alike when their severity, source, endpoint pattern and message
// pattern are equal; a pattern is the endpoint (or message) with the endpoint's variable path
// segments replaced: UPIDs by {upid}, numbers (VMIDs) by {vmid}.

#include "model/collection_issue.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace pvr::collect {

/// "/nodes/pve1/tasks/{upid}/log" for "/nodes/pve1/tasks/UPID:pve1:.../log".
[[nodiscard]] std::string endpoint_pattern(const std::string& endpoint);

/// Groups of at least `min_count` alike issues become one, at the place of the first: endpoint
/// and message are the patterns, the message ends with "(N times, e.g. <3 endpoints>)"; the fact
/// is the first's (its texts as patterns) with `occurrences` and `examples` (a list) added. Other
/// issues are kept as they are, in their order.
[[nodiscard]] std::vector<model::CollectionIssue> collapse_issues(std::vector<model::CollectionIssue> issues,
                                                                  std::size_t min_count = 3);

} // namespace pvr::collect
