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

/// True when `journal_stream` (the value of JOURNAL_STREAM, "<device>:<inode>" as systemd sets it
/// for a unit whose output goes to the journal) names the file behind `fd`: only then is a line
/// prefix "<N>" read by journald as the priority (a shell started from such a unit inherits the
/// variable, but not necessarily the stream).
[[nodiscard]] bool is_journal_stream(std::string_view journal_stream, int fd);

/// One text line for journald: "<4>warning message" — the sd-daemon(3) priority prefix
/// (<3> error, <4> warning, <6> info, <7> debug and trace), no time stamp (journald adds it), so
/// `journalctl -p warning` shows the warnings and errors.
[[nodiscard]] std::string journal_line(std::string_view level, std::string_view message);

/// One JSON log line (without the newline): {"time":"2026-11-27T07:00:00.123Z","level":"info",
/// "logger":"collect","message":"..."}; time in UTC, invalid UTF-8 replaced by U+FFFD.
[[nodiscard]] std::string json_log_line(std::chrono::system_clock::time_point time, std::string_view level,
                                        std::string_view logger, std::string_view message);

} // namespace pvr::app
