// The assertions of proxmox-backup tests/prune.rs, ported as data
// (tests/data/retention/pbs-prune-cases.json), run against compute_prune_info (the bare
// algorithm, exactly what upstream asserts) and compute_prune_marks (PBS API semantics).

#include "core/time.hpp"
#include "retention/prune.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

using pvr::model::KeepOptions;
using pvr::retention::compute_prune_info;
using pvr::retention::compute_prune_marks;
using pvr::retention::locate_prune_zone;
using pvr::retention::PruneInput;
using pvr::retention::PruneMark;
using pvr::retention::PruneZone;

struct UpstreamCase {
    std::string name;
    std::vector<std::string> times; // input order (upstream: oldest first)
    std::vector<PruneInput> snapshots;
    KeepOptions keep;
    std::vector<std::string> kept;
    std::vector<std::string> removed;
    bool api_keeps_all = false;
};

nlohmann::json load_document() {
    std::ifstream file(std::string(PVR_TEST_DATA_DIR) + "/retention/pbs-prune-cases.json");
    if (!file) {
        return {};
    }
    return nlohmann::json::parse(file);
}

std::vector<UpstreamCase> load_cases() {
    const nlohmann::json doc = load_document();
    std::vector<UpstreamCase> cases;
    if (!doc.contains("cases")) {
        return cases;
    }
    for (const auto& c : doc["cases"]) {
        UpstreamCase uc;
        uc.name = c["name"].get<std::string>();
        for (const auto& s : doc["snapshot_lists"][c["snapshots"].get<std::string>()]) {
            const auto time = s["time"].get<std::string>();
            uc.times.push_back(time);
            uc.snapshots.push_back(PruneInput{.time = pvr::parse_iso8601(time).value_or(-1),
                                              .is_protected = s.value("protected", false),
                                              .finished = !s.value("unfinished", false)});
        }
        for (const auto& [key, value] : c["options"].items()) {
            uc.keep.set(key, value.get<std::int64_t>());
        }
        uc.kept = c["kept"].get<std::vector<std::string>>();
        uc.removed = c["removed"].get<std::vector<std::string>>();
        uc.api_keeps_all = c.value("pbs_api_keeps_all", false);
        cases.push_back(std::move(uc));
    }
    return cases;
}

const std::vector<UpstreamCase>& all_cases() {
    static const std::vector<UpstreamCase> cases = load_cases();
    return cases;
}

/// Upstream's get_prune_list: the kept or the removed snapshots, oldest first.
std::vector<std::string> select(const UpstreamCase& c, const std::vector<PruneMark>& marks, bool kept) {
    // The lists hold the snapshots oldest first already; keep that order.
    std::vector<std::string> out;
    for (std::size_t i = 0; i < c.times.size(); ++i) {
        if (marks.at(i).survives() == kept) {
            out.push_back(c.times[i]);
        }
    }
    return out;
}

TEST(PbsUpstreamPruneCases, DataFileHoldsAllTwentyTwoAssertions) {
    const nlohmann::json doc = load_document();
    ASSERT_TRUE(doc.contains("cases")) << "cannot read " << PVR_TEST_DATA_DIR << "/retention/pbs-prune-cases.json";
    EXPECT_EQ(doc["cases"].size(), 22U);
    for (const auto& c : all_cases()) {
        SCOPED_TRACE(c.name);
        for (const auto& s : c.snapshots) {
            EXPECT_GE(s.time, 0) << "a time in the data file does not parse";
        }
        // kept and removed partition the list
        EXPECT_EQ(c.kept.size() + c.removed.size(), c.times.size());
    }
}

class PbsUpstreamPrune : public ::testing::TestWithParam<std::size_t> {};

TEST_P(PbsUpstreamPrune, BareAlgorithmMatchesUpstreamInUtc) {
    const UpstreamCase& c = all_cases().at(GetParam());
    SCOPED_TRACE(c.name);
    const auto marks = compute_prune_info(c.snapshots, c.keep, nullptr);
    ASSERT_EQ(marks.size(), c.snapshots.size());
    EXPECT_EQ(select(c, marks, true), c.kept);
    EXPECT_EQ(select(c, marks, false), c.removed);
}

