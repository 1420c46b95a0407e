// read_list: the shared reader of API listings, and the per-element problems of the parsers.

#include "collect/list_reader.hpp"
#include "collect/parse_backup_jobs.hpp"
#include "collect/parse_cluster_status.hpp"
#include "collect/parse_nodes.hpp"
#include "collect/parse_not_backed_up.hpp"
#include "collect/parse_pools.hpp"
#include "collect/parse_resources.hpp"
#include "collect/parse_storage.hpp"
#include "collect/parse_tasks.hpp"
#include "collect/pbs_parse.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

std::optional<int> read_number(ObjectReader& item, std::vector<std::string>& problems) {
    const auto n = item.required_integer("n");
    if (item.failed()) {
        return std::nullopt;
    }
    if (!n) {
        problems.push_back(item.where() + ": no n, skipped");
        return std::nullopt;
    }
    if (*n < 0) {
        return std::nullopt; // not wanted, silently
    }
    return static_cast<int>(*n);
}

TEST(ReadList, ReadsEveryElementAndNamesEachUnreadableOne) {
    const Json data = Json::parse(R"([{"n":1}, 7, {"n":"x"}, {}, {"n":-1}, {"n":"3"}])");
    std::vector<std::string> problems;
    const auto out = read_list<int>(data, "GET /things", read_number, problems);
    EXPECT_THAT(out, ElementsAre(1, 3));
    EXPECT_THAT(problems, ElementsAre("GET /things: data[1]: expected an object, got 7 (entry skipped)",
                                      "GET /things: data[2].n: expected an integer, got 'x' (entry skipped)",
                                      "GET /things: data[3]: no n, skipped"));
}

TEST(ReadList, ANonListIsAnUnusableAnswer) {
    std::vector<std::string> problems;
    try {
        (void)read_list<int>(Json::parse(R"({"n":1})"), "GET /things", read_number, problems);
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::invalid_response);
        EXPECT_STREQ(e.what(), "GET /things: data is not a list (got {\"n\":1})");
    }
}

TEST(ReadList, AnOptionalFieldKeepsTheDefaultAndTheElement) {
    const Json data = Json::parse(R"([{"n":1,"label":[1]},{"n":2,"label":"two"}])");
    std::vector<std::string> problems;
    const auto out = read_list<std::string>(
        data, "GET /x",
        [](ObjectReader& item, std::vector<std::string>&) -> std::optional<std::string> {
            return item.text("label").value_or("default");
        },
        problems);
    EXPECT_THAT(out, ElementsAre("default", "two"));
    EXPECT_THAT(problems, ElementsAre("GET /x: data[0].label: expected a string, got [1] (ignored)"));
}

TEST(ReadList, AFailedElementIsLeftOutWhateverTheItemReaderReturns) {
    const Json data = Json::parse(R"([{"n":"x"},{"n":2}])");
    std::vector<std::string> problems;
    const auto out = read_list<int>(
        data, "GET /x",
        [](ObjectReader& item, std::vector<std::string>&) -> std::optional<int> {
            return static_cast<int>(item.required_integer("n").value_or(-1));
        },
        problems);
    EXPECT_THAT(out, ElementsAre(2));
    EXPECT_THAT(problems, ElementsAre("GET /x: data[0].n: expected an integer, got 'x' (entry skipped)"));
}

TEST(ReadList, PoolMembersAreANestedListWithTheirOwnIndex) {
    std::vector<std::string> warnings;
    const auto vmids = parse_pool_members(
        R"({"data":[{"poolid":"other"},{"poolid":"prod","members":[
            {"type":"qemu","vmid":100},{"type":"lxc","vmid":"abc"},7,{"type":"storage","storage":"local"},
            {"type":"qemu","id":"qemu/101"},{"type":"qemu"},{"type":"lxc","vmid":100}]}]})",
        "GET /pools?poolid=prod", "prod", warnings);
    EXPECT_THAT(vmids, ElementsAre(100, 101));
    EXPECT_THAT(warnings,
                ElementsAre("GET /pools?poolid=prod: data[1].members[1].vmid: expected an integer, got 'abc' "
                            "(member skipped)",
                            "GET /pools?poolid=prod: data[1].members[2]: expected an object, got 7 (member skipped)",
                            "GET /pools?poolid=prod: data[1].members[5]: guest member without 'vmid', skipped"));
}

