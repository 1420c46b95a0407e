#include "app/fail_on.hpp"

#include "core/error.hpp"

namespace pvr::app {

int verdict_exit_code(model::VerdictLevel level, config::FailOn fail_on) noexcept {
    switch (fail_on) {
    case config::FailOn::never:
        return exit_code::ok;
    case config::FailOn::warning:
        return level == model::VerdictLevel::warning || level == model::VerdictLevel::critical ? exit_code::verdict
                                                                                               : exit_code::ok;
    case config::FailOn::critical:
        return level == model::VerdictLevel::critical ? exit_code::verdict : exit_code::ok;
    }
    return exit_code::ok;
}

} // namespace pvr::app
