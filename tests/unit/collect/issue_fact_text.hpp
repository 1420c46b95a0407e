#pragma once
// Test helpers for the facts of collection issues.

#include "model/collection_issue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace pvr::collect::testing {

/// "kind name=value name=value" (a list's items separated by '|').
inline std::string fact_line(const model::Fact& fact) {
    std::string out = fact.kind;
    for (const auto& param : fact.params) {
        std::string value = param.value;
        std::replace(value.begin(), value.end(), '\n', '|');
        out += " " + param.name + "=" + value;
    }
    return out;
}

/// Every issue has a fact of a kind of the closed set.
inline void expect_known_kinds(const std::vector<model::CollectionIssue>& issues) {
    for (const auto& issue : issues) {
        const auto& kinds = model::collection_issue_kinds;
        EXPECT_NE(std::find(kinds.begin(), kinds.end(), issue.fact.kind), kinds.end())
            << "issue without a known fact kind ('" << issue.fact.kind << "'): " << issue.message;
    }
}

} // namespace pvr::collect::testing
