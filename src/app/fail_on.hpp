#pragma once
// --fail-on / FAIL_ON: the exit status of a report run for schedulers (cron, systemd, CI).

#include "config/config.hpp"
#include "model/verdict.hpp"

namespace pvr::app {

/// exit_code::verdict (6) when the verdict level is at or above `fail_on`, else exit_code::ok.
/// `info` (no guest found) counts below `warning`; `never` never fails.
[[nodiscard]] int verdict_exit_code(model::VerdictLevel level, config::FailOn fail_on) noexcept;

} // namespace pvr::app
