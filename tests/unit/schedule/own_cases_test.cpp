// Grammar elements, errors, quirks, DST, leap years, year boundaries: tests/data/schedule/own-cases.json.

#include "case_data.hpp"
#include "schedule/next_event.hpp"
#include "schedule/time_zone.hpp"

namespace pvr::schedule {
namespace {

using test::case_time;
using test::describe;
using test::load_cases;
using test::parse_case;

TEST(OwnCases, NextEvent) {
    const auto cases = load_cases("own-cases.json");
    for (const auto& c : cases.at("next")) {
        SCOPED_TRACE(describe(c));
        const auto tz = TimeZone::from_name(c.at("tz").get<std::string>());
        const auto ev = parse_case(c);
        const auto last = *case_time(c.at("last"));
        const auto expect = case_time(c.at("expect"));
        EXPECT_EQ(next_event(ev, last, tz), expect);
        const auto exact = c.contains("exact") ? case_time(c.at("exact")) : expect;
        EXPECT_EQ(next_matching_time(ev, last, tz), exact);
    }
}

TEST(OwnCases, Chains) {
    const auto cases = load_cases("own-cases.json");
    for (const auto& c : cases.at("chains")) {
        SCOPED_TRACE(describe(c));
        const auto tz = TimeZone::from_name(c.at("tz").get<std::string>());
        const auto ev = parse_case(c);
        std::int64_t last = *case_time(c.at("last"));
        for (const auto& e : c.at("expect")) {
            const auto next = next_event(ev, last, tz);
            ASSERT_EQ(next, case_time(e)) << "after " << last;
            last = *next;
        }
    }
}

TEST(OwnCases, Valid) {
    const auto cases = load_cases("own-cases.json");
    for (const auto& c : cases.at("valid")) {
        const auto expr = c.get<std::string>();
        EXPECT_NO_THROW((void)parse_calendar_event(expr)) << "'" << expr << "'";
        EXPECT_TRUE(is_valid_calendar_event(expr)) << "'" << expr << "'";
    }
}

TEST(OwnCases, InvalidWithReason) {
    const auto cases = load_cases("own-cases.json");
    for (const auto& c : cases.at("invalid")) {
        SCOPED_TRACE(describe(c));
        const auto expr = c.at("expr").get<std::string>();
        try {
            (void)parse_case(c);
            ADD_FAILURE() << "accepted '" << expr << "'";
        } catch (const CalendarEventError& e) {
            EXPECT_NE(e.reason().find(c.at("reason").get<std::string>()), std::string::npos) << e.what();
            EXPECT_EQ(std::string(e.what()).rfind("invalid calendar event '", 0), 0U) << e.what();
            EXPECT_EQ(e.kind(), ErrorKind::config);
        }
        if (!c.value("pve", false)) {
            EXPECT_FALSE(is_valid_calendar_event(expr));
        }
    }
}

} // namespace
} // namespace pvr::schedule
