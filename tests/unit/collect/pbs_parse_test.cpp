// The PBS answer parsers, the PBS UPID, the storage targets, and the PVE node time zone.

#include "collect/pbs_parse.hpp"
#include "collect/pbs_targets.hpp"
#include "collect/pbs_upid.hpp"
#include "collect/pve_collector.hpp"
#include "fake_client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using pvr::collect::testing::FakeClient;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

// --- UPID ----------------------------------------------------------------------------------------------

TEST(PbsUpid, VerificationJob) {
    const auto upid = parse_pbs_upid(
        "UPID:pbs1:000009B4:0001F2A3:00000045:6650F0A2:verificationjob:store1\\x3aweekly\\x2dverify:root@pam:");
    ASSERT_TRUE(upid.has_value());
    EXPECT_EQ(upid->node, "pbs1");
    EXPECT_EQ(upid->starttime, 0x6650F0A2);
    EXPECT_EQ(upid->type, "verificationjob");
    EXPECT_EQ(upid->worker_id, "store1:weekly-verify");
    EXPECT_EQ(upid->auth_id, "root@pam");
}

TEST(PbsUpid, DashIsASlash) {
    const auto upid = parse_pbs_upid("UPID:pbs1:00001A2B:0021A0B2:00000051:66515C00:prunejob:store1\\x3aa-b:root@pam:");
    ASSERT_TRUE(upid.has_value());
    EXPECT_EQ(upid->worker_id, "store1:a/b");
}

TEST(PbsUpid, PveUpidAndGarbageAreRejected) {
    EXPECT_FALSE(parse_pbs_upid("UPID:pve1:0001A2B3:0C4D5E6F:67744D40:vzdump::root@pam:").has_value());
    EXPECT_FALSE(parse_pbs_upid("").has_value());
    EXPECT_FALSE(parse_pbs_upid("UPID:pbs1:zz:0001F2A3:00000045:6650F0A2:verify:x:root@pam:").has_value());
    EXPECT_FALSE(parse_pbs_upid("UPID:pbs1:000009B4:0001F2A3:00000045:6650F0A2:verify:x:root@pam").has_value());
}

// --- version, time ---------------------------------------------------------------------------------------

TEST(PbsVersion, VersionAndRelease) {
    const auto version = parse_pbs_version(R"({"data":{"version":"3.2","release":"4","repoid":"abc"}})");
    EXPECT_EQ(version.text(), "3.2.4");
    EXPECT_TRUE(version.at_least(2, 2, 2));
    EXPECT_TRUE(version.at_least(3, 2, 4));
    EXPECT_FALSE(version.at_least(3, 2, 5));
    EXPECT_FALSE(version.at_least(4, 0, 0));
}

TEST(PbsVersion, LegacyAndOddForms) {
    const auto old = parse_pbs_version(R"({"data":{"version":"2.2","release":"1"}})");
    EXPECT_FALSE(old.at_least(2, 2, 2));
    const auto whole = parse_pbs_version(R"({"data":{"version":"3.1.2"}})");
    EXPECT_EQ(whole.text(), "3.1.2");
    EXPECT_TRUE(whole.at_least(3, 1, 2));
    const auto odd = parse_pbs_version(R"({"data":{"version":"devel","release":"x"}})");
    EXPECT_EQ(odd.text(), "devel");
    EXPECT_TRUE(odd.at_least(2, 2, 2));
    EXPECT_FALSE(odd.at_least(2, 2, 2, false));
}

TEST(PbsVersion, NotAPbs) {
    EXPECT_THROW((void)parse_pbs_version(R"({"data":{}})"), Error);
    EXPECT_THROW((void)parse_pbs_version("authentication failed"), Error);
}

TEST(PbsTime, TimeZone) {
    EXPECT_EQ(parse_time_zone(R"({"data":{"timezone":"Europe/Vienna","time":1,"localtime":2}})", "GET /t"),
              "Europe/Vienna");
    EXPECT_FALSE(parse_time_zone(R"({"data":{"time":1}})", "GET /t").has_value());
    EXPECT_FALSE(parse_time_zone(R"({"data":{"timezone":" "}})", "GET /t").has_value());
}

// --- datastores ---------------------------------------------------------------------------------------------

