#pragma once
// The contract's JSON (docs/report-data.md) from ReportData.

#include "model/report_data.hpp"

#include <string>

namespace pvr::report {

enum class JsonLayout {
    compact, // one line (plus a final newline): report files and pipes; its size grows linearly with the guests
    indented // 2 spaces per level: `--dump-report-data` on a terminal
};

/// Keys in a stable order, invalid UTF-8 replaced.
[[nodiscard]] std::string to_json(const model::ReportData& data, JsonLayout layout = JsonLayout::compact);

} // namespace pvr::report
