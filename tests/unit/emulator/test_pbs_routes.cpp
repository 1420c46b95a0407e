// The PBS personality without the network: endpoints, filters, derived groups/namespaces, errors.

#include "test_pbs_support.hpp"

#include "core/error.hpp"
#include "emulator/pbs_datastore.hpp"
#include "emulator/personality.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <set>

namespace pvr::emulator::test {
namespace {

using nlohmann::json;

class PbsRoutesTest : public ::testing::Test {
protected:
    PbsRoutesTest()
        : m_scenario(Scenario::from_files(pbs_scenario_files())),
          m_pbs1(make_pbs_personality(m_scenario, k_pbs1, {pbs_token()})),
          m_pbs2(make_pbs_personality(m_scenario, k_pbs2, {pbs_token()})) {}

    static ApiResponse get(const ApiPersonality& routes, const std::string& path,
                           std::multimap<std::string, std::string> params = {}) {
        ApiRequest request;
        request.method = "GET";
        request.path = path;
        request.params = std::move(params);
        return routes.handle(request);
    }
    [[nodiscard]] ApiResponse get(const std::string& path, std::multimap<std::string, std::string> params = {}) const {
        return get(*m_pbs1, path, std::move(params));
    }
    [[nodiscard]] json data(const std::string& path, std::multimap<std::string, std::string> params = {}) const {
        const ApiResponse response = get(path, std::move(params));
        EXPECT_EQ(response.status, 200) << path << ": " << response.body;
        return json::parse(response.body).at("data");
    }

    static std::set<long long> times(const json& snapshots) {
        std::set<long long> result;
        for (const auto& snapshot : snapshots) {
            result.insert(snapshot.at("backup-time").get<long long>());
        }
        return result;
    }

    static std::vector<std::string> names(const json& namespaces) {
        std::vector<std::string> result;
        for (const auto& item : namespaces) {
            result.push_back(item.at("ns").get<std::string>());
        }
        return result;
    }

