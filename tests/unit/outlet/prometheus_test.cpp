#include "outlet/prometheus.hpp"
#include "report_fixture.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

namespace pvr::outlet {
namespace {

TEST(Prometheus, EscapesLabelValuesAndHelp) {
    EXPECT_EQ(escape_label_value(R"(a\b"c)"), R"(a\\b\"c)");
    EXPECT_EQ(escape_label_value("line1\nline2"), R"(line1\nline2)");
    EXPECT_EQ(escape_label_value("数据库 ✓"), "数据库 ✓");
    EXPECT_EQ(escape_label_value("bad\xff"), "bad\xEF\xBF\xBD");
    EXPECT_EQ(escape_label_value("\xC3"), "\xEF\xBF\xBD");                                 // truncated sequence
    EXPECT_EQ(escape_label_value("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // a surrogate
    EXPECT_EQ(escape_help("a\\b\nc \"d\""), "a\\\\b\\nc \"d\"");
}

TEST(Prometheus, ValidatesNames) {
    EXPECT_TRUE(is_valid_metric_name("pve_backup_report_guests"));
    EXPECT_TRUE(is_valid_metric_name("a:b_c1"));
    EXPECT_FALSE(is_valid_metric_name("1abc"));
    EXPECT_FALSE(is_valid_metric_name("a-b"));
    EXPECT_FALSE(is_valid_metric_name(""));
    EXPECT_TRUE(is_valid_label_name("vmid"));
    EXPECT_FALSE(is_valid_label_name("__name__"));
    EXPECT_FALSE(is_valid_label_name("a:b"));
    EXPECT_FALSE(is_valid_label_name("9a"));
}

TEST(Prometheus, FileNameIsFixedPerCluster) {
    auto report = test::sample_report();
    EXPECT_EQ(prometheus_file_name(report), "pve_backup_report_pve-prod.prom");
    report.cluster.name = "../évil cluster";
    EXPECT_EQ(prometheus_file_name(report), "pve_backup_report______vil_cluster.prom");
    report.cluster.name.reset();
    EXPECT_EQ(prometheus_file_name(report), "pve_backup_report_standalone.prom");
}

TEST(Prometheus, ExpositionHasTheExpectedSeries) {
    const std::string text = prometheus_textfile(test::sample_report(), PrometheusRun{1.25});
    const std::string guest101 = R"(cluster="pve-prod",vmid="101",name="db \"primary\"",node="pve1",type="qemu")";
    for (const std::string& line : {
             std::string(R"(pve_backup_report_guests{cluster="pve-prod",status="not_backed_up"} 1)"),
             std::string(R"(pve_backup_report_guests{cluster="pve-prod",status="scheduled"} 2)"),
             std::string(R"(pve_backup_report_coverage_ratio{cluster="pve-prod"} 0.5)"),
             std::string(R"(pve_backup_report_verdict{cluster="pve-prod",level="critical"} 1)"),
             std::string(R"(pve_backup_report_verdict{cluster="pve-prod",level="good"} 0)"),
             std::string(R"(pve_backup_report_anomalies{cluster="pve-prod",severity="warning",kind="job_disabled"} 2)"),
             std::string(R"(pve_backup_report_collection_issues{cluster="pve-prod",severity="warning"} 1)"),
             std::string(R"(pve_backup_report_collection_issues{cluster="pve-prod",severity="error"} 0)"),
             std::string(R"(pve_backup_report_run_duration_seconds{cluster="pve-prod"} 1.25)"),
             std::string(R"(pve_backup_report_last_success_timestamp_seconds{cluster="pve-prod"} 1795762800)"),
             "pve_backup_report_guest_backup_overdue{" + guest101 + "} 1",
             "pve_backup_report_guest_last_backup_failed{" + guest101 + "} 1",
             "pve_backup_report_guest_last_backup_timestamp_seconds{" + guest101 + "} 1795000000",
             "pve_backup_report_guest_coverage{" + guest101 + R"(,status="scheduled"} 1)",
             "pve_backup_report_guest_coverage{" + guest101 + R"(,status="not_backed_up"} 0)",
             std::string(R"(pve_backup_report_guest_expected_versions{cluster="pve-prod",vmid="100",name="web01",)"
                         R"(node="pve1",type="qemu",storage="pbs-main"} 7)"),
             std::string(R"(pve_backup_report_pbs_datastore_used_bytes{cluster="pve-prod",)"
                         R"(server="pbs1.example.lan:8007",datastore="main"} 600)"),
             std::string(R"(pve_backup_report_pbs_datastore_size_bytes{cluster="pve-prod",)"
                         R"(server="pbs1.example.lan:8007",datastore="main"} 1000)"),
         }) {
        EXPECT_NE(text.find("\n" + line + "\n"), std::string::npos) << "missing: " << line << "\n" << text;
    }
    // The undetermined guest has no timestamp or task: no series rather than a made-up 0.
    EXPECT_EQ(text.find(R"(pve_backup_report_guest_last_backup_timestamp_seconds{cluster="pve-prod",vmid="200")"),
              std::string::npos);
}

TEST(Prometheus, EveryFamilyHasHelpAndTypeOnceAndContiguousSamples) {
    const std::string text = prometheus_textfile(test::sample_report(), PrometheusRun{0.5});
    std::istringstream in(text);
    std::string line;
    std::set<std::string> seen;
    std::string current;
    const std::regex sample(R"(^([a-z_]+)(\{.*\})? (-?[0-9.e+]+)$)");
    while (std::getline(in, line)) {
        if (line.rfind("# HELP ", 0) == 0) {
            current = line.substr(7, line.find(' ', 7) - 7);
            EXPECT_TRUE(seen.insert(current).second) << "family repeated: " << current;
            EXPECT_EQ(current.rfind("pve_backup_report_", 0), 0U) << current;
            EXPECT_FALSE(current.size() > 6 && current.substr(current.size() - 6) == "_total") << current;
            continue;
        }
        if (line.rfind("# TYPE ", 0) == 0) {
            EXPECT_EQ(line, "# TYPE " + current + " gauge");
            continue;
        }
        std::smatch m;
        ASSERT_TRUE(std::regex_match(line, m, sample)) << line;
        EXPECT_EQ(m[1].str(), current) << "sample outside its family: " << line;
    }
    EXPECT_EQ(text.back(), '\n');
}

} // namespace
} // namespace pvr::outlet
