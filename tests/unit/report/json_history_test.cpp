// The run-history fields of the JSON: trends (a table of points and datastore series), capacity,
// and PBS's estimated full date in pbs_storages[].usage.

#include "report/json_report.hpp"
#include "support/contract_check.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace pvr::model;

constexpr std::int64_t now = 1795780800; // 2026-11-27T12:00:00Z

ReportData sample() {
    ReportData d;
    d.generated_at = now;
    d.tool_version = "0.1.0";
    Storage pbs;
    pbs.id = "pbs-main";
    pbs.type = "pbs";
    pbs.pbs = PbsTarget{"pbs1.example.lan", 8007, "store1", "prod", std::nullopt, std::nullopt, false};
    d.pbs_storages.push_back({pbs, StorageUsage{1000, 600, 400, now + 86400 * 10}});
    Trends trends;
    trends.points.push_back({now - 86400, 66.66, 3, 1, 2, 1, 4, 5});
    trends.points.push_back({now, 75.0, 2, 0, 1, 0, 3, 5});
    trends.datastores.push_back({"pbs1.example.lan:8007", "store1", {{now - 86400, 590, 1000}, {now, 600, 1000}}});
    d.trends = trends;
    CapacityForecast pbs_estimate;
    pbs_estimate.server = "pbs1.example.lan:8007";
    pbs_estimate.datastore = "store1";
    pbs_estimate.used = 600;
    pbs_estimate.total = 1000;
    pbs_estimate.basis = "pbs_estimate";
    pbs_estimate.full_at = now + 86400 * 10;
    pbs_estimate.days_left = 10;
    CapacityForecast flat;
    flat.server = "pbs2.example.lan:8007";
    flat.datastore = "offsite";
    flat.used = 5;
    flat.total = 50;
    flat.basis = "not_growing";
    flat.samples = 12;
    flat.growth_bytes_per_day = -1234.4;
    d.capacity = {pbs_estimate, flat};
    return d;
}

TEST(JsonHistory, FollowsTheContract) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample()));
    const auto errors = pvr::test::ContractChecker{}.check(doc);
    EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
}

TEST(JsonHistory, Trends) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample()));
    const auto& t = doc["trends"];
    EXPECT_EQ(t["window"], 90);
    ASSERT_EQ(t["points"].size(), 2U);
    EXPECT_EQ(t["points"][0], (nlohmann::json{{"generated_at", "2026-11-26T12:00:00Z"},
                                              {"coverage_percent", 66.7},
                                              {"guests_not_backed_up", 3},
                                              {"failed_backups", 1},
                                              {"overdue_backups", 2},
                                              {"anomalies_critical", 1},
                                              {"anomalies_warning", 4},
                                              {"anomalies_info", 5}}));
    ASSERT_EQ(t["datastores"].size(), 1U);
    EXPECT_EQ(t["datastores"][0]["server"], "pbs1.example.lan:8007");
    EXPECT_EQ(t["datastores"][0]["datastore"], "store1");
    EXPECT_EQ(t["datastores"][0]["points"][1],
              (nlohmann::json{{"generated_at", "2026-11-27T12:00:00Z"}, {"used", 600}, {"total", 1000}}));
}

TEST(JsonHistory, Capacity) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(sample()));
    ASSERT_EQ(doc["capacity"].size(), 2U);
    EXPECT_EQ(doc["capacity"][0], (nlohmann::json{{"server", "pbs1.example.lan:8007"},
                                                  {"datastore", "store1"},
                                                  {"used", 600},
                                                  {"total", 1000},
                                                  {"basis", "pbs_estimate"},
                                                  {"full_at", "2026-12-07T12:00:00Z"},
                                                  {"days_left", 10},
                                                  {"samples", 0},
                                                  {"growth_bytes_per_day", nullptr}}));
    const auto& flat = doc["capacity"][1];
    EXPECT_EQ(flat["basis"], "not_growing");
    EXPECT_TRUE(flat["full_at"].is_null());
    EXPECT_TRUE(flat["days_left"].is_null());
    EXPECT_EQ(flat["growth_bytes_per_day"], -1234);
    EXPECT_EQ(doc["pbs_storages"][0]["usage"]["estimated_full_date"], "2026-12-07T12:00:00Z");
}

TEST(JsonHistory, WithoutHistory) {
    ReportData d = sample();
    d.trends.reset();
    d.capacity.clear();
    d.pbs_storages[0].usage->estimated_full_date = 0; // PBS: not growing
    const auto doc = nlohmann::json::parse(pvr::report::to_json(d));
    EXPECT_TRUE(doc["trends"].is_null());
    EXPECT_EQ(doc["capacity"], nlohmann::json::array());
    EXPECT_TRUE(doc["pbs_storages"][0]["usage"]["estimated_full_date"].is_null());
}

} // namespace
