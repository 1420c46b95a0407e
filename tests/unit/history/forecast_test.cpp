// Capacity forecast: PBS's estimate first, else a least-squares fit of the kept runs; the
// datastore_full_soon anomaly and its threshold; the verdict decided again.

#include "history/forecast.hpp"
#include "history/trends_capacity.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

using namespace pvr;
using ::testing::HasSubstr;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t t0 = 1790000000;
constexpr std::int64_t gib = 1024LL * 1024 * 1024;

model::RunDigest run_with(std::int64_t time, std::optional<std::int64_t> used, std::int64_t total = 1000 * gib,
                          const std::string& datastore = "store1") {
    model::RunDigest r;
    r.generated_at = time;
    model::DatastoreDigest store;
    store.server = "pbs1.example.lan:8007";
    store.datastore = datastore;
    store.used = used;
    store.total = total;
    r.datastores.push_back(store);
    return r;
}

model::PbsStorageReport storage(const std::string& id, const std::string& datastore, std::int64_t used,
                                std::int64_t total, std::optional<std::int64_t> estimate = std::nullopt) {
    model::PbsStorageReport s;
    s.storage.id = id;
    s.storage.type = "pbs";
    model::PbsTarget target;
    target.server = "pbs1.example.lan";
    target.port = 8007;
    target.datastore = datastore;
    s.storage.pbs = target;
    s.usage = model::StorageUsage{total, used, total - used, estimate};
    return s;
}

model::ReportData report_at(std::int64_t now, std::vector<model::PbsStorageReport> storages) {
    model::ReportData r;
    r.generated_at = now;
    r.summary.guests_total = 1;
    r.summary.guests_scheduled = 1;
    r.pbs_storages = std::move(storages);
    return r;
}

/// Daily runs t0 .. t0 + (n-1) days with used = 100 GiB + 10 GiB per day (the last one is "now").
std::vector<model::RunDigest> linear_history(int n) {
    std::vector<model::RunDigest> runs;
    for (int i = 0; i < n - 1; ++i) {
        runs.push_back(run_with(t0 + i * day, (100 + 10 * i) * gib));
    }
    return runs;
}

} // namespace

TEST(FitLine, ExactLine) {
    const auto fit = history::fit_line({{100, 5.0}, {200, 7.0}, {300, 9.0}});
    ASSERT_TRUE(fit.has_value());
    EXPECT_DOUBLE_EQ(fit->slope, 0.02);
    EXPECT_DOUBLE_EQ(fit->at(100), 5.0);
    EXPECT_DOUBLE_EQ(fit->at(400), 11.0);
}

TEST(FitLine, OneTimeIsNoLine) {
    EXPECT_FALSE(history::fit_line({{100, 5.0}, {100, 7.0}}).has_value());
    EXPECT_FALSE(history::fit_line({{100, 5.0}}).has_value());
}

TEST(Forecast, ExactLinearGrowthGivesTheExactDate) {
    const int n = 10; // now = t0 + 9 days, used 190 GiB, +10 GiB/day: 1000 GiB after 90 days from t0
    const auto report = report_at(t0 + 9 * day, {storage("pbs-a", "store1", 190 * gib, 1000 * gib)});
    const auto forecasts = history::forecast_capacity(linear_history(n), report);
    ASSERT_EQ(forecasts.size(), 1U);
    const auto& f = forecasts[0];
    EXPECT_EQ(f.server, "pbs1.example.lan:8007");
    EXPECT_EQ(f.datastore, "store1");
    EXPECT_EQ(f.basis, "history_fit");
    EXPECT_EQ(f.samples, 10);
    ASSERT_TRUE(f.growth_bytes_per_day.has_value());
    EXPECT_NEAR(*f.growth_bytes_per_day, 10.0 * gib, 1.0);
    ASSERT_TRUE(f.full_at.has_value());
    EXPECT_NEAR(static_cast<double>(*f.full_at), static_cast<double>(t0 + 81 * day + 9 * day), 1.0);
    EXPECT_EQ(f.days_left, 81);
    EXPECT_EQ(f.used, 190 * gib);
    EXPECT_EQ(f.total, 1000 * gib);
}

