#include "emulator/request_log.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

namespace pvr::emulator {

std::string to_json_line(const RequestLogEntry& entry) {
    const nlohmann::json line = {{"method", entry.method}, {"path", entry.path},     {"api_path", entry.api_path},
                                 {"query", entry.query},   {"status", entry.status}, {"auth", entry.auth},
                                 {"fault", entry.fault}};
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

RequestLog::RequestLog(const std::optional<std::filesystem::path>& file) {
    if (file) {
        m_file.open(*file, std::ios::out | std::ios::app);
        if (!m_file) {
            throw Error(ErrorKind::config, "cannot open the request log '" + file->string() + "' for writing");
        }
    }
}

void RequestLog::record(RequestLogEntry entry) {
    const std::lock_guard lock(m_mutex);
    if (m_file.is_open()) {
        m_file << to_json_line(entry) << '\n';
        m_file.flush();
    }
    m_entries.push_back(std::move(entry));
}

std::vector<RequestLogEntry> RequestLog::entries() const {
    const std::lock_guard lock(m_mutex);
    return m_entries;
}

} // namespace pvr::emulator
