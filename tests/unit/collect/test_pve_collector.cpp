// collect_pve end to end against a scripted client.

#include "collect/pve_collector.hpp"
#include "fake_client.hpp"
#include "issue_fact_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

using namespace pvr;
using namespace pvr::collect;
using pvr::collect::testing::expect_known_kinds;
using pvr::collect::testing::fact_line;
using pvr::collect::testing::FakeClient;
using pvr::collect::testing::fixture;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

constexpr std::int64_t now = 1735770000; // 2025-01-01T22:20:00Z
constexpr std::int64_t since = now - 31 * 86400;

const std::string new_upid = "UPID:pve1:0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam:";
const std::string new_log =
    "/nodes/pve1/tasks/UPID%3Apve1%3A0001A2B3%3A0C4D5E6F%3A67744D40%3Avzdump%3A%3Aroot%40pam%3A/log";
const std::string old_log =
    "/nodes/pve1/tasks/UPID%3Apve1%3A0001A000%3A0C4D5E6F%3A6772FBC0%3Avzdump%3A%3Aroot%40pam%3A/log";

PveCollectorOptions test_options(std::size_t parallelism = 4) {
    PveCollectorOptions options;
    options.parallelism = parallelism;
    options.task_history_days = 31;
    options.clock = [] { return now; };
    return options;
}

http::Query task_query(std::int64_t start) {
    return {
        {"typefilter", "vzdump"}, {"since", std::to_string(since)}, {"limit", "500"}, {"start", std::to_string(start)}};
}

/// The reference cluster: pve1 (100 qemu, 101 lxc) and pve2 (200 qemu) online, pve3 (130) offline.
void load_cluster(FakeClient& client) {
    client.on("/version", fixture("cluster/version.json"));
    client.on("/cluster/status", fixture("cluster/cluster_status.json"));
    client.on("/nodes", fixture("cluster/nodes.json"));
    client.on("/storage", fixture("storage.json"));
    client.on("/cluster/backup", fixture("backup_jobs.json"));
    client.on("/cluster/resources", fixture("cluster/resources.json"));
    client.on("/pools", fixture("cluster/pools.json"));
    client.on("/pools", {{"poolid", "prod"}}, fixture("cluster/pool_prod.json"));
    client.on("/pools", {{"poolid", "prod/db"}}, fixture("cluster/pool_prod_db.json"));
    client.on("/cluster/tasks", fixture("cluster/cluster_tasks.json"));
    client.on("/cluster/backup-info/not-backed-up", fixture("cluster/not_backed_up.json"));
    client.on("/access/permissions", fixture("cluster/permissions.json"));
    client.on("/nodes/pve1/tasks", task_query(0), fixture("cluster/pve1_tasks.json"));
    client.on("/nodes/pve2/tasks", task_query(0), fixture("cluster/pve2_tasks.json"));
    client.on(new_log, {{"limit", "0"}}, fixture("vzdump_log.json"));
    client.on(old_log, {{"limit", "0"}}, R"({"data":[{"n":1,"t":"ERROR: Backup of VM 100 failed - old failure"}]})");
    client.on("/nodes/pve1/qemu/100/config", fixture("qemu_config.json"));
    client.on("/nodes/pve1/lxc/101/config", fixture("lxc_config.json"));
    client.on("/nodes/pve2/qemu/200/config", fixture("cluster/pve2_qemu_200.json"));
    client.on("/nodes/pve1/time", R"({"data":{"timezone":"Europe/Paris","time":1735770000,"localtime":1735773600}})");
}

const model::Guest& guest(const model::Inventory& inventory, std::int64_t vmid) {
    const auto it = std::find_if(inventory.guests.begin(), inventory.guests.end(),
                                 [&](const model::Guest& g) { return g.vmid == vmid; });
    if (it == inventory.guests.end()) {
        throw std::runtime_error("no guest " + std::to_string(vmid));
    }
    return *it;
}