TEST(Forecast, NoisyGrowthStaysNearTheTrueDate) {
    std::mt19937 random(11);
    std::normal_distribution<double> noise(0.0, 3.0 * static_cast<double>(gib));
    std::vector<model::RunDigest> runs;
    for (int i = 0; i < 29; ++i) {
        runs.push_back(run_with(t0 + i * day, static_cast<std::int64_t>((100.0 + 10.0 * i) * gib + noise(random))));
    }
    const auto report = report_at(t0 + 29 * day, {storage("pbs-a", "store1", 390 * gib, 1000 * gib)});
    const auto f = history::forecast_capacity(runs, report).at(0);
    EXPECT_EQ(f.basis, "history_fit");
    EXPECT_EQ(f.samples, 30);
    ASSERT_TRUE(f.days_left.has_value());
    EXPECT_NEAR(static_cast<double>(*f.days_left), 61.0, 3.0); // 90 - 29 days without noise
}

TEST(Forecast, UsesAtMostTheLast30Runs) {
    std::vector<model::RunDigest> runs;
    for (int i = 0; i < 60; ++i) { // flat for 30 days, then growing 10 GiB/day for 30 days
        runs.push_back(run_with(t0 + i * day, (i < 30 ? 100 : 100 + 10 * (i - 29)) * gib));
    }
    const auto report = report_at(t0 + 60 * day, {storage("pbs-a", "store1", 410 * gib, 1000 * gib)});
    const auto f = history::forecast_capacity(runs, report).at(0);
    EXPECT_EQ(f.samples, 30);
    EXPECT_EQ(f.basis, "history_fit");
    EXPECT_NEAR(*f.growth_bytes_per_day, 10.0 * gib, 0.01 * gib); // the flat month is left out
}

TEST(Forecast, FlatUsageIsNotGrowing) {
    std::vector<model::RunDigest> runs;
    for (int i = 0; i < 9; ++i) {
        runs.push_back(run_with(t0 + i * day, 500 * gib));
    }
    const auto f =
        history::forecast_capacity(runs, report_at(t0 + 9 * day, {storage("a", "store1", 500 * gib, 1000 * gib)}))
            .at(0);
    EXPECT_EQ(f.basis, "not_growing");
    EXPECT_FALSE(f.full_at.has_value());
    EXPECT_FALSE(f.days_left.has_value());
    EXPECT_DOUBLE_EQ(*f.growth_bytes_per_day, 0.0);
}

TEST(Forecast, ShrinkingUsageIsNotGrowing) {
    std::vector<model::RunDigest> runs;
    for (int i = 0; i < 9; ++i) {
        runs.push_back(run_with(t0 + i * day, (900 - 20 * i) * gib));
    }
    const auto f =
        history::forecast_capacity(runs, report_at(t0 + 9 * day, {storage("a", "store1", 720 * gib, 1000 * gib)}))
            .at(0);
    EXPECT_EQ(f.basis, "not_growing");
    EXPECT_LT(*f.growth_bytes_per_day, 0.0);
    EXPECT_FALSE(f.days_left.has_value());
}

TEST(Forecast, TooFewOrTooCloseRunsAreInsufficient) {
    // 4 runs: too few.
    auto few = history::forecast_capacity(linear_history(4),
                                          report_at(t0 + 3 * day, {storage("a", "store1", 130 * gib, 1000 * gib)}));
    EXPECT_EQ(few.at(0).basis, "insufficient_history");
    EXPECT_EQ(few.at(0).samples, 4);
    // 10 runs within 2 days: too short a span.
    std::vector<model::RunDigest> hourly;
    for (int i = 0; i < 9; ++i) {
        hourly.push_back(run_with(t0 + i * 3600 * 5, (100 + i) * gib));
    }
    auto close =
        history::forecast_capacity(hourly, report_at(t0 + 45 * 3600, {storage("a", "store1", 109 * gib, 1000 * gib)}));
    EXPECT_EQ(close.at(0).basis, "insufficient_history");
    EXPECT_FALSE(close.at(0).days_left.has_value());
    // First run.
    EXPECT_EQ(history::forecast_capacity({}, report_at(t0, {storage("a", "store1", 1, 2)})).at(0).basis,
              "insufficient_history");
}