TEST(PbsDatastores, ListUsageStatusNamespaces) {
    std::vector<std::string> warnings;
    const auto stores = parse_pbs_datastores(
        R"({"data":[{"store":"a","comment":null},{"store":"b","maintenance":"type=offline"},{"comment":"x"}]})",
        warnings);
    ASSERT_EQ(stores.size(), 2U);
    EXPECT_EQ(stores[1].maintenance, "type=offline");
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_THAT(warnings[0], HasSubstr("GET /admin/datastore: data[2]: datastore without 'store'"));

    warnings.clear();
    const auto usage = parse_pbs_datastore_usage(
        R"({"data":[{"store":"a","total":"10","used":4,"avail":6},{"store":"b","error":"offline"},{"store":"c"}]})",
        warnings);
    ASSERT_EQ(usage.size(), 3U);
    ASSERT_TRUE(usage[0].usage.has_value());
    EXPECT_EQ(usage[0].usage->total, 10);
    EXPECT_FALSE(usage[1].usage.has_value());
    EXPECT_EQ(usage[1].error, "offline");
    EXPECT_FALSE(usage[2].usage.has_value());
    EXPECT_FALSE(usage[2].error.has_value());
    EXPECT_THAT(warnings, IsEmpty());

    // estimated-full-date: kept as given (0 and past dates mean "not growing"); a wrong type is a problem.
    const auto estimated = parse_pbs_datastore_usage(
        R"({"data":[{"store":"a","total":10,"used":4,"avail":6,"estimated-full-date":1767225600},
                    {"store":"b","total":10,"used":4,"avail":6,"estimated-full-date":0},
                    {"store":"c","total":10,"used":4,"avail":6,"estimated-full-date":-1},
                    {"store":"d","total":10,"used":4,"avail":6,"estimated-full-date":[1]},
                    {"store":"e","total":10,"used":4,"avail":6}]})",
        warnings);
    ASSERT_EQ(estimated.size(), 5U);
    EXPECT_EQ(estimated[0].usage->estimated_full_date, 1767225600);
    EXPECT_EQ(estimated[1].usage->estimated_full_date, 0);
    EXPECT_EQ(estimated[2].usage->estimated_full_date, -1);
    EXPECT_FALSE(estimated[3].usage->estimated_full_date.has_value());
    EXPECT_EQ(estimated[3].usage->used, 4);
    EXPECT_FALSE(estimated[4].usage->estimated_full_date.has_value());
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_THAT(warnings[0],
                HasSubstr("GET /status/datastore-usage: data[3].estimated-full-date: expected an integer"));
    warnings.clear();

    EXPECT_FALSE(parse_pbs_datastore_status(R"({"data":{"total":0,"used":0,"avail":0}})", "GET /s").has_value());
    EXPECT_EQ(parse_pbs_datastore_status(R"({"data":{"total":9,"used":3,"avail":6}})", "GET /s")->avail, 6);

    const auto namespaces = parse_pbs_namespaces(R"({"data":[{"ns":""},{},{"ns":"a/b"}]})", "GET /n", warnings);
    EXPECT_THAT(namespaces, ElementsAre("", "", "a/b"));
}

// --- snapshots ------------------------------------------------------------------------------------------------

TEST(PbsSnapshots, LenientFieldsAndBadEntries) {
    std::vector<std::string> warnings;
    const auto snapshots = parse_pbs_snapshots(R"({"data":[
        {"backup-type":"vm","backup-id":100,"backup-time":"1700000000","files":[{"filename":"index.json.blob"}],
         "protected":1,"size":"12","owner":"a@pbs"},
        {"backup-type":"vm","backup-time":1},
        {"backup-type":"ct","backup-id":"7","backup-time":5,"files":[],"protected":"maybe",
         "verification":{"state":"ok","upid":"not a upid"}}]})",
                                               "GET /snap", "ns", warnings);
    ASSERT_EQ(snapshots.size(), 2U);
    EXPECT_EQ(snapshots[0].backup_type, "ct");
    EXPECT_FALSE(snapshots[0].finished);
    EXPECT_FALSE(snapshots[0].is_protected); // unreadable: default, with a warning
    EXPECT_EQ(snapshots[0].verification, "ok");
    EXPECT_FALSE(snapshots[0].verified_at.has_value());
    EXPECT_EQ(snapshots[1].backup_id, "100");
    EXPECT_TRUE(snapshots[1].is_protected);
    EXPECT_TRUE(snapshots[1].finished);
    EXPECT_EQ(snapshots[1].size, 12);
    EXPECT_EQ(snapshots[1].time, 1700000000);
    ASSERT_EQ(warnings.size(), 2U);
    EXPECT_THAT(warnings[0], HasSubstr("GET /snap: data[1]: snapshot without backup-type, backup-id or backup-time"));
    EXPECT_THAT(warnings[1], HasSubstr("data[2].protected: expected a boolean, got 'maybe' (ignored)"));
}

