// /version, /cluster/status, /nodes, /storage, /access/permissions, not-backed-up.

#include "collect/parse_cluster_status.hpp"
#include "collect/parse_nodes.hpp"
#include "collect/parse_not_backed_up.hpp"
#include "collect/parse_permissions.hpp"
#include "collect/parse_storage.hpp"
#include "collect/parse_version.hpp"
#include "core/error.hpp"
#include "fake_client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using pvr::collect::testing::fixture;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

TEST(ParseVersion, ReleaseAndVersion) {
    const auto v = parse_version(R"({"data":{"version":"8.2.4","release":"8.2","repoid":"faa83925c9641325"}})");
    EXPECT_EQ(v.version, "8.2.4");
    EXPECT_EQ(v.release, "8.2");
    EXPECT_EQ(v.major, 8);
    EXPECT_EQ(v.minor, 2);
    EXPECT_TRUE(v.at_least(8, 1));
    EXPECT_TRUE(v.at_least(8, 2));
    EXPECT_FALSE(v.at_least(8, 3));
    EXPECT_FALSE(v.at_least(9, 0));
    EXPECT_TRUE(v.at_least(7, 9));
}

TEST(ParseVersion, FallsBackToTheVersionString) {
    const auto v = parse_version(R"({"data":{"version":"7.4-3"}})");
    EXPECT_EQ(v.release, std::nullopt);
    EXPECT_EQ(v.major, 7);
    EXPECT_EQ(v.minor, 4);
    EXPECT_FALSE(v.at_least(8, 1));

    const auto odd = parse_version(R"({"data":{"version":"next","release":"x"}})");
    EXPECT_EQ(odd.major, std::nullopt);
    EXPECT_TRUE(odd.at_least(8, 1));
    EXPECT_FALSE(odd.at_least(8, 1, false));
}

TEST(ParseVersion, RejectsWhatIsNotPve) {
    for (const char* body : {R"({"data":{}})", R"({"data":[]})", "<html></html>", R"({"data":{"version":""}})"}) {
        try {
            (void)parse_version(body);
            FAIL() << body;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::invalid_response);
            EXPECT_THAT(e.what(), HasSubstr("GET /version")) << body;
        }
    }
}

TEST(ParseClusterStatus, Cluster) {
    std::vector<std::string> warnings;
    const auto s = parse_cluster_status(fixture("cluster/cluster_status.json"), warnings);
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(s.name, "prod");
    EXPECT_EQ(s.quorate, true);
    ASSERT_EQ(s.nodes.size(), 3U);
    EXPECT_EQ(s.nodes[0].name, "pve1");
    EXPECT_EQ(s.nodes[0].ip, "10.0.0.11");
    EXPECT_TRUE(s.nodes[0].local);
    EXPECT_EQ(s.nodes[0].online, true);
    EXPECT_FALSE(s.nodes[2].local);
    EXPECT_EQ(s.nodes[2].online, false);
}

TEST(ParseClusterStatus, StandaloneAndMessyValues) {
    std::vector<std::string> warnings;
    const auto standalone = parse_cluster_status(
        R"({"data":[{"type":"node","id":"node/pve","name":"pve","nodeid":0,"local":1,"online":1,"level":""}]})",
        warnings);
    EXPECT_EQ(standalone.name, std::nullopt);
    EXPECT_EQ(standalone.quorate, std::nullopt);
    ASSERT_EQ(standalone.nodes.size(), 1U);
    EXPECT_TRUE(standalone.nodes[0].local);

    const auto messy = parse_cluster_status(
        R"({"data":[{"type":"cluster","name":"c1","quorate":"0"},
                    {"type":"node","name":"a","local":true,"online":"yes"},
                    {"type":"node","local":0},
                    {"type":"node","name":"b","online":"perhaps"},
                    {"type":"qdevice","name":"q"}]})",
        warnings);
    EXPECT_EQ(messy.quorate, false);
    ASSERT_EQ(messy.nodes.size(), 1U);
    EXPECT_TRUE(messy.nodes[0].local);
    EXPECT_EQ(messy.nodes[0].online, true);
    ASSERT_EQ(warnings.size(), 2U);
    EXPECT_EQ(warnings[0], "GET /cluster/status: data[2]: node entry without 'name', skipped");
    EXPECT_EQ(warnings[1], "GET /cluster/status: data[3].online: expected a boolean, got 'perhaps' (entry skipped)");
}

