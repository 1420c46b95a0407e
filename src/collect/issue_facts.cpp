#include "collect/issue_facts.hpp"

#include "core/error.hpp"
#include "core/strings.hpp"
#include "http/client.hpp"

#include <array>

namespace pvr::collect {
namespace {

using Type = model::FactParam::Type;

/// The reason phrase and PVE's message of an HTTP error, as describe_failure writes them after
/// "HTTP <status> ".
std::string http_reason(const http::HttpError& http) {
    const std::string reason = trim(http.reason());
    const std::string server = trim(http.server_message());
    if (server.empty() || server == reason) {
        return reason;
    }
    return reason.empty() ? server : reason + " (" + server + ")";
}

/// "Permission check failed (/vms/100, VM.Audit)" in the reason or message: {path, privilege}.
std::optional<std::pair<std::string, std::string>> denied_check(const http::HttpError& http) {
    for (const std::string& text : {http.reason(), http.server_message()}) {
        constexpr std::string_view marker = "Permission check failed (";
        const auto start = text.find(marker);
        const auto end = start == std::string::npos ? std::string::npos : text.find(')', start);
        if (end == std::string::npos) {
            continue;
        }
        const std::string inside = text.substr(start + marker.size(), end - start - marker.size());
        const auto comma = inside.rfind(',');
        if (comma != std::string::npos) {
            std::string path = trim(inside.substr(0, comma));
            std::string privilege = trim(inside.substr(comma + 1));
            if (!path.empty() && !privilege.empty()) {
                return std::pair{std::move(path), std::move(privilege)};
            }
        }
    }
    return std::nullopt;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// "data[2].port", "data", "data[0].members[3]": a location written by item_where/ObjectReader.
bool is_location(std::string_view text) {
    if (text.empty() || text.find(' ') != std::string_view::npos) {
        return false;
    }
    return starts_with(text, "data") || text.front() == '/';
}

} // namespace

std::string list_value(const std::vector<std::string>& items) { return join(items, "\n"); }

model::Fact failure_fact(std::string_view endpoint, const std::exception& error, std::string_view expected_privilege) {
    const std::string where(endpoint);
    const auto* http = dynamic_cast<const http::HttpError*>(&error);
    const auto* pvr_error = dynamic_cast<const Error*>(&error);
    const ErrorKind kind = pvr_error != nullptr ? pvr_error->kind() : ErrorKind::internal;
    const std::string what = error.what();
    if (http::is_deadline_exceeded(error)) {
        return fact_of("deadline_exceeded").add_text("endpoint", where).add_text("detail", what);
    }
    const bool denied =
        (http != nullptr && http->status() == 403) || (http == nullptr && kind == ErrorKind::permission_denied);
    if (denied) {
        const std::string reason = http != nullptr ? http_reason(*http) : what;
        if (http != nullptr) {
            if (auto check = denied_check(*http)) {
                return fact_of("permission_missing")
                    .add_text("endpoint", where)
                    .add_text("privilege", check->second)
                    .add_text("path", check->first)
                    .add_text("reason", reason);
            }
        }
        if (!expected_privilege.empty()) {
            // "Sys.Audit on /" or "VM.Audit"
            const std::string expected(expected_privilege);
            const auto on = expected.find(" on ");
            model::Fact fact = fact_of("permission_probably_missing");
            fact.add_text("endpoint", where).add_text("privilege", expected.substr(0, on));
            if (on != std::string::npos) {
                fact.add_text("path", expected.substr(on + 4));
            }
            return fact.add_text("reason", reason);
        }
        return fact_of("permission_denied").add_text("endpoint", where).add_text("reason", reason);
    }
    if (http != nullptr && http->status() != 0) {
        const std::string reason = http_reason(*http);
        model::Fact fact = fact_of(kind == ErrorKind::unauthenticated ? "auth_refused" : "http_status");
        fact.add_text("endpoint", where).add_int("status", http->status());
        if (!reason.empty()) {
            fact.add_text("reason", reason);
        }
        return fact;
    }
    const char* kind_name = "request_failed";
    switch (kind) {
    case ErrorKind::unauthenticated:
        kind_name = "auth_refused";
        break;
    case ErrorKind::unreachable:
        kind_name = "endpoint_unreachable";
        break;
    case ErrorKind::timeout:
        kind_name = "request_timeout";
        break;
    case ErrorKind::tls:
        kind_name = "certificate_untrusted";
        break;
    case ErrorKind::invalid_response:
        kind_name = what.find("answer larger than") != std::string::npos ? "response_too_large" : "answer_unusable";
        break;
    default:
        break;
    }
    return fact_of(kind_name).add_text("endpoint", where).add_text("detail", what);
}

model::Fact unusable_answer_fact(std::string_view endpoint, const std::exception& error) {
    std::string detail = error.what();
    const std::string prefix = "GET " + std::string(endpoint) + ": ";
    if (starts_with(detail, prefix)) {
        detail.erase(0, prefix.size());
    }
    return fact_of("answer_unusable").add_text("endpoint", std::string(endpoint)).add_text("detail", detail);
}

model::Fact warning_fact(std::string_view endpoint, std::string_view warning) {
    std::string_view rest = warning;
    if (starts_with(rest, "GET ")) { // "GET /storage: " (the parser's name of the endpoint)
        const auto colon = rest.find(": ");
        if (colon != std::string_view::npos) {
            rest.remove_prefix(colon + 2);
        }
    }
    std::string location;
    if (const auto colon = rest.find(": "); colon != std::string_view::npos && is_location(rest.substr(0, colon))) {
        location = std::string(rest.substr(0, colon));
        rest.remove_prefix(colon + 2);
    }
    bool skipped = false;
    static constexpr std::array<std::string_view, 4> skipped_suffixes = {" (entry skipped)", ", skipped", " (skipped)",
                                                                         " (VMID skipped)"};
    for (const auto suffix : skipped_suffixes) {
        if (ends_with(rest, suffix)) {
            rest.remove_suffix(suffix.size());
            skipped = true;
            break;
        }
    }
    if (!skipped && ends_with(rest, " (ignored)")) {
        rest.remove_suffix(std::string_view(" (ignored)").size());
    }
    if (!skipped && rest.find("left out of the report") != std::string_view::npos) {
        skipped = true;
    }
    // "expected an integer, got 'x'" (ObjectReader's words): the type as an identifier.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> types = {
        {{"expected a boolean, got ", "boolean"},
         {"expected an integer, got ", "integer"},
         {"expected a string, got ", "string"},
         {"expected an object, got ", "object"}}};
    for (const auto& [words, type] : types) {
        if (!location.empty() && starts_with(rest, words)) {
            return fact_of(skipped ? "entry_wrong_type" : "field_wrong_type")
                .add_text("endpoint", std::string(endpoint))
                .add_text("location", location)
                .add("expected", Type::identifier, std::string(type))
                .add_text("value", std::string(rest.substr(words.size())));
        }
    }
    // "entry without 'node'", "pool without 'poolid'": the one field the entry lacks.
    if (skipped && !location.empty()) {
        const auto without = rest.find(" without '");
        const auto open = without == std::string_view::npos ? without : without + 9;
        const auto close = open == std::string_view::npos ? open : rest.find('\'', open + 1);
        if (close != std::string_view::npos && close + 1 == rest.size()) {
            return fact_of("entry_missing_field")
                .add_text("endpoint", std::string(endpoint))
                .add_text("location", location)
                .add_text("field", std::string(rest.substr(open + 1, close - open - 1)));
        }
    }
    model::Fact fact = fact_of(skipped ? "entry_skipped" : "field_unreadable");
    fact.add_text("endpoint", std::string(endpoint));
    if (!location.empty()) {
        fact.add_text("location", location);
    }
    return fact.add_text("detail", std::string(rest));
}

model::Fact invalid_utf8_fact(std::string_view endpoint, std::size_t count) {
    return fact_of("invalid_utf8")
        .add_text("endpoint", std::string(endpoint))
        .add_int("count", static_cast<std::int64_t>(count));
}

} // namespace pvr::collect
