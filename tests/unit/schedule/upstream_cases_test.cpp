// The upstream test cases (proxmox-time test.rs, pve-common calendar_event_test.pl), as data.

#include "case_data.hpp"
#include "schedule/next_event.hpp"
#include "schedule/time_zone.hpp"

namespace pvr::schedule {
namespace {

using test::case_time;
using test::describe;
using test::load_cases;
using test::parse_case;

TEST(UpstreamCases, NextEvent) {
    const auto cases = load_cases("upstream-cases.json");
    std::size_t n = 0;
    for (const auto& c : cases.at("next")) {
        SCOPED_TRACE(describe(c));
        const auto tz = TimeZone::from_name(c.at("tz").get<std::string>());
        const auto ev = parse_case(c);
        EXPECT_EQ(next_event(ev, *case_time(c.at("last")), tz), case_time(c.at("expect")));
        ++n;
    }
    EXPECT_EQ(n, 103U);
}

TEST(UpstreamCases, Chains) {
    const auto cases = load_cases("upstream-cases.json");
    std::size_t n = 0;
    for (const auto& c : cases.at("chains")) {
        SCOPED_TRACE(describe(c));
        const auto tz = TimeZone::from_name(c.at("tz").get<std::string>());
        const auto ev = parse_case(c);
        std::int64_t last = *case_time(c.at("last"));
        for (const auto& e : c.at("expect")) {
            const auto next = next_event(ev, last, tz);
            ASSERT_EQ(next, case_time(e));
            last = *next;
            ++n;
        }
    }
    EXPECT_EQ(n, 301U);
}

TEST(UpstreamCases, Valid) {
    const auto cases = load_cases("upstream-cases.json");
    for (const auto& c : cases.at("valid")) {
        SCOPED_TRACE(describe(c));
        EXPECT_NO_THROW((void)parse_case(c));
    }
    EXPECT_EQ(cases.at("valid").size(), 26U);
}

TEST(UpstreamCases, Invalid) {
    const auto cases = load_cases("upstream-cases.json");
    for (const auto& c : cases.at("invalid")) {
        SCOPED_TRACE(describe(c));
        EXPECT_THROW((void)parse_case(c), CalendarEventError);
    }
    EXPECT_EQ(cases.at("invalid").size(), 6U);
}

} // namespace
} // namespace pvr::schedule
