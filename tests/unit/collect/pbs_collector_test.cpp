// collect_pbs end to end against scripted PBS clients (one FakeClient per PBS URL).

#include "collect/pbs_collector.hpp"
#include "fake_client.hpp"
#include "issue_fact_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

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

constexpr const char* secret = "9d3c1b2a-0e4f-4a5b-8c7d-6e5f4a3b2c1d";
constexpr const char* other_secret = "1a2b3c4d-5e6f-4789-8abc-def012345678";
const std::string pin_lower =
    "64:d3:ff:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89";
const std::string pin =
    "64:D3:FF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
const std::string other_pin =
    "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99";
const std::string url = "https://pbs1.example.lan:8007";
const std::string server_source = "pbs/pbs1.example.lan:8007";

/// Forwards to a FakeClient shared with the test (the collector owns the client it is given).
class Forwarding : public http::Client {
public:
    explicit Forwarding(std::shared_ptr<FakeClient> fake) : m_fake(std::move(fake)) {}
    http::Response get(const std::string& path, const http::Query& query) override { return m_fake->get(path, query); }
    [[nodiscard]] std::size_t request_count() const override { return m_fake->request_count(); }

private:
    std::shared_ptr<FakeClient> m_fake;
};

/// The PBS servers of a test, by URL, and every connection the collector asked for.
class FakeServers {
public:
    std::shared_ptr<FakeClient> server(const std::string& server_url) {
        auto& slot = m_servers[server_url];
        if (!slot) {
            slot = std::make_shared<FakeClient>();
        }
        return slot;
    }
    PbsClientFactory factory() {
        return [this](const PbsConnection& connection) -> std::unique_ptr<http::Client> {
            {
                const std::lock_guard lock(m_mutex);
                m_connections.push_back(connection);
            }
            const auto it = m_servers.find(connection.url);
            if (it == m_servers.end()) {
                throw Error(ErrorKind::internal, "no fake server for " + connection.url);
            }
            return std::make_unique<Forwarding>(it->second);
        };
    }
    [[nodiscard]] std::vector<PbsConnection> connections() const {
        const std::lock_guard lock(m_mutex);
        return m_connections;
    }

private:
    std::map<std::string, std::shared_ptr<FakeClient>> m_servers;
    mutable std::mutex m_mutex;
    std::vector<PbsConnection> m_connections;
};

model::Storage pbs_storage(const std::string& id, const std::string& ns,
                           std::optional<std::string> fingerprint = pin_lower,
                           const std::string& server = "pbs1.example.lan", const std::string& datastore = "store1") {
    model::Storage storage;
    storage.id = id;
    storage.type = "pbs";
    storage.content = {"backup"};
    model::PbsTarget target;
    target.server = server;
    target.datastore = datastore;
    target.ns = ns;
    target.fingerprint = std::move(fingerprint);
    target.username = "pve-sync@pbs!cluster";
    storage.pbs = target;
    return storage;
}

model::Storage dir_storage(const std::string& id) {
    model::Storage storage;
    storage.id = id;
    storage.type = "dir";
    return storage;
}

/// Two PBS storages (namespaces cluster-a and cluster-b of store1 on pbs1) and a dir storage.
model::Inventory two_storages() {
    model::Inventory inventory;
    inventory.storages = {dir_storage("local"), pbs_storage("pbs-a", "cluster-a"), pbs_storage("pbs-b", "cluster-b")};
    inventory.storages_collected = true;
    return inventory;
}

config::Config pbs_config() {
    config::Config config;
    config.pbs_token_id = "report@pbs!coverage";
    config.pbs_token_secret = secret;
    return config;
}

/// A healthy PBS with namespaces cluster-a and cluster-b in store1, and a full-audit token.
void load_server(FakeClient& pbs) {
    pbs.on("/version", fixture("pbs/version.json"));
    pbs.on("/nodes/localhost/time", fixture("pbs/time.json"));
    pbs.on("/admin/datastore", fixture("pbs/datastores.json"));
    pbs.on("/status/datastore-usage", fixture("pbs/datastore_usage.json"));
    pbs.on("/admin/datastore/store1/namespace", fixture("pbs/namespaces.json"));
    pbs.on("/admin/datastore/store1/snapshots", {{"ns", "cluster-a"}}, fixture("pbs/snapshots_cluster_a.json"));
    pbs.on("/admin/datastore/store1/snapshots", {{"ns", "cluster-b"}}, fixture("pbs/snapshots_cluster_b.json"));
    pbs.on("/admin/prune", fixture("pbs/admin_prune.json"));
    pbs.on("/access/permissions", {{"path", "/datastore/store1"}}, fixture("pbs/permissions_store1.json"));
    pbs.on("/access/permissions", {{"path", "/datastore/store1/cluster-a"}},
           R"({"data":{"/datastore/store1/cluster-a":{"Datastore.Audit":true}}})");
    pbs.on("/access/permissions", {{"path", "/datastore/store1/cluster-b"}},
           R"({"data":{"/datastore/store1/cluster-b":{"Datastore.Audit":true}}})");
}

std::vector<std::string> issue_lines(const model::Inventory& inventory) {
    expect_known_kinds(inventory.issues); // issue 13: every issue has a fact of a known kind
    std::vector<std::string> out;
    for (const auto& issue : inventory.issues) {
        out.push_back(std::string(issue.severity == model::IssueSeverity::error ? "error" : "warning") + " " +
                      issue.source + " " + issue.endpoint.value_or("-") + " " + issue.message);
    }
    return out;
}

