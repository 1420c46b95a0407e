// Accepted exceptions end to end: the real binary on the built-in demo (`--demo`, which brings
// its own scenarios/demo/exceptions.toml) and with EXCEPTIONS_FILE / EXEMPT_TAG.

#include "support/process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <string>

namespace {

using nlohmann::json;
using pvr::test::run_process;
using pvr::test::TempDir;

json demo_report(const std::map<std::string, std::string>& env) {
    const auto result = run_process(PVR_BINARY, {"--demo", "--dump-report-data"}, env);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.exit_code == 0 ? json::parse(result.out) : json::object();
}

const json& guest(const json& report, int vmid) {
    for (const auto& g : report["guests"]) {
        if (g["vmid"] == vmid) {
            return g;
        }
    }
    static const json none;
    ADD_FAILURE() << "no guest " << vmid;
    return none;
}

const json* anomaly(const json& report, const std::string& kind, const std::string& subject) {
    for (const auto& a : report["anomalies"]) {
        if (a["kind"] == kind && a["subject"] == subject) {
            return &a;
        }
    }
    return nullptr;
}

std::string write_file(const TempDir& dir, const std::string& name, const std::string& text) {
    const std::string path = dir.path() + "/" + name;
    std::ofstream(path) << text;
    return path;
}

TEST(Exceptions, DemoAcceptsItsKnownGapsAndKeepsTrueStatuses) {
    TempDir dir;
    const json report = demo_report({{"OUTPUT_DIR", dir.path()}});
    ASSERT_TRUE(report.contains("exceptions"));

    // 9001: the template, accepted as not backed up; its status is unchanged.
    const auto& tmpl = guest(report, 9001);
    EXPECT_EQ(tmpl["coverage"]["status"], "non_sauvegardee");
    ASSERT_TRUE(tmpl["exception"].is_object()) << tmpl.dump(2);
    EXPECT_EQ(tmpl["exception"]["id"], "tmpl-9001");
    EXPECT_EQ(tmpl["exception"]["source"], "file");
    EXPECT_EQ(tmpl["exception"]["file"], "scenarios/demo/exceptions.toml");
    EXPECT_EQ(tmpl["exception"]["owner"], "ops@example.com");
    EXPECT_EQ(tmpl["exception"]["until"], "2027-06-30");
    EXPECT_EQ(tmpl["exception"]["accepted"][0], "not_backed_up");
    EXPECT_EQ((*anomaly(report, "guest_not_backed_up", "vm/9001"))["accepted_by"], "tmpl-9001");

    // The k8s workers (name glob + tag), the lab pool; 300 stays not backed up and not accepted.
    for (const int vmid : {113, 114, 115}) {
        EXPECT_EQ(guest(report, vmid)["exception"]["id"], "k8s-workers") << vmid;
    }
    EXPECT_TRUE(guest(report, 112)["exception"].is_null()); // k8s-master-1: tag k8s, name does not match
    for (const int vmid : {220, 221, 222, 223, 224}) {
        EXPECT_EQ(guest(report, vmid)["exception"]["id"], "lab") << vmid;
    }
    EXPECT_TRUE(guest(report, 300)["exception"].is_null());
    EXPECT_TRUE(guest(report, 100)["exception"].is_null());
    EXPECT_TRUE((*anomaly(report, "guest_not_backed_up", "vm/300"))["accepted_by"].is_null());

    // The summary keeps the true counts; the verdict leaves the accepted ones out.
    EXPECT_EQ(report["summary"]["guests_not_backed_up"], 10);
    EXPECT_EQ(report["verdict"]["guests_not_backed_up"], 1);
    EXPECT_EQ(report["verdict"]["accepted_guests_not_backed_up"], 9);
    EXPECT_EQ(report["verdict"]["level"], "critical"); // 300 intranet-old

    // 111's exception has expired: its failed backup counts, and the exception is an anomaly.
    EXPECT_TRUE(guest(report, 111)["exception"].is_null());
    EXPECT_TRUE((*anomaly(report, "backup_failed", "ct/111"))["accepted_by"].is_null());
    const json* expired = anomaly(report, "exception_expired", "exception/gitlab-runner-lock");
    ASSERT_NE(expired, nullptr);
    EXPECT_EQ((*expired)["severity"], "warning");
    const json* unused = anomaly(report, "exception_unused", "exception/old-ftp");
    ASSERT_NE(unused, nullptr);
    EXPECT_EQ((*unused)["severity"], "info");

    std::map<std::string, std::string> statuses;
    for (const auto& e : report["exceptions"]) {
        statuses[e["id"].get<std::string>()] = e["status"].get<std::string>();
    }
    EXPECT_EQ(statuses, (std::map<std::string, std::string>{{"tmpl-9001", "active"},
                                                            {"k8s-workers", "active"},
                                                            {"lab", "active"},
                                                            {"gitlab-runner-lock", "expired"},
                                                            {"old-ftp", "unused"}}));
}

TEST(Exceptions, ExceptionsFileReplacesTheDemoOnesAndChangesTheVerdict) {
    TempDir dir;
    const json plain = demo_report({{"OUTPUT_DIR", dir.path()}, {"EXCEPTIONS_FILE", write_file(dir, "none.toml", "")}});
    EXPECT_TRUE(plain["exceptions"].empty());
    EXPECT_TRUE(guest(plain, 9001)["exception"].is_null());
    EXPECT_EQ(plain["verdict"]["guests_not_backed_up"], 10);
    EXPECT_EQ(plain["verdict"]["accepted_guests_not_backed_up"], 0);

    const std::string file = write_file(dir, "exceptions.toml", R"([[exception]]
vmid = [300, 9001]
accept = ["not_backed_up"]
reason = "decommissioned and template"
owner = "ops@example.com"
until = 2027-01-01
)");
    const json report = demo_report(
        {{"OUTPUT_DIR", dir.path()}, {"EXCEPTIONS_FILE", file}, {"EXEMPT_TAG", "lab"}, {"REPORT_LANG", "fr"}});
    EXPECT_EQ(guest(report, 300)["exception"]["id"], "exception-1");
    EXPECT_EQ(guest(report, 300)["exception"]["file"], file);
    EXPECT_EQ(guest(report, 300)["exception"]["line"], 1);
    EXPECT_TRUE(guest(report, 113)["exception"].is_null()); // the demo's file is not used
    // EXEMPT_TAG=lab: 220..223 carry the PVE tag "lab"; 224 has no tag.
    const auto& lab = guest(report, 222)["exception"];
    EXPECT_EQ(lab["id"], "tag:lab");
    EXPECT_EQ(lab["source"], "tag");
    EXPECT_TRUE(lab["owner"].is_null());
    EXPECT_TRUE(lab["until"].is_null());
    EXPECT_EQ(lab["reason"], "tagged lab in PVE");
    EXPECT_TRUE(guest(report, 224)["exception"].is_null());
    // Not accepted: 113, 114, 115 (k8s workers) and 224.
    EXPECT_EQ(report["verdict"]["guests_not_backed_up"], 4);
    EXPECT_EQ(report["verdict"]["accepted_guests_not_backed_up"], 6);
}

TEST(Exceptions, BadFileExitsTwoWithEveryProblemAndItsLine) {
    TempDir dir;
    const std::string file = write_file(dir, "bad.toml", R"([[exception]]
vmid = 9001
accept = ["not_backed_up", "sometimes"]
reason = "template"
until = 2027-02-03

[[exception]]
vmids = [113]
accept = ["overdue"]
reason = "x"
owner = "y"
until = "soon"
)");
    const auto result = run_process(PVR_BINARY, {"--demo", "--dump-report-data"},
                                    {{"OUTPUT_DIR", dir.path()}, {"EXCEPTIONS_FILE", file}});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_TRUE(result.out.empty());
    for (const std::string& expected :
         {"EXCEPTIONS_FILE: " + file + " line 1: exception #1: 'owner' is missing",
          "EXCEPTIONS_FILE: " + file + " line 3: 'accept': unknown kind 'sometimes'",
          "EXCEPTIONS_FILE: " + file + " line 8: unknown key 'vmids' in exception #2",
          "EXCEPTIONS_FILE: " + file + " line 12: 'until' = \"soon\" is not a date (YYYY-MM-DD)"}) {
        EXPECT_NE(result.err.find(expected), std::string::npos) << "missing: " << expected << "\n" << result.err;
    }
    // 2027-02-30 is rejected by the TOML parser itself: then it is the only problem, with its line.
    const std::string syntax = write_file(dir, "syntax.toml", "[[exception]]\nvmid = 9001\nuntil = 2027-02-30\n");
    const auto bad_date = run_process(PVR_BINARY, {"--demo", "--dump-report-data"},
                                      {{"OUTPUT_DIR", dir.path()}, {"EXCEPTIONS_FILE", syntax}});
    EXPECT_EQ(bad_date.exit_code, 2);
    EXPECT_NE(bad_date.err.find("EXCEPTIONS_FILE: " + syntax + " line 3: not valid TOML"), std::string::npos)
        << bad_date.err;

    const auto missing = run_process(PVR_BINARY, {"--demo", "--dump-report-data"},
                                     {{"OUTPUT_DIR", dir.path()}, {"EXCEPTIONS_FILE", dir.path() + "/nope.toml"}});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("EXCEPTIONS_FILE: cannot read"), std::string::npos) << missing.err;
}

} // namespace
