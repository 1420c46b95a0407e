// Many failures of one cause become one collection issue with a count.

#include "collect/collapse_issues.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr::collect;
using pvr::model::CollectionIssue;
using pvr::model::IssueSeverity;

namespace {

CollectionIssue task_log_issue(int n, const std::string& cause = "HTTP 500 boom") {
    const std::string upid = "UPID:pve1:0000" + std::to_string(n) + ":0C4D5E6F:67744D40:vzdump::root@pam:";
    std::string encoded;
    for (const char c : upid) {
        encoded += c == ':' ? std::string("%3A") : c == '@' ? std::string("%40") : std::string(1, c);
    }
    return {IssueSeverity::warning, "node/pve1", "/nodes/pve1/tasks/" + encoded + "/log",
            "log of task " + upid + " could not be read: " + cause};
}

TEST(CollapseIssues, EndpointPattern) {
    EXPECT_EQ(endpoint_pattern("/nodes/pve1/qemu/100/config"), "/nodes/pve1/qemu/{vmid}/config");
    EXPECT_EQ(endpoint_pattern("/nodes/pve1/tasks/UPID%3Apve1%3A1%3A/log"), "/nodes/pve1/tasks/{upid}/log");
    EXPECT_EQ(endpoint_pattern("/pools?poolid=1"), "/pools?poolid=1");
    EXPECT_EQ(endpoint_pattern("/nodes/pve2"), "/nodes/pve2");
}

TEST(CollapseIssues, FiftyFourTaskLogsOfOneCauseAreOneIssue) {
    std::vector<CollectionIssue> issues;
    issues.push_back({IssueSeverity::error, "pve", "/pools", "pool list could not be read"});
    for (int i = 0; i < 54; ++i) {
        issues.push_back(task_log_issue(i));
    }
    issues.push_back(task_log_issue(99, "HTTP 403 Forbidden")); // another cause: kept apart
    issues.push_back({IssueSeverity::warning, "node/pve3", std::nullopt, "node pve3 is offline"});
    const auto out = collapse_issues(issues);
    ASSERT_EQ(out.size(), 4U);
    EXPECT_EQ(out[0].endpoint, "/pools");
    EXPECT_EQ(out[1].endpoint, "/nodes/pve1/tasks/{upid}/log");
    EXPECT_EQ(out[1].severity, IssueSeverity::warning);
    EXPECT_EQ(out[1].source, "node/pve1");
    EXPECT_THAT(out[1].message, ::testing::StartsWith("log of task {upid} could not be read: HTTP 500 boom (54 times, "
                                                      "e.g. /nodes/pve1/tasks/UPID%3Apve1%3A00000%3A"));
    EXPECT_THAT(out[1].message, ::testing::EndsWith(", ...)"));
    EXPECT_EQ(out[2].message, issues[55].message);
    EXPECT_EQ(out[3].message, "node pve3 is offline");
}

TEST(CollapseIssues, FewOrDifferentIssuesAreKept) {
    std::vector<CollectionIssue> issues{task_log_issue(1), task_log_issue(2)};
    EXPECT_EQ(collapse_issues(issues).size(), 2U); // fewer than 3
    issues.push_back(task_log_issue(3));
    issues[2].source = "node/pve2";
    EXPECT_EQ(collapse_issues(issues).size(), 3U); // another source
    issues[2].source = "node/pve1";
    const auto out = collapse_issues(issues);
    ASSERT_EQ(out.size(), 1U);
    EXPECT_THAT(out[0].message, ::testing::HasSubstr("(3 times, e.g. "));
    EXPECT_THAT(out[0].message, ::testing::Not(::testing::HasSubstr("...")));
}

TEST(CollapseIssues, GuestConfigurationsOfOneNode) {
    std::vector<CollectionIssue> issues;
    for (int vmid : {100, 101, 102}) {
        issues.push_back({IssueSeverity::warning, "node/pve1", "/nodes/pve1/qemu/" + std::to_string(vmid) + "/config",
                          "configuration of VM " + std::to_string(vmid) + " on node pve1 could not be read: HTTP 596"});
    }
    const auto out = collapse_issues(issues);
    ASSERT_EQ(out.size(), 1U);
    EXPECT_EQ(out[0].endpoint, "/nodes/pve1/qemu/{vmid}/config");
    EXPECT_EQ(out[0].message, "configuration of VM {vmid} on node pve1 could not be read: HTTP 596 (3 times, e.g. "
                              "/nodes/pve1/qemu/100/config, /nodes/pve1/qemu/101/config, /nodes/pve1/qemu/102/config)");
}

} // namespace
