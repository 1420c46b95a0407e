#include "outlet/monitoring_plugin.hpp"
#include "report_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace pvr::outlet {
namespace {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

ThresholdRange range(const char* text) {
    std::string problem;
    return parse_threshold_range(text, problem).value();
}

TEST(MonitoringPlugin, VerdictDecidesWithoutThresholds) {
    auto report = test::sample_report();
    const auto result = monitoring_plugin_result(report, {});
    EXPECT_EQ(result.status, PluginStatus::critical);
    EXPECT_EQ(result.exit_code(), 2);
    EXPECT_EQ(first_line(result.text),
              "PVE BACKUP CRITICAL - 1 of 4 guests not backed up, 1 failed, 1 overdue, 1 undetermined, 2 critical "
              "anomalies, 2 warning anomalies, 1 collection issue (cluster pve-prod) | guests=4;;;0 "
              "covered=2;;;0;4 not_backed_up=1;;;0;4 failed=1;;;0;4 overdue=1;;;0;4 undetermined=1;;;0;4 "
              "collection_issues=1;;;0 anomalies_critical=2;;;0 anomalies_warning=2;;;0 anomalies_info=0;;;0 "
              "accepted_not_backed_up=0;;;0;4 coverage=50%;;;0;100");

    for (const auto& [level, status] : {std::pair{model::VerdictLevel::good, PluginStatus::ok},
                                        std::pair{model::VerdictLevel::info, PluginStatus::ok},
                                        std::pair{model::VerdictLevel::warning, PluginStatus::warning}}) {
        report.verdict.level = level;
        EXPECT_EQ(monitoring_plugin_result(report, {}).status, status) << model::to_string(level);
    }
}

TEST(MonitoringPlugin, LongOutputListsOffendingGuestsSafely) {
    const auto result = monitoring_plugin_result(test::sample_report(), {});
    const std::string details = result.text.substr(result.text.find('\n') + 1);
    EXPECT_EQ(details, "not backed up: vm/102 test/vm (node pve1): reason of 102\n"
                       "failed: vm/101 db \"primary\" (node pve1): backup of 2026-11-26T18:00:00Z failed - disk full\n"
                       "overdue: vm/101 db \"primary\" (node pve1): last backup 2026-11-18T11:06:40Z\n"
                       "undetermined: ct/200 ct-x (node pve1): reason of 200\n");
    // Only the first line carries '|' (the performance data).
    EXPECT_EQ(result.text.find('|', result.text.find('\n')), std::string::npos);
}

model::Changes changes_since_previous_day() {
    model::Changes c;
    c.first_report = false;
    c.previous_at = 1795676400; // 2026-11-26T07:00:00Z
    c.lost_coverage = {{102, "qemu", "test|vm", "scheduled", "not_backed_up", false},
                       {103, "qemu", "lab", "scheduled", "not_backed_up", true}}; // accepted: left out
    c.new_guests = {{200, "lxc", "ct-x", "", "not_backed_up", false}, {104, "qemu", "new", "", "scheduled", false}};
    c.new_failed_backups = {{101, "qemu", "db", 1795716000, false}};
    c.gained_coverage = {{105, "qemu", "", "not_backed_up", "scheduled", false}};
    return c;
}

TEST(MonitoringPlugin, ChangesSinceThePreviousReport) {
    auto report = test::sample_report();
    report.changes = changes_since_previous_day();
    const auto result = monitoring_plugin_result(report, {});
    const auto status = first_line(result.text);
    EXPECT_NE(status.find(", 1 collection issue, 1 lost coverage, 1 new unprotected, 1 new failure since 2026-11-26 "
                          "(cluster pve-prod) | "),
              std::string::npos)
        << status;
    EXPECT_NE(status.find(" coverage=50%;;;0;100 lost_coverage=1;;;0 new_unprotected=1;;;0 new_failed=1;;;0"),
              std::string::npos)
        << status;
    const std::string details = result.text.substr(result.text.find('\n') + 1);
    EXPECT_EQ(details.substr(0, details.find("not backed up:")),
              "lost coverage since 2026-11-26T07:00:00Z: vm/102 test/vm: scheduled -> not_backed_up\n"
              "new unprotected since 2026-11-26T07:00:00Z: ct/200 ct-x\n"
              "new failure since 2026-11-26T07:00:00Z: vm/101 db: backup of 2026-11-26T18:00:00Z failed\n");
    EXPECT_EQ(result.text.find('|', result.text.find('\n')), std::string::npos);
}

TEST(MonitoringPlugin, NoChangeTextWithoutHistoryOrForAFirstReport) {
    auto report = test::sample_report();
    const auto without = monitoring_plugin_result(report, {}).text;
    EXPECT_EQ(without.find("lost_coverage="), std::string::npos);
    report.changes = model::Changes{}; // first report: zero counts, no text
    const auto first = monitoring_plugin_result(report, {}).text;
    EXPECT_NE(first.find(" lost_coverage=0;;;0 new_unprotected=0;;;0 new_failed=0;;;0"), std::string::npos) << first;
    EXPECT_EQ(first.find("since"), std::string::npos);
    auto quiet = changes_since_previous_day();
    quiet.lost_coverage.clear();
    quiet.new_guests.clear();
    quiet.new_failed_backups.clear();
    report.changes = quiet; // only a gain: nothing got worse
    const auto gained = monitoring_plugin_result(report, {}).text;
    EXPECT_EQ(gained.find("since"), std::string::npos) << gained;
    EXPECT_EQ(first_line(gained).substr(0, first_line(without).find(" | ")),
              first_line(without).substr(0, first_line(without).find(" | ")));
}

TEST(MonitoringPlugin, LongOutputIsCapped) {
    PluginOptions options;
    options.max_detail_lines = 2;
    const auto text = monitoring_plugin_result(test::sample_report(), options).text;
    EXPECT_NE(text.find("failed: vm/101"), std::string::npos);
    EXPECT_EQ(text.find("overdue: vm/101"), std::string::npos);
    EXPECT_NE(text.find("\n... and 2 more\n"), std::string::npos);
}

TEST(MonitoringPlugin, ThresholdsAloneDecideAndAppearInPerfdata) {
    const auto report = test::sample_report();
    PluginOptions relaxed;
    relaxed.thresholds[PluginMetric::not_backed_up] = {range("5"), range("10")};
    auto result = monitoring_plugin_result(report, relaxed);
    EXPECT_EQ(result.status, PluginStatus::ok);
    EXPECT_NE(result.text.find(" not_backed_up=1;5;10;0;4 "), std::string::npos) << result.text;
    EXPECT_EQ(first_line(result.text).rfind("PVE BACKUP OK - 1 of 4 guests not backed up", 0), 0U);

    PluginOptions warn;
    warn.thresholds[PluginMetric::not_backed_up] = {range("0"), range("10")};
    EXPECT_EQ(monitoring_plugin_result(report, warn).status, PluginStatus::warning);

    PluginOptions failed;
    failed.thresholds[PluginMetric::not_backed_up] = {range("0"), std::nullopt};
    failed.thresholds[PluginMetric::failed] = {std::nullopt, range("0")};
    EXPECT_EQ(monitoring_plugin_result(report, failed).status, PluginStatus::critical);
}

TEST(MonitoringPlugin, GoodAndEmptyReports) {
    model::ReportData report;
    report.verdict.level = model::VerdictLevel::info;
    EXPECT_EQ(first_line(monitoring_plugin_result(report, {}).text).rfind("PVE BACKUP OK - no guest found | ", 0), 0U);
    report.summary.guests_total = 3;
    report.summary.guests_scheduled = 3;
    report.verdict.level = model::VerdictLevel::good;
    const auto result = monitoring_plugin_result(report, {});
    EXPECT_EQ(result.text.rfind("PVE BACKUP OK - 3 of 3 guests covered by a backup job | ", 0), 0U);
    EXPECT_EQ(std::count(result.text.begin(), result.text.end(), '\n'), 1);
}

TEST(MonitoringPlugin, UnknownIsOneSafeLine) {
    const auto result = monitoring_plugin_unknown("cannot connect\tto pve1|8006");
    EXPECT_EQ(result.exit_code(), 3);
    EXPECT_EQ(result.text, "PVE BACKUP UNKNOWN - cannot connect to pve1/8006\n");
    // A message of several lines: the first is the status line, the others follow, trimmed.
    EXPECT_EQ(monitoring_plugin_unknown("invalid configuration (2 problems):\n  - PVE_URL: required\n\n  - "
                                        "PVE_TOKEN_ID: a|b\n")
                  .text,
              "PVE BACKUP UNKNOWN - invalid configuration (2 problems):\n- PVE_URL: required\n- PVE_TOKEN_ID: a/b\n");
    EXPECT_EQ(monitoring_plugin_unknown("").text, "PVE BACKUP UNKNOWN - \n");
}

} // namespace
} // namespace pvr::outlet