struct PbsRun {
    FakeServers servers;
    std::shared_ptr<FakeClient> pbs1 = servers.server(url);
    model::Inventory inventory = two_storages();
    config::Config config = pbs_config();

    void collect(std::size_t parallelism = 4) {
        collect_pbs(inventory, config, servers.factory(), PbsCollectorOptions{parallelism, std::nullopt});
    }
    const model::PbsStorageContent& content(const std::string& id) const { return inventory.pbs_content.at(id); }
};

// --- the normal case ------------------------------------------------------------------------------------

TEST(CollectPbs, TwoStoragesShareOneConnection) {
    PbsRun run;
    load_server(*run.pbs1);
    run.collect();

    EXPECT_THAT(issue_lines(run.inventory), IsEmpty());
    EXPECT_TRUE(run.inventory.pbs_configured);
    const auto connections = run.servers.connections();
    ASSERT_EQ(connections.size(), 1U);
    EXPECT_EQ(connections[0].url, url);
    EXPECT_EQ(connections[0].token_id, "report@pbs!coverage");
    EXPECT_EQ(connections[0].token_secret, secret);
    EXPECT_EQ(connections[0].fingerprint, pin);
    EXPECT_EQ(connections[0].token_variable, "PBS_TOKEN_ID");
    EXPECT_EQ(connections[0].secret_variable(), "PBS_TOKEN_SECRET");
    EXPECT_EQ(connections[0].source, server_source);

    ASSERT_EQ(run.inventory.pbs_servers.size(), 1U);
    const model::PbsServer& server = run.inventory.pbs_servers[0];
    EXPECT_EQ(server.url, url);
    EXPECT_THAT(server.storages, ElementsAre("pbs-a", "pbs-b"));
    EXPECT_TRUE(server.reachable);
    EXPECT_EQ(server.version, "3.2.4");
    EXPECT_EQ(server.time_zone, "Europe/Berlin");
    ASSERT_EQ(server.datastores.size(), 1U);
    const model::PbsDatastore& store = server.datastores.at("store1");
    EXPECT_EQ(store.name, "store1");
    ASSERT_TRUE(store.usage.has_value());
    EXPECT_EQ(store.usage->total, 3998614388736);
    EXPECT_EQ(store.usage->used, 1336687816704);
    EXPECT_EQ(store.usage->avail, 2661926572032);
    EXPECT_FALSE(store.maintenance.has_value());
    EXPECT_THAT(store.namespaces, ElementsAre("", "cluster-a", "cluster-a/prod", "cluster-b"));

    ASSERT_TRUE(server.prune_jobs.has_value());
    ASSERT_EQ(server.prune_jobs->size(), 2U);
    const model::PbsPruneJob& daily = (*server.prune_jobs)[0];
    EXPECT_EQ(daily.id, "storeconfig-store1");
    EXPECT_EQ(daily.store, "store1");
    EXPECT_EQ(daily.ns, "");
    EXPECT_FALSE(daily.max_depth.has_value());
    EXPECT_EQ(daily.schedule, "daily");
    EXPECT_TRUE(daily.enabled);
    EXPECT_EQ(daily.keep.keep_last, 3);
    EXPECT_EQ(daily.keep.keep_yearly, 9);
    EXPECT_FALSE(daily.legacy_datastore_policy);
    EXPECT_EQ(daily.last_run_state, "OK");
    EXPECT_EQ(daily.last_run_endtime, 1717027274);
    EXPECT_EQ(daily.next_run, 1717113600);
    const model::PbsPruneJob& lab = (*server.prune_jobs)[1];
    EXPECT_FALSE(lab.enabled);
    EXPECT_EQ(lab.ns, "cluster-b");
    EXPECT_EQ(lab.max_depth, 1);
    EXPECT_EQ(lab.keep.keep_daily, 7);
    EXPECT_EQ(lab.last_run_state, "WARNINGS: 2");
    EXPECT_FALSE(lab.next_run.has_value());

    // Contents: no PBS entry for the dir storage.
    EXPECT_EQ(run.inventory.pbs_content.size(), 2U);
    const auto& a = run.content("pbs-a");
    EXPECT_EQ(a.storage, "pbs-a");
    EXPECT_EQ(a.server_url, url);
    EXPECT_TRUE(a.collected);
    ASSERT_EQ(a.snapshots.size(), 6U);
    const auto& b = run.content("pbs-b");
    EXPECT_TRUE(b.collected);
    ASSERT_EQ(b.snapshots.size(), 1U);
    EXPECT_EQ(b.snapshots[0].owner, "pve-sync@pbs!cluster-b");
}

