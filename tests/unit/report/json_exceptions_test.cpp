#include "report/json_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace pvr::model;

ReportData sample() {
    ReportData d;
    d.generated_at = 1795762800;
    GuestReport tmpl;
    tmpl.guest.vmid = 9001;
    tmpl.guest.node = "pve1";
    tmpl.coverage.status = CoverageStatus::not_backed_up;
    AcceptedException e;
    e.id = "tmpl-9001";
    e.index = 1;
    e.line = 2;
    e.source = "file";
    e.file = "exc.toml";
    e.match.vmids = {9001};
    e.accept = {"not_backed_up"};
    e.reason = "template rebuilt from git";
    e.owner = "ops@example.com";
    e.until = "2027-06-30";
    tmpl.exception = GuestException{e, {"not_backed_up", "anomaly:guest_not_backed_up"}};
    GuestReport other;
    other.guest.vmid = 100;
    other.guest.node = "pve1";
    d.guests = {other, tmpl};
    d.anomalies = {{"guest_not_backed_up", Severity::warning, "vm/9001", "not backed up", "tmpl-9001"},
                   {"job_disabled", Severity::info, "job/x", "disabled"}};
    d.exceptions = {{e, "active", {"vm/9001"}, 1}};
    d.verdict.accepted_guests_not_backed_up = 1;
    d.verdict.accepted_warning_anomalies = 1;
    return d;
}

TEST(JsonExceptions, GuestsAnomaliesVerdictAndTheList) {
    const auto json = nlohmann::json::parse(pvr::report::to_json(sample()));
    EXPECT_TRUE(json["guests"][0]["exception"].is_null());
    const auto& e = json["guests"][1]["exception"];
    EXPECT_EQ(e["id"], "tmpl-9001");
    EXPECT_EQ(e["index"], 1);
    EXPECT_EQ(e["source"], "file");
    EXPECT_EQ(e["file"], "exc.toml");
    EXPECT_EQ(e["line"], 2);
    EXPECT_EQ(e["match"], nlohmann::json({{"vmid", {9001}}}));
    EXPECT_EQ(e["accept"], nlohmann::json({"not_backed_up"}));
    EXPECT_EQ(e["reason"], "template rebuilt from git");
    EXPECT_EQ(e["owner"], "ops@example.com");
    EXPECT_EQ(e["until"], "2027-06-30");
    EXPECT_EQ(e["accepted"], nlohmann::json({"not_backed_up", "anomaly:guest_not_backed_up"}));
    // The true status is kept.
    EXPECT_EQ(json["guests"][1]["coverage"]["status"], "non_sauvegardee");

    EXPECT_EQ(json["anomalies"][0]["accepted_by"], "tmpl-9001");
    EXPECT_TRUE(json["anomalies"][1]["accepted_by"].is_null());
    EXPECT_EQ(json["verdict"]["accepted_guests_not_backed_up"], 1);
    EXPECT_EQ(json["verdict"]["accepted_warning_anomalies"], 1);
    EXPECT_EQ(json["verdict"]["accepted_critical_anomalies"], 0);

    ASSERT_EQ(json["exceptions"].size(), 1U);
    EXPECT_EQ(json["exceptions"][0]["status"], "active");
    EXPECT_EQ(json["exceptions"][0]["guests"], nlohmann::json({"vm/9001"}));
    EXPECT_EQ(json["exceptions"][0]["accepted_findings"], 1);
}

TEST(JsonExceptions, TagExceptionHasNullFileLineOwnerAndUntil) {
    auto d = sample();
    AcceptedException tag;
    tag.id = "tag:no-backup";
    tag.source = "tag";
    tag.match.tag = "no-backup";
    tag.accept = {"not_backed_up"};
    tag.reason = "tagged no-backup in PVE";
    d.exceptions = {{tag, "unused", {}, 0}};
    const auto json = nlohmann::json::parse(pvr::report::to_json(d));
    const auto& e = json["exceptions"][0];
    EXPECT_TRUE(e["file"].is_null());
    EXPECT_TRUE(e["line"].is_null());
    EXPECT_TRUE(e["owner"].is_null());
    EXPECT_TRUE(e["until"].is_null());
    EXPECT_EQ(e["index"], 0);
    EXPECT_EQ(e["match"], nlohmann::json({{"tag", "no-backup"}}));
}

} // namespace
