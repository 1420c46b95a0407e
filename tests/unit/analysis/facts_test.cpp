// The facts the analysis attaches to anomalies and coverage reasons: kind, case and parameters.

#include "analysis/analyze.hpp"
#include "fixtures.hpp"
#include "model/fact_kinds.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::Fact;
using pvr::model::FactParam;

const pvr::model::Anomaly& find(const pvr::model::ReportData& data, const std::string& kind,
                                const std::string& subject) {
    for (const auto& anomaly : data.anomalies) {
        if (anomaly.kind == kind && anomaly.subject == subject) {
            return anomaly;
        }
    }
    throw std::runtime_error(kind + " on " + subject + " not raised");
}

const pvr::model::GuestReport& guest(const pvr::model::ReportData& data, std::int64_t vmid) {
    return *std::find_if(data.guests.begin(), data.guests.end(), [&](const auto& g) { return g.guest.vmid == vmid; });
}

bool listed(const Fact& fact) {
    const auto variant = fact.text("case").value_or("");
    return std::any_of(pvr::model::k_fact_forms.begin(), pvr::model::k_fact_forms.end(),
                       [&](const auto& form) { return form.kind == fact.kind && form.variant == variant; });
}

TEST(Facts, GuestNotBackedUpNamesTheGuestAndTheDisabledJobs) {
    auto inventory = make_inventory(upstream_guests());
    inventory.guests[4].name = "app";
    inventory.jobs->push_back(JobBuilder("zz-all").all().exclude({200}).schedule("21:00"));
    inventory.jobs->push_back(JobBuilder("old-b").vmids({200}).disabled());
    inventory.jobs->push_back(JobBuilder("old-a").vmids({200}).disabled());
    const auto data = analyze(inventory, {});

    const auto& fact = find(data, "guest_not_backed_up", "vm/200").fact;
    EXPECT_EQ(fact.kind, "guest_not_backed_up");
    EXPECT_EQ(fact.text("case"), "disabled_jobs");
    ASSERT_NE(fact.find("vmid"), nullptr);
    EXPECT_EQ(fact.find("vmid")->type, FactParam::Type::integer);
    EXPECT_EQ(fact.text("vmid"), "200");
    EXPECT_EQ(fact.text("guest_type"), "vm");
    EXPECT_EQ(fact.find("guest_type")->type, FactParam::Type::identifier);
    EXPECT_EQ(fact.text("guest_name"), "app");
    EXPECT_EQ(fact.text("node"), "node2");
    EXPECT_EQ(fact.text("count"), "2");
    EXPECT_EQ(fact.find("jobs")->type, FactParam::Type::list);
    EXPECT_EQ(fact.text("jobs"), "old-a\nold-b");

    const auto& reason = guest(data, 200).coverage.reason_fact;
    EXPECT_EQ(reason.kind, "reason_only_disabled");
    EXPECT_EQ(reason.text("jobs"), "old-a\nold-b");
    EXPECT_TRUE(listed(reason));

    const auto& included = guest(data, 100).coverage.reason_fact;
    EXPECT_EQ(included.kind, "reason_included");
    EXPECT_EQ(included.text("jobs"), "zz-all");
}

TEST(Facts, NotIncludedReasonNamesTheJobsThatDropOrExcludeTheGuest) {
    auto inventory = make_inventory(upstream_guests());
    inventory.jobs->push_back(JobBuilder("j-node").vmids({100, 200}).node("node2").schedule("21:00"));
    inventory.jobs->push_back(JobBuilder("j-all").all().exclude({100, 101}).node("node1").schedule("21:00"));
    const auto data = analyze(inventory, {});
    const auto& reason = guest(data, 100).coverage.reason_fact;
    EXPECT_EQ(reason.kind, "reason_not_included");
    EXPECT_EQ(reason.text("case"), "explained");
    EXPECT_EQ(reason.text("node_jobs"), "j-node");
    EXPECT_EQ(reason.text("job_nodes"), "node2");
    EXPECT_EQ(reason.text("excluded_by"), "j-all");
    EXPECT_EQ(reason.text("node"), "node1");
    const auto& anomaly = find(data, "guest_not_backed_up", "vm/100").fact;
    EXPECT_EQ(anomaly.text("case"), "explained");
    EXPECT_EQ(anomaly.text("excluded_by"), "j-all");

    const auto alone = analyze(make_inventory(upstream_guests()), {});
    const auto& plain = guest(alone, 212).coverage.reason_fact;
    EXPECT_EQ(plain.kind, "reason_not_included");
    EXPECT_EQ(plain.text("case"), "plain");
    EXPECT_EQ(plain.find("excluded_by"), nullptr);
}

