#include "history/digest.hpp"
#include "report/json_report.hpp"
#include "unit/history/fixture.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace pvr;

std::string text_of(const model::RunDigest& d) {
    // Every field, in one comparable text (RunDigest has no operator==).
    std::string out =
        fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}\n", d.schema_version, d.generated_at, d.cluster,
                    d.guests_total, d.guests_covered, d.guests_not_backed_up, d.guests_undetermined, d.coverage_percent,
                    d.failed_backups, d.overdue_backups, d.anomalies_critical, d.anomalies_warning, d.anomalies_info);
    for (const auto& g : d.guests) {
        out += fmt::format("g {} {} {} {} {} {} {} {} {} {} {} {}\n", g.vmid, g.type, g.name, g.node, g.coverage,
                           fmt::join(g.jobs, ","), g.accepted, g.last_backup.value_or(-1),
                           g.last_backup_storage.value_or("-"), g.last_task_time.value_or(-1), g.last_task_failed,
                           g.overdue);
    }
    for (const auto& a : d.anomalies) {
        out += fmt::format("a {} {} {} {} {}\n", a.kind, a.severity, a.subject, a.message, a.accepted);
    }
    for (const auto& j : d.jobs) {
        out += fmt::format("j {} {} {} {} {}\n", j.id, j.enabled, j.schedule, j.storage, j.retention);
    }
    for (const auto& p : d.retention_policies) {
        out += fmt::format("p {} {} {}\n", p.source, p.id, p.keep);
    }
    for (const auto& s : d.datastores) {
        out += fmt::format("s {} {} {} {} {}\n", s.server, s.datastore, s.used.value_or(-1), s.total.value_or(-1),
                           s.estimated_full_date.value_or(-1));
    }
    return out;
}

TEST(Digest, ReadBackFromTheReportJsonEqualsTheDigestOfTheReport) {
    const auto report = test::rich_report();
    std::string why;
    const auto read = history::digest_from_json(report::to_json(report), why);
    ASSERT_TRUE(read) << why;
    const auto direct = history::digest_of(report);
    EXPECT_EQ(text_of(*read), text_of(direct));
    EXPECT_EQ(direct.guests.size(), 3U);
    EXPECT_EQ(direct.datastores.size(), 1U);
    EXPECT_EQ(direct.coverage_percent, 66.7);
    EXPECT_EQ(direct.guests[0].coverage, "scheduled");
    EXPECT_EQ(direct.guests[2].coverage, "not_backed_up");
    EXPECT_TRUE(direct.guests[2].accepted);
    EXPECT_TRUE(direct.guests[1].last_task_failed);
    EXPECT_EQ(direct.jobs[0].retention, "keep-last=3,keep-daily=7");
    EXPECT_EQ(direct.datastores[0].server, "pbs1.example.lan:8007");
}

TEST(Digest, TheArchiveLinkIsReadBack) {
    auto report = test::rich_report();
    report.archive = model::ArchiveLink{
        "a.data.json.gz", std::string(64, 'a'), 1795676400, {{"old.data.json.gz", std::string(64, 'b'), 1790000000}}};
    report.archive->own_sha256 = "never written";
    const auto json = report::to_json(report);
    EXPECT_EQ(json.find("never written"), std::string::npos);
    std::string why;
    const auto record = history::record_from_json(json, why);
    ASSERT_TRUE(record) << why;
    EXPECT_EQ(record->link.previous_file, "a.data.json.gz");
    EXPECT_EQ(record->link.previous_sha256, std::string(64, 'a'));
    EXPECT_EQ(record->link.previous_generated_at, 1795676400);
    ASSERT_EQ(record->link.pruned.size(), 1U);
    EXPECT_EQ(record->link.pruned[0].file, "old.data.json.gz");
    EXPECT_EQ(record->link.pruned[0].generated_at, 1790000000);
}

TEST(Digest, UntrustedRecordsAreRefusedWithAReason) {
    std::string why;
    EXPECT_FALSE(history::digest_from_json("not json", why));
    EXPECT_EQ(why, "not valid JSON");
    EXPECT_FALSE(history::digest_from_json(std::string(100, '[') + std::string(100, ']'), why));
    EXPECT_NE(why.find("nested deeper"), std::string::npos);

    auto json = nlohmann::json::parse(report::to_json(test::rich_report()));
    json["schema_version"] = 2;
    EXPECT_FALSE(history::digest_from_json(json.dump(), why));
    EXPECT_NE(why.find("schema_version 2"), std::string::npos);

    json["schema_version"] = 1;
    json["guests"][1]["vmid"] = "101";
    EXPECT_FALSE(history::digest_from_json(json.dump(), why));
    EXPECT_EQ(why, "guests[1].vmid: expected an integer");

    json["guests"][1]["vmid"] = 101;
    json["summary"] = nullptr;
    EXPECT_FALSE(history::digest_from_json(json.dump(), why));
    EXPECT_EQ(why, "summary: expected an object");
}

} // namespace