std::vector<std::string> issue_lines(const model::Inventory& inventory) {
    expect_known_kinds(inventory.issues); // issue 13: every issue has a fact of a known kind
    std::vector<std::string> out;
    for (const auto& issue : inventory.issues) {
        out.push_back(std::string(issue.severity == model::IssueSeverity::error ? "error" : "warning") + " " +
                      issue.source + " " + issue.endpoint.value_or("-") + " " + issue.message);
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(CollectPve, NormalCluster) {
    FakeClient client;
    load_cluster(client);
    const auto inventory = collect_pve(client, test_options());

    EXPECT_EQ(inventory.cluster.name, "prod");
    EXPECT_EQ(inventory.cluster.pve_version, "8.2.4");
    EXPECT_EQ(inventory.cluster.pve_release, "8.2");
    EXPECT_EQ(inventory.cluster.quorate, true);
    ASSERT_EQ(inventory.cluster.nodes.size(), 3U);
    EXPECT_EQ(inventory.cluster.nodes[0].name, "pve1");
    EXPECT_EQ(inventory.cluster.nodes[0].status, "online");
    EXPECT_EQ(inventory.cluster.nodes[0].ip, "10.0.0.11");
    EXPECT_TRUE(inventory.cluster.nodes[0].local);
    EXPECT_EQ(inventory.cluster.nodes[2].status, "offline");

    EXPECT_TRUE(inventory.storages_collected);
    EXPECT_EQ(inventory.storages.size(), 3U);
    ASSERT_TRUE(inventory.jobs.has_value());
    EXPECT_EQ(inventory.jobs->size(), 3U);
    EXPECT_TRUE(inventory.guests_collected);
    ASSERT_EQ(inventory.guests.size(), 4U);
    EXPECT_TRUE(inventory.pools_collected);
    ASSERT_EQ(inventory.pools.size(), 2U);
    EXPECT_EQ(inventory.pools.at("prod").members, (std::vector<std::int64_t>{100}));
    EXPECT_EQ(inventory.pools.at("prod/db").members, (std::vector<std::int64_t>{}));
    ASSERT_TRUE(inventory.not_backed_up.has_value());
    EXPECT_EQ(inventory.not_backed_up->size(), 1U);
    EXPECT_EQ(inventory.missing_privileges, (std::vector<std::string>{}));

    // Configurations of the guests on online nodes.
    const auto& web = guest(inventory, 100);
    EXPECT_TRUE(web.config_collected);
    EXPECT_EQ(web.notes, "Owner: web team\nRestore priority: high");
    EXPECT_EQ(web.volumes.size(), 3U);
    const auto& db = guest(inventory, 101);
    EXPECT_TRUE(db.config_collected);
    EXPECT_EQ(db.volumes.size(), 3U);
    const auto& app = guest(inventory, 200);
    EXPECT_TRUE(app.config_collected);
    EXPECT_EQ(app.notes, std::nullopt);
    ASSERT_EQ(app.volumes.size(), 3U); // virtio0, efidisk0 (excluded: seabios), tpmstate0
    EXPECT_FALSE(app.volumes[1].included);
    EXPECT_EQ(app.lock, "backup");
    EXPECT_FALSE(guest(inventory, 130).config_collected);

    // Latest result per guest: the newest task on pve1 (log), the single-guest task on pve2.
    EXPECT_TRUE(inventory.tasks_collected);
    EXPECT_THAT(inventory.task_history_nodes, ElementsAre("pve1", "pve2"));
    ASSERT_EQ(inventory.last_results.size(), 4U);
    const auto& r100 = inventory.last_results.at(100);
    EXPECT_EQ(r100.outcome, model::BackupOutcome::ok);
    EXPECT_EQ(r100.time, 1735675200);
    EXPECT_EQ(r100.endtime, 1735675954);
    EXPECT_EQ(r100.node, "pve1");
    EXPECT_EQ(r100.upid, new_upid);
    EXPECT_EQ(inventory.last_results.at(101).outcome, model::BackupOutcome::failed);
    EXPECT_EQ(inventory.last_results.at(101).error, "CT is locked (snapshot)");
    EXPECT_EQ(inventory.last_results.at(999).error, "unable to find VM '999'");
    EXPECT_EQ(inventory.last_results.at(200).outcome, model::BackupOutcome::ok);
    EXPECT_EQ(inventory.last_results.at(200).node, "pve2");

    // One warning for the offline node, nothing else.
    EXPECT_THAT(issue_lines(inventory),
                ElementsAre("warning node/pve3 - node pve3 is offline: its task history and guest configurations "
                            "could not be read"));

    EXPECT_EQ(fact_line(inventory.issues[0].fact), "node_offline node=pve3");
    EXPECT_EQ(inventory.pve_time_zone, "Europe/Paris");

    // Request pattern: 1 + 9 cluster-wide + 2 pools + 2 task pages + 1 time zone + 1 log + 3 configs.
    EXPECT_FALSE(client.called("/nodes/pve3"));
    EXPECT_FALSE(client.called(old_log)); // every guest of pve1 already had a newer result
    EXPECT_EQ(client.count(new_log), 1U);
    EXPECT_EQ(client.count("/nodes/pve1/tasks?"), 1U);
    EXPECT_EQ(client.calls().size(), 19U);
    EXPECT_EQ(client.calls().front(), "/version");
}

TEST(CollectPve, ForbiddenBackupJobsAreAMissingFoundation) {
    FakeClient client;
    load_cluster(client);
    client.fail("/cluster/backup", 403, "Permission check failed (/, Sys.Audit)",
                "Permission check failed (/, Sys.Audit)\n");
    try {
        (void)collect_pve(client, test_options());
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(exit_code_for(e.kind()), exit_code::api_unusable);
        EXPECT_STREQ(e.what(), "cannot produce a report: the backup jobs could not be read (GET /cluster/backup: "
                               "HTTP 403 Permission check failed (/, Sys.Audit))");
    }
}

TEST(CollectPve, ForbiddenWithoutReasonNamesTheExpectedPrivilege) {
    FakeClient client;
    load_cluster(client);
    client.fail("/nodes/pve1/qemu/100/config", 403, "Forbidden");
    const auto inventory = collect_pve(client, test_options());
    EXPECT_FALSE(guest(inventory, 100).config_collected);
    EXPECT_TRUE(guest(inventory, 101).config_collected);
    EXPECT_THAT(issue_lines(inventory),
                ::testing::Contains("warning node/pve1 /nodes/pve1/qemu/100/config configuration of VM 100 on node "
                                    "pve1 could not be read: HTTP 403 Forbidden; the API token probably lacks "
                                    "VM.Audit on /vms/100"));
    const auto it = std::find_if(inventory.issues.begin(), inventory.issues.end(),
                                 [](const model::CollectionIssue& i) { return i.source == "node/pve1"; });
    ASSERT_NE(it, inventory.issues.end());
    EXPECT_EQ(fact_line(it->fact), "permission_probably_missing endpoint=/nodes/pve1/qemu/100/config "
                                   "privilege=VM.Audit path=/vms/100 reason=Forbidden");
}

TEST(CollectPve, NodeAnswering595IsReportedOnceAndSkipped) {
    FakeClient client;
    load_cluster(client);
    client.fail("/nodes/pve2/tasks", task_query(0), 595, "No route to host");
    client.fail("/nodes/pve2/qemu/200/config", 595, "No route to host");
    const auto inventory = collect_pve(client, test_options());

    EXPECT_EQ(client.count("/nodes/pve2/"), 1U); // the first call only
    EXPECT_FALSE(guest(inventory, 200).config_collected);
    EXPECT_TRUE(guest(inventory, 100).config_collected);
    EXPECT_TRUE(inventory.tasks_collected);
    EXPECT_THAT(inventory.task_history_nodes, ElementsAre("pve1"));
    EXPECT_EQ(inventory.last_results.count(100), 1U);
    EXPECT_THAT(issue_lines(inventory),
                ElementsAre("error node/pve2 /nodes/pve2/tasks node pve2 did not answer (HTTP 595 No route to host): "
                            "its task history and guest configurations could not be read",
                            "warning node/pve3 - node pve3 is offline: its task history and guest configurations "
                            "could not be read"));
    const auto it = std::find_if(inventory.issues.begin(), inventory.issues.end(),
                                 [](const model::CollectionIssue& i) { return i.source == "node/pve2"; });
    ASSERT_NE(it, inventory.issues.end());
    EXPECT_EQ(fact_line(it->fact), "node_unreachable node=pve2 endpoint=/nodes/pve2/tasks status=595 "
                                   "reason=No route to host");
}

TEST(CollectPve, NodeFailingLaterIsStillReportedOnce) {
    FakeClient client;
    load_cluster(client);
    // pve2 answers its task list, then times out on every guest configuration.
    std::string resources = fixture("cluster/resources.json");
    std::string extra;
    for (int vmid = 201; vmid <= 240; ++vmid) {
        extra += R"({"id":"qemu/)" + std::to_string(vmid) + R"(","vmid":)" + std::to_string(vmid) +
                 R"(,"type":"qemu","node":"pve2","status":"running"},)";
        client.fail("/nodes/pve2/qemu/" + std::to_string(vmid) + "/config", 596, "Connection timed out");
    }
    resources.insert(resources.find('[') + 1, extra);
    client.on("/cluster/resources", resources);
    client.fail("/nodes/pve2/qemu/200/config", 596, "Connection timed out");
    const auto inventory = collect_pve(client, test_options(4));

    const auto lines = issue_lines(inventory);
    const auto pve2 = std::count_if(lines.begin(), lines.end(),
                                    [](const std::string& l) { return l.find("node/pve2") != std::string::npos; });
    EXPECT_EQ(pve2, 1);
    EXPECT_THAT(lines, ::testing::Contains(HasSubstr("node pve2 did not answer (HTTP 596 Connection timed out)")));
    EXPECT_LT(client.count("/nodes/pve2/qemu/"), 41U); // stopped calling it (in-flight calls may finish)
    EXPECT_TRUE(guest(inventory, 100).config_collected);
}

TEST(CollectPve, NodeListFailingFallsBackToClusterStatus) {
    FakeClient client;
    load_cluster(client);
    client.fail("/nodes", 500, "internal error");
    const auto inventory = collect_pve(client, test_options());
    ASSERT_EQ(inventory.cluster.nodes.size(), 3U);
    EXPECT_EQ(inventory.cluster.nodes[1].status, "online");
    EXPECT_EQ(inventory.cluster.nodes[2].status, "offline");
    EXPECT_TRUE(guest(inventory, 200).config_collected);
    EXPECT_FALSE(client.called("/nodes/pve3"));
    EXPECT_EQ(inventory.cluster.node_source, "/cluster/status");
    EXPECT_EQ(inventory.cluster.inventory_source, "/cluster/resources");
    EXPECT_THAT(issue_lines(inventory),
                ElementsAre("warning node/pve3 - node pve3 is offline: its task history and guest configurations "
                            "could not be read",
                            "warning pve /nodes node list could not be read: HTTP 500 internal error",
                            "warning pve /nodes the node list comes from GET /cluster/status: GET /nodes failed (HTTP "
                            "500 internal error)"));
    std::vector<std::string> facts;
    for (const auto& issue : inventory.issues) {
        facts.push_back(fact_line(issue.fact));
    }
    EXPECT_THAT(facts, ::testing::UnorderedElementsAre("node_offline node=pve3",
                                                       "http_status endpoint=/nodes status=500 reason=internal error",
                                                       "node_list_fallback reason=HTTP 500 internal error"));
}

TEST(CollectPve, UnauthenticatedAnywhereIsBlocking) {
    {
        FakeClient client;
        load_cluster(client);
        client.fail("/version", 401, "Authentication failed!");
        try {
            (void)collect_pve(client, test_options());
            FAIL() << "no exception";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::unauthenticated);
        }
    }
    {
        FakeClient client;
        load_cluster(client);
        client.fail("/nodes/pve1/lxc/101/config", 401, "Authentication failed!");
        try {
            (void)collect_pve(client, test_options());
            FAIL() << "no exception";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::unauthenticated);
        }
    }
    {
        FakeClient client;
        load_cluster(client);
        client.fail("/storage", 401, "Authentication failed!");
        EXPECT_THROW((void)collect_pve(client, test_options()), Error);
    }
}

