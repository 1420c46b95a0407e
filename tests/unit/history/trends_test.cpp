// compute_trends: the last 90 runs (the current one included), oldest first, and the datastore series.

#include "history/trends.hpp"

#include <gtest/gtest.h>

using namespace pvr;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t t0 = 1790000000;

model::RunDigest run(std::int64_t index) {
    model::RunDigest r;
    r.generated_at = t0 + index * day;
    r.cluster = "pve-prod";
    r.coverage_percent = 50.0 + static_cast<double>(index % 50);
    r.guests_not_backed_up = index;
    r.failed_backups = index % 3;
    r.overdue_backups = index % 5;
    r.anomalies_critical = 1;
    r.anomalies_warning = 2;
    r.anomalies_info = 3;
    model::DatastoreDigest store;
    store.server = "pbs1.example.lan:8007";
    store.datastore = "store1";
    store.used = 1000 + index;
    store.total = 10000;
    r.datastores.push_back(store);
    return r;
}

} // namespace

TEST(Trends, FirstRunHasOnePoint) {
    const auto trends = history::compute_trends({}, run(0));
    EXPECT_EQ(trends.window, 90);
    ASSERT_EQ(trends.points.size(), 1U);
    EXPECT_EQ(trends.points[0].generated_at, t0);
    ASSERT_EQ(trends.datastores.size(), 1U);
    EXPECT_EQ(trends.datastores[0].points.size(), 1U);
}

TEST(Trends, CopiesEveryFigureOldestFirst) {
    std::vector<model::RunDigest> kept = {run(2), run(0), run(1)}; // any order
    const auto trends = history::compute_trends(kept, run(3));
    ASSERT_EQ(trends.points.size(), 4U);
    for (std::int64_t i = 0; i < 4; ++i) {
        const auto& p = trends.points[static_cast<std::size_t>(i)];
        EXPECT_EQ(p.generated_at, t0 + i * day);
        EXPECT_DOUBLE_EQ(p.coverage_percent, 50.0 + static_cast<double>(i));
        EXPECT_EQ(p.guests_not_backed_up, i);
        EXPECT_EQ(p.failed_backups, i % 3);
        EXPECT_EQ(p.overdue_backups, i % 5);
        EXPECT_EQ(p.anomalies_critical, 1);
        EXPECT_EQ(p.anomalies_warning, 2);
        EXPECT_EQ(p.anomalies_info, 3);
    }
    ASSERT_EQ(trends.datastores.size(), 1U);
    const auto& series = trends.datastores[0];
    EXPECT_EQ(series.server, "pbs1.example.lan:8007");
    EXPECT_EQ(series.datastore, "store1");
    ASSERT_EQ(series.points.size(), 4U);
    EXPECT_EQ(series.points[3].used, 1003);
    EXPECT_EQ(series.points[3].total, 10000);
}

TEST(Trends, KeepsTheLast90RunsCurrentIncluded) {
    std::vector<model::RunDigest> kept;
    for (std::int64_t i = 0; i < 120; ++i) {
        kept.push_back(run(i));
    }
    const auto trends = history::compute_trends(kept, run(120));
    ASSERT_EQ(trends.points.size(), 90U);
    EXPECT_EQ(trends.points.front().generated_at, t0 + 31 * day);
    EXPECT_EQ(trends.points.back().generated_at, t0 + 120 * day);
    EXPECT_EQ(trends.datastores[0].points.size(), 90U);
}

TEST(Trends, LeavesOutLaterRunsAndDuplicates) {
    model::RunDigest twin = run(1);
    twin.guests_not_backed_up = 42; // same time, later in the list: wins
    std::vector<model::RunDigest> kept = {run(1), twin, run(5), run(2)};
    const auto trends = history::compute_trends(kept, run(2)); // run(2) in the archive is the current one
    ASSERT_EQ(trends.points.size(), 2U);
    EXPECT_EQ(trends.points[0].guests_not_backed_up, 42);
    EXPECT_EQ(trends.points[1].generated_at, t0 + 2 * day);
}

TEST(Trends, DatastoreSeriesHaveGapsNotZeros) {
    model::RunDigest unread = run(1);
    unread.datastores[0].used.reset(); // usage not collected that day
    model::RunDigest other = run(2);
    model::DatastoreDigest offsite;
    offsite.server = "pbs2.example.lan:8007";
    offsite.datastore = "offsite";
    offsite.used = 5;
    offsite.total = 50;
    other.datastores.push_back(offsite);
    const auto trends = history::compute_trends({run(0), unread}, other);
    ASSERT_EQ(trends.points.size(), 3U);
    ASSERT_EQ(trends.datastores.size(), 2U);
    EXPECT_EQ(trends.datastores[0].datastore, "store1");
    ASSERT_EQ(trends.datastores[0].points.size(), 2U);
    EXPECT_EQ(trends.datastores[0].points[1].generated_at, t0 + 2 * day);
    EXPECT_EQ(trends.datastores[1].datastore, "offsite");
    EXPECT_EQ(trends.datastores[1].points.size(), 1U);
}

TEST(Trends, RunsUpToRespectsTheLimit) {
    std::vector<model::RunDigest> kept = {run(0), run(1), run(2)};
    const auto current = run(3);
    EXPECT_EQ(history::runs_up_to(kept, current, 2).size(), 2U);
    EXPECT_EQ(history::runs_up_to(kept, current, 2).front()->generated_at, t0 + 2 * day);
    EXPECT_EQ(history::runs_up_to(kept, current, 0).size(), 0U);
}