TEST(Facts, UndeterminedReasonGivesEachJobsCause) {
    auto inventory = make_inventory(upstream_guests());
    inventory.pools_collected = false;
    inventory.jobs->push_back(JobBuilder("j-pool").pool("prod").schedule("21:00"));
    const auto data = analyze(inventory, {});
    const auto& reason = guest(data, 100).coverage.reason_fact;
    EXPECT_EQ(reason.kind, "reason_undetermined");
    EXPECT_EQ(reason.text("jobs"), "j-pool");
    EXPECT_EQ(reason.text("causes"), "pools_unread");
    EXPECT_EQ(reason.text("pools"), "prod");
}

TEST(Facts, JobFactsCarryTheJobAndWhatIsWrong) {
    auto inventory = make_inventory(upstream_guests());
    inventory.jobs->push_back(JobBuilder("zz-all").all().schedule("21:00"));
    inventory.jobs->push_back(JobBuilder("j").vmids({100, 7654, 7655}).node("node2").schedule("21:00"));
    inventory.jobs->push_back(JobBuilder("off").pool("prod").node("node1").disabled());
    inventory.pools["prod"] = make_pool("prod", std::vector<std::int64_t>{});
    const auto data = analyze(inventory, {});

    const auto& unknown = find(data, "job_unknown_vmid", "job/j").fact;
    EXPECT_EQ(unknown.text("case"), "node");
    EXPECT_EQ(unknown.text("job"), "j");
    EXPECT_EQ(unknown.text("vmids"), "7654\n7655");
    EXPECT_EQ(unknown.text("count"), "2");
    EXPECT_EQ(unknown.text("job_node"), "node2");

    const auto& disabled = find(data, "job_disabled", "job/off").fact;
    EXPECT_EQ(disabled.text("case"), "nothing");
    EXPECT_EQ(disabled.text("selection"), "pool");
    EXPECT_EQ(disabled.text("pool"), "prod");
    EXPECT_EQ(disabled.text("job_node"), "node1");
}

TEST(Facts, EveryAnomalyAndReasonOfAnAnalysisHasAListedFact) {
    auto inventory = make_inventory(upstream_guests());
    inventory.storages = {make_storage("pbs-main", "pbs"), make_storage("local")};
    inventory.jobs->push_back(JobBuilder("a").vmids({100, 7654}).storage("gone").schedule("21:00"));
    inventory.jobs->push_back(JobBuilder("b").pool("nowhere"));
    inventory.jobs->push_back(JobBuilder("c").vmids({200}).disabled().problem("unknown mode 'x'"));
    inventory.jobs->push_back(JobBuilder("d").all().node("pve9").schedule("21:00"));
    const auto data = analyze(inventory, {});
    ASSERT_GE(data.anomalies.size(), 6U);
    for (const auto& anomaly : data.anomalies) {
        EXPECT_EQ(anomaly.fact.kind, anomaly.kind);
        EXPECT_TRUE(listed(anomaly.fact)) << anomaly.kind;
    }
    for (const auto& report : data.guests) {
        EXPECT_TRUE(listed(report.coverage.reason_fact)) << report.coverage.reason_fact.kind;
    }
}

} // namespace