TEST(ParseNodes, StatusPerNode) {
    std::vector<std::string> warnings;
    const auto nodes = parse_nodes(fixture("cluster/nodes.json"), warnings);
    ASSERT_EQ(nodes.size(), 3U);
    EXPECT_EQ(nodes[0].name, "pve1");
    EXPECT_EQ(nodes[0].status, "online");
    EXPECT_EQ(nodes[2].status, "offline");

    const auto odd = parse_nodes(R"({"data":[{"node":"x"},{"status":"online"},"junk"]})", warnings);
    ASSERT_EQ(odd.size(), 1U);
    EXPECT_EQ(odd[0].status, "unknown");
    EXPECT_EQ(warnings.size(), 2U);
}

TEST(ParseStorage, ReferenceExample) {
    std::vector<std::string> warnings;
    const auto storages = parse_storage(fixture("storage.json"), warnings);
    EXPECT_TRUE(warnings.empty());
    ASSERT_EQ(storages.size(), 3U);

    const auto& local = storages[0];
    EXPECT_EQ(local.id, "local");
    EXPECT_EQ(local.type, "dir");
    EXPECT_EQ(local.content, (std::set<std::string>{"backup", "iso", "vztmpl"}));
    EXPECT_EQ(local.nodes, std::nullopt);
    EXPECT_TRUE(local.enabled);
    EXPECT_FALSE(local.shared);
    EXPECT_EQ(local.prune_backups, std::nullopt);
    EXPECT_EQ(local.pbs, std::nullopt);

    const auto& pbs = storages[1];
    ASSERT_TRUE(pbs.is_pbs());
    ASSERT_TRUE(pbs.pbs.has_value());
    EXPECT_EQ(pbs.pbs->server, "10.0.0.50");
    EXPECT_EQ(pbs.pbs->port, 8007);
    EXPECT_EQ(pbs.pbs->datastore, "store1");
    EXPECT_EQ(pbs.pbs->ns, "prod");
    EXPECT_EQ(pbs.pbs->fingerprint, "ab:cd:ef");
    EXPECT_EQ(pbs.pbs->username, "pve-backup@pbs!pve");
    EXPECT_FALSE(pbs.pbs->encrypted);
    EXPECT_TRUE(pbs.shared);
    ASSERT_TRUE(pbs.prune_backups.has_value());
    EXPECT_EQ(pbs.prune_backups->keep_daily, 7);
    EXPECT_EQ(pbs.prune_backups->keep_last, 3);
    EXPECT_EQ(pbs.prune_backups->keep_weekly, 4);

    const auto& nfs = storages[2];
    EXPECT_FALSE(nfs.enabled);
    EXPECT_EQ(nfs.nodes, (std::set<std::string>{"pve1", "pve2"}));
    EXPECT_TRUE(nfs.available_on("pve1"));
    EXPECT_FALSE(nfs.available_on("pve3"));
}

