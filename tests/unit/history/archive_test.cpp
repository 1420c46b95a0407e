#include "history/archive.hpp"
#include "history/file_names.hpp"
#include "history/gzip.hpp"
#include "history/retention.hpp"
#include "history/sha256.hpp"
#include "report/json_report.hpp"
#include "unit/history/fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
using namespace pvr;

class TempDir {
public:
    TempDir() {
        char tmpl[] = "/tmp/pvr-history-XXXXXX";
        m_path = ::mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

std::string record_name(std::int64_t t, const std::string& cluster = "pve-prod") {
    return history::make_report_file_name(cluster, t, history::archive_extension);
}

TEST(LoadHistory, KeepsThisClustersReadableRecordsOldestFirstAndSkipsTheRest) {
    TempDir dir;
    const std::int64_t day = 86400;
    const std::int64_t t0 = 1795762800;
    const std::string newer = history::archive_bytes(test::rich_report(t0));
    const std::string older = history::archive_bytes(test::rich_report(t0 - day));
    write(dir.path() / record_name(t0), newer);
    write(dir.path() / record_name(t0 - day), older);
    // Skipped: corrupt, newer schema, another cluster (under this cluster's file name), not gzip.
    write(dir.path() / record_name(t0 - 2 * day), newer.substr(0, newer.size() / 2));
    auto json = nlohmann::json::parse(report::to_json(test::rich_report(t0 - 3 * day)));
    json["schema_version"] = 99;
    write(dir.path() / record_name(t0 - 3 * day), history::gzip_compress(json.dump()));
    auto foreign = test::rich_report(t0 - 4 * day);
    foreign.cluster.name = "other";
    write(dir.path() / record_name(t0 - 4 * day), history::archive_bytes(foreign));
    write(dir.path() / record_name(t0 - 5 * day), "{}");
    write(dir.path() / "notes.data.json.gz", newer); // not the tool's name

    const auto history = history::load_history(dir.path(), "pve-prod");
    ASSERT_EQ(history.size(), 2U);
    EXPECT_EQ(history[0].generated_at, t0 - day);
    EXPECT_EQ(history[0].file, record_name(t0 - day));
    EXPECT_EQ(history[0].sha256, history::sha256_hex(older));
    EXPECT_EQ(history[1].sha256, history::sha256_hex(newer));
    const auto link = history::link_to_previous(history);
    EXPECT_EQ(link.previous_file, record_name(t0));
    EXPECT_EQ(link.previous_sha256, history::sha256_hex(newer));

    EXPECT_TRUE(history::load_history(dir.path() / "missing", "pve-prod").empty());
}

TEST(LoadHistory, ReadsTheNewestRunsAndKeepsOnlyThePreviousReportWhole) {
    TempDir dir;
    const std::int64_t day = 86400;
    const std::int64_t now = 1795762800;
    for (std::int64_t d = 1; d <= 5; ++d) {
        write(dir.path() / record_name(now - d * day), history::archive_bytes(test::rich_report(now - d * day)));
    }
    // A record of this very time (a run repeated within the second, the demo's fixed clock).
    write(dir.path() / record_name(now), history::archive_bytes(test::rich_report(now)));

    const auto all = history::load_history(dir.path(), "pve-prod");
    ASSERT_EQ(all.size(), 6U);
    ASSERT_FALSE(all.front().guests.empty()); // without options: every record whole

    const auto bounded = history::load_history(dir.path(), "pve-prod", history::LoadOptions{now, 3});
    ASSERT_EQ(bounded.size(), 4U); // the 3 newest before `now`, and the one at `now` (the chain's link)
    EXPECT_EQ(bounded[0].generated_at, now - 3 * day);
    EXPECT_EQ(bounded[2].generated_at, now - day);
    EXPECT_EQ(bounded[3].generated_at, now);
    // The previous report (now - 1 day) is whole; the others keep counts, anomalies and datastores.
    EXPECT_EQ(bounded[2].guests.size(), all[4].guests.size());
    EXPECT_EQ(bounded[2].jobs.size(), all[4].jobs.size());
    for (const std::size_t i : {0U, 1U, 3U}) {
        EXPECT_TRUE(bounded[i].guests.empty()) << i;
        EXPECT_TRUE(bounded[i].jobs.empty()) << i;
        EXPECT_EQ(bounded[i].anomalies.size(), all[i + 2].anomalies.size()) << i;
        EXPECT_EQ(bounded[i].datastores.size(), all[i + 2].datastores.size()) << i;
        EXPECT_EQ(bounded[i].guests_total, all[i + 2].guests_total) << i;
    }
    ASSERT_FALSE(bounded[0].anomalies.empty());
    EXPECT_TRUE(bounded[0].anomalies[0].message.empty());
    EXPECT_FALSE(bounded[2].anomalies[0].message.empty());
    // The chain links to the newest record, whole or not.
    EXPECT_EQ(history::link_to_previous(bounded).previous_file, record_name(now));
}

TEST(Retention, PlansOnlyThisClustersOwnFilesOlderThanTheLimit) {
    TempDir dir;
    const std::int64_t now = 1795762800;
    const std::int64_t day = 86400;
    const std::string old_record = history::archive_bytes(test::rich_report(now - 40 * day));
    write(dir.path() / record_name(now - 40 * day), old_record);
    write(dir.path() / history::make_report_file_name("pve-prod", now - 40 * day, "pdf"), "pdf");
    write(dir.path() / history::make_report_file_name("pve-prod", now - 31 * day, "html", 2), "html");
    write(dir.path() / history::make_report_file_name("pve-prod", now - 29 * day, "pdf"), "recent");
    write(dir.path() / history::make_report_file_name("other", now - 40 * day, "pdf"), "other cluster");
    write(dir.path() / "old-notes.pdf", "not ours");

    const auto plan = history::plan_pruning({dir.path(), dir.path()}, "pve-prod", now, 30);
    ASSERT_EQ(plan.files.size(), 3U);
    ASSERT_EQ(plan.records.size(), 1U);
    EXPECT_EQ(plan.records[0].file, record_name(now - 40 * day));
    EXPECT_EQ(plan.records[0].sha256, history::sha256_hex(old_record));
    EXPECT_EQ(plan.records[0].generated_at, now - 40 * day);

    history::remove_pruned(plan);
    std::size_t left = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) {
        ++left;
    }
    EXPECT_EQ(left, 3U);
    EXPECT_TRUE(fs::exists(dir.path() / "old-notes.pdf"));
}

} // namespace
