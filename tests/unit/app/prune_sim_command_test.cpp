// `pve-backup-report prune-sim`: option parsing, output and exit codes through the CLI wrapper.

#include "app/prune_sim_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

Result run(const std::vector<std::string>& args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    Result r;
    r.code = pvr::app::run_prune_sim_command(args, in, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

/// Sets or unsets TZ for one test and restores it afterwards.
class ScopedTz {
public:
    explicit ScopedTz(const char* value) {
        if (const char* old = std::getenv("TZ")) {
            m_old = old;
        }
        if (value != nullptr) {
            setenv("TZ", value, 1);
        } else {
            unsetenv("TZ");
        }
    }
    ~ScopedTz() {
        if (m_old) {
            setenv("TZ", m_old->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
    }
    ScopedTz(const ScopedTz&) = delete;
    ScopedTz& operator=(const ScopedTz&) = delete;

private:
    std::optional<std::string> m_old;
};

const std::string k_input = "# vm/100\n"
                            "2019-12-02T11:59:15Z\n"
                            "2019-12-03T11:59:15Z\n"
                            "2019-12-04T11:59:15Z\n"
                            "2019-12-04T12:59:15Z\n";

TEST(PruneSimCommand, PrintsMarksNewestFirst) {
    const auto r = run({"--keep", "keep-last=1,keep-daily=2", "--tz", "UTC"}, k_input);
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, "2019-12-04T12:59:15Z keep (keep-last)\n"
                     "2019-12-04T11:59:15Z remove (not-selected)\n"
                     "2019-12-03T11:59:15Z keep (keep-daily 2019/12/03)\n"
                     "2019-12-02T11:59:15Z keep (keep-daily 2019/12/02)\n"
                     "# 4 snapshots: 3 keep, 0 protected, 1 remove (periods in UTC)\n");
}

TEST(PruneSimCommand, KeepWithEqualsSignAndJson) {
    const auto r = run({"--keep=keep-daily=3", "--json", "--tz=UTC"}, k_input);
    EXPECT_EQ(r.code, 0);
    const auto json = nlohmann::json::parse(r.out);
    ASSERT_EQ(json.size(), 4U);
    EXPECT_EQ(json[1]["time"], "2019-12-04T11:59:15Z");
    EXPECT_EQ(json[1]["action"], "remove");
    EXPECT_EQ(json[1]["reason"], "superseded-in-keep-daily");
    EXPECT_EQ(json[3]["reason"], "keep-daily");
}

TEST(PruneSimCommand, ProtectedSnapshots) {
    const auto r = run({"--keep", "keep-last=1", "--tz", "UTC"},
                       "2019-11-15T09:39:15Z protected\n2019-11-15T10:39:15Z\n2019-11-15T10:49:15Z\n"
                       "2019-11-15T10:59:15Z protected\n");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "2019-11-15T10:59:15Z protected (protected)\n"
                     "2019-11-15T10:49:15Z keep (keep-last)\n"
                     "2019-11-15T10:39:15Z remove (not-selected)\n"
                     "2019-11-15T09:39:15Z protected (protected)\n"
                     "# 4 snapshots: 1 keep, 2 protected, 1 remove (periods in UTC)\n");
}

TEST(PruneSimCommand, ZoneFromOptionAndFromTz) {
    const std::string input = "2024-06-10T21:00:00Z\n2024-06-10T23:00:00Z\n";
    {
        ScopedTz tz("Europe/Berlin");
        const auto r = run({"--keep", "keep-daily=2"}, input);
        EXPECT_EQ(r.code, 0);
        EXPECT_NE(r.out.find("2024-06-10T23:00:00Z keep (keep-daily 2024/06/11)"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("periods in Europe/Berlin"), std::string::npos);
        // --tz wins over TZ
        EXPECT_NE(run({"--keep", "keep-daily=2", "--tz", "UTC"}, input).out.find("Z remove ("), std::string::npos);
    }
    {
        ScopedTz tz(nullptr);
        EXPECT_NE(run({"--keep", "keep-daily=2"}, input).out.find("periods in UTC"), std::string::npos);
    }
    {
        ScopedTz tz("CET-1CEST,M3.5.0,M10.5.0/3"); // POSIX rule, not an IANA name
        const auto r = run({"--keep", "keep-daily=2"}, input);
        EXPECT_EQ(r.code, 2);
        EXPECT_NE(r.err.find("TZ variable"), std::string::npos) << r.err;
    }
}

TEST(PruneSimCommand, EmptyKeepKeepsEverything) {
    const auto r = run({"--keep", "", "--tz", "UTC"}, k_input);
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("4 keep"), std::string::npos);
    EXPECT_NE(r.err.find("keeps every snapshot"), std::string::npos);
}

TEST(PruneSimCommand, Help) {
    const auto r = run({"--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("--keep"), std::string::npos);
    EXPECT_NE(r.out.find("--tz"), std::string::npos);
    EXPECT_NE(r.out.find("--json"), std::string::npos);
}

TEST(PruneSimCommand, UsageErrorsExitWithTwo) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {},                                        // --keep missing
             {"--keep", "keep-last=1", "--frobnicate"}, // unknown option
             {"--keep", "keep-last=1", "extra"},        // stray argument
             {"--keep", "keep-weekly=-2"},              // negative
             {"--keep", "keep-fortnightly=2"},          // unknown keep option
             {"--keep", "keep-daily=two"},              // not an integer
             {"--keep", "keep-daily=2", "--tz", "Nowhere/Special"},
         }) {
        const auto r = run(args, k_input);
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_FALSE(r.err.empty());
    }
    EXPECT_NE(run({"--keep", "keep-fortnightly=2"}).err.find("keep-fortnightly"), std::string::npos);
    EXPECT_NE(run({"--keep", "keep-daily=2", "--tz", "Nowhere/Special"}).err.find("Nowhere/Special"),
              std::string::npos);
}

TEST(PruneSimCommand, BadInputLine) {
    const auto r = run({"--keep", "keep-last=1", "--tz", "UTC"}, "2024-06-10T21:00:00Z\n2024-06-10 at noon\n");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("line 2: '2024-06-10 at noon'"), std::string::npos) << r.err;
}

} // namespace