TEST(CollectPbs, SnapshotsAreSortedAndReadCompletely) {
    PbsRun run;
    load_server(*run.pbs1);
    run.collect();
    const auto& snapshots = run.content("pbs-a").snapshots;
    ASSERT_EQ(snapshots.size(), 6U);
    std::vector<std::string> order;
    for (const auto& s : snapshots) {
        order.push_back(s.backup_type + "/" + s.backup_id + "/" + std::to_string(s.time));
    }
    EXPECT_THAT(order, ElementsAre("ct/205/1716962405", "host/fileserver01/1716930000", "vm/99/1716900000",
                                   "vm/100/1716872405", "vm/100/1716958805", "vm/101/1717045205"));

    const auto& ct = snapshots[0];
    EXPECT_TRUE(ct.finished);
    EXPECT_TRUE(ct.is_protected);
    EXPECT_TRUE(ct.encrypted);
    EXPECT_EQ(ct.comment, "before upgrade");
    EXPECT_EQ(ct.size, 5368710264);
    EXPECT_FALSE(ct.verification.has_value());
    EXPECT_FALSE(ct.verified_at.has_value());

    const auto& lenient = snapshots[2]; // files as plain names, protected "1"
    EXPECT_TRUE(lenient.finished);
    EXPECT_TRUE(lenient.is_protected);
    EXPECT_FALSE(lenient.size.has_value());

    const auto& failed = snapshots[3];
    EXPECT_EQ(failed.verification, "failed");
    EXPECT_EQ(failed.verified_at, 1716494114); // 0x664F9F22, the 6th field of the PBS UPID
    EXPECT_FALSE(failed.is_protected);         // protected: 0

    const auto& verified = snapshots[4];
    EXPECT_TRUE(verified.finished);
    EXPECT_EQ(verified.verification, "ok");
    EXPECT_EQ(verified.verified_at, 1716580514); // 0x6650F0A2
    EXPECT_EQ(verified.size, 34359739310);
    EXPECT_FALSE(verified.encrypted);
    EXPECT_EQ(verified.owner, "pve-sync@pbs!cluster-a");
}

TEST(CollectPbs, InProgressSnapshotIsNotFinished) {
    PbsRun run;
    load_server(*run.pbs1);
    run.collect();
    const auto& running = run.content("pbs-a").snapshots.back();
    EXPECT_EQ(running.backup_id, "101");
    EXPECT_FALSE(running.finished); // no index.json.blob yet
    EXPECT_FALSE(running.size.has_value());
    EXPECT_FALSE(running.verification.has_value());
}

TEST(CollectPbs, OnlyTheStoragesNamespaceIsRequestedAndCounted) {
    PbsRun run;
    load_server(*run.pbs1);
    // The root listing would hold another cluster's groups: it must never be read.
    run.pbs1->on("/admin/datastore/store1/snapshots", {}, R"({"data":[{"backup-type":"vm","backup-id":"100",
        "backup-time":1,"files":["index.json.blob"],"owner":"x@pbs","protected":false}]})");
    // A (future) recursive answer naming another namespace is never counted.
    run.pbs1->on("/admin/datastore/store1/snapshots", {{"ns", "cluster-b"}},
                 R"({"data":[
        {"backup-type":"vm","backup-id":"100","backup-time":5,"files":["index.json.blob"],"owner":"b@pbs","protected":false,"ns":"cluster-b"},
        {"backup-type":"vm","backup-id":"100","backup-time":6,"files":["index.json.blob"],"owner":"a@pbs","protected":false,"ns":"cluster-a"}]})");
    run.collect();
    for (const auto& call : run.pbs1->calls()) {
        if (call.rfind("/admin/datastore/store1/snapshots", 0) == 0) {
            EXPECT_TRUE(call == "/admin/datastore/store1/snapshots?ns=cluster-a" ||
                        call == "/admin/datastore/store1/snapshots?ns=cluster-b")
                << call;
        }
    }
    EXPECT_EQ(run.pbs1->count("/admin/datastore/store1/snapshots"), 2U);
    const auto& b = run.content("pbs-b");
    ASSERT_EQ(b.snapshots.size(), 1U);
    EXPECT_EQ(b.snapshots[0].time, 5);
}

TEST(CollectPbs, RootNamespaceSendsNoNsParameter) {
    PbsRun run;
    load_server(*run.pbs1);
    run.inventory.storages = {pbs_storage("pbs-root", "")};
    run.pbs1->on("/admin/datastore/store1/snapshots", {}, fixture("pbs/snapshots_cluster_b.json"));
    run.collect();
    EXPECT_TRUE(run.pbs1->called("/admin/datastore/store1/snapshots"));
    EXPECT_FALSE(run.pbs1->called("/admin/datastore/store1/snapshots?"));
    EXPECT_TRUE(run.content("pbs-root").collected);
    EXPECT_THAT(issue_lines(run.inventory), IsEmpty());
}

TEST(CollectPbs, DisabledStoragesAreCollectedToo) {
    PbsRun run;
    load_server(*run.pbs1);
    run.inventory.storages[1].enabled = false;
    run.collect();
    EXPECT_TRUE(run.content("pbs-a").collected);
}

// --- not configured ------------------------------------------------------------------------------------

TEST(CollectPbs, NotConfiguredMeansNoRequest) {
    PbsRun run;
    load_server(*run.pbs1);
    run.config = config::Config{};
    run.collect();
    EXPECT_FALSE(run.inventory.pbs_configured);
    EXPECT_TRUE(run.servers.connections().empty());
    EXPECT_TRUE(run.pbs1->calls().empty());
    EXPECT_TRUE(run.inventory.pbs_servers.empty());
    EXPECT_TRUE(run.inventory.pbs_content.empty());
    EXPECT_TRUE(run.inventory.issues.empty());
}

