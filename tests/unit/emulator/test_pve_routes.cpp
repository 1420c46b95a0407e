// The PVE personality without the network: endpoints, filters and PVE's error texts.

#include "emulator_test_support.hpp"

#include "emulator/personality.hpp"

#include <gtest/gtest.h>

namespace pvr::emulator::test {
namespace {

using nlohmann::json;

class PveRoutesTest : public ::testing::Test {
protected:
    PveRoutesTest()
        : m_scenario(Scenario::from_files(small_scenario_files())),
          m_routes(make_pve_personality(m_scenario, {Token{k_token_id, k_secret}})) {}

    ApiResponse get(const std::string& path, std::multimap<std::string, std::string> params = {}) const {
        ApiRequest request;
        request.method = "GET";
        request.path = path;
        request.params = std::move(params);
        return m_routes->handle(request);
    }

    static json body(const ApiResponse& response) { return json::parse(response.body); }

    Scenario m_scenario;
    std::unique_ptr<ApiPersonality> m_routes;
};

TEST_F(PveRoutesTest, AuthHeaderForms) {
    const std::string good = good_auth();
    EXPECT_EQ(m_routes->check_auth(good), AuthCheck::ok);
    EXPECT_EQ(m_routes->check_auth(std::string("PVEAPIToken ") + k_token_id + "=" + k_secret), AuthCheck::ok);
    EXPECT_EQ(m_routes->check_auth(""), AuthCheck::missing);
    EXPECT_EQ(m_routes->check_auth("Bearer abc"), AuthCheck::not_a_token);
    EXPECT_EQ(m_routes->check_auth(std::string("PBSAPIToken=") + k_token_id + ":" + k_secret), AuthCheck::not_a_token);
    EXPECT_EQ(m_routes->check_auth(good + "x"), AuthCheck::invalid);
    EXPECT_EQ(m_routes->check_auth("PVEAPIToken=report@pve!ci"), AuthCheck::invalid);
    // URL-escaped '!' and a trailing "; ..." are accepted like pveproxy does.
    EXPECT_EQ(m_routes->check_auth(std::string("PVEAPIToken=report@pve%21ci=") + k_secret + "; x=y"), AuthCheck::ok);
    EXPECT_EQ(m_routes->auth_failure(AuthCheck::invalid).reason, "Authentication failed!");
    EXPECT_EQ(m_routes->auth_failure(AuthCheck::missing).reason, "No ticket");
    EXPECT_EQ(m_routes->auth_failure(AuthCheck::not_a_token).reason, "No ticket");
}

TEST_F(PveRoutesTest, ResourceFilters) {
    EXPECT_EQ(body(get("/cluster/resources")).at("data").size(), 6U);
    EXPECT_EQ(body(get("/cluster/resources", {{"type", "vm"}})).at("data").size(), 2U);
    EXPECT_EQ(body(get("/cluster/resources", {{"type", "node"}})).at("data").size(), 1U);
    EXPECT_EQ(body(get("/cluster/resources", {{"type", "storage"}})).at("data").size(), 1U);
    EXPECT_EQ(body(get("/cluster/resources", {{"type", "sdn"}})).at("data").size(), 1U);
    const auto bad = get("/cluster/resources", {{"type", "qemu"}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(body(bad).at("errors").at("type"),
              "value 'qemu' does not have a value in the enumeration 'vm, storage, node, sdn'");
    // Unknown parameters are ignored.
    EXPECT_EQ(get("/cluster/resources", {{"_dc", "123"}}).status, 200);
}

TEST_F(PveRoutesTest, GuestListsOfANode) {
    // As PVE: qemu entries without `type` and with a numeric vmid, lxc entries with a string vmid.
    const json qemu = body(get("/nodes/pve1/qemu")).at("data");
    ASSERT_EQ(qemu.size(), 1U);
    EXPECT_EQ(qemu[0].at("vmid"), 100);
    EXPECT_EQ(qemu[0].at("name"), "web01");
    EXPECT_FALSE(qemu[0].contains("type"));
    EXPECT_FALSE(qemu[0].contains("node"));
    const json lxc = body(get("/nodes/pve1/lxc")).at("data");
    ASSERT_EQ(lxc.size(), 1U);
    EXPECT_EQ(lxc[0].at("vmid"), "101");
    EXPECT_EQ(lxc[0].at("type"), "lxc");
    EXPECT_TRUE(body(get("/nodes/pve2/lxc")).at("data").empty());
}

TEST_F(PveRoutesTest, StorageTypeFilter) {
    const json pbs = body(get("/storage", {{"type", "pbs"}})).at("data");
    ASSERT_EQ(pbs.size(), 1U);
    EXPECT_EQ(pbs[0].at("storage"), "pbs-main");
    EXPECT_EQ(body(get("/storage")).at("data").size(), 2U);
    EXPECT_EQ(get("/storage", {{"type", "floppy"}}).status, 400);
    EXPECT_EQ(body(get("/storage/local")).at("data").at("type"), "dir");
    EXPECT_EQ(get("/storage/nope").status, 500);
}

TEST_F(PveRoutesTest, PoolVariants) {
    EXPECT_EQ(body(get("/pools")),
              json::parse(R"({"data":[{"poolid":"prod","comment":"production"},{"poolid":"lab"}]})"));
    const json one = body(get("/pools", {{"poolid", "prod"}})).at("data");
    ASSERT_TRUE(one.is_array());
    ASSERT_EQ(one.size(), 1U);
    EXPECT_EQ(one[0].at("members").size(), 2U);
    const json storage_only = body(get("/pools", {{"poolid", "prod"}, {"type", "storage"}})).at("data");
    EXPECT_EQ(storage_only[0].at("members").size(), 1U);
    const json object = body(get("/pools/prod")).at("data");
    EXPECT_TRUE(object.is_object());
    EXPECT_EQ(object.at("poolid"), "prod");
    const auto missing = get("/pools", {{"poolid", "legacy"}});
    EXPECT_EQ(missing.status, 500);
    EXPECT_EQ(missing.reason, "pool 'legacy' does not exist");
    EXPECT_EQ(body(missing), json::parse(R"({"data":null,"message":"pool 'legacy' does not exist\n"})"));
    EXPECT_EQ(get("/pools/legacy").status, 500);
}

TEST_F(PveRoutesTest, BackupJobById) {
    const json job = body(get("/cluster/backup/backup-1")).at("data");
    EXPECT_EQ(job.at("schedule"), "21:00");
    EXPECT_FALSE(job.contains("next-run"));
    EXPECT_TRUE(body(get("/cluster/backup")).at("data")[0].contains("next-run"));
    const auto unknown = get("/cluster/backup/nightly");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(body(unknown).at("errors").at("id"), "No such job 'nightly'");
}

TEST_F(PveRoutesTest, TaskStatus) {
    const json running =
        body(get("/nodes/pve1/tasks/UPID:pve1:00000005:00000001:67744D45:vzdump::root@pam:/status")).at("data");
    EXPECT_EQ(running.at("status"), "running");
    const json stopped =
        body(get("/nodes/pve1/tasks/UPID:pve1:00000003:00000001:67744D43:vzdump::root@pam:/status")).at("data");
    EXPECT_EQ(stopped.at("status"), "stopped");
    EXPECT_EQ(stopped.at("exitstatus"), "job errors");
    EXPECT_EQ(get("/nodes/pve1/tasks/UPID:pve1:0:0:0:x::root@pam:/status").status, 400);
}

TEST_F(PveRoutesTest, TaskListParameterErrors) {
    EXPECT_EQ(get("/nodes/pve1/tasks", {{"limit", "-1"}}).status, 400);
    EXPECT_EQ(get("/nodes/pve1/tasks", {{"vmid", "abc"}}).status, 400);
    EXPECT_EQ(get("/nodes/pve1/tasks", {{"source", "everything"}}).status, 400);
    EXPECT_EQ(get("/nodes/pve1/tasks", {{"statusfilter", "ok,bad"}}).status, 400);
    EXPECT_EQ(get("/nodes/pve1/tasks", {{"errors", "1"}}).status, 200);
}

TEST_F(PveRoutesTest, GenericFilesAndUnknownPaths) {
    EXPECT_EQ(get("/version").status, 200);
    EXPECT_EQ(get("/version/").status, 200);
    const auto unknown = get("/cluster/ha/resources");
    EXPECT_EQ(unknown.status, 501);
    EXPECT_EQ(unknown.reason, "Method 'GET /cluster/ha/resources' not implemented");
    EXPECT_EQ(get("/").status, 501);
}

TEST_F(PveRoutesTest, OutsideTheApi) {
    EXPECT_EQ(m_routes->outside_api("GET", "/").reason, "no such file '/'");
    EXPECT_EQ(m_routes->outside_api("GET", "/api2").reason, "no such uri");
    EXPECT_EQ(m_routes->outside_api("GET", "/api2/extjs/version").reason, "no formatter for uri /version, extjs");
}

TEST_F(PveRoutesTest, FaultAnswers) {
    Fault proxy;
    proxy.status = 595;
    const auto proxy_answer = m_routes->fault_answer(proxy, "/nodes/pve1/tasks");
    EXPECT_EQ(proxy_answer.reason, "No route to host");
    EXPECT_TRUE(proxy_answer.body.empty());
    EXPECT_TRUE(proxy_answer.content_type.empty());
    Fault not_implemented;
    not_implemented.status = 501;
    EXPECT_EQ(body(m_routes->fault_answer(not_implemented, "/x")).at("message"), "Method 'GET /x' not implemented");
    Fault custom;
    custom.status = 500;
    custom.reason = "storage 'pbs-main' is not online";
    EXPECT_EQ(body(m_routes->fault_answer(custom, "/x")).at("message"), "storage 'pbs-main' is not online\n");
}

} // namespace
} // namespace pvr::emulator::test
