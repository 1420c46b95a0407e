#pragma once
// Internal: the JSON of ReportData::changes (docs/report-data.md, `changes`): null when the history
// was not read, else the changes since the previous report of the cluster.

#include "model/history.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace pvr::report {

[[nodiscard]] nlohmann::ordered_json changes_json(const std::optional<model::Changes>& changes);

} // namespace pvr::report
