// Performance: 2,000 guests x 2 jobs with years of daily history must be analysed quickly; the
// simulations are shared through the cache. Prints the time, asserts only completion.

#include "pbs_test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;

TEST(RetentionPerformance, TwoThousandGuestsTwoJobs) {
    std::vector<pvr::model::Guest> guests;
    for (std::int64_t vmid = 1000; vmid < 3000; ++vmid) {
        guests.push_back(make_guest(vmid, vmid % 2 == 0 ? "node1" : "node2",
                                    vmid % 3 == 0 ? pvr::model::GuestType::lxc : pvr::model::GuestType::qemu));
    }
    auto inventory = pbs_inventory();
    inventory.guests = guests;
    inventory.cluster.nodes = {{"node1", "online", std::nullopt, false}, {"node2", "online", std::nullopt, false}};
    auto second = make_storage("pbs-dr", "pbs");
    second.pbs->ns = "dr";
    inventory.storages.push_back(second);
    inventory.pbs_servers[0].storages.push_back("pbs-dr");
    inventory.pbs_servers[0].time_zone = "Europe/Berlin";
    inventory.pve_time_zone = "Europe/Berlin";
    pvr::model::KeepOptions nightly_keep = keep(3, 7, 4);
    nightly_keep.keep_monthly = 12;
    nightly_keep.keep_yearly = 2;
    add_job(inventory, JobBuilder("nightly").all().storage("pbs-main").schedule("21:00").prune(nightly_keep));
    add_job(inventory, JobBuilder("weekly-dr").all().storage("pbs-dr").schedule("sat 03:00"));
    inventory.pbs_servers[0].prune_jobs->push_back(prune_job("dr-prune", "daily", keep(std::nullopt, 7, 8), "dr"));
    auto& main = inventory.pbs_content["pbs-main"];
    auto dr = main;
    dr.storage = "pbs-dr";
    for (const auto& guest : guests) {
        const std::string type = guest.type == pvr::model::GuestType::qemu ? "vm" : "ct";
        for (int day = 0; day < 30; ++day) {
            main.snapshots.push_back(snapshot(type, guest.vmid, k_yesterday_21 - day * k_day));
        }
        for (int week = 0; week < 10; ++week) {
            dr.snapshots.push_back(snapshot(type, guest.vmid, k_now - 6 * k_day - 9 * k_hour - week * 7 * k_day));
        }
    }
    inventory.pbs_content["pbs-dr"] = dr;

    const auto start = std::chrono::steady_clock::now();
    const auto report = analyze_at(inventory);
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "[ PERF     ] analyze: 2000 guests x 2 jobs, " << main.snapshots.size() + dr.snapshots.size()
              << " snapshots: " << elapsed << " s\n";
    ASSERT_EQ(report.guests.size(), 2000U);
    EXPECT_EQ(report.guests[0].retention.size(), 2U);
    EXPECT_TRUE(report.guests[0].retention[0].expected_versions);
    EXPECT_TRUE(report.guests[0].retention[1].expected_versions);
}

} // namespace
