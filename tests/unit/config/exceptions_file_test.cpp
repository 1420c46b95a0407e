#include "config/config.hpp"
#include "config/exceptions_file.hpp"
#include "config_test_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pvr::config {
namespace {

using test::contains;
using test::fake_files;
using test::problems_of;
using test::valid_env;

struct Parsed {
    std::vector<model::AcceptedException> exceptions;
    std::vector<std::string> problems;
};

Parsed parse(const std::string& text) {
    Parsed out;
    out.exceptions = parse_exceptions(text, "exc.toml", out.problems);
    return out;
}

const char* const k_valid = R"(# accepted gaps
[[exception]]
id = "tmpl-9001"
vmid = 9001
accept = ["not_backed_up"]
reason = "template rebuilt from git"
owner = "ops@example.com"
until = 2027-06-30

[[exception]]
name = "k8s-worker-*"
tag = "K8s"
pool = "prod"
vmid = [113, 114]
accept = ["overdue", "retention_mismatch", "anomaly:backup_failed"]
reason = "stateless workers"
owner = "platform@example.com"
until = "2027-01-31"
)";

TEST(ExceptionsFile, ValidFile) {
    const auto parsed = parse(k_valid);
    ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.front();
    ASSERT_EQ(parsed.exceptions.size(), 2U);
    const auto& first = parsed.exceptions[0];
    EXPECT_EQ(first.id, "tmpl-9001");
    EXPECT_EQ(first.index, 1);
    EXPECT_EQ(first.line, 2);
    EXPECT_EQ(first.source, "file");
    EXPECT_EQ(first.file, "exc.toml");
    EXPECT_EQ(first.match.vmids, std::vector<std::int64_t>{9001});
    EXPECT_FALSE(first.match.name);
    EXPECT_EQ(first.accept, std::vector<std::string>{"not_backed_up"});
    EXPECT_EQ(first.reason, "template rebuilt from git");
    EXPECT_EQ(first.owner, "ops@example.com");
    EXPECT_EQ(first.until, "2027-06-30");
    EXPECT_TRUE(first.accepts_not_backed_up());
    EXPECT_FALSE(first.accepts_kind("backup_overdue"));

    const auto& second = parsed.exceptions[1];
    EXPECT_EQ(second.id, "exception-2"); // no id: by position
    EXPECT_EQ(second.line, 10);
    EXPECT_EQ(second.match.vmids, (std::vector<std::int64_t>{113, 114}));
    EXPECT_EQ(second.match.name, "k8s-worker-*");
    EXPECT_EQ(second.match.tag, "k8s"); // tags are compared in lower case
    EXPECT_EQ(second.match.pool, "prod");
    EXPECT_EQ(second.until, "2027-01-31"); // a string date is accepted too
    EXPECT_TRUE(second.accepts_kind("backup_overdue"));
    EXPECT_TRUE(second.accepts_kind("retention_mismatch"));
    EXPECT_TRUE(second.accepts_kind("backup_failed"));
    EXPECT_FALSE(second.accepts_not_backed_up());
}

TEST(ExceptionsFile, EmptyFileHasNoException) {
    const auto parsed = parse("# nothing accepted yet\n");
    EXPECT_TRUE(parsed.problems.empty());
    EXPECT_TRUE(parsed.exceptions.empty());
}

struct BadCase {
    const char* name;
    const char* text;
    const char* expected; // the one problem, line included
};

class ExceptionsFileErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(ExceptionsFileErrors, NamesTheLineAndTheProblem) {
    const auto parsed = parse(GetParam().text);
    ASSERT_EQ(parsed.problems.size(), 1U) << (parsed.problems.empty() ? "no problem" : parsed.problems[1]);
    EXPECT_NE(parsed.problems.front().find(GetParam().expected), std::string::npos) << parsed.problems.front();
    // An exception with a problem is left out (DuplicateId: the first of the two is fine).
    EXPECT_EQ(parsed.exceptions.size(), std::string(GetParam().name) == "DuplicateId" ? 1U : 0U);
}

// Each case: a valid exception with one thing wrong. The header is on line 2.
#define EXC_HEAD "\n[[exception]]\n"
#define EXC_TAIL "reason = \"r\"\nowner = \"o\"\n"

