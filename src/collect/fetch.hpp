#pragma once
// The one fetch-and-record path of the PVE and PBS collectors: a GET, the parsing of its answer,
// and what becomes of a failure. Only pvr::Error is an expected failure (HTTP status, transport,
// TLS, an answer that is no JSON or of the wrong shape): `on_failure` records it (or rethrows it
// when it is blocking). Anything else is a bug: it propagates and the process exits 1; it is
// never turned into report content.

#include "collect/issue_facts.hpp"
#include "core/error.hpp"
#include "core/json_text.hpp"
#include "http/client.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

enum class FetchStage { request, parse };

/// GET `path` and parse the body with `parse(body, warnings)`. nullopt after `on_failure(stage,
/// error)` was called. `warnings` receives the parser's per-element problems. `on_body(body)`
/// sees the body before it is parsed (invalid UTF-8 is repaired and noted there).
template <class T, class Parse, class OnFailure, class OnBody>
[[nodiscard]] std::optional<T> fetch_and_parse(http::Client& client, const std::string& path, const http::Query& query,
                                               Parse&& parse, std::vector<std::string>& warnings,
                                               OnFailure&& on_failure, OnBody&& on_body) {
    std::string body;
    try {
        body = client.get(path, query).body;
    } catch (const Error& e) {
        on_failure(FetchStage::request, e);
        return std::nullopt;
    }
    on_body(body);
    try {
        return std::optional<T>(parse(std::string_view(body), warnings));
    } catch (const Error& e) { // Error(invalid_response) from the parser: not JSON, not a list, ...
        on_failure(FetchStage::parse, e);
        return std::nullopt;
    }
}

/// At most `max` warnings of one answer become issues (`add(message, fact)`); the rest is
/// counted in one more line.
template <class Add>
void record_warnings(const std::vector<std::string>& warnings, std::string_view endpoint, std::size_t max, Add&& add) {
    for (std::size_t i = 0; i < warnings.size() && i < max; ++i) {
        add(warnings[i], warning_fact(endpoint, warnings[i]));
    }
    if (warnings.size() > max) {
        const std::size_t more = warnings.size() - max;
        add("GET " + std::string(endpoint) + ": " + std::to_string(more) + " more entries could not be read completely",
            fact_of("more_entries_unreadable")
                .add_text("endpoint", std::string(endpoint))
                .add_int("count", static_cast<std::int64_t>(more)));
    }
}

} // namespace pvr::collect
