#pragma once
// Test helpers: loading the schedule case files of tests/data/schedule.

#include "core/time.hpp"
#include "schedule/calendar_event.hpp"
#include "schedule/calendar_event_error.hpp"
#include "schedule/parse.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

namespace pvr::schedule::test {

inline nlohmann::json load_cases(const std::string& name) {
    const std::string path = std::string(PVR_TEST_DATA_DIR) + "/schedule/" + name;
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot open " + path);
    }
    return nlohmann::json::parse(in);
}

/// A time in a case file: epoch seconds, an ISO 8601 string, or null.
inline std::optional<std::int64_t> case_time(const nlohmann::json& v) {
    if (v.is_null()) {
        return std::nullopt;
    }
    if (v.is_number_integer()) {
        return v.get<std::int64_t>();
    }
    const auto t = pvr::parse_iso8601(v.get<std::string>());
    if (!t) {
        throw std::runtime_error("bad time in case file: " + v.dump());
    }
    return t;
}

inline CalendarEvent parse_case(const nlohmann::json& c) {
    const auto expr = c.at("expr").get<std::string>();
    return c.value("pve", false) ? parse_pve_calendar_event(expr) : parse_calendar_event(expr);
}

inline std::string describe(const nlohmann::json& c) {
    std::string s = "case " + c.dump();
    return s;
}

} // namespace pvr::schedule::test