TEST_P(PbsUpstreamPrune, ApiSemanticsMatchUpstreamExceptNoSelectionKeepsAll) {
    const UpstreamCase& c = all_cases().at(GetParam());
    SCOPED_TRACE(c.name);
    const auto marks = compute_prune_marks(c.snapshots, c.keep, nullptr);
    if (c.api_keeps_all) {
        EXPECT_EQ(select(c, marks, true), c.times);
        for (std::size_t i = 0; i < marks.size(); ++i) {
            EXPECT_EQ(marks[i].reason(), c.snapshots[i].is_protected ? "protected" : "keep-all");
        }
    } else {
        EXPECT_EQ(select(c, marks, true), c.kept);
        EXPECT_EQ(select(c, marks, false), c.removed);
    }
}

TEST_P(PbsUpstreamPrune, InputOrderDoesNotMatter) {
    const UpstreamCase& c = all_cases().at(GetParam());
    SCOPED_TRACE(c.name);
    std::vector<PruneInput> reversed(c.snapshots.rbegin(), c.snapshots.rend());
    const auto forward = compute_prune_info(c.snapshots, c.keep, nullptr);
    const auto backward = compute_prune_info(reversed, c.keep, nullptr);
    for (std::size_t i = 0; i < forward.size(); ++i) {
        EXPECT_EQ(forward[i], backward[forward.size() - 1 - i]);
    }
}

// The reference (pbs-api.md section 4): the upstream tests assume a zone "near UTC"; with an
// offset between -11:00 and +11:00 all of them hold.
TEST_P(PbsUpstreamPrune, HoldsInZonesNearUtc) {
    const UpstreamCase& c = all_cases().at(GetParam());
    SCOPED_TRACE(c.name);
    for (const char* name : {"Pacific/Pago_Pago", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Asia/Tokyo",
                             "Australia/Lord_Howe"}) {
        SCOPED_TRACE(name);
        const PruneZone zone = locate_prune_zone(name);
        const auto marks = compute_prune_info(c.snapshots, c.keep, zone);
        EXPECT_EQ(select(c, marks, true), c.kept);
    }
}

INSTANTIATE_TEST_SUITE_P(TestsPruneRs, PbsUpstreamPrune, ::testing::Range<std::size_t>(0, all_cases().size()),
                         [](const ::testing::TestParamInfo<std::size_t>& param_info) {
                             std::string name = "case" + std::to_string(param_info.param) + "_";
                             for (const char ch : all_cases().at(param_info.param).name) {
                                 name += std::isalnum(static_cast<unsigned char>(ch)) != 0 ? ch : '_';
                             }
                             return name;
                         });

// Far from UTC some day/week boundaries fall between the test snapshots (all at hh:39:15 or
// hh:59:15 UTC). The reference (pbs-api.md section 4): 15 of the 22 assertions hold in every
// zone, 7 only between -11:00 and +11:00.
TEST(PbsUpstreamPruneCases, SevenAssertionsDependOnTheZone) {
    std::set<std::string> zone_dependent;
    std::vector<std::string> zones = {"Pacific/Chatham", "Asia/Kathmandu", "Pacific/Kiritimati"};
    for (int offset = -14; offset <= 12; ++offset) { // Etc/GMT-14 is UTC+14
        zones.push_back(offset == 0 ? "Etc/GMT" : fmt::format("Etc/GMT{:+}", offset));
    }
    for (const auto& name : zones) {
        SCOPED_TRACE(name);
        const PruneZone zone = locate_prune_zone(name);
        std::size_t failing = 0;
        for (const auto& c : all_cases()) {
            const auto marks = compute_prune_info(c.snapshots, c.keep, zone);
            if (select(c, marks, true) != c.kept) {
                zone_dependent.insert(c.name + " / " + std::to_string(&c - all_cases().data()));
                ++failing;
            }
        }
        const bool near_utc =
            name.starts_with("Etc/GMT") && name.size() > 7 && std::abs(std::stoi(name.substr(7))) <= 11;
        if (near_utc || name == "Etc/GMT" || name == "Asia/Kathmandu") {
            EXPECT_EQ(failing, 0U);
        }
    }
    EXPECT_EQ(zone_dependent.size(), 7U);
    EXPECT_EQ(all_cases().size() - zone_dependent.size(), 15U);
}

} // namespace