TEST(CollectPbs, NoPbsStorage) {
    PbsRun run;
    run.inventory.storages = {dir_storage("local")};
    run.collect();
    EXPECT_TRUE(run.inventory.pbs_configured);
    EXPECT_TRUE(run.servers.connections().empty());
    EXPECT_TRUE(run.inventory.pbs_servers.empty());
    EXPECT_TRUE(run.inventory.issues.empty());
}

// --- server-level failures -----------------------------------------------------------------------------

TEST(CollectPbs, UnreachableServer) {
    PbsRun run;
    run.pbs1->fail("/version", 0, "cannot connect to https://pbs1.example.lan:8007 (Connection refused)", {},
                   ErrorKind::unreachable);
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("error " + server_source + " /version PBS " + url +
                            " could not be reached (GET /version: cannot connect to https://pbs1.example.lan:8007 "
                            "(Connection refused)); the snapshots of storages pbs-a, pbs-b were not collected"));
    ASSERT_EQ(run.inventory.pbs_servers.size(), 1U);
    EXPECT_FALSE(run.inventory.pbs_servers[0].reachable);
    EXPECT_THAT(run.inventory.pbs_servers[0].storages, ElementsAre("pbs-a", "pbs-b"));
    EXPECT_FALSE(run.inventory.pbs_servers[0].prune_jobs.has_value());
    EXPECT_FALSE(run.content("pbs-a").collected);
    EXPECT_FALSE(run.content("pbs-b").collected);
    EXPECT_EQ(run.content("pbs-a").server_url, url);
    EXPECT_THAT(run.pbs1->calls(), ElementsAre("/version"));
    EXPECT_EQ(fact_line(run.inventory.issues[0].fact),
              "pbs_unreachable server=" + url +
                  " reason=GET /version: cannot connect to https://pbs1.example.lan:8007 (Connection refused) "
                  "storages=pbs-a|pbs-b");
}

TEST(CollectPbs, RefusedTokenNamesTheVariables) {
    PbsRun run;
    run.pbs1->fail("/version", 401, "authentication failed");
    run.collect();
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0], "error " + server_source + " /version PBS " + url +
                            " refused the API token report@pbs!coverage (HTTP 401 authentication failed): check "
                            "PBS_TOKEN_ID and PBS_TOKEN_SECRET (wrong secret, token expired or deleted, or user "
                            "disabled); the snapshots of storages pbs-a, pbs-b were not collected");
    EXPECT_EQ(lines[0].find(secret), std::string::npos);
    EXPECT_FALSE(run.content("pbs-a").collected);
    EXPECT_EQ(fact_line(run.inventory.issues[0].fact),
              "pbs_token_refused server=" + url +
                  " token=report@pbs!coverage reason=HTTP 401 authentication failed token_variable=PBS_TOKEN_ID "
                  "secret_variable=PBS_TOKEN_SECRET storages=pbs-a|pbs-b");
    EXPECT_EQ(fact_line(run.inventory.issues[0].fact).find(secret), std::string::npos);
}

TEST(CollectPbs, RefusedPerStorageTokenNamesTheOverride) {
    PbsRun run;
    run.config.pbs_overrides["PBS_B"] = config::PbsOverride{std::nullopt, "other@pbs!b", other_secret, std::nullopt};
    run.pbs1->fail("/version", 401, "authentication failed");
    run.collect(); // two connections to the same URL (two tokens): the fake answers both alike
    EXPECT_EQ(run.servers.connections().size(), 2U);
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_THAT(lines[0], HasSubstr("check PBS_TOKEN_ID and PBS_TOKEN_SECRET"));
    EXPECT_THAT(lines[0], HasSubstr("the snapshots of storage pbs-a were not collected"));
    EXPECT_THAT(lines[1], HasSubstr("refused the API token other@pbs!b"));
    EXPECT_THAT(lines[1], HasSubstr("check PBS_PBS_B_TOKEN_ID and PBS_PBS_B_TOKEN_SECRET"));
    EXPECT_THAT(lines[1], HasSubstr("the snapshots of storage pbs-b were not collected"));
    EXPECT_EQ(lines[1].find(other_secret), std::string::npos);
}

TEST(CollectPbs, FingerprintMismatchNamesTheStorage) {
    PbsRun run;
    run.inventory.storages = {pbs_storage("pbs-a", "cluster-a")};
    run.pbs1->fail("/version", 0,
                   "TLS certificate fingerprint did not match for " + url + ": expected " + pin +
                       ", the server presented " + other_pin,
                   {}, ErrorKind::tls);
    run.collect();
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_THAT(lines[0], HasSubstr("error " + server_source + " /version the fingerprint of storage pbs-a (" + pin +
                                    ") does not match the TLS certificate of PBS " + url));
    EXPECT_THAT(lines[0], HasSubstr("the certificate was probably renewed or replaced; update the fingerprint of "
                                    "storage pbs-a (or set PBS_PBS_A_FINGERPRINT)"));
    EXPECT_THAT(lines[0], HasSubstr("the server presented " + other_pin));
    EXPECT_FALSE(run.content("pbs-a").collected);
    const auto& fact = run.inventory.issues[0].fact;
    EXPECT_EQ(fact.kind, "pbs_fingerprint_mismatch");
    EXPECT_EQ(fact.text("fingerprint"), pin);
    EXPECT_EQ(fact.text("storage"), "pbs-a");
    EXPECT_EQ(fact.text("variable"), "PBS_PBS_A_FINGERPRINT");
    EXPECT_EQ(fact.text("storages"), "pbs-a");
}