TEST(CollectPve, VersionFailuresAreBlocking) {
    FakeClient client;
    load_cluster(client);
    client.fail("/version", 0, "Failed to connect to pve1 port 8006", "", ErrorKind::unreachable);
    try {
        (void)collect_pve(client, test_options());
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::unreachable);
    }
    EXPECT_EQ(client.calls().size(), 1U);

    FakeClient html;
    html.on("/version", "<html>not the API</html>");
    try {
        (void)collect_pve(html, test_options());
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::invalid_response);
        EXPECT_THAT(e.what(), HasSubstr("GET /version"));
    }
}

TEST(CollectPve, MalformedJsonBecomesAnIssueNamingTheEndpoint) {
    FakeClient client;
    load_cluster(client);
    client.on("/storage", "{\"data\":[{\"storage\":");
    client.on("/nodes/pve1/lxc/101/config", "<html>oops</html>");
    const auto inventory = collect_pve(client, test_options());
    EXPECT_FALSE(inventory.storages_collected);
    EXPECT_TRUE(inventory.storages.empty());
    EXPECT_FALSE(guest(inventory, 101).config_collected);
    const auto lines = issue_lines(inventory);
    EXPECT_THAT(lines, ::testing::Contains("error pve /storage storage definitions could not be read: GET /storage: "
                                           "response is not JSON (starts with '{\"data\":[{\"storage\":')"));
    EXPECT_THAT(lines, ::testing::Contains(HasSubstr("warning node/pve1 /nodes/pve1/lxc/101/config configuration of "
                                                     "CT 101 on node pve1 could not be read: GET "
                                                     "/nodes/pve1/lxc/101/config: response is not JSON")));
}

