#pragma once
// The wording of collection issues (issue 13): each kind of model::collection_issue_kinds has a
// message in the translation table, whose named placeholders ("{endpoint}", "{node}") are the
// fact's parameters. Texts from the cluster (a server's message, a name) are shown as they are.

#include "document/format.hpp"
#include "document/translations.hpp"
#include "model/collection_issue.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::document {

/// How one kind is worded: `msg`, or `without` when the fact lacks the parameter `needs`.
struct IssueWording {
    std::string_view kind;
    Msg msg;
    std::string_view needs = {};
    Msg without = Msg::count_;
};

/// One entry per kind (tests check that every collection_issue_kinds entry has one).
[[nodiscard]] const std::vector<IssueWording>& issue_wordings();
/// nullptr for an unknown kind.
[[nodiscard]] const IssueWording* find_issue_wording(std::string_view kind);

/// The word of an `identifier` parameter's value ("integer": "an integer", "un entier"); nullopt
/// for a value without one (shown as it is).
[[nodiscard]] std::optional<Msg> identifier_msg(std::string_view value);

/// The issue in the language of `tr`; its English `message` when it has no fact or a kind
/// without wording (a report data file of an older version).
[[nodiscard]] std::string word_collection_issue(const model::CollectionIssue& issue, const Translator& tr,
                                                const Formatter& formatter);

} // namespace pvr::document