TEST(CollectPbs, FingerprintOverrideMismatchNamesTheVariable) {
    PbsRun run;
    run.inventory.storages = {pbs_storage("pbs-a", "cluster-a")};
    run.config.pbs_overrides["PBS_A"] = config::PbsOverride{std::nullopt, std::nullopt, std::nullopt, other_pin};
    run.pbs1->fail("/version", 0, "TLS certificate fingerprint did not match", {}, ErrorKind::tls);
    run.collect();
    ASSERT_EQ(run.servers.connections().size(), 1U);
    EXPECT_EQ(run.servers.connections()[0].fingerprint, other_pin);
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_THAT(lines[0], HasSubstr("PBS_PBS_A_FINGERPRINT (" + other_pin +
                                    "), used for storage pbs-a, does not match the TLS certificate"));
    EXPECT_THAT(lines[0], HasSubstr("update PBS_PBS_A_FINGERPRINT"));
}

TEST(CollectPbs, UntrustedCertificateWithoutPin) {
    PbsRun run;
    run.inventory.storages = {pbs_storage("pbs-a", "cluster-a", std::nullopt)};
    run.pbs1->fail("/version", 0, "TLS certificate verification failed for " + url + ": self-signed; set PBS_CA_BUNDLE",
                   {}, ErrorKind::tls);
    run.collect();
    ASSERT_FALSE(run.servers.connections()[0].fingerprint.has_value());
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_THAT(lines[0], HasSubstr("the TLS certificate of PBS " + url + " is not trusted ("));
    EXPECT_THAT(lines[0], HasSubstr("set PBS_CA_BUNDLE"));
}

TEST(CollectPbs, ClientThatCannotBeCreated) {
    PbsRun run;
    run.inventory.storages = {pbs_storage("pbs-x", "", pin, "pbs9.example.lan")};
    run.collect();
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_THAT(lines[0], HasSubstr("error pbs/pbs9.example.lan:8007 - PBS https://pbs9.example.lan:8007: the HTTP "
                                    "client could not be set up (no fake server"));
    EXPECT_FALSE(run.content("pbs-x").collected);
    ASSERT_EQ(run.inventory.pbs_servers.size(), 1U);
    EXPECT_FALSE(run.inventory.pbs_servers[0].reachable);
}

TEST(CollectPbs, NotAPbs) {
    PbsRun run;
    run.pbs1->on("/version", "<html>hello</html>");
    run.collect();
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_THAT(lines[0], HasSubstr("did not answer like a Proxmox Backup Server (GET /version: response is not JSON"));
}

// --- permissions -----------------------------------------------------------------------------------------

TEST(CollectPbs, ForbiddenSnapshotListNamesThePrivilege) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->fail("/admin/datastore/store1/snapshots", {{"ns", "cluster-b"}}, 403, "Forbidden");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("error pbs/pbs-b /admin/datastore/store1/snapshots snapshots of storage pbs-b (datastore "
                            "'store1', namespace 'cluster-b') on PBS " +
                            url +
                            " could not be read: HTTP 403 Forbidden; the API token probably lacks Datastore.Audit on "
                            "/datastore/store1/cluster-b"));
    EXPECT_TRUE(run.content("pbs-a").collected);
    EXPECT_FALSE(run.content("pbs-b").collected);
    EXPECT_TRUE(run.content("pbs-b").snapshots.empty());
}

TEST(CollectPbs, FilteredEmptyListingIsNotCollected) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->on("/admin/datastore/store1/snapshots", {{"ns", "cluster-b"}}, R"({"data":[]})");
    run.pbs1->on("/access/permissions", {{"path", "/datastore/store1/cluster-b"}},
                 R"({"data":{"/datastore/store1/cluster-b":{"Datastore.Backup":true}}})");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("warning pbs/pbs-b /admin/datastore/store1/snapshots the snapshot list of storage pbs-b "
                            "(datastore 'store1', namespace 'cluster-b') on PBS " +
                            url +
                            " is empty and the token lacks Datastore.Audit on /datastore/store1/cluster-b: PBS hides "
                            "the backup groups the token does not own, so the list may be filtered; its snapshots "
                            "are counted as unknown"));
    EXPECT_FALSE(run.content("pbs-b").collected); // retention null, never 0
    EXPECT_TRUE(run.content("pbs-a").collected);
}

TEST(CollectPbs, EmptyListingWithAuditIsCollected) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->on("/admin/datastore/store1/snapshots", {{"ns", "cluster-b"}}, R"({"data":[]})");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory), IsEmpty());
    EXPECT_TRUE(run.content("pbs-b").collected);
    EXPECT_TRUE(run.content("pbs-b").snapshots.empty());
}

TEST(CollectPbs, EmptyListingWithUnreadablePermissionsIsNotCollected) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->on("/admin/datastore/store1/snapshots", {{"ns", "cluster-b"}}, R"({"data":[]})");
    run.pbs1->fail("/access/permissions", {{"path", "/datastore/store1/cluster-b"}}, 500, "Internal error");
    run.collect();
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_THAT(lines[0], HasSubstr("the token's privileges on /datastore/store1/cluster-b could not be checked"));
    EXPECT_FALSE(run.content("pbs-b").collected);
}