TEST(CollectPve, PoolMembersFailing) {
    FakeClient client;
    load_cluster(client);
    client.fail("/pools", {{"poolid", "prod/db"}}, 500, "pool 'prod/db' does not exist");
    const auto inventory = collect_pve(client, test_options());
    EXPECT_TRUE(inventory.pools_collected);
    EXPECT_EQ(inventory.pools.at("prod").members, (std::vector<std::int64_t>{100}));
    EXPECT_EQ(inventory.pools.at("prod/db").members, std::nullopt);
    EXPECT_THAT(issue_lines(inventory),
                ::testing::Contains("warning pve /pools?poolid=prod/db members of pool prod/db could not be read: "
                                    "HTTP 500 pool 'prod/db' does not exist"));
}

TEST(CollectPve, OldVersionUsesThePoolPathAndNoSince) {
    FakeClient client;
    load_cluster(client);
    client.on("/version", R"({"data":{"version":"6.4-13","release":"6.4"}})");
    client.on("/pools/prod", R"({"data":{"poolid":"prod","members":[{"id":"qemu/100","vmid":100,"type":"qemu"}]}})");
    client.on("/pools/prod%2Fdb", R"({"data":{"poolid":"prod/db"}})");
    client.on("/nodes/pve1/tasks", {{"typefilter", "vzdump"}, {"limit", "500"}, {"start", "0"}},
              fixture("cluster/pve1_tasks.json"));
    client.on("/nodes/pve2/tasks", {{"typefilter", "vzdump"}, {"limit", "500"}, {"start", "0"}},
              fixture("cluster/pve2_tasks.json"));
    const auto inventory = collect_pve(client, test_options());
    EXPECT_EQ(inventory.pools.at("prod").members, (std::vector<std::int64_t>{100}));
    EXPECT_EQ(inventory.pools.at("prod/db").members, (std::vector<std::int64_t>{}));
    EXPECT_FALSE(client.called("/pools?"));
    EXPECT_EQ(inventory.last_results.size(), 4U);
}

TEST(CollectPve, LatestResultPerGuestAcrossNodesAndTasks) {
    FakeClient client;
    load_cluster(client);
    // pve2 also backed up 100 (before a migration), later than pve1's run, and failed it.
    client.on("/nodes/pve2/tasks", task_query(0), R"({"data":[
      {"upid":"UPID:pve2:00000001:00000001:67744E00:vzdump:100:root@pam:","node":"pve2","starttime":1735675392,
       "endtime":1735675400,"status":"job errors","id":"100","type":"vzdump","user":"root@pam"},
      {"upid":"UPID:pve2:00000002:00000001:67744D41:vzdump:200:root@pam:","node":"pve2","starttime":1735675201,
       "endtime":1735675390,"status":"OK","id":"200","type":"vzdump","user":"root@pam"},
      {"upid":"UPID:pve2:00000003:00000001:67700000:vzdump:200:root@pam:","node":"pve2","starttime":1735393280,
       "endtime":1735393290,"status":"interrupted","id":"200","type":"vzdump","user":"root@pam"}]})");
    client.on("/nodes/pve2/tasks/UPID%3Apve2%3A00000001%3A00000001%3A67744E00%3Avzdump%3A100%3Aroot%40pam%3A/log",
              R"js({"data":[{"n":1,"t":"INFO: Starting Backup of VM 100 (qemu)"},
                          {"n":2,"t":"ERROR: Backup of VM 100 failed - VM is locked (migrate)"},
                          {"n":3,"t":"TASK ERROR: job errors"}]})js");
    const auto inventory = collect_pve(client, test_options());
    const auto& r100 = inventory.last_results.at(100);
    EXPECT_EQ(r100.node, "pve2");
    EXPECT_EQ(r100.outcome, model::BackupOutcome::failed);
    EXPECT_EQ(r100.error, "VM is locked (migrate)");
    EXPECT_EQ(r100.time, 1735675392);
    const auto& r200 = inventory.last_results.at(200);
    EXPECT_EQ(r200.outcome, model::BackupOutcome::ok);
    EXPECT_EQ(r200.time, 1735675201);
    // The older failed task of 200 ended before its newer result: its log is not needed.
    EXPECT_EQ(client.count("/nodes/pve2/tasks/"), 1U);
}

