#pragma once
// The facts of collection issues (model::collection_issue_kinds): what went wrong as a kind and
// parameters, beside the English message made in issues.hpp. The document stage words them.

#include "model/fact.hpp"

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// A request to `endpoint` that failed (the fact of failure_message): permission_missing,
/// permission_probably_missing, permission_denied, auth_refused, http_status, deadline_exceeded,
/// endpoint_unreachable, request_timeout, certificate_untrusted, response_too_large,
/// answer_unusable or request_failed. `expected_privilege` as for permission_hint
/// ("Sys.Audit on /" or "VM.Audit").
[[nodiscard]] model::Fact failure_fact(std::string_view endpoint, const std::exception& error,
                                       std::string_view expected_privilege);

/// An answer that could not be used (parsing failed): answer_unusable {endpoint, detail}.
[[nodiscard]] model::Fact unusable_answer_fact(std::string_view endpoint, const std::exception& error);

/// A parser's warning about one element ("GET /storage: data[2].port: expected an integer, got
/// 'x' (ignored)"): field_wrong_type or entry_wrong_type {endpoint, location, expected (one of
/// model::collection_issue_value_types), value} for a value of the wrong type,
/// entry_missing_field {endpoint, location, field} for an entry skipped for want of a field, else
/// field_unreadable or entry_skipped {endpoint, location, detail}; the detail is the warning's
/// own text without the endpoint, the location and the outcome.
[[nodiscard]] model::Fact warning_fact(std::string_view endpoint, std::string_view warning);

/// invalid_utf8 {endpoint, count}.
[[nodiscard]] model::Fact invalid_utf8_fact(std::string_view endpoint, std::size_t count);

/// "a\nb": the value of a list parameter.
[[nodiscard]] std::string list_value(const std::vector<std::string>& items);

/// Starts a fact of `kind`.
[[nodiscard]] inline model::Fact fact_of(std::string kind) {
    model::Fact fact;
    fact.kind = std::move(kind);
    return fact;
}

} // namespace pvr::collect