INSTANTIATE_TEST_SUITE_P(
    Cases, ExceptionsFileErrors,
    ::testing::Values(
        BadCase{"UnknownKey",
                EXC_HEAD "vmid = 100\nvmids = [101]\naccept = [\"overdue\"]\n" EXC_TAIL "until = 2027-01-01\n",
                "exc.toml line 4: unknown key 'vmids' in exception #1"},
        BadCase{"WrongTypeVmid", EXC_HEAD "vmid = \"100\"\naccept = [\"overdue\"]\n" EXC_TAIL "until = 2027-01-01\n",
                "exc.toml line 3: 'vmid' must be an integer or an array of integers, got a string"},
        BadCase{"VmidOutOfRange", EXC_HEAD "vmid = [100, 42]\naccept = [\"overdue\"]\n" EXC_TAIL "until = 2027-01-01\n",
                "exc.toml line 3: 'vmid' 42 is not a VMID"},
        BadCase{"UnknownAcceptKind",
                EXC_HEAD "vmid = 100\naccept = [\"overdue\",\n  \"not_backedup\"]\n" EXC_TAIL "until = 2027-01-01\n",
                "exc.toml line 5: 'accept': unknown kind 'not_backedup'"},
        BadCase{"AnomalyNotAboutAGuest",
                EXC_HEAD "vmid = 100\naccept = [\"anomaly:job_disabled\"]\n" EXC_TAIL "until = 2027-01-01\n",
                "exc.toml line 4: 'accept': 'anomaly:job_disabled' is not an anomaly about a guest"},
        BadCase{"AcceptNotAnArray", EXC_HEAD "vmid = 100\naccept = \"overdue\"\n" EXC_TAIL "until = 2027-01-01\n",
                "exc.toml line 4: 'accept' must be an array of strings"},
        BadCase{"BadDateString", EXC_HEAD "vmid = 100\naccept = [\"overdue\"]\n" EXC_TAIL "until = \"2027-02-30\"\n",
                "exc.toml line 7: 'until' = \"2027-02-30\" is not a date (YYYY-MM-DD)"},
        BadCase{"DateTimeInsteadOfDate",
                EXC_HEAD "vmid = 100\naccept = [\"overdue\"]\n" EXC_TAIL "until = 2027-02-03T10:00:00Z\n",
                "exc.toml line 7: 'until' must be a date (YYYY-MM-DD, e.g. until = 2027-06-30), got a date-time"},
        BadCase{"MissingReason", EXC_HEAD "vmid = 100\naccept = [\"overdue\"]\nowner = \"o\"\nuntil = 2027-01-01\n",
                "exc.toml line 2: exception #1: 'reason' is missing"},
        BadCase{"MissingUntil", EXC_HEAD "vmid = 100\naccept = [\"overdue\"]\n" EXC_TAIL,
                "exc.toml line 2: exception #1: 'until' is missing"},
        BadCase{"EmptyOwner",
                EXC_HEAD "vmid = 100\naccept = [\"overdue\"]\nreason = \"r\"\nowner = \" \"\nuntil = 2027-01-01\n",
                "exc.toml line 6: 'owner' is empty"},
        BadCase{"MatchesNothing", EXC_HEAD "accept = [\"overdue\"]\n" EXC_TAIL "until = 2027-01-01\n",
                "exc.toml line 2: exception #1 matches nothing: give at least one of vmid, name, pool, tag"},
        BadCase{"NotAnArrayOfTables", "\n[exception]\nvmid = 100\n",
                "exc.toml line 2: 'exception' must be written [[exception]]"},
        BadCase{"UnknownTopLevelKey", "exceptions = 1\n", "exc.toml line 1: unknown key 'exceptions'"},
        BadCase{"TomlSyntax", EXC_HEAD "vmid = 100\naccept = [\"overdue\"\n", "exc.toml line 4: not valid TOML"},
        BadCase{"InvalidTomlDate", EXC_HEAD "vmid = 100\naccept = [\"overdue\"]\n" EXC_TAIL "until = 2027-02-30\n",
                "exc.toml line 7:"},
        BadCase{"DuplicateId",
                EXC_HEAD "id = \"a\"\nvmid = 100\naccept = [\"overdue\"]\n" EXC_TAIL "until = 2027-01-01\n"
                         "[[exception]]\nid = \"a\"\nvmid = 101\naccept = [\"overdue\"]\n" EXC_TAIL
                         "until = 2027-01-01\n",
                "exc.toml line 10: 'id' = \"a\" is already used by the exception at line 3"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

#undef EXC_HEAD
#undef EXC_TAIL

TEST(ExceptionsFile, EveryProblemAtOnceInLineOrder) {
    const auto parsed = parse("[[exception]]\n"
                              "vmid = 100\n"
                              "accept = [\"sometimes\"]\n"
                              "reason = 3\n"
                              "colour = \"blue\"\n"
                              "[[exception]]\n"
                              "pool = \"lab\"\n"
                              "accept = [\"overdue\"]\n"
                              "reason = \"r\"\n"
                              "owner = \"o\"\n"
                              "until = \"2027-13-01\"\n");
    ASSERT_GE(parsed.problems.size(), 5U);
    EXPECT_NE(parsed.problems[0].find("line 1: exception #1: 'owner' is missing"), std::string::npos);
    EXPECT_TRUE(contains(parsed.problems, "line 3: 'accept': unknown kind 'sometimes'"));
    EXPECT_TRUE(contains(parsed.problems, "line 4: 'reason' must be a string"));
    EXPECT_TRUE(contains(parsed.problems, "line 5: unknown key 'colour'"));
    EXPECT_TRUE(contains(parsed.problems, "line 11:"));
    for (std::size_t i = 1; i < parsed.problems.size(); ++i) {
        const auto line = [](const std::string& p) { return std::stoi(p.substr(p.find("line ") + 5)); };
        EXPECT_LE(line(parsed.problems[i - 1]), line(parsed.problems[i]));
    }
}

TEST(ExceptionsFile, LoadedThroughTheEnvironment) {
    EnvMap env = valid_env();
    env["EXCEPTIONS_FILE"] = "/etc/pvr/exceptions.toml";
    env["EXEMPT_TAG"] = "No-Backup";
    const Config config = load(env, {}, fake_files({{"/etc/pvr/exceptions.toml", k_valid}}));
    EXPECT_EQ(config.exceptions_file, std::filesystem::path("/etc/pvr/exceptions.toml"));
    ASSERT_EQ(config.exceptions.size(), 2U);
    EXPECT_EQ(config.exceptions[0].file, "/etc/pvr/exceptions.toml");
    EXPECT_EQ(config.exempt_tag, "no-backup");
}

TEST(ExceptionsFile, ProblemsNameTheVariableAndComeWithTheOthers) {
    EnvMap env = valid_env();
    env["EXCEPTIONS_FILE"] = "/etc/pvr/exceptions.toml";
    env["PVE_TIMEOUT"] = "soon";
    const auto problems =
        problems_of(env, {}, fake_files({{"/etc/pvr/exceptions.toml", "[[exception]]\nvmid = 100\nvmids = 3\n"}}));
    EXPECT_TRUE(contains(problems, "PVE_TIMEOUT"));
    EXPECT_TRUE(contains(problems, "EXCEPTIONS_FILE: /etc/pvr/exceptions.toml line 3: unknown key 'vmids'"));
    EXPECT_TRUE(
        contains(problems, "EXCEPTIONS_FILE: /etc/pvr/exceptions.toml line 1: exception #1: 'accept' is missing"));
}

TEST(ExceptionsFile, UnreadableFileAndBadTag) {
    EnvMap env = valid_env();
    env["EXCEPTIONS_FILE"] = "/nowhere.toml";
    env["EXEMPT_TAG"] = "-no backup";
    const auto problems = problems_of(env, {}, fake_files({}));
    EXPECT_TRUE(contains(problems, "EXCEPTIONS_FILE: cannot read '/nowhere.toml'"));
    EXPECT_TRUE(contains(problems, "EXEMPT_TAG: expected a PVE tag"));
}

TEST(ExceptionsFile, PveTags) {
    EXPECT_TRUE(valid_pve_tag("no-backup"));
    EXPECT_TRUE(valid_pve_tag("tier_2.backup+x"));
    EXPECT_FALSE(valid_pve_tag(""));
    EXPECT_FALSE(valid_pve_tag("-x"));
    EXPECT_FALSE(valid_pve_tag("no backup"));
}

} // namespace
} // namespace pvr::config

namespace pvr::config {
namespace {

std::string read_source_file(const std::string& relative) {
    const auto text = default_file_reader()(std::filesystem::path(PVR_SOURCE_DIR) / relative);
    EXPECT_TRUE(text.has_value()) << relative;
    return text.value_or("");
}

TEST(ExceptionsFile, ShippedExamplesAreValid) {
    for (const char* file : {"docs/exceptions.example.toml", "scenarios/demo/exceptions.toml"}) {
        std::vector<std::string> problems;
        const auto exceptions = parse_exceptions(read_source_file(file), file, problems);
        EXPECT_TRUE(problems.empty()) << file << ": " << (problems.empty() ? "" : problems.front());
        EXPECT_GE(exceptions.size(), 4U) << file;
    }
}

} // namespace
} // namespace pvr::config