TEST(CollectPve, SingleGuestFailureWithoutLogKeepsTheStatus) {
    FakeClient client;
    load_cluster(client);
    client.on("/nodes/pve2/tasks", task_query(0), R"({"data":[
      {"upid":"UPID:pve2:00000001:00000001:67744E00:vzdump:200:root@pam:","node":"pve2","starttime":1735675392,
       "endtime":1735675400,"status":"could not activate storage 'pbs-main'","id":"200","type":"vzdump"}]})");
    client.fail("/nodes/pve2/tasks/UPID%3Apve2%3A00000001%3A00000001%3A67744E00%3Avzdump%3A200%3Aroot%40pam%3A/log",
                403, "Permission check failed (/nodes/pve2, Sys.Audit)");
    const auto inventory = collect_pve(client, test_options());
    const auto& r200 = inventory.last_results.at(200);
    EXPECT_EQ(r200.outcome, model::BackupOutcome::failed);
    EXPECT_EQ(r200.error, "could not activate storage 'pbs-main'");
    EXPECT_THAT(issue_lines(inventory),
                ::testing::Contains(HasSubstr("warning node/pve2 /nodes/pve2/tasks/UPID%3Apve2")));
    EXPECT_THAT(issue_lines(inventory), ::testing::Contains(HasSubstr("the API token lacks Sys.Audit on /nodes/pve2")));
}

TEST(CollectPve, TaskHistoryIsPaged) {
    FakeClient client;
    load_cluster(client);
    // pve2 has a second guest (205) whose only result is on the second page.
    std::string resources = fixture("cluster/resources.json");
    resources.insert(resources.find('[') + 1,
                     R"({"id":"qemu/205","vmid":205,"type":"qemu","node":"pve2","status":"running"},)");
    client.on("/cluster/resources", resources);
    client.on("/nodes/pve2/qemu/205/config", R"({"data":{"scsi0":"local-lvm:vm-205-disk-0"}})");
    std::string page = R"({"data":[)";
    for (int i = 0; i < 500; ++i) {
        const std::int64_t start = 1735675201 - i;
        char upid[96];
        std::snprintf(upid, sizeof upid, "UPID:pve2:%08X:00000001:%08llX:vzdump:200:root@pam:", i + 1,
                      static_cast<unsigned long long>(start));
        page += std::string(i == 0 ? "" : ",") + R"({"upid":")" + upid + R"(","starttime":)" + std::to_string(start) +
                R"(,"endtime":)" + std::to_string(start + 60) + R"(,"status":"OK","id":"200","type":"vzdump"})";
    }
    page += R"(],"total":501})";
    client.on("/nodes/pve2/tasks", task_query(0), page);
    client.on("/nodes/pve2/tasks", task_query(500), R"({"data":[
      {"upid":"UPID:pve2:00000999:00000001:67600000:vzdump:205:root@pam:","starttime":1734344704,
       "endtime":1734344800,"status":"WARNINGS: 1","id":"205","type":"vzdump"}],"total":501})");
    const auto inventory = collect_pve(client, test_options());
    EXPECT_TRUE(client.called("/nodes/pve2/tasks?limit=500&since=" + std::to_string(since) + "&start=500&"));
    EXPECT_EQ(inventory.last_results.at(205).outcome, model::BackupOutcome::ok);
    EXPECT_EQ(inventory.last_results.at(205).time, 1734344704);
    EXPECT_EQ(inventory.last_results.at(200).time, 1735675201);
    EXPECT_THAT(inventory.task_history_nodes, ElementsAre("pve1", "pve2"));
    EXPECT_FALSE(client.called("/nodes/pve2/tasks?limit=0"));
}