TEST(Forecast, PbsEstimateIsPreferred) {
    // The history says 81 days; PBS says 20 days: PBS wins.
    const std::int64_t now = t0 + 9 * day;
    const auto report = report_at(now, {storage("pbs-a", "store1", 190 * gib, 1000 * gib, now + 20 * day + 3600)});
    const auto f = history::forecast_capacity(linear_history(10), report).at(0);
    EXPECT_EQ(f.basis, "pbs_estimate");
    EXPECT_EQ(f.full_at, now + 20 * day + 3600);
    EXPECT_EQ(f.days_left, 20);
    EXPECT_EQ(f.samples, 0);
    EXPECT_FALSE(f.growth_bytes_per_day.has_value());
}

TEST(Forecast, PbsZeroOrPastEstimateMeansNotGrowing) {
    const std::int64_t now = t0 + 9 * day;
    for (const std::int64_t estimate : {std::int64_t{0}, std::int64_t{-1}, now - day, now}) {
        const auto report = report_at(now, {storage("pbs-a", "store1", 190 * gib, 1000 * gib, estimate)});
        const auto f = history::forecast_capacity(linear_history(10), report).at(0);
        EXPECT_EQ(f.basis, "not_growing") << estimate;
        EXPECT_FALSE(f.days_left.has_value());
    }
}

TEST(Forecast, OneForecastPerDatastoreNotPerStorage) {
    auto report = report_at(t0, {storage("pbs-a", "store1", 10, 100), storage("pbs-b", "store1", 10, 100),
                                 storage("pbs-c", "archive", 10, 100)});
    report.pbs_storages.push_back(storage("pbs-d", "unread", 1, 2));
    report.pbs_storages.back().usage.reset(); // usage not collected: no forecast
    const auto forecasts = history::forecast_capacity({}, report);
    ASSERT_EQ(forecasts.size(), 2U);
    EXPECT_EQ(forecasts[0].datastore, "archive");
    EXPECT_EQ(forecasts[1].datastore, "store1");
}

TEST(Forecast, AlreadyFullByTheLineIsZeroDaysLeft) {
    std::vector<model::RunDigest> runs;
    for (int i = 0; i < 9; ++i) {
        runs.push_back(run_with(t0 + i * day, (900 + 20 * i) * gib));
    }
    // The current total shrank below the line.
    const auto f =
        history::forecast_capacity(runs, report_at(t0 + 9 * day, {storage("a", "store1", 1080 * gib, 1000 * gib)}))
            .at(0);
    EXPECT_EQ(f.basis, "history_fit");
    EXPECT_EQ(f.days_left, 0);
    EXPECT_EQ(f.full_at, t0 + 9 * day);
}

TEST(CapacityAnomaly, BelowTheThresholdOnly) {
    model::CapacityForecast f;
    f.server = "pbs1.example.lan:8007";
    f.datastore = "store1";
    f.basis = "pbs_estimate";
    f.used = 900 * gib;
    f.total = 1000 * gib;
    f.full_at = t0 + 12 * day;
    f.days_left = 12;
    auto anomalies = history::capacity_anomalies({f}, 30);
    ASSERT_EQ(anomalies.size(), 1U);
    EXPECT_EQ(anomalies[0].kind, "datastore_full_soon");
    EXPECT_EQ(anomalies[0].severity, model::Severity::warning);
    EXPECT_EQ(anomalies[0].subject, "datastore/pbs1.example.lan:8007/store1");
    EXPECT_THAT(anomalies[0].message, HasSubstr("will be full in 12 days"));
    EXPECT_THAT(anomalies[0].message, HasSubstr("PBS's own estimate"));
    EXPECT_TRUE(history::capacity_anomalies({f}, 12).empty()); // 12 is not below 12
    EXPECT_EQ(history::capacity_anomalies({f}, 13).size(), 1U);

    f.days_left.reset(); // not growing / insufficient: never an anomaly
    EXPECT_TRUE(history::capacity_anomalies({f}, 3650).empty());
}

