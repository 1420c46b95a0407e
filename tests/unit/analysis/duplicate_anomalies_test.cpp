// Entries the API listed twice (counted once by the collector) become anomalies.

#include "analysis/analyze.hpp"
#include "analysis/anomalies.hpp"
#include "fixtures.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::DuplicateEntry;
using pvr::model::Severity;

TEST(DuplicateAnomalies, EachKindNamesItsSubject) {
    auto inventory = make_inventory(upstream_guests());
    inventory.duplicates = {
        {DuplicateEntry::Kind::guest_vmid, "112", "", {"node1", "node2"}},
        {DuplicateEntry::Kind::job_id, "backup-a", "backup-a", {}},
        {DuplicateEntry::Kind::job_vmid, "100", "backup-b", {}},
        {DuplicateEntry::Kind::storage_id, "pbs-main", "", {}},
    };
    const auto anomalies = duplicate_anomalies(inventory);
    ASSERT_EQ(anomalies.size(), 4U);
    EXPECT_EQ(anomalies[0].kind, "duplicate_vmid");
    EXPECT_EQ(anomalies[0].severity, Severity::warning);
    EXPECT_EQ(anomalies[0].subject, "ct/112");
    EXPECT_EQ(anomalies[0].message, "VMID 112 is listed 2 times in the guest inventory (on nodes node1 and node2); it "
                                    "is counted once, as the guest on node1: a VMID must be unique in a cluster.");
    EXPECT_EQ(anomalies[1].kind, "duplicate_job");
    EXPECT_EQ(anomalies[1].subject, "job/backup-a");
    EXPECT_EQ(anomalies[2].kind, "job_duplicate_vmid");
    EXPECT_EQ(anomalies[2].severity, Severity::info);
    EXPECT_EQ(anomalies[2].subject, "job/backup-b");
    EXPECT_EQ(anomalies[2].message, "Job backup-b names VMID 100 more than once; it is counted once.");
    EXPECT_EQ(anomalies[3].kind, "duplicate_storage");
    EXPECT_EQ(anomalies[3].subject, "storage/pbs-main");
}

TEST(DuplicateAnomalies, AreInTheReportAndTheGuestCountsOnce) {
    auto inventory = make_inventory(upstream_guests());
    inventory.duplicates = {{DuplicateEntry::Kind::guest_vmid, "100", "", {"node1", "node2"}}};
    const auto report = analyze(inventory, {});
    EXPECT_EQ(report.summary.guests_total, 8);
    EXPECT_EQ(std::count_if(report.anomalies.begin(), report.anomalies.end(),
                            [](const auto& a) { return a.kind == "duplicate_vmid" && a.subject == "vm/100"; }),
              1);
}

} // namespace