TEST(CollectPve, PermissionFilteredEmptyListingsAreExplained) {
    FakeClient client;
    load_cluster(client);
    client.on("/access/permissions", R"({"data":{"/vms":{"VM.Audit":1},"/nodes":{"Sys.Audit":1}}})");
    client.on("/storage", R"({"data":[]})");
    client.on("/pools", R"({"data":[]})");
    client.on("/cluster/tasks", R"({"data":[]})");
    const auto inventory = collect_pve(client, test_options());
    EXPECT_EQ(inventory.missing_privileges,
              (std::vector<std::string>{"Sys.Audit on /", "Datastore.Audit", "Pool.Audit"}));
    const auto lines = issue_lines(inventory);
    EXPECT_THAT(lines, ::testing::Contains(HasSubstr("warning pve /storage no storage is visible: the API token lacks "
                                                     "Datastore.Audit")));
    EXPECT_THAT(lines, ::testing::Contains(HasSubstr("warning pve /pools no pool is visible")));
    EXPECT_THAT(lines, ::testing::Contains(HasSubstr("warning pve /cluster/tasks no task is visible: the API token "
                                                     "lacks Sys.Audit on /")));
    std::vector<std::string> facts;
    for (const auto& issue : inventory.issues) {
        facts.push_back(fact_line(issue.fact));
    }
    EXPECT_THAT(facts, ::testing::IsSupersetOf({"storages_hidden privilege=Datastore.Audit",
                                                "pools_hidden privilege=Pool.Audit",
                                                "tasks_hidden privilege=Sys.Audit path=/"}));

    // Empty listings with every privilege present are just empty.
    FakeClient full;
    load_cluster(full);
    full.on("/storage", R"({"data":[]})");
    const auto quiet = collect_pve(full, test_options());
    EXPECT_EQ(quiet.issues.size(), 1U); // the offline node only
}

TEST(CollectPve, ManyGuestsUseABoundedPool) {
    FakeClient client;
    load_cluster(client);
    std::string resources = R"({"data":[)";
    for (int vmid = 1000; vmid < 1300; ++vmid) {
        const std::string node = vmid % 2 == 0 ? "pve1" : "pve2";
        resources += std::string(vmid == 1000 ? "" : ",") + R"({"id":"qemu/)" + std::to_string(vmid) + R"(","vmid":)" +
                     std::to_string(vmid) + R"(,"type":"qemu","node":")" + node + R"(","status":"running"})";
        client.on("/nodes/" + node + "/qemu/" + std::to_string(vmid) + "/config",
                  R"({"data":{"scsi0":"local-lvm:vm-)" + std::to_string(vmid) + R"(-disk-0"}})");
    }
    resources += "]}";
    client.on("/cluster/resources", resources);
    client.set_delay(std::chrono::milliseconds(1));
    const auto inventory = collect_pve(client, test_options(3));
    EXPECT_LE(client.max_in_flight(), 3);
    EXPECT_EQ(std::count_if(inventory.guests.begin(), inventory.guests.end(),
                            [](const model::Guest& g) { return g.config_collected; }),
              300);
    // pve1's guests have no result in the newest task's log: its walk reads the older log, then stops.
    EXPECT_TRUE(client.called(old_log));
}

// --- foundations --------------------------------------------------------------------------------

/// /nodes/{node}/qemu and /lxc of the reference cluster, as PVE writes them.
void load_node_lists(FakeClient& client) {
    client.on("/nodes/pve1/qemu", R"({"data":[{"vmid":100,"name":"web01","status":"running","tags":"prod;web"}]})");
    client.on("/nodes/pve1/lxc", R"({"data":[{"vmid":"101","type":"lxc","name":"db01","status":"running"}]})");
    client.on("/nodes/pve2/qemu", R"({"data":[{"vmid":200,"name":"app01","status":"stopped","template":1}]})");
    client.on("/nodes/pve2/lxc", R"({"data":[]})");
}

std::string foundation_error(FakeClient& client) {
    try {
        (void)collect_pve(client, test_options());
    } catch (const Error& e) {
        EXPECT_EQ(exit_code_for(e.kind()), exit_code::api_unusable) << e.what();
        return e.what();
    }
    ADD_FAILURE() << "no exception";
    return "";
}

TEST(CollectPveFoundations, GuestInventoryFallsBackToTheNodeLists) {
    for (const auto& failure : {std::string("500"), std::string("truncated"), std::string("not a list")}) {
        SCOPED_TRACE(failure);
        FakeClient client;
        load_cluster(client);
        load_node_lists(client);
        if (failure == "500") {
            client.fail("/cluster/resources", 500, "boom");
        } else if (failure == "truncated") {
            client.on("/cluster/resources", R"({"data":[{"id":"qemu/100","vmid":100,"ty)");
        } else {
            client.on("/cluster/resources", R"({"data":{"vmid":100}})");
        }
        const auto inventory = collect_pve(client, test_options());
        EXPECT_EQ(inventory.cluster.inventory_source, "/nodes/{node}/qemu+lxc");
        EXPECT_EQ(inventory.cluster.node_source, "/nodes");
        EXPECT_TRUE(inventory.guests_collected);
        ASSERT_EQ(inventory.guests.size(), 3U);
        EXPECT_EQ(guest(inventory, 101).type, model::GuestType::lxc);
        EXPECT_EQ(guest(inventory, 101).node, "pve1");
        EXPECT_EQ(guest(inventory, 200).is_template, true);
        EXPECT_THAT(guest(inventory, 100).tags, ElementsAre("prod", "web"));
        EXPECT_TRUE(guest(inventory, 100).config_collected);
        EXPECT_FALSE(client.called("/nodes/pve3/qemu"));
        const auto lines = issue_lines(inventory);
        EXPECT_THAT(lines, ::testing::Contains(HasSubstr("warning pve /cluster/resources the guest inventory comes "
                                                         "from the guest lists of each online node")));
        EXPECT_THAT(lines, ::testing::Contains(HasSubstr("error node/pve3 - the guests of node pve3 (status "
                                                         "'offline') are not listed")));
    }
}