TEST(CollectPbs, InvisibleDatastore) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->on("/admin/datastore", R"({"data":[{"store":"archive","comment":null}]})");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("error " + server_source + " /admin/datastore datastore 'store1' is not visible on PBS " +
                            url +
                            ": it does not exist, or the token probably lacks Datastore.Audit on /datastore/store1; "
                            "the snapshots of storages pbs-a, pbs-b were not collected"));
    EXPECT_FALSE(run.content("pbs-a").collected);
    EXPECT_FALSE(run.content("pbs-b").collected);
    EXPECT_FALSE(run.pbs1->called("/admin/datastore/store1/"));
    EXPECT_FALSE(run.inventory.pbs_servers[0].datastores.at("store1").usage.has_value());
    EXPECT_EQ(fact_line(run.inventory.issues[0].fact),
              "datastore_invisible datastore=store1 server=" + url + " storages=pbs-a|pbs-b");
}

TEST(CollectPbs, UsageWithoutAuditIsUnknown) {
    PbsRun run;
    load_server(*run.pbs1);
    run.inventory.storages = {pbs_storage("pbs-archive", "", pin_lower, "pbs1.example.lan", "archive")};
    run.pbs1->on("/admin/datastore/archive/namespace", R"({"data":[{"ns":""}]})");
    run.pbs1->on("/admin/datastore/archive/snapshots", {}, fixture("pbs/snapshots_cluster_b.json"));
    run.pbs1->on("/access/permissions", {{"path", "/datastore/archive"}},
                 R"({"data":{"/datastore/archive":{"Datastore.Audit":true}}})");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("warning pbs/pbs-archive /status/datastore-usage usage of datastore 'archive' on PBS " +
                            url + " is not visible: the token probably lacks Datastore.Audit on /datastore/archive"));
    const auto& store = run.inventory.pbs_servers[0].datastores.at("archive");
    EXPECT_FALSE(store.usage.has_value());
    EXPECT_EQ(store.maintenance, "type=read-only,message=disk%20swap");
    EXPECT_TRUE(run.content("pbs-archive").collected);
}

TEST(CollectPbs, UsageFallsBackToTheDatastoreStatus) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->fail("/status/datastore-usage", 404, "Not Found");
    run.pbs1->on("/admin/datastore/store1/status", R"({"data":{"total":100,"used":40,"avail":60}})");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory), IsEmpty());
    const auto& usage = run.inventory.pbs_servers[0].datastores.at("store1").usage;
    ASSERT_TRUE(usage.has_value());
    EXPECT_EQ(usage->used, 40);
}

TEST(CollectPbs, UsageCarriesPbsEstimatedFullDate) {
    PbsRun run;
    load_server(*run.pbs1);
    run.collect();
    const auto& usage = run.inventory.pbs_servers[0].datastores.at("store1").usage;
    ASSERT_TRUE(usage.has_value());
    EXPECT_EQ(usage->estimated_full_date, 1767225600); // tests/data/collect/pbs/datastore_usage.json
}

TEST(CollectPbs, EstimatedFullDateOfTheWrongTypeIsAnIssueNotASilentDrop) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->on("/status/datastore-usage",
                 R"({"data":[{"store":"store1","total":100,"used":40,"avail":60,"estimated-full-date":"soon"}]})");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("warning " + server_source +
                            " /status/datastore-usage GET /status/datastore-usage: data[0].estimated-full-date: "
                            "expected an integer, got 'soon' (ignored)"));
    const auto& usage = run.inventory.pbs_servers[0].datastores.at("store1").usage;
    ASSERT_TRUE(usage.has_value()); // the sizes are still good
    EXPECT_EQ(usage->used, 40);
    EXPECT_FALSE(usage->estimated_full_date.has_value());
}

TEST(CollectPbs, DatastoreStatusHasNoEstimatedFullDate) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->fail("/status/datastore-usage", 404, "Not Found");
    run.pbs1->on("/admin/datastore/store1/status", R"({"data":{"total":100,"used":40,"avail":60}})");
    run.collect();
    const auto& usage = run.inventory.pbs_servers[0].datastores.at("store1").usage;
    ASSERT_TRUE(usage.has_value());
    EXPECT_FALSE(usage->estimated_full_date.has_value());
}

TEST(CollectPbs, DatastoreStatusWithZerosIsUnknown) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->fail("/status/datastore-usage", 500, "Internal error");
    run.pbs1->on("/admin/datastore/store1/status", R"({"data":{"total":0,"used":0,"avail":0}})");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory), ElementsAre("warning " + server_source +
                                                        " /admin/datastore/store1/status usage of datastore 'store1' "
                                                        "on PBS " +
                                                        url +
                                                        " is not visible: the token probably lacks Datastore.Audit on "
                                                        "/datastore/store1"));
    EXPECT_FALSE(run.inventory.pbs_servers[0].datastores.at("store1").usage.has_value());
}

