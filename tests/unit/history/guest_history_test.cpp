#include "history/digest.hpp"
#include "history/guest_history.hpp"
#include "unit/history/fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace pvr;

TEST(GuestHistory, RowsByVmidOrNameWithTheirAnomaliesAndProof) {
    std::vector<model::RunDigest> runs;
    for (int day = 0; day < 3; ++day) {
        auto d = history::digest_of(test::rich_report(1795762800 + day * 86400));
        d.file = "f" + std::to_string(day);
        d.sha256 = "h" + std::to_string(day);
        runs.push_back(d);
    }
    const auto rows = history::guest_history(runs, {"101", std::nullopt, std::nullopt});
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0].file, "f0");
    EXPECT_EQ(rows[0].sha256, "h0");
    ASSERT_EQ(rows[0].anomalies.size(), 1U);
    EXPECT_EQ(rows[0].anomalies[0].kind, "backup_failed");
    EXPECT_TRUE(rows[0].guest.last_task_failed);

    EXPECT_EQ(history::guest_history(runs, {"web01", 1795762800 + 86400, std::nullopt}).size(), 2U);
    EXPECT_EQ(history::guest_history(runs, {"130", std::nullopt, 1795762800 + 1}).size(), 1U);
    EXPECT_TRUE(history::guest_history(runs, {"999", std::nullopt, std::nullopt}).empty());

    // Last backups are 10 h before each run: the run of day 1 is the first showing a backup made on or after
    // 2026-11-27.
    const auto* proof = history::first_backup_on_or_after(rows, 1795737600);
    ASSERT_NE(proof, nullptr);
    EXPECT_EQ(proof->file, "f1");
}

} // namespace
