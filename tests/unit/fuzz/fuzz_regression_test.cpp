// Replays, under GoogleTest (release and asan-ubsan presets), every input that once crashed a fuzz
// target (tests/data/fuzz-regressions/<target>/) and the committed seeds (fuzz/corpus/<target>/),
// through the same entry functions as the libFuzzer targets (fuzz/<target>.hpp).

#include "fuzz/calendar_event.hpp"
#include "fuzz/config.hpp"
#include "fuzz/pbs_json.hpp"
#include "fuzz/pbs_snapshot_stream.hpp"
#include "fuzz/pbs_snapshots.hpp"
#include "fuzz/property_string.hpp"
#include "fuzz/prune_sim.hpp"
#include "fuzz/pve_backup_jobs.hpp"
#include "fuzz/pve_cluster.hpp"
#include "fuzz/pve_guest_config.hpp"
#include "fuzz/pve_tasks.hpp"
#include "fuzz/upid.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Target {
    const char* name;
    void (*run)(std::string_view);
};

void PrintTo(const Target& target, std::ostream* out) { *out << target.name; }

const Target targets[] = {
    {"pve_cluster", pvr::fuzz::pve_cluster},
    {"pve_backup_jobs", pvr::fuzz::pve_backup_jobs},
    {"pve_guest_config", pvr::fuzz::pve_guest_config},
    {"pve_tasks", pvr::fuzz::pve_tasks},
    {"pbs_json", pvr::fuzz::pbs_json},
    {"pbs_snapshots", pvr::fuzz::pbs_snapshots},
    {"pbs_snapshot_stream", pvr::fuzz::pbs_snapshot_stream},
    {"property_string", pvr::fuzz::property_string},
    {"prune_sim", pvr::fuzz::prune_sim},
    {"calendar_event", pvr::fuzz::calendar_event},
    {"upid", pvr::fuzz::upid},
    {"config", pvr::fuzz::config},
};

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> out;
    if (fs::is_directory(dir)) {
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.is_regular_file()) {
                out.push_back(entry.path());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class FuzzRegression : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzRegression, RegressionInputsAndSeedsAreHandled) {
    const std::string name = GetParam().name;
    const fs::path source = PVR_SOURCE_DIR;
    const auto regressions = files_in(source / "tests/data/fuzz-regressions" / name);
    const auto seeds = files_in(source / "fuzz/corpus" / name);
    ASSERT_FALSE(seeds.empty()) << "no committed seed in fuzz/corpus/" << name;
    for (const auto* list : {&regressions, &seeds}) {
        for (const auto& file : *list) {
            SCOPED_TRACE(file.string());
            EXPECT_NO_THROW(GetParam().run(read_file(file)));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression, ::testing::ValuesIn(targets),
                         [](const ::testing::TestParamInfo<Target>& param_info) {
                             return std::string(param_info.param.name);
                         });

TEST(FuzzTargets, EveryFuzzTargetIsReplayed) {
    std::set<std::string> replayed;
    for (const auto& target : targets) {
        replayed.insert(target.name);
    }
    std::set<std::string> sources;
    for (const auto& file : files_in(fs::path(PVR_SOURCE_DIR) / "fuzz")) {
        if (file.extension() == ".cpp") {
            sources.insert(file.stem().string());
        }
    }
    EXPECT_EQ(sources, replayed);
    for (const auto& dir : {"tests/data/fuzz-regressions", "fuzz/corpus"}) {
        if (!fs::is_directory(fs::path(PVR_SOURCE_DIR) / dir)) {
            continue;
        }
        for (const auto& entry : fs::directory_iterator(fs::path(PVR_SOURCE_DIR) / dir)) {
            if (!entry.is_directory()) {
                continue;
            }
            EXPECT_EQ(replayed.count(entry.path().filename().string()), 1U) << entry.path() << " names no fuzz target";
        }
    }
}

TEST(FuzzSupport, ChecksAndUnexpectedExceptionsEscapeButRejectionsDoNot) {
    EXPECT_NO_THROW(pvr::fuzz::check(true, "fine"));
    EXPECT_THROW(pvr::fuzz::check(false, "broken"), pvr::fuzz::CheckFailed);
    EXPECT_NO_THROW(pvr::fuzz::expect_value_or_error(
        [] { throw pvr::Error(pvr::ErrorKind::invalid_response, "GET /x: response is not JSON"); }));
    EXPECT_THROW(pvr::fuzz::expect_value_or_error([] { throw pvr::Error(pvr::ErrorKind::internal, "bug"); }),
                 pvr::fuzz::CheckFailed);
    EXPECT_THROW(pvr::fuzz::expect_value_or_error([] { throw std::out_of_range("vector"); }), std::out_of_range);
}

TEST(FuzzSupport, Selector) {
    EXPECT_EQ(pvr::fuzz::select("").selector, 0);
    EXPECT_EQ(pvr::fuzz::select("\x07{}").selector, 7);
    EXPECT_EQ(pvr::fuzz::select("\x07{}").rest, "{}");
}

} // namespace
