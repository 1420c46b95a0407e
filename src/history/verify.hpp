#pragma once
// `verify-archive`: walks each cluster's archive records in generated_at order and names every
// break of the hash chain (edited, missing, inserted or unreadable records).

#include "history/archive.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace pvr::history {

struct VerifyResult {
    std::vector<std::string> lines; // what to print, in order
    std::size_t breaks = 0;
    std::size_t records = 0;
};

/// Pure: the verdict on records as scan_archive found them.
[[nodiscard]] VerifyResult verify_records(const std::vector<FoundRecord>& records);

} // namespace pvr::history