TEST(CapacityAnomaly, CriticalWithinAWeekAndAThirdOfTheThreshold) {
    model::CapacityForecast f;
    f.server = "s:8007";
    f.datastore = "d";
    f.basis = "history_fit";
    f.samples = 12;
    f.full_at = t0;
    const auto severity = [&](std::int64_t days, std::int64_t warn) {
        f.days_left = days;
        return history::capacity_anomalies({f}, warn).at(0).severity;
    };
    EXPECT_EQ(severity(7, 30), model::Severity::critical);
    EXPECT_EQ(severity(8, 30), model::Severity::warning);
    EXPECT_EQ(severity(0, 30), model::Severity::critical);
    EXPECT_EQ(severity(7, 3650), model::Severity::critical);
    EXPECT_EQ(severity(3, 9), model::Severity::critical); // 9 / 3 = 3
    EXPECT_EQ(severity(4, 9), model::Severity::warning);
    EXPECT_EQ(severity(0, 1), model::Severity::critical);
    f.days_left = 5;
    EXPECT_THAT(history::capacity_anomalies({f}, 30).at(0).message, HasSubstr("fit of the last 12 runs"));
}

TEST(CapacityAnomaly, CountsInTheVerdict) {
    const std::int64_t now = t0 + 9 * day;
    auto report = report_at(now, {storage("pbs-a", "store1", 190 * gib, 1000 * gib, now + 3 * day)});
    report.verdict.level = model::VerdictLevel::good;
    auto forecasts = history::forecast_capacity({}, report);
    history::apply_capacity(report, forecasts, 30);
    ASSERT_EQ(report.capacity.size(), 1U);
    ASSERT_EQ(report.anomalies.size(), 1U);
    EXPECT_EQ(report.summary.anomalies, 1);
    EXPECT_EQ(report.verdict.critical_anomalies, 1);
    EXPECT_EQ(report.verdict.level, model::VerdictLevel::critical);

    history::apply_capacity(report, forecasts, 30); // again: still one anomaly
    EXPECT_EQ(report.anomalies.size(), 1U);
    EXPECT_EQ(report.summary.anomalies, 1);

    auto calm = report_at(now, {storage("pbs-a", "store1", 190 * gib, 1000 * gib, now + 300 * day)});
    history::apply_capacity(calm, history::forecast_capacity({}, calm), 30);
    EXPECT_TRUE(calm.anomalies.empty());
    EXPECT_EQ(calm.verdict.level, model::VerdictLevel::good);
    EXPECT_EQ(calm.capacity.at(0).days_left, 300);
}

TEST(TrendsAndCapacity, OneCallFillsBoth) {
    const std::int64_t now = t0 + 9 * day;
    auto report = report_at(now, {storage("pbs-a", "store1", 190 * gib, 1000 * gib)});
    model::RunDigest current = run_with(now, 190 * gib);
    history::add_trends_and_capacity(report, linear_history(10), current, 90);
    ASSERT_TRUE(report.trends.has_value());
    EXPECT_EQ(report.trends->points.size(), 10U);
    ASSERT_EQ(report.capacity.size(), 1U);
    EXPECT_EQ(report.capacity[0].basis, "history_fit");
    EXPECT_EQ(report.capacity[0].days_left, 81);
    ASSERT_EQ(report.anomalies.size(), 1U); // 81 days < 90
    EXPECT_EQ(report.anomalies[0].severity, model::Severity::warning);
    EXPECT_EQ(report.verdict.level, model::VerdictLevel::warning);
}
