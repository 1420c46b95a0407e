#pragma once

#include "config/config.hpp"

namespace pvr::app {

/// Human-readable log lines on standard error (standard output is for machine output).
void setup_logging(config::LogLevel level);

} // namespace pvr::app