TEST(CollectPveFoundations, NoGuestInventorySourceIsExitFour) {
    FakeClient client;
    load_cluster(client);
    load_node_lists(client);
    client.fail("/cluster/resources", 500, "boom");
    client.fail("/nodes/pve2/lxc", 595, "No route to host");
    EXPECT_EQ(foundation_error(client),
              "cannot produce a report: the guest inventory could not be read (GET /cluster/resources: HTTP 500 "
              "boom; GET /nodes/pve2/lxc: HTTP 595 No route to host)");
}

TEST(CollectPveFoundations, NoNodeListIsExitFour) {
    FakeClient client;
    load_cluster(client);
    client.fail("/nodes", 500, "boom");
    client.on("/cluster/status", R"({"data":[{"type":"cluster","name":"prod"}]})");
    EXPECT_EQ(foundation_error(client), "cannot produce a report: the node list could not be read (GET /nodes: HTTP "
                                        "500 boom; GET /cluster/status: no node listed)");
}

TEST(CollectPveFoundations, VersionAnswerThatIsAnErrorIsExitFour) {
    FakeClient client;
    load_cluster(client);
    client.fail("/version", 500, "boom");
    EXPECT_EQ(foundation_error(client),
              "cannot produce a report: the PVE version could not be read (GET /version: HTTP 500 boom)");
}

TEST(CollectPveFoundations, MalformedBackupJobsAreExitFour) {
    FakeClient client;
    load_cluster(client);
    client.on("/cluster/backup", "<html>");
    EXPECT_THAT(foundation_error(client),
                HasSubstr("the backup jobs could not be read (GET /cluster/backup: response is not JSON"));
}

TEST(CollectPveFoundations, PoolsFailingStaysACollectionIssue) {
    FakeClient client;
    load_cluster(client);
    client.fail("/pools", 500, "boom");
    const auto inventory = collect_pve(client, test_options());
    EXPECT_FALSE(inventory.pools_collected);
    EXPECT_THAT(issue_lines(inventory), ::testing::Contains("error pve /pools pool list could not be read: HTTP 500 "
                                                            "boom"));
}

TEST(CollectPveFoundations, ABugIsNotTurnedIntoAnIssue) {
    // Anything that is not a pvr::Error propagates (exit 1), whatever the endpoint.
    class Throwing : public FakeClient {
    public:
        http::Response get(const std::string& path, const http::Query& query) override {
            if (path == "/storage") {
                throw std::out_of_range("vector::at");
            }
            return FakeClient::get(path, query);
        }
    };
    Throwing client;
    load_cluster(client);
    EXPECT_THROW((void)collect_pve(client, test_options()), std::out_of_range);
}

// --- duplicates, unreadable elements, many failures of one cause ----------------------------------

TEST(CollectPve, AVmidListedTwiceIsCountedOnceAndReported) {
    FakeClient client;
    load_cluster(client);
    std::string resources = fixture("cluster/resources.json");
    resources.insert(resources.find('[') + 1,
                     R"({"id":"qemu/100","vmid":100,"type":"qemu","node":"pve2","status":"stopped"},)");
    client.on("/cluster/resources", resources);
    const auto inventory = collect_pve(client, test_options());
    EXPECT_EQ(std::count_if(inventory.guests.begin(), inventory.guests.end(),
                            [](const model::Guest& g) { return g.vmid == 100; }),
              1);
    ASSERT_EQ(inventory.duplicates.size(), 1U);
    EXPECT_EQ(inventory.duplicates[0].kind, model::DuplicateEntry::Kind::guest_vmid);
    EXPECT_EQ(inventory.duplicates[0].id, "100");
    EXPECT_THAT(inventory.duplicates[0].places, ElementsAre("pve2", "pve1"));
}

TEST(CollectPve, JobsAndStoragesListedTwiceAreCountedOnce) {
    FakeClient client;
    load_cluster(client);
    client.on("/cluster/backup", R"({"data":[{"id":"backup-a","vmid":"100,101,100","schedule":"21:00"},
                                             {"id":"backup-a","vmid":"200","schedule":"22:00"}]})");
    std::string storages = fixture("storage.json");
    const auto first = storages.find('{', storages.find('['));
    const auto end = storages.find('}', first); // the first storage (no nested object)
    storages.insert(first, storages.substr(first, end - first + 1) + ",");
    client.on("/storage", storages);
    const auto inventory = collect_pve(client, test_options());
    ASSERT_TRUE(inventory.jobs);
    ASSERT_EQ(inventory.jobs->size(), 1U);
    EXPECT_THAT(inventory.jobs->front().selection.vmids, ElementsAre(100, 101));
    std::vector<std::string> kinds;
    for (const auto& d : inventory.duplicates) {
        kinds.push_back(std::to_string(static_cast<int>(d.kind)) + ":" + d.id + ":" + d.job);
    }
    EXPECT_THAT(kinds, ::testing::UnorderedElementsAre("2:100:backup-a", "1:backup-a:backup-a",
                                                       "3:" + inventory.storages.front().id + ":"));
}

