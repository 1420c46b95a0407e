#include "app/logging.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <sys/stat.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <memory>

namespace pvr::app {
namespace {

spdlog::level::level_enum to_spdlog(config::LogLevel level) {
    switch (level) {
    case config::LogLevel::trace:
        return spdlog::level::trace;
    case config::LogLevel::debug:
        return spdlog::level::debug;
    case config::LogLevel::info:
        return spdlog::level::info;
    case config::LogLevel::warn:
        return spdlog::level::warn;
    case config::LogLevel::error:
        return spdlog::level::err;
    }
    return spdlog::level::info;
}

/// Formats each record as one JSON object per line.
class JsonFormatter final : public spdlog::formatter {
public:
    void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
        const auto level = spdlog::level::to_string_view(msg.level);
        const std::string line = json_log_line(msg.time, std::string_view(level.data(), level.size()),
                                               std::string_view(msg.logger_name.data(), msg.logger_name.size()),
                                               std::string_view(msg.payload.data(), msg.payload.size()));
        dest.append(line.data(), line.data() + line.size());
        dest.push_back('\n');
    }
    [[nodiscard]] std::unique_ptr<spdlog::formatter> clone() const override {
        return std::make_unique<JsonFormatter>();
    }
};

/// Text lines with journald's priority prefix (see journal_line).
class JournalFormatter final : public spdlog::formatter {
public:
    void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
        const auto level = spdlog::level::to_string_view(msg.level);
        const std::string line = journal_line(std::string_view(level.data(), level.size()),
                                              std::string_view(msg.payload.data(), msg.payload.size()));
        dest.append(line.data(), line.data() + line.size());
        dest.push_back('\n');
    }
    [[nodiscard]] std::unique_ptr<spdlog::formatter> clone() const override {
        return std::make_unique<JournalFormatter>();
    }
};

bool stderr_is_journal() {
    const char* value = std::getenv("JOURNAL_STREAM"); // NOLINT(concurrency-mt-unsafe): read before any thread
    return value != nullptr && is_journal_stream(value, 2);
}

} // namespace

bool is_journal_stream(std::string_view journal_stream, int fd) {
    const auto colon = journal_stream.find(':');
    if (colon == std::string_view::npos) {
        return false;
    }
    const auto number = [](std::string_view text, std::uint64_t& out) {
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, out);
        return !text.empty() && ec == std::errc() && ptr == end;
    };
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    if (!number(journal_stream.substr(0, colon), device) || !number(journal_stream.substr(colon + 1), inode)) {
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        return false;
    }
    return static_cast<std::uint64_t>(st.st_dev) == device && static_cast<std::uint64_t>(st.st_ino) == inode;
}

std::string journal_line(std::string_view level, std::string_view message) {
    char priority = '6';
    if (level == "critical") {
        priority = '2';
    } else if (level == "error") {
        priority = '3';
    } else if (level == "warning") {
        priority = '4';
    } else if (level == "debug" || level == "trace") {
        priority = '7';
    }
    std::string line;
    line.reserve(message.size() + level.size() + 4);
    line += '<';
    line += priority;
    line += '>';
    line += level;
    line += ' ';
    // One record, one journal entry: a message with line breaks would otherwise become several
    // entries, the later ones at the default priority.
    for (const char c : message) {
        line += c == '\n' ? ' ' : c;
    }
    return line;
}

std::optional<config::LogFormat> parse_log_format(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    std::string lower(text);
    for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (lower == "text") {
        return config::LogFormat::text;
    }
    if (lower == "json") {
        return config::LogFormat::json;
    }
    return std::nullopt;
}

config::LogFormat log_format_from_environment() {
    const char* value = std::getenv("LOG_FORMAT"); // NOLINT(concurrency-mt-unsafe): read before any thread
    return value == nullptr ? config::LogFormat::text : parse_log_format(value).value_or(config::LogFormat::text);
}

std::string json_log_line(std::chrono::system_clock::time_point time, std::string_view level, std::string_view logger,
                          std::string_view message) {
    const auto millis = std::chrono::floor<std::chrono::milliseconds>(time);
    const auto seconds = std::chrono::floor<std::chrono::seconds>(millis);
    const auto fraction = (millis - seconds).count();
    nlohmann::ordered_json record;
    // fmt 9 formats a time_point in local time: go through gmtime explicitly.
    record["time"] = fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z",
                                 fmt::gmtime(std::chrono::system_clock::to_time_t(seconds)), fraction);
    record["level"] = std::string(level);
    record["logger"] = std::string(logger);
    record["message"] = std::string(message);
    return record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void setup_logging(config::LogLevel level, config::LogFormat format) {
    spdlog::drop_all();
    spdlog::sink_ptr sink;
    if (format == config::LogFormat::json) {
        sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
        sink->set_formatter(std::make_unique<JsonFormatter>());
    } else if (stderr_is_journal()) {
        sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
        sink->set_formatter(std::make_unique<JournalFormatter>());
    } else {
        sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        sink->set_pattern("%Y-%m-%dT%H:%M:%S%z %^%-5l%$ %v");
    }
    auto logger = std::make_shared<spdlog::logger>("pve-backup-report", sink);
    logger->set_level(to_spdlog(level));
    spdlog::set_default_logger(logger);
    // Stage loggers ("http", "collect", ...) share the sink and the level.
    for (const char* name : {"http", "collect", "analysis", "report"}) {
        auto stage = std::make_shared<spdlog::logger>(name, sink);
        stage->set_level(to_spdlog(level));
        spdlog::register_logger(stage);
    }
}

void setup_logging(config::LogLevel level) { setup_logging(level, log_format_from_environment()); }

} // namespace pvr::app