TEST(PbsSnapshots, OtherNamespacesAreNeverCounted) {
    std::vector<std::string> warnings;
    std::size_t foreign = 0;
    const auto snapshots = parse_pbs_snapshots(R"({"data":[
        {"backup-type":"vm","backup-id":"1","backup-time":1,"ns":"cluster-a"},
        {"backup-type":"vm","backup-id":"1","backup-time":2,"ns":"cluster-a/child"},
        {"backup-type":"vm","backup-id":"1","backup-time":3}]})",
                                               "GET /snap", "cluster-a", warnings, &foreign);
    ASSERT_EQ(snapshots.size(), 2U);
    EXPECT_EQ(foreign, 1U);
    EXPECT_EQ(snapshots[0].time, 1);
    EXPECT_EQ(snapshots[1].time, 3);
}

TEST(PbsSnapshots, NotAList) {
    std::vector<std::string> warnings;
    EXPECT_THROW((void)parse_pbs_snapshots(R"({"data":{}})", "GET /snap", "", warnings), Error);
}

TEST(PbsSnapshots, OrderIsTypeIdTime) {
    const auto make = [](std::string type, std::string id, std::int64_t time) {
        model::PbsSnapshot s;
        s.backup_type = std::move(type);
        s.backup_id = std::move(id);
        s.time = time;
        return s;
    };
    EXPECT_TRUE(snapshot_less(make("ct", "900", 9), make("vm", "1", 1)));
    EXPECT_TRUE(snapshot_less(make("vm", "99", 9), make("vm", "100", 1)));
    EXPECT_TRUE(snapshot_less(make("vm", "100", 1), make("vm", "100", 2)));
    EXPECT_TRUE(snapshot_less(make("host", "9", 1), make("host", "alpha", 1)));
    EXPECT_TRUE(snapshot_less(make("host", "alpha", 1), make("host", "beta", 1)));
    EXPECT_FALSE(snapshot_less(make("vm", "100", 2), make("vm", "100", 2)));
}

// --- retention ------------------------------------------------------------------------------------------------

TEST(PbsPrune, JobsLenientAndBadEntries) {
    std::vector<std::string> warnings;
    const auto jobs = parse_pbs_prune_jobs(R"({"data":[
        {"id":"j1","store":"s","schedule":"daily","keep-last":"3","disable":0,"max-depth":"2","ns":"a"},
        {"id":"j2","store":"s","keep-daily":-1,"disable":"1"},
        {"store":"s"}]})",
                                           "GET /admin/prune", warnings);
    ASSERT_EQ(jobs.size(), 2U);
    EXPECT_TRUE(jobs[0].enabled);
    EXPECT_EQ(jobs[0].keep.keep_last, 3);
    EXPECT_EQ(jobs[0].max_depth, 2);
    EXPECT_EQ(jobs[0].ns, "a");
    EXPECT_FALSE(jobs[1].enabled);
    EXPECT_FALSE(jobs[1].keep.keep_daily.has_value());
    EXPECT_FALSE(jobs[1].schedule.has_value());
    ASSERT_EQ(warnings.size(), 2U);
    EXPECT_THAT(warnings[0], HasSubstr("data[1]: keep-daily: expected a non-negative integer, got -1 (ignored)"));
    EXPECT_THAT(warnings[1], HasSubstr("data[2]: prune job without 'id' or 'store'"));
}