/// Every listing parser names the index of an element that is not an object, and keeps the rest.
TEST(ReadList, EveryParserReportsAnUnreadableElement) {
    const auto check = [](const std::string& endpoint, const std::vector<std::string>& problems, std::size_t kept,
                          std::size_t want) {
        SCOPED_TRACE(endpoint);
        EXPECT_EQ(kept, want);
        EXPECT_THAT(problems, ::testing::Contains(endpoint + ": data[0]: expected an object, got 42 (entry skipped)"));
    };
    std::vector<std::string> p;
    check("GET /nodes", p, parse_nodes(R"({"data":[42,{"node":"pve1"}]})", p).size(), 1);
    p.clear();
    check("GET /cluster/status", p,
          parse_cluster_status(R"({"data":[42,{"type":"node","name":"pve1"}]})", p).nodes.size(), 1);
    p.clear();
    check("GET /cluster/resources", p,
          parse_resources(R"({"data":[42,{"type":"qemu","vmid":100,"node":"pve1"}]})", p).size(), 1);
    p.clear();
    check("GET /cluster/backup", p, parse_backup_jobs(R"({"data":[42,{"id":"b"}]})", p).size(), 1);
    p.clear();
    check("GET /storage", p, parse_storage(R"({"data":[42,{"storage":"local","type":"dir"}]})", p).size(), 1);
    p.clear();
    check("GET /pools", p, parse_pool_list(R"({"data":[42,{"poolid":"prod"}]})", p).size(), 1);
    p.clear();
    check("GET /cluster/backup-info/not-backed-up", p, parse_not_backed_up(R"({"data":[42,{"vmid":1}]})", p).size(), 1);
    p.clear();
    check("GET /cluster/tasks", p,
          parse_tasks(R"({"data":[42,{"upid":"UPID:pve1:0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam:"}]})",
                      "GET /cluster/tasks", p)
              .size(),
          1);
    p.clear();
    check("GET /admin/datastore", p, parse_pbs_datastores(R"({"data":[42,{"store":"s"}]})", p).size(), 1);
    p.clear();
    check("GET /status/datastore-usage", p, parse_pbs_datastore_usage(R"({"data":[42,{"store":"s"}]})", p).size(), 1);
    p.clear();
    check("GET /ns", p, parse_pbs_namespaces(R"({"data":[42,{"ns":"a"}]})", "GET /ns", p).size(), 1);
    p.clear();
    check("GET /admin/prune", p,
          parse_pbs_prune_jobs(R"({"data":[42,{"id":"j","store":"s"}]})", "GET /admin/prune", p).size(), 1);
    p.clear();
    check("GET /config/datastore", p, parse_pbs_datastore_config(R"({"data":[42,{"name":"s"}]})", p).size(), 1);
    p.clear();
    check("GET /snap", p,
          parse_pbs_snapshots(R"({"data":[42,{"backup-type":"vm","backup-id":"100","backup-time":1700000000}]})",
                              "GET /snap", "", p)
              .size(),
          1);
}

TEST(ReadList, AMalformedSnapshotIsNamed) {
    std::vector<std::string> p;
    const auto snapshots = parse_pbs_snapshots(
        R"({"data":[{"backup-type":"vm","backup-id":"100","backup-time":"soon"},
                    {"backup-type":"vm","backup-id":"100"},
                    {"backup-type":"vm","backup-id":"100","backup-time":1700000000}]})",
        "GET /admin/datastore/s/snapshots", "", p);
    EXPECT_EQ(snapshots.size(), 1U);
    EXPECT_THAT(p, ElementsAre("GET /admin/datastore/s/snapshots: data[0].backup-time: expected an integer, got "
                               "'soon' (entry skipped)",
                               "GET /admin/datastore/s/snapshots: data[1]: snapshot without backup-type, backup-id or "
                               "backup-time, skipped"));
}

TEST(ParseNodeGuests, QemuAndLxcListsOfANode) {
    std::vector<std::string> p;
    const auto qemu = parse_node_guests(
        R"({"data":[{"vmid":100,"name":"web","status":"running","template":1,"lock":"backup"},{"name":"x"}]})",
        "GET /nodes/pve1/qemu", "pve1", model::GuestType::qemu, p);
    ASSERT_EQ(qemu.size(), 1U);
    EXPECT_EQ(qemu[0].vmid, 100);
    EXPECT_EQ(qemu[0].node, "pve1");
    EXPECT_EQ(qemu[0].type, model::GuestType::qemu);
    EXPECT_EQ(qemu[0].is_template, true);
    EXPECT_EQ(qemu[0].lock, "backup");
    EXPECT_THAT(p, ElementsAre("GET /nodes/pve1/qemu: data[1]: entry without a usable 'vmid', skipped"));
    p.clear();
    const auto lxc = parse_node_guests(R"({"data":[{"vmid":"101","type":"lxc","status":"stopped"}]})",
                                       "GET /nodes/pve1/lxc", "pve1", model::GuestType::lxc, p);
    ASSERT_EQ(lxc.size(), 1U);
    EXPECT_EQ(lxc[0].vmid, 101);
    EXPECT_EQ(lxc[0].type, model::GuestType::lxc);
    EXPECT_EQ(lxc[0].status, "stopped");
    EXPECT_THAT(p, IsEmpty());
}

TEST(ParseBackupJobs, AVmidWrittenTwiceIsCountedOnceAndNoted) {
    std::vector<std::string> problems;
    std::vector<std::int64_t> repeated;
    const auto ids = parse_vmid_list(Json("100,101,100,100,102,101"), problems, &repeated);
    EXPECT_THAT(ids, ElementsAre(100, 101, 102));
    EXPECT_THAT(repeated, ElementsAre(100, 101));
    EXPECT_THAT(problems, IsEmpty());
}

} // namespace