TEST(CollectPbs, HiddenPruneJobsMakeTheListUnknown) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->on("/admin/prune", R"({"data":[]})");
    run.pbs1->on("/access/permissions", {{"path", "/datastore/store1"}}, R"({"data":{}})");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("warning " + server_source + " /admin/prune the prune jobs of datastore 'store1' on PBS " +
                            url +
                            " may be hidden: the token lacks Datastore.Audit on /datastore/store1 (PBS lists only the "
                            "jobs the token may audit); the PBS-side retention is unknown"));
    EXPECT_FALSE(run.inventory.pbs_servers[0].prune_jobs.has_value());
}

TEST(CollectPbs, NoPruneJobWithAuditIsAnEmptyList) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->on("/admin/prune", R"({"data":[]})");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory), IsEmpty());
    ASSERT_TRUE(run.inventory.pbs_servers[0].prune_jobs.has_value());
    EXPECT_TRUE(run.inventory.pbs_servers[0].prune_jobs->empty());
}

TEST(CollectPbs, PruneJobsFromConfigWhenAdminFails) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->fail("/admin/prune", 500, "Internal error");
    run.pbs1->on("/config/prune", fixture("pbs/admin_prune.json"));
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory), IsEmpty());
    ASSERT_TRUE(run.inventory.pbs_servers[0].prune_jobs.has_value());
    EXPECT_EQ(run.inventory.pbs_servers[0].prune_jobs->size(), 2U);
}

TEST(CollectPbs, UnreadablePruneJobs) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->fail("/admin/prune", 403, "Forbidden");
    run.pbs1->fail("/config/prune", 403, "Forbidden");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("warning " + server_source + " /config/prune prune jobs of PBS " + url +
                            " could not be read: HTTP 403 Forbidden; the API token probably lacks Datastore.Audit on "
                            "/datastore/store1"));
    EXPECT_FALSE(run.inventory.pbs_servers[0].prune_jobs.has_value());
}

TEST(CollectPbs, LegacyPbsUsesTheDatastoreKeepOptions) {
    PbsRun run;
    load_server(*run.pbs1);
    run.inventory.storages = {pbs_storage("pbs-old", "")};
    run.pbs1->on("/version", R"({"data":{"version":"2.1","release":"5","repoid":"abc"}})");
    run.pbs1->fail("/admin/datastore/store1/namespace", 404, "Not Found");
    run.pbs1->fail("/admin/prune", 404, "Not Found");
    run.pbs1->on("/config/datastore", fixture("pbs/config_datastore_legacy.json"));
    run.pbs1->on("/admin/datastore/store1/snapshots", {}, fixture("pbs/snapshots_cluster_b.json"));
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory), IsEmpty());
    const auto& server = run.inventory.pbs_servers[0];
    EXPECT_EQ(server.version, "2.1.5");
    EXPECT_THAT(server.datastores.at("store1").namespaces, ElementsAre(""));
    ASSERT_TRUE(server.prune_jobs.has_value());
    ASSERT_EQ(server.prune_jobs->size(), 1U);
    const auto& job = server.prune_jobs->front();
    EXPECT_TRUE(job.legacy_datastore_policy);
    EXPECT_EQ(job.store, "store1");
    EXPECT_EQ(job.ns, "");
    EXPECT_EQ(job.schedule, "daily");
    EXPECT_TRUE(job.enabled);
    EXPECT_EQ(job.keep.keep_last, 2);
    EXPECT_EQ(job.keep.keep_daily, 7);
    EXPECT_FALSE(run.pbs1->called("/config/prune"));
    EXPECT_TRUE(run.content("pbs-old").collected);
}

TEST(CollectPbs, LegacyDatastoreNotVisible) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->fail("/admin/prune", 404, "Not Found");
    run.pbs1->on("/config/datastore", R"({"data":[]})");
    run.collect();
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_THAT(lines[0], HasSubstr("the retention of datastore 'store1' on PBS " + url +
                                    " (PBS < 2.2.2: keep-* options of the datastore) is not visible"));
    EXPECT_FALSE(run.inventory.pbs_servers[0].prune_jobs.has_value());
}

TEST(CollectPbs, MissingNamespaceIsReported) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->on("/admin/datastore/store1/namespace", R"({"data":[{"ns":""},{"ns":"cluster-a"}]})");
    run.collect();
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_THAT(lines[0], HasSubstr("warning pbs/pbs-b /admin/datastore/store1/namespace namespace 'cluster-b' of "
                                    "storage pbs-b is not among the namespaces of datastore 'store1'"));
}

TEST(CollectPbs, TimeZoneFailureIsAWarning) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->fail("/nodes/localhost/time", 500, "Internal error");
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("warning " + server_source + " /nodes/localhost/time time zone of PBS " + url +
                            " could not be read: HTTP 500 Internal error"));
    EXPECT_FALSE(run.inventory.pbs_servers[0].time_zone.has_value());
    EXPECT_TRUE(run.content("pbs-a").collected);
}

// --- overrides and grouping ------------------------------------------------------------------------------

