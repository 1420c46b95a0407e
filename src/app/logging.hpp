#pragma once

#include "config/config.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::app {

/// "text" or "json" (case-insensitive, surrounding blanks ignored); nullopt for anything else.
[[nodiscard]] std::optional<config::LogFormat> parse_log_format(std::string_view text);

/// LOG_FORMAT from the process environment; text when unset or not a log format. For logging
/// before the configuration is loaded (config::load validates LOG_FORMAT and reports a wrong value).
[[nodiscard]] config::LogFormat log_format_from_environment();

/// Logs on standard error (standard output is for machine output): the default logger
/// "pve-backup-report" and the stage loggers ("http", "collect", ...) share one sink and level.
/// `text`: human-readable lines ("2026-11-27T07:00:00+0100 info  message") for terminals and the
/// journal; `json`: one JSON object per line {"time","level","logger","message"} for log
/// collectors (Docker logging drivers, Loki, Elasticsearch).
void setup_logging(config::LogLevel level, config::LogFormat format);
/// Same, with LOG_FORMAT from the environment (log_format_from_environment()).
void setup_logging(config::LogLevel level);

/// One JSON log line (without the newline): {"time":"2026-11-27T07:00:00.123Z","level":"info",
/// "logger":"collect","message":"..."}; time in UTC, invalid UTF-8 replaced by U+FFFD.
[[nodiscard]] std::string json_log_line(std::chrono::system_clock::time_point time, std::string_view level,
                                        std::string_view logger, std::string_view message);

} // namespace pvr::app