TEST(ParseStorage, MessyVariants) {
    std::vector<std::string> warnings;
    const auto storages = parse_storage(
        R"({"data":[
          {"storage":"pbs2","type":"pbs","server":"pbs.example","datastore":"ds","port":"8008","disable":"0",
           "shared":true,"encryption-key":"a9:ee:c8","content":"backup","nodes":"pve1; pve2 pve3"},
          {"storage":"pbs3","type":"pbs","server":"pbs3","datastore":"ds","port":"eight","encryption-key":"1",
           "prune-backups":"keep-daily=x,keep-last=2","content":"none"},
          {"type":"dir","path":"/srv"},
          {"storage":"d","type":"dir","disable":"yes","content":"images,rootdir"}]})",
        warnings);
    ASSERT_EQ(storages.size(), 3U);
    EXPECT_EQ(storages[0].pbs->port, 8008);
    EXPECT_EQ(storages[0].pbs->ns, "");
    EXPECT_EQ(storages[0].pbs->username, std::nullopt);
    EXPECT_EQ(storages[0].pbs->fingerprint, std::nullopt);
    EXPECT_TRUE(storages[0].pbs->encrypted);
    EXPECT_TRUE(storages[0].enabled);
    EXPECT_TRUE(storages[0].shared);
    EXPECT_EQ(storages[0].nodes, (std::set<std::string>{"pve1", "pve2", "pve3"}));

    EXPECT_EQ(storages[1].pbs->port, 8007);
    EXPECT_TRUE(storages[1].pbs->encrypted);
    EXPECT_TRUE(storages[1].content.empty());
    ASSERT_TRUE(storages[1].prune_backups.has_value());
    EXPECT_EQ(storages[1].prune_backups->keep_last, 2);
    EXPECT_EQ(storages[1].prune_backups->keep_daily, std::nullopt);

    EXPECT_EQ(storages[2].id, "d");
    EXPECT_FALSE(storages[2].enabled);

    EXPECT_THAT(warnings,
                ElementsAre("GET /storage: data[1].prune-backups: keep-daily: expected a non-negative integer, got 'x' "
                            "(ignored)",
                            "GET /storage: data[1].port: expected an integer, got 'eight' (ignored)",
                            "GET /storage: data[2]: storage without 'storage' id, skipped"));
}

TEST(ParseStorage, NotAList) {
    std::vector<std::string> warnings;
    EXPECT_THROW((void)parse_storage(R"({"data":{"storage":"x"}})", warnings), Error);
    EXPECT_TRUE(parse_storage(R"({"data":[]})", warnings).empty());
}

TEST(ParsePermissions, MissingPrivileges) {
    std::vector<std::string> warnings;
    const auto full = parse_permissions(fixture("cluster/permissions.json"), warnings);
    EXPECT_TRUE(full.missing_for_report().empty());
    EXPECT_TRUE(full.has("Sys.Audit", "/"));

    const auto partial = parse_permissions(
        R"({"data":{"/vms":{"VM.Audit":1},"/pool/prod":{"Pool.Audit":0},"/nodes":{"Sys.Audit":1},"/bad":1}})",
        warnings);
    EXPECT_THAT(partial.missing_for_report(), ElementsAre("Sys.Audit on /", "Datastore.Audit"));
    EXPECT_TRUE(partial.has("Sys.Audit", "/nodes"));
    EXPECT_THAT(warnings, ElementsAre("GET /access/permissions: data./bad: expected an object of privileges, got 1"));

    const auto none = parse_permissions(R"({"data":{}})", warnings);
    EXPECT_THAT(none.missing_for_report(), ElementsAre("Sys.Audit on /", "VM.Audit", "Datastore.Audit", "Pool.Audit"));
    EXPECT_THROW((void)parse_permissions(R"({"data":[]})", warnings), Error);
}

TEST(ParseNotBackedUp, Items) {
    std::vector<std::string> warnings;
    const auto items = parse_not_backed_up(
        R"({"data":[{"vmid":120,"type":"qemu","name":"test-vm"},{"vmid":"131","type":"lxc","name":"scratch"},
                    {"vmid":140,"type":"qemu"},{"type":"qemu"}]})",
        warnings);
    ASSERT_EQ(items.size(), 3U);
    EXPECT_EQ(items[0].vmid, 120);
    EXPECT_EQ(items[0].name, "test-vm");
    EXPECT_EQ(items[1].vmid, 131);
    EXPECT_EQ(items[1].type, "lxc");
    EXPECT_EQ(items[2].name, std::nullopt);
    EXPECT_THAT(warnings,
                ElementsAre("GET /cluster/backup-info/not-backed-up: data[3]: entry without 'vmid', skipped"));
}

} // namespace
