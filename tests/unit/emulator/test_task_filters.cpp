#include "emulator/task_filters.hpp"

#include <gtest/gtest.h>

namespace pvr::emulator {
namespace {

using nlohmann::json;

json tasks() {
    return json::parse(R"([
        {"upid":"u6","type":"vzdump","id":"","user":"root@pam","starttime":600},
        {"upid":"u5","type":"vzdump","id":"100","user":"root@pam","starttime":500,"endtime":510,"status":"OK"},
        {"upid":"u4","type":"vzdump","id":"","user":"root@pam","starttime":400,"endtime":450,"status":"job errors"},
        {"upid":"u3","type":"qmstart","id":"101","user":"Admin@PVE","starttime":300,"endtime":301,"status":"WARNINGS: 2"},
        {"upid":"u2","type":"vzdump","id":"101","user":"root@pam","starttime":200,"endtime":290,"status":"unexpected status"},
        {"upid":"u1","type":"vzdump","id":"100","user":"ci@pve","tokenid":"x","starttime":100,"endtime":110,"status":"OK"}])");
}

std::vector<std::string> upids(const JsonPage& page) {
    std::vector<std::string> out;
    for (const auto& item : page.data) {
        out.push_back(item.at("upid").get<std::string>());
    }
    return out;
}

using Upids = std::vector<std::string>;

TEST(TaskFilters, DefaultIsArchiveNewestFirst) {
    const auto page = filter_tasks(tasks(), TaskListQuery{});
    EXPECT_EQ(upids(page), (Upids{"u5", "u4", "u3", "u2", "u1"}));
    EXPECT_EQ(page.total, 5);
}

TEST(TaskFilters, Sources) {
    TaskListQuery active;
    active.source = "active";
    const auto running = filter_tasks(tasks(), active);
    EXPECT_EQ(upids(running), (Upids{"u6"}));
    EXPECT_EQ(running.data[0].at("status"), "RUNNING");
    TaskListQuery all;
    all.source = "all";
    EXPECT_EQ(filter_tasks(tasks(), all).total, 6);
}

TEST(TaskFilters, TypeVmidUser) {
    TaskListQuery query;
    query.typefilter = "vzdump";
    query.vmid = "100";
    EXPECT_EQ(upids(filter_tasks(tasks(), query)), (Upids{"u5", "u1"}));
    TaskListQuery user;
    user.userfilter = "admin@pve";
    EXPECT_EQ(upids(filter_tasks(tasks(), user)), (Upids{"u3"}));
}

TEST(TaskFilters, SinceUntil) {
    TaskListQuery query;
    query.since = 200;
    query.until = 400;
    EXPECT_EQ(upids(filter_tasks(tasks(), query)), (Upids{"u4", "u3", "u2"}));
}

TEST(TaskFilters, ErrorsAndStatusfilter) {
    TaskListQuery errors;
    errors.errors = true;
    errors.statusfilter = {"ok"}; // ignored with errors=1
    EXPECT_EQ(upids(filter_tasks(tasks(), errors)), (Upids{"u4", "u3", "u2"}));
    TaskListQuery status;
    status.statusfilter = {"warning", "unknown"};
    EXPECT_EQ(upids(filter_tasks(tasks(), status)), (Upids{"u3", "u2"}));
    status.statusfilter = {"error"};
    EXPECT_EQ(upids(filter_tasks(tasks(), status)), (Upids{"u4"}));
}

TEST(TaskFilters, PagingAndLimitZero) {
    TaskListQuery query;
    query.start = 1;
    query.limit = 2;
    const auto page = filter_tasks(tasks(), query);
    EXPECT_EQ(upids(page), (Upids{"u4", "u3"}));
    EXPECT_EQ(page.total, 5);
    query.limit = 0;
    const auto none = filter_tasks(tasks(), query);
    EXPECT_TRUE(none.data.empty());
    EXPECT_EQ(none.total, 5);
    query.start = 10;
    query.limit = 50;
    EXPECT_TRUE(filter_tasks(tasks(), query).data.empty());
}

TEST(TaskFilters, StatusClasses) {
    EXPECT_EQ(task_status_class(json::parse(R"({"endtime":1,"status":"OK"})")), "ok");
    EXPECT_EQ(task_status_class(json::parse(R"({"endtime":1,"status":"WARNINGS: 1"})")), "warning");
    EXPECT_EQ(task_status_class(json::parse(R"({"endtime":1,"status":"job errors"})")), "error");
    EXPECT_EQ(task_status_class(json::parse(R"({"endtime":1,"status":""})")), "unknown");
    EXPECT_EQ(task_status_class(json::parse(R"({"endtime":1,"status":"unexpected status"})")), "unknown");
    EXPECT_EQ(task_status_class(json::parse(R"({"status":"RUNNING"})")), "unknown");
}

TEST(TaskLog, PagingDefaultsAndLimitZero) {
    std::string log;
    for (int i = 1; i <= 60; ++i) {
        log += "line " + std::to_string(i) + "\n";
    }
    const auto first = page_task_log(log, 0, 50);
    EXPECT_EQ(first.total, 60);
    ASSERT_EQ(first.data.size(), 50U);
    EXPECT_EQ(first.data[49], json::parse(R"({"n":50,"t":"line 50"})"));
    const auto all = page_task_log(log, 0, 0);
    EXPECT_EQ(all.data.size(), 60U);
    const auto tail = page_task_log(log, 58, 0);
    ASSERT_EQ(tail.data.size(), 2U);
    EXPECT_EQ(tail.data[0].at("n"), 59);
    EXPECT_TRUE(page_task_log(log, 100, 10).data.empty());
}

TEST(TaskLog, MissingEmptyAndCrLf) {
    const auto missing = page_task_log(std::nullopt, 0, 50);
    EXPECT_EQ(missing.data, json::parse(R"([{"n":1,"t":"unable to open file - No such file or directory"}])"));
    EXPECT_EQ(missing.total, 1);
    EXPECT_EQ(page_task_log(std::string(), 0, 50).data, json::parse(R"([{"n":1,"t":"no content"}])"));
    const auto crlf = page_task_log(std::string("a\r\n\r\nTASK OK"), 0, 0);
    EXPECT_EQ(crlf.data, json::parse(R"([{"n":1,"t":"a"},{"n":2,"t":""},{"n":3,"t":"TASK OK"}])"));
}

} // namespace
} // namespace pvr::emulator