TEST(PbsPrune, LegacyDatastoreConfig) {
    std::vector<std::string> warnings;
    const auto configs = parse_pbs_datastore_config(R"({"data":[
        {"name":"a","prune-schedule":"daily","keep-last":2},
        {"name":"b","keep-weekly":4},
        {"name":"c","gc-schedule":"daily"}]})",
                                                    warnings);
    ASSERT_EQ(configs.size(), 3U);
    ASSERT_TRUE(configs[0].legacy_policy.has_value());
    EXPECT_TRUE(configs[0].legacy_policy->legacy_datastore_policy);
    EXPECT_TRUE(configs[0].legacy_policy->enabled);
    EXPECT_EQ(configs[0].legacy_policy->store, "a");
    EXPECT_EQ(configs[0].legacy_policy->keep.keep_last, 2);
    ASSERT_TRUE(configs[1].legacy_policy.has_value());
    EXPECT_FALSE(configs[1].legacy_policy->enabled); // no prune-schedule: never ran
    EXPECT_FALSE(configs[2].legacy_policy.has_value());
    EXPECT_THAT(warnings, IsEmpty());
}

// --- targets ----------------------------------------------------------------------------------------------------

TEST(PbsTargets, AclPathAndFingerprint) {
    EXPECT_EQ(pbs_acl_path("store1", ""), "/datastore/store1");
    EXPECT_EQ(pbs_acl_path("store1", "a/b"), "/datastore/store1/a/b");
    EXPECT_EQ(normalize_pbs_fingerprint("64d3ff0123456789abcdef0123456789abcdef0123456789abcdef0123456789"),
              "64:D3:FF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");
    EXPECT_FALSE(normalize_pbs_fingerprint("ab:cd").has_value());
    PbsConnection connection;
    EXPECT_EQ(connection.secret_variable(), "PBS_TOKEN_SECRET");
    connection.token_variable = "PBS_X_TOKEN_ID";
    EXPECT_EQ(connection.secret_variable(), "PBS_X_TOKEN_SECRET");
}

// --- PVE: the nodes' time zone ---------------------------------------------------------------------------------

void minimal_cluster(FakeClient& client) {
    client.on("/version", R"({"data":{"version":"8.2.4","release":"8.2"}})");
    client.on("/nodes", R"({"data":[{"node":"pve2","status":"online"},{"node":"pve1","status":"online"}]})");
    client.on("/cluster/status", R"({"data":[]})");
    client.on("/storage", R"({"data":[]})");
    client.on("/cluster/backup", R"({"data":[]})");
    client.on("/cluster/resources", R"({"data":[]})");
    client.on("/pools", R"({"data":[]})");
    client.on("/cluster/tasks", R"({"data":[]})");
    client.on("/cluster/backup-info/not-backed-up", R"({"data":[]})");
    client.on("/access/permissions",
              R"({"data":{"/":{"Sys.Audit":1,"VM.Audit":1,"Datastore.Audit":1,"Pool.Audit":1}}})");
    client.on("/nodes/pve1/tasks", R"({"data":[]})");
    client.on("/nodes/pve2/tasks", R"({"data":[]})");
}

TEST(PveTimeZone, ReadFromTheFirstOnlineNode) {
    FakeClient client;
    minimal_cluster(client);
    client.on("/nodes/pve1/time", R"({"data":{"timezone":"Europe/Paris","time":1735770000,"localtime":1735773600}})");
    const auto inventory = collect_pve(client, PveCollectorOptions{});
    EXPECT_EQ(inventory.pve_time_zone, "Europe/Paris");
    EXPECT_TRUE(inventory.issues.empty());
    EXPECT_EQ(client.count("/nodes/pve1/time"), 1U);
    EXPECT_FALSE(client.called("/nodes/pve2/time"));
}

TEST(PveTimeZone, FailureIsAWarning) {
    FakeClient client;
    minimal_cluster(client);
    client.fail("/nodes/pve1/time", 500, "Internal error");
    const auto inventory = collect_pve(client, PveCollectorOptions{});
    EXPECT_FALSE(inventory.pve_time_zone.has_value());
    ASSERT_EQ(inventory.issues.size(), 1U);
    const auto& issue = inventory.issues[0];
    EXPECT_EQ(issue.severity, model::IssueSeverity::warning);
    EXPECT_EQ(issue.source, "node/pve1");
    EXPECT_EQ(issue.endpoint, "/nodes/pve1/time");
    EXPECT_EQ(issue.message, "time zone of node pve1 could not be read: HTTP 500 Internal error");
}

} // namespace
