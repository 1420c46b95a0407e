#include "app/fail_on.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

namespace pvr::app {
namespace {

using config::FailOn;
using model::VerdictLevel;

TEST(VerdictExitCode, AtOrAboveTheThresholdIsSix) {
    EXPECT_EQ(exit_code::verdict, 6);
    for (const auto level : {VerdictLevel::good, VerdictLevel::info, VerdictLevel::warning, VerdictLevel::critical}) {
        EXPECT_EQ(verdict_exit_code(level, FailOn::never), exit_code::ok) << model::to_string(level);
    }
    EXPECT_EQ(verdict_exit_code(VerdictLevel::critical, FailOn::critical), exit_code::verdict);
    EXPECT_EQ(verdict_exit_code(VerdictLevel::warning, FailOn::critical), exit_code::ok);
    EXPECT_EQ(verdict_exit_code(VerdictLevel::critical, FailOn::warning), exit_code::verdict);
    EXPECT_EQ(verdict_exit_code(VerdictLevel::warning, FailOn::warning), exit_code::verdict);
    // info ("no guest found") counts below warning.
    EXPECT_EQ(verdict_exit_code(VerdictLevel::info, FailOn::warning), exit_code::ok);
    EXPECT_EQ(verdict_exit_code(VerdictLevel::good, FailOn::warning), exit_code::ok);
}

} // namespace
} // namespace pvr::app
