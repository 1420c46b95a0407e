#pragma once
// The contract's JSON (docs/report-data.md) from ReportData.

#include "model/report_data.hpp"

#include <string>

namespace pvr::report {

/// Pretty-printed (2 spaces), keys in a stable order, invalid UTF-8 replaced.
[[nodiscard]] std::string to_json(const model::ReportData& data);

} // namespace pvr::report
