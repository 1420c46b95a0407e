#pragma once
// Internal: the JSON of the run-history facts the report carries (`trends`, `capacity`;
// docs/report-data.md), for json_report.cpp.

#include "model/history.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace pvr::report {

/// null when the history was not read; else {window, points: [...], datastores: [...]}.
[[nodiscard]] nlohmann::ordered_json trends_json(const std::optional<model::Trends>& trends);
/// One object per PBS datastore forecast.
[[nodiscard]] nlohmann::ordered_json capacity_json(const std::vector<model::CapacityForecast>& capacity);

} // namespace pvr::report