TEST(CollectPbs, PerStorageOverrides) {
    PbsRun run;
    load_server(*run.pbs1);
    const std::string url2 = "https://pbs2.example.lan:8443";
    load_server(*run.servers.server(url2));
    run.config.pbs_overrides["PBS_B"] = config::PbsOverride{url2, "other@pbs!b", other_secret, other_pin};
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory), IsEmpty());
    const auto connections = run.servers.connections();
    ASSERT_EQ(connections.size(), 2U);
    const auto second =
        std::find_if(connections.begin(), connections.end(), [&](const PbsConnection& c) { return c.url == url2; });
    ASSERT_NE(second, connections.end());
    EXPECT_EQ(second->token_id, "other@pbs!b");
    EXPECT_EQ(second->token_secret, other_secret);
    EXPECT_EQ(second->fingerprint, other_pin);
    EXPECT_EQ(second->token_variable, "PBS_PBS_B_TOKEN_ID");
    EXPECT_EQ(second->secret_variable(), "PBS_PBS_B_TOKEN_SECRET");
    EXPECT_EQ(second->source, "pbs/pbs2.example.lan:8443");
    ASSERT_EQ(run.inventory.pbs_servers.size(), 2U);
    EXPECT_THAT(run.inventory.pbs_servers[0].storages, ElementsAre("pbs-a"));
    EXPECT_THAT(run.inventory.pbs_servers[1].storages, ElementsAre("pbs-b"));
    EXPECT_EQ(run.content("pbs-b").server_url, url2);
    EXPECT_TRUE(run.content("pbs-b").collected);
}

TEST(CollectPbs, DifferentFingerprintsMeanDifferentConnections) {
    PbsRun run;
    load_server(*run.pbs1);
    run.inventory.storages[2].pbs->fingerprint = other_pin;
    run.collect();
    EXPECT_EQ(run.servers.connections().size(), 2U);
    EXPECT_EQ(run.inventory.pbs_servers.size(), 2U);
}

TEST(CollectPbs, StorageWithoutTokenWhenOnlyAnotherHasOne) {
    PbsRun run;
    load_server(*run.pbs1);
    run.config = config::Config{};
    run.config.pbs_overrides["PBS_A"] = config::PbsOverride{std::nullopt, "other@pbs!a", other_secret, std::nullopt};
    run.collect();
    EXPECT_TRUE(run.inventory.pbs_configured);
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0], "error pbs/pbs-b - no PBS API token applies to storage pbs-b (set PBS_TOKEN_ID and "
                        "PBS_TOKEN_SECRET, or PBS_PBS_B_TOKEN_ID and PBS_PBS_B_TOKEN_SECRET): its snapshots were "
                        "not collected");
    EXPECT_TRUE(run.content("pbs-a").collected);
    EXPECT_FALSE(run.content("pbs-b").collected);
    EXPECT_EQ(run.servers.connections().size(), 1U);
    EXPECT_EQ(fact_line(run.inventory.issues[0].fact),
              "pbs_no_token storage=pbs-b token_variable=PBS_PBS_B_TOKEN_ID secret_variable=PBS_PBS_B_TOKEN_SECRET");
}

TEST(CollectPbs, InvalidStorageFingerprint) {
    PbsRun run;
    load_server(*run.pbs1);
    run.inventory.storages = {pbs_storage("pbs-a", "cluster-a", "ab:cd:ef")};
    run.collect();
    const auto lines = issue_lines(run.inventory);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_THAT(lines[0], HasSubstr("storage pbs-a: its fingerprint 'ab:cd:ef' is not a SHA-256 certificate "
                                    "fingerprint"));
    EXPECT_THAT(lines[0], HasSubstr("PBS_PBS_A_FINGERPRINT"));
    EXPECT_TRUE(run.servers.connections().empty());
    EXPECT_EQ(fact_line(run.inventory.issues[0].fact),
              "pbs_bad_fingerprint storage=pbs-a fingerprint=ab:cd:ef variable=PBS_PBS_A_FINGERPRINT");
}

TEST(CollectPbs, StorageWithoutServer) {
    PbsRun run;
    run.inventory.storages = {pbs_storage("pbs-a", "cluster-a", pin, "")};
    run.collect();
    EXPECT_THAT(issue_lines(run.inventory),
                ElementsAre("error pbs/pbs-a - storage pbs-a has no server in the PVE storage configuration (set "
                            "PBS_PBS_A_URL): its snapshots were not collected"));
    EXPECT_FALSE(run.content("pbs-a").collected);
}

TEST(CollectPbs, Ipv6ServerAndPort) {
    PbsRun run;
    auto storage = pbs_storage("pbs-v6", "", std::nullopt, "fd00::50");
    storage.pbs->port = 8443;
    run.inventory.storages = {storage};
    run.collect();
    ASSERT_EQ(run.servers.connections().size(), 1U);
    EXPECT_EQ(run.servers.connections()[0].url, "https://[fd00::50]:8443");
}

TEST(CollectPbs, ManyStoragesInParallel) {
    PbsRun run;
    load_server(*run.pbs1);
    run.pbs1->set_delay(std::chrono::milliseconds(2));
    run.inventory.storages.clear();
    for (int i = 0; i < 8; ++i) {
        run.inventory.storages.push_back(
            pbs_storage("pbs-" + std::to_string(i), i % 2 == 0 ? "cluster-a" : "cluster-b"));
    }
    run.collect(3);
    EXPECT_THAT(issue_lines(run.inventory), IsEmpty());
    EXPECT_EQ(run.servers.connections().size(), 1U);
    EXPECT_LE(run.pbs1->max_in_flight(), 3);
    for (int i = 0; i < 8; ++i) {
        EXPECT_TRUE(run.content("pbs-" + std::to_string(i)).collected) << i;
    }
}

} // namespace
