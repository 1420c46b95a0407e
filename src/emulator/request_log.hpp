#pragma once
// Every request the emulator answered, in memory and optionally as JSON Lines in a file.

#include "emulator/emulator.hpp"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace pvr::emulator {

/// One JSON object (no newline): {"method","path","api_path","query","status","auth","fault"}.
[[nodiscard]] std::string to_json_line(const RequestLogEntry& entry);

class RequestLog {
public:
    /// Opens `file` for appending. Throws pvr::Error(config) naming the file if it cannot.
    explicit RequestLog(const std::optional<std::filesystem::path>& file);

    void record(RequestLogEntry entry);
    [[nodiscard]] std::vector<RequestLogEntry> entries() const;

private:
    mutable std::mutex m_mutex;
    std::vector<RequestLogEntry> m_entries;
    std::ofstream m_file;
};

} // namespace pvr::emulator
