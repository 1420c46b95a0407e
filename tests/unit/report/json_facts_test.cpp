// anomalies[].fact, guests[].coverage.reason_fact and the notes' note_facts in the JSON report.

#include "report/json_report.hpp"
#include "support/contract_check.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace pvr::model;

ReportData with_facts() {
    ReportData d;
    d.generated_at = 1795762800;
    d.tool_version = "0.1.0";
    GuestReport guest;
    guest.guest.vmid = 111;
    guest.guest.type = GuestType::lxc;
    guest.guest.node = "pve1";
    guest.guest.status = "running";
    guest.coverage.status = CoverageStatus::not_backed_up;
    guest.coverage.reason = "No backup job includes it.";
    guest.coverage.reason_fact.kind = "reason_not_included";
    guest.coverage.reason_fact.add("case", FactParam::Type::identifier, "plain").add_text("node", "pve1");
    guest.freshness.note = "PBS collection is not configured";
    guest.freshness.note_facts.push_back(Fact{"note_pbs_not_configured", {}});
    GuestRetention retention;
    retention.storage = "pbs-main";
    retention.note = "actual_versions includes 2 protected snapshots";
    retention.note_facts.push_back(Fact{"note_protected", {}});
    retention.note_facts.back().add_int("count", 2);
    guest.retention.push_back(retention);
    d.guests.push_back(guest);

    Anomaly failed{"backup_failed", Severity::critical, "ct/111", "The last backup of CT 111 ... failed."};
    failed.fact.kind = "backup_failed";
    failed.fact.add("case", FactParam::Type::identifier, "error")
        .add_int("vmid", 111)
        .add("guest_type", FactParam::Type::identifier, "ct")
        .add_time("time", 1795762800)
        .add("grace", FactParam::Type::seconds, "21600")
        .add("size", FactParam::Type::bytes, "1024")
        .add("jobs", FactParam::Type::list, "a\nb")
        .add("none", FactParam::Type::list, "")
        .add_text("error", "exit code 1");
    d.anomalies.push_back(failed);
    d.anomalies.push_back({"job_disabled", Severity::info, "job/off", "Job off is disabled."}); // no fact
    return d;
}

TEST(JsonFacts, AnomalyFactHasKindAndTypedParams) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(with_facts()));
    const auto& fact = doc["anomalies"][0]["fact"];
    EXPECT_EQ(fact["kind"], "backup_failed");
    const auto& params = fact["params"];
    EXPECT_EQ(params["case"], "error");
    EXPECT_EQ(params["vmid"], 111);
    EXPECT_EQ(params["guest_type"], "ct");
    EXPECT_EQ(params["time"], 1795762800);
    EXPECT_EQ(params["grace"], 21600);
    EXPECT_EQ(params["size"], 1024);
    EXPECT_EQ(params["jobs"], nlohmann::json::array({"a", "b"}));
    EXPECT_EQ(params["none"], nlohmann::json::array());
    EXPECT_EQ(params["error"], "exit code 1");
    // The English sentence stays as it was.
    EXPECT_EQ(doc["anomalies"][0]["message"], "The last backup of CT 111 ... failed.");
    EXPECT_TRUE(doc["anomalies"][1]["fact"].is_null());
}

TEST(JsonFacts, ReasonAndNoteFacts) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(with_facts()));
    const auto& guest = doc["guests"][0];
    EXPECT_EQ(guest["coverage"]["reason"], "No backup job includes it.");
    EXPECT_EQ(guest["coverage"]["reason_fact"],
              (nlohmann::json{{"kind", "reason_not_included"}, {"params", {{"case", "plain"}, {"node", "pve1"}}}}));
    EXPECT_EQ(guest["freshness"]["note_facts"],
              nlohmann::json::parse(R"([{"kind": "note_pbs_not_configured", "params": {}}])"));
    EXPECT_EQ(guest["retention"][0]["note_facts"],
              nlohmann::json::parse(R"([{"kind": "note_protected", "params": {"count": 2}}])"));
}

TEST(JsonFacts, FollowsTheContract) {
    const auto doc = nlohmann::json::parse(pvr::report::to_json(with_facts()));
    const auto errors = pvr::test::ContractChecker{}.check(doc);
    EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
}

} // namespace
