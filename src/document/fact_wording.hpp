#pragma once
// Words the analysis' facts (model/fact.hpp) in the report language: anomalies, coverage reasons,
// freshness and retention notes. One message per fact form (kind + "case", model/fact_kinds.hpp),
// with named placeholders ({guest}, {job}, {storage}, ...) filled from the fact's parameters:
// times as dates of the report's time zone, counts in the language's number format, lists as
// "a, b and c", durations in words, identifiers translated, texts from the cluster as they are.

#include "document/format.hpp"
#include "document/translations.hpp"
#include "model/fact.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::document {

/// The message that words a fact form; nullopt when the form has no wording.
[[nodiscard]] std::optional<Msg> fact_message(std::string_view kind, std::string_view variant);
/// The label of an anomaly kind ("Backup overdue"); nullopt for a kind without a label.
[[nodiscard]] std::optional<Msg> anomaly_kind_message(std::string_view kind);

/// The fact in words; nullopt when the fact is empty, its form has no wording, or a parameter the
/// wording needs is missing (callers then show the English text of the analysis).
[[nodiscard]] std::optional<std::string> word_fact(const Translator& tr, const Formatter& fmt, const model::Fact& fact);

/// Notes (freshness or retention) in words, joined with "; "; `english` when a note has no wording.
[[nodiscard]] std::string word_notes(const Translator& tr, const Formatter& fmt, const std::vector<model::Fact>& notes,
                                     const std::string& english);

/// `fact` worded, else `english` (the analysis' sentence).
[[nodiscard]] std::string word_fact_or(const Translator& tr, const Formatter& fmt, const model::Fact& fact,
                                       const std::string& english);

} // namespace pvr::document
