#include "app/monitor_command.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace pvr::app {
namespace {

TEST(MonitorArguments, ThresholdsAndDemo) {
    MonitorOptions options;
    std::ostringstream out;
    EXPECT_FALSE(parse_monitor_arguments(
        {"--demo", "--critical-not-backed-up", "10", "--warning-overdue", "@1:5", "--max-lines", "3"}, options, out));
    EXPECT_TRUE(out.str().empty());
    EXPECT_TRUE(options.demo);
    EXPECT_EQ(options.plugin.max_detail_lines, 3U);
    ASSERT_EQ(options.plugin.thresholds.size(), 2U);
    const auto& nbu = options.plugin.thresholds.at(outlet::PluginMetric::not_backed_up);
    EXPECT_FALSE(nbu.warning);
    ASSERT_TRUE(nbu.critical);
    EXPECT_EQ(nbu.critical->text, "10");
    EXPECT_TRUE(options.plugin.thresholds.at(outlet::PluginMetric::overdue).warning->inside);
}

TEST(MonitorArguments, BadOptionsAreUnknown) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--critical-failed", "x"}, std::vector<std::string>{"--no-such-option"},
          std::vector<std::string>{"--warning-undetermined"}, std::vector<std::string>{"--max-lines", "-1"}}) {
        MonitorOptions options;
        std::ostringstream out;
        EXPECT_EQ(parse_monitor_arguments(args, options, out), 3) << args[0];
        const std::string text = out.str();
        EXPECT_EQ(text.rfind("PVE BACKUP UNKNOWN - ", 0), 0U) << text;
        EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
    }
    MonitorOptions options;
    std::ostringstream out;
    EXPECT_EQ(parse_monitor_arguments({"--critical-failed", "x"}, options, out), 3);
    EXPECT_EQ(out.str(), "PVE BACKUP UNKNOWN - --critical-failed: 'x' is not a threshold range (N, N:, ~:N, N:M or "
                         "@N:M)\n");
}

TEST(MonitorArguments, HelpListsTheThresholds) {
    MonitorOptions options;
    std::ostringstream out;
    EXPECT_EQ(parse_monitor_arguments({"--help"}, options, out), 0);
    for (const char* option : {"--warning-not-backed-up", "--critical-not-backed-up", "--critical-failed",
                               "--warning-overdue", "--critical-undetermined", "--warning-collection-issues"}) {
        EXPECT_NE(out.str().find(option), std::string::npos) << option;
    }
}

} // namespace
} // namespace pvr::app
