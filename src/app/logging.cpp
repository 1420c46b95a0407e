#include "app/logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

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

} // namespace

void setup_logging(config::LogLevel level) {
    spdlog::drop_all();
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    sink->set_pattern("%Y-%m-%dT%H:%M:%S%z %^%-5l%$ %v");
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

} // namespace pvr::app