TEST(CollectPve, AGuestWithoutAUsableTypeIsAnIssueNamingItsIndex) {
    FakeClient client;
    load_cluster(client);
    client.on("/cluster/resources", R"({"data":[{"id":"qemu/100","vmid":100,"type":"qemu","node":"pve1"},
        {"id":"qemu/105","vmid":105,"node":"pve1"},
        {"id":"qemu/106","vmid":106,"type":null,"node":"pve1"},
        {"id":"openvz/107","vmid":107,"type":"openvz","node":"pve1"},
        {"id":"storage/pve1/local","type":"storage","node":"pve1"}]})");
    const auto inventory = collect_pve(client, test_options());
    EXPECT_EQ(inventory.guests.size(), 1U);
    const auto lines = issue_lines(inventory);
    EXPECT_THAT(lines, ::testing::Contains("warning pve /cluster/resources GET /cluster/resources: data[1].type: "
                                           "missing or null (VMID 105, left out of the report: its kind is "
                                           "unknown)"));
    EXPECT_THAT(lines, ::testing::Contains(HasSubstr("data[2].type: missing or null (VMID 106")));
    EXPECT_THAT(lines, ::testing::Contains(HasSubstr("data[3].type: 'openvz' is neither qemu nor lxc (VMID 107")));
    EXPECT_THAT(lines, ::testing::Not(::testing::Contains(HasSubstr("data[4]"))));
    std::vector<std::string> facts;
    for (const auto& issue : inventory.issues) {
        facts.push_back(fact_line(issue.fact));
    }
    EXPECT_THAT(facts, ::testing::Contains("entry_skipped endpoint=/cluster/resources location=data[1].type "
                                           "detail=missing or null (VMID 105, left out of the report: its kind is "
                                           "unknown)"));
    EXPECT_THAT(facts, ::testing::Contains("entry_skipped endpoint=/cluster/resources location=data[3].type "
                                           "detail='openvz' is neither qemu nor lxc (VMID 107, left out of the "
                                           "report: its kind is unknown)"));
}

TEST(CollectPve, ManyFailuresOfOneCauseAreOneIssue) {
    FakeClient client;
    load_cluster(client);
    std::string resources = fixture("cluster/resources.json");
    std::string extra;
    for (int vmid = 201; vmid <= 210; ++vmid) {
        extra += R"({"id":"qemu/)" + std::to_string(vmid) + R"(","vmid":)" + std::to_string(vmid) +
                 R"(,"type":"qemu","node":"pve2","status":"running"},)";
        client.fail("/nodes/pve2/qemu/" + std::to_string(vmid) + "/config", 500, "boom");
    }
    resources.insert(resources.find('[') + 1, extra);
    client.on("/cluster/resources", resources);
    const auto inventory = collect_pve(client, test_options(1));
    const auto lines = issue_lines(inventory);
    EXPECT_THAT(lines, ::testing::Contains("warning node/pve2 /nodes/pve2/qemu/{vmid}/config configuration of VM "
                                           "{vmid} on node pve2 could not be read: HTTP 500 boom (10 times, e.g. "
                                           "/nodes/pve2/qemu/201/config, /nodes/pve2/qemu/202/config, "
                                           "/nodes/pve2/qemu/203/config, ...)"));
    EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                            [](const std::string& l) { return l.find("/config") != std::string::npos; }),
              1);
    const auto it = std::find_if(inventory.issues.begin(), inventory.issues.end(), [](const model::CollectionIssue& i) {
        return i.endpoint == "/nodes/pve2/qemu/{vmid}/config";
    });
    ASSERT_NE(it, inventory.issues.end());
    EXPECT_EQ(fact_line(it->fact), "http_status endpoint=/nodes/pve2/qemu/{vmid}/config status=500 reason=boom "
                                   "occurrences=10 examples=/nodes/pve2/qemu/201/config|/nodes/pve2/qemu/202/config|"
                                   "/nodes/pve2/qemu/203/config");
}

} // namespace

namespace {

// Issue 10: the pipeline starts the PBS collection from this hook, so it must come with the final
// storage list and before the long part (pool members, task histories, guest configurations).
TEST(CollectPve, AnnouncesTheStoragesOnceBeforeTheTaskHistoriesAndConfigurations) {
    FakeClient client;
    load_cluster(client);
    auto options = test_options();
    std::size_t calls = 0;
    std::vector<std::string> storages;
    std::vector<std::string> requests_before;
    options.on_storages = [&](const std::vector<model::Storage>& list, bool collected) {
        ++calls;
        EXPECT_TRUE(collected);
        for (const auto& storage : list) {
            storages.push_back(storage.id);
        }
        requests_before = client.calls();
    };
    const auto inventory = collect_pve(client, options);
    EXPECT_EQ(calls, 1U);
    std::vector<std::string> final_ids;
    for (const auto& storage : inventory.storages) {
        final_ids.push_back(storage.id);
    }
    EXPECT_EQ(storages, final_ids);
    EXPECT_FALSE(storages.empty());
    for (const auto& request : requests_before) {
        const bool node_call = request.rfind("/nodes/", 0) == 0;
        EXPECT_FALSE(node_call && request.find("/tasks") != std::string::npos) << request;
        EXPECT_FALSE(node_call && request.find("/config") != std::string::npos) << request;
        EXPECT_EQ(request.find("poolid="), std::string::npos) << request;
    }
    EXPECT_GT(client.calls().size(), requests_before.size());
}

} // namespace