    Scenario m_scenario;
    std::unique_ptr<ApiPersonality> m_pbs1;
    std::unique_ptr<ApiPersonality> m_pbs2;
};

TEST_F(PbsRoutesTest, AuthHeaderForms) {
    EXPECT_EQ(m_pbs1->check_auth(good_pbs_auth()), AuthCheck::ok);
    EXPECT_EQ(m_pbs1->check_auth(std::string("PBSAPIToken ") + k_pbs_token_id + ":" + k_pbs_secret), AuthCheck::ok);
    EXPECT_EQ(m_pbs1->check_auth(""), AuthCheck::missing);
    EXPECT_EQ(m_pbs1->check_auth(std::string("PVEAPIToken=") + k_pbs_token_id + "=" + k_pbs_secret),
              AuthCheck::not_a_token);
    EXPECT_EQ(m_pbs1->check_auth(good_pbs_auth() + "x"), AuthCheck::invalid);
    EXPECT_EQ(m_pbs1->check_auth(std::string("PBSAPIToken=") + k_pbs_token_id + "=" + k_pbs_secret),
              AuthCheck::invalid);
    for (const auto check : {AuthCheck::missing, AuthCheck::not_a_token, AuthCheck::invalid}) {
        const ApiResponse answer = m_pbs1->auth_failure(check);
        EXPECT_EQ(answer.status, 401);
        EXPECT_EQ(answer.body, "authentication failed");
    }
    EXPECT_FALSE(m_pbs1->requires_auth("/ping"));
    EXPECT_TRUE(m_pbs1->requires_auth("/version"));
}

TEST_F(PbsRoutesTest, MissingServerDirectoryIsAConfigError) {
    EXPECT_THROW((void)make_pbs_personality(m_scenario, "pbs7.example.lan", {pbs_token()}), Error);
    EXPECT_THROW((void)make_pbs_personality(m_scenario, "", {pbs_token()}), Error);
}

TEST_F(PbsRoutesTest, VersionTimeAndPing) {
    EXPECT_EQ(data("/version"), json::parse(R"({"version":"3.2","release":"4","repoid":"4940514b0f05"})"));
    EXPECT_EQ(data("/ping"), json::parse(R"({"pong":true})"));
    EXPECT_EQ(data("/nodes/localhost/time").at("timezone"), "Europe/Vienna");
    // Without time.json: UTC and the current time.
    const auto time = json::parse(get(*m_pbs2, "/nodes/localhost/time").body).at("data");
    EXPECT_EQ(time.at("timezone"), "UTC");
    EXPECT_GT(time.at("time").get<long long>(), 1700000000);
    EXPECT_EQ(time.at("localtime"), time.at("time"));
}

TEST_F(PbsRoutesTest, DatastoreListsAndUsage) {
    const auto stores = data("/admin/datastore");
    ASSERT_EQ(stores.size(), 2U);
    EXPECT_EQ(stores[0].at("store"), "store1");
    EXPECT_TRUE(stores[1].at("comment").is_null());
    EXPECT_EQ(data("/status/datastore-usage")[0].at("history-delta"), 1800);
    // Derived on pbs2 (only a snapshots file).
    const auto derived = json::parse(get(*m_pbs2, "/admin/datastore").body).at("data");
    EXPECT_EQ(derived, json::parse(R"([{"store":"tank","comment":null}])"));
    EXPECT_EQ(json::parse(get(*m_pbs2, "/status/datastore-usage").body).at("data"),
              json::parse(R"([{"store":"tank"}])"));
}

TEST_F(PbsRoutesTest, DatastoreStatusVerbose) {
    const auto plain = data("/admin/datastore/store1/status");
    EXPECT_EQ(plain, json::parse(R"({"total":1000,"used":400,"avail":600})"));
    const auto verbose = data("/admin/datastore/store1/status", {{"verbose", "true"}});
    EXPECT_TRUE(verbose.contains("gc-status"));
    const auto& counts = verbose.at("counts");
    EXPECT_EQ(counts.at("vm"), json::parse(R"({"groups":3,"snapshots":5})"));
    EXPECT_EQ(counts.at("ct"), json::parse(R"({"groups":1,"snapshots":1})"));
    EXPECT_EQ(counts.at("host"), json::parse(R"({"groups":1,"snapshots":1})"));
    EXPECT_TRUE(counts.at("other").is_null());
    const auto bad = get("/admin/datastore/store1/status", {{"verbose", "maybe"}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.body, "parameter verification errors\n\nparameter 'verbose': Unable to parse boolean option.\n");
}

TEST_F(PbsRoutesTest, SnapshotsFilteredByExactNamespace) {
    const auto root = data("/admin/datastore/store1/snapshots");
    EXPECT_EQ(times(root), (std::set<long long>{1000, 1500, 2000, 3000}));
    for (const auto& snapshot : root) {
        EXPECT_FALSE(snapshot.contains("ns"));
        EXPECT_FALSE(snapshot.contains("group-comment"));
    }
    EXPECT_EQ(times(data("/admin/datastore/store1/snapshots", {{"ns", ""}})), times(root));
    // No recursion: the snapshot in a/b is not part of a.
    EXPECT_EQ(times(data("/admin/datastore/store1/snapshots", {{"ns", "a"}})), (std::set<long long>{1100}));
    EXPECT_EQ(times(data("/admin/datastore/store1/snapshots", {{"ns", "a/b"}})), (std::set<long long>{1200}));
    // File order is kept (the order is unspecified on a real PBS).
    EXPECT_EQ(root[0].at("backup-time"), 2000);
    EXPECT_EQ(root[1].at("backup-time"), 3000);
}

TEST_F(PbsRoutesTest, SnapshotsFilteredByTypeAndId) {
    const std::string path = "/admin/datastore/store1/snapshots";
    EXPECT_EQ(times(data(path, {{"backup-type", "ct"}})), (std::set<long long>{1500}));
    EXPECT_EQ(times(data(path, {{"backup-type", "vm"}, {"backup-id", "100"}})),
              (std::set<long long>{1000, 2000, 3000}));
    EXPECT_EQ(times(data(path, {{"backup-id", "205"}})), (std::set<long long>{1500}));
    EXPECT_TRUE(data(path, {{"backup-type", "host"}}).empty());
    EXPECT_EQ(times(data(path, {{"ns", "c"}, {"backup-type", "host"}, {"backup-id", "fs01"}})),
              (std::set<long long>{1300}));

    const auto bad_type = get(path, {{"backup-type", "qemu"}});
    EXPECT_EQ(bad_type.status, 400);
    EXPECT_NE(bad_type.body.find("parameter 'backup-type': value 'qemu' is not defined in the enumeration."),
              std::string::npos);
    const auto unknown_param = get(path, {{"max-depth", "1"}});
    EXPECT_EQ(unknown_param.status, 400);
    EXPECT_NE(unknown_param.body.find("parameter 'max-depth': schema does not allow additional properties."),
              std::string::npos);
    EXPECT_EQ(get(path, {{"ns", "a//b"}}).status, 400);
    EXPECT_EQ(get(path, {{"backup-id", "-x"}}).status, 400);
    const auto missing_ns = get(path, {{"ns", "zzz"}});
    EXPECT_EQ(missing_ns.status, 400);
    EXPECT_EQ(missing_ns.body, "namespace 'zzz' does not exist");
}

TEST_F(PbsRoutesTest, GroupsDerivedFromSnapshots) {
    const auto groups = data("/admin/datastore/store1/groups");
    ASSERT_EQ(groups.size(), 2U);
    // Sorted by type: ct before vm.
    EXPECT_EQ(groups[0], json::parse(R"({"backup-type":"ct","backup-id":"205","last-backup":1500,"backup-count":1,
        "files":["pct.conf.blob","index.json.blob"],"owner":"sync@pbs!a","comment":"database"})"));
    // The newest snapshot (3000) is unfinished: last-backup is the newest finished one, the count
    // includes the unfinished one.
    EXPECT_EQ(groups[1], json::parse(R"({"backup-type":"vm","backup-id":"100","last-backup":2000,"backup-count":3,
        "files":["qemu-server.conf.blob","index.json.blob","client.log.blob"],"owner":"sync@pbs!a"})"));
    const auto in_a = data("/admin/datastore/store1/groups", {{"ns", "a"}});
    ASSERT_EQ(in_a.size(), 1U);
    EXPECT_EQ(in_a[0].at("owner"), "sync@pbs!b");
    EXPECT_EQ(in_a[0].at("backup-count"), 1);
    EXPECT_EQ(get("/admin/datastore/store1/groups", {{"backup-type", "vm"}}).status, 400);
}

TEST_F(PbsRoutesTest, GroupOfOnlyUnfinishedSnapshots) {
    const auto all = json::parse(R"([{"backup-type":"vm","backup-id":"1","backup-time":10,"files":[]},
                                     {"backup-type":"vm","backup-id":"1","backup-time":20,"files":[]}])");
    const auto groups = derive_groups(all, "");
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_EQ(groups[0].at("last-backup"), 20);
    EXPECT_EQ(groups[0].at("backup-count"), 2);
}

TEST_F(PbsRoutesTest, NamespacesWithParentAndMaxDepth) {
    const std::string path = "/admin/datastore/store1/namespace";
    EXPECT_EQ(names(data(path)), (std::vector<std::string>{"", "a", "a/b", "c"}));
    EXPECT_EQ(names(data(path, {{"max-depth", "0"}})), (std::vector<std::string>{""}));
    EXPECT_EQ(names(data(path, {{"max-depth", "1"}})), (std::vector<std::string>{"", "a", "c"}));
    EXPECT_EQ(names(data(path, {{"parent", "a"}})), (std::vector<std::string>{"a", "a/b"}));
    EXPECT_EQ(names(data(path, {{"parent", "a"}, {"max-depth", "0"}})), (std::vector<std::string>{"a"}));
    EXPECT_EQ(get(path, {{"max-depth", "8"}}).status, 400);
    EXPECT_EQ(get(path, {{"parent", "nope"}}).status, 400);
    // Derived namespace order is depth-first, not plain string order ("a-c" < "a/b" as strings).
    const auto derived = namespaces_of_snapshots(json::parse(R"([{"ns":"a-c"},{"ns":"a/b"},{"ns":"a"}])"));
    EXPECT_EQ(derived, (std::vector<std::string>{"", "a", "a/b", "a-c"}));
}

TEST_F(PbsRoutesTest, NamespacesFile) {
    auto files = pbs_scenario_files();
    files.push_back({std::string("pbs/") + k_pbs1 + "/admin/datastore/store1/namespaces.json",
                     R"([{"ns":""},{"ns":"x"},{"ns":"x/y"},{"ns":"a"}])"});
    const Scenario scenario = Scenario::from_files(files);
    const auto routes = make_pbs_personality(scenario, k_pbs1, {pbs_token()});
    const auto list = json::parse(get(*routes, "/admin/datastore/store1/namespace").body).at("data");
    EXPECT_EQ(names(list), (std::vector<std::string>{"", "x", "x/y", "a"}));
    EXPECT_EQ(get(*routes, "/admin/datastore/store1/snapshots", {{"ns", "x/y"}}).status, 200);
}

TEST_F(PbsRoutesTest, UnknownAndOfflineDatastores) {
    for (const char* what : {"status", "snapshots", "groups", "namespace", "gc"}) {
        const auto answer = get(std::string("/admin/datastore/nope/") + what);
        EXPECT_EQ(answer.status, 400) << what;
        EXPECT_EQ(answer.body, "no such datastore 'nope'") << what;
    }
    const auto offline = get("/admin/datastore/offsite/snapshots");
    EXPECT_EQ(offline.status, 400);
    EXPECT_EQ(offline.body, "datastore 'offsite' is in offline maintenance mode: disk swap");
}

TEST_F(PbsRoutesTest, PruneJobs) {
    const auto config = get("/config/prune");
    ASSERT_EQ(config.status, 200);
    const auto body = json::parse(config.body);
    EXPECT_EQ(body.at("data").size(), 2U);
    EXPECT_EQ(body.at("digest").get<std::string>().size(), 64U);
    EXPECT_EQ(data("/admin/prune").size(), 2U);
    const auto store1 = data("/admin/prune", {{"store", "store1"}});
    ASSERT_EQ(store1.size(), 1U);
    EXPECT_EQ(store1[0].at("last-run-state"), "OK");
    EXPECT_EQ(get("/config/prune", {{"store", "store1"}}).status, 400);
    // PBS < 2.2.2: no prune jobs at all.
    for (const char* path : {"/config/prune", "/admin/prune"}) {
        const auto absent = get(*m_pbs2, path);
        EXPECT_EQ(absent.status, 404);
        EXPECT_EQ(absent.body, std::string("Path '/api2/json") + path + "' not found.");
    }
}

TEST_F(PbsRoutesTest, DatastoreConfigAndVerifyJobs) {
    const auto config = json::parse(get("/config/datastore").body);
    EXPECT_EQ(config.at("data")[0].at("gc-schedule"), "daily");
    EXPECT_TRUE(config.contains("digest"));
    EXPECT_EQ(json::parse(get(*m_pbs2, "/config/datastore").body).at("data"),
              json::parse(R"([{"name":"tank","path":"/mnt/datastore/tank"}])"));
    EXPECT_EQ(data("/config/verify")[0].at("id"), "weekly-verify");
    EXPECT_EQ(data("/admin/verify", {{"store", "store1"}}).size(), 1U);
    EXPECT_TRUE(data("/admin/verify", {{"store", "offsite"}}).empty());
    EXPECT_TRUE(json::parse(get(*m_pbs2, "/config/verify").body).at("data").empty());
}

TEST_F(PbsRoutesTest, Permissions) {
    EXPECT_EQ(data("/access/permissions").size(), 2U);
    EXPECT_EQ(data("/access/permissions", {{"path", "/datastore/store1"}}),
              json::parse(R"({"/datastore/store1":{"Datastore.Audit":true}})"));
    EXPECT_EQ(data("/access/permissions", {{"path", "/"}}), json::parse(R"({"/":{"Sys.Audit":false}})"));
    EXPECT_EQ(data("/access/permissions", {{"path", "/remote"}}), json::object());
    EXPECT_EQ(json::parse(get(*m_pbs2, "/access/permissions").body).at("data"), json::object());
}

TEST_F(PbsRoutesTest, UnknownPathIs404PlainText) {
    const auto answer = get("/cluster/resources");
    EXPECT_EQ(answer.status, 404);
    EXPECT_EQ(answer.body, "Path '/api2/json/cluster/resources' not found.");
    EXPECT_TRUE(json::parse(answer.body, nullptr, false).is_discarded());
    EXPECT_EQ(get("/admin/datastore/store1/nothing").status, 404);
    EXPECT_EQ(get("/faults").status, 404);
}

TEST_F(PbsRoutesTest, FaultAnswersArePlainText) {
    Fault fault;
    fault.status = 403;
    EXPECT_EQ(m_pbs1->fault_answer(fault, "/version").body, "permission check failed");
    fault.status = 500;
    fault.reason = "datastore is busy";
    const auto answer = m_pbs1->fault_answer(fault, "/version");
    EXPECT_EQ(answer.status, 500);
    EXPECT_EQ(answer.body, "datastore is busy");
}

} // namespace
} // namespace pvr::emulator::test
