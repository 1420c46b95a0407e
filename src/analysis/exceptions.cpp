#include "analysis/exceptions.hpp"

#include "analysis/facts.hpp"
#include "core/strings.hpp"
#include "core/time.hpp"

#include <fmt/format.h>

#include <fnmatch.h>

#include <algorithm>
#include <map>

namespace pvr::analysis {

namespace {

constexpr std::int64_t k_day = 86400;

void add_unique(std::vector<std::string>& list, std::string item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) {
        list.push_back(std::move(item));
    }
}

std::string location(const model::AcceptedException& e) {
    return e.file.empty() ? std::string() : fmt::format(" ({} line {})", e.file, e.line);
}

std::string match_text(const model::ExceptionMatch& m) {
    std::vector<std::string> parts;
    if (!m.vmids.empty()) {
        std::vector<std::string> ids;
        for (const auto id : m.vmids) {
            ids.push_back(std::to_string(id));
        }
        parts.push_back("vmid " + join(ids, ", "));
    }
    if (m.name) {
        parts.push_back("name '" + *m.name + "'");
    }
    if (m.pool) {
        parts.push_back("pool " + *m.pool);
    }
    if (m.tag) {
        parts.push_back("tag " + *m.tag);
    }
    return join(parts, " and ");
}

/// The exception as fact parameters: exception, file, line, match_vmids, match_name, match_pool,
/// match_tag, accepts.
model::Fact exception_fact(const char* kind, const char* variant, const model::AcceptedException& e) {
    auto fact = make_fact(kind, variant);
    fact.add_text("exception", e.id);
    if (!e.file.empty()) {
        fact.add_text("file", e.file);
        fact.add_int("line", e.line);
    }
    if (!e.match.vmids.empty()) {
        add_list(fact, "match_vmids", e.match.vmids);
    }
    if (e.match.name) {
        fact.add_text("match_name", *e.match.name);
    }
    if (e.match.pool) {
        fact.add_text("match_pool", *e.match.pool);
    }
    if (e.match.tag) {
        fact.add_text("match_tag", *e.match.tag);
    }
    add_list(fact, "accepts", e.accept);
    return fact;
}

} // namespace

std::optional<std::int64_t> exception_end(const model::AcceptedException& exception) {
    if (!exception.until) {
        return std::nullopt;
    }
    const auto start = parse_iso8601(*exception.until + "T00:00:00Z");
    if (!start) {
        return std::nullopt;
    }
    return *start + k_day;
}

bool exception_expired(const model::AcceptedException& exception, std::int64_t now) {
    const auto end = exception_end(exception);
    return end && now >= *end;
}

bool exception_matches(const model::AcceptedException& exception, const model::Guest& guest) {
    const auto& m = exception.match;
    if (m.vmids.empty() && !m.name && !m.pool && !m.tag) {
        return false; // the configuration rejects such an exception; never match everything
    }
    if (!m.vmids.empty() && std::find(m.vmids.begin(), m.vmids.end(), guest.vmid) == m.vmids.end()) {
        return false;
    }
    if (m.name && (!guest.name || fnmatch(m.name->c_str(), guest.name->c_str(), FNM_CASEFOLD) != 0)) {
        return false;
    }
    if (m.pool && guest.pool != m.pool) {
        return false;
    }
    if (m.tag) {
        const std::string wanted = to_lower(*m.tag);
        if (std::none_of(guest.tags.begin(), guest.tags.end(),
                         [&](const std::string& tag) { return to_lower(tag) == wanted; })) {
            return false;
        }
    }
    return true;
}

model::AcceptedException tag_exception(std::string_view tag) {
    model::AcceptedException e;
    e.id = "tag:" + std::string(tag);
    e.source = "tag";
    e.match.tag = std::string(tag);
    e.accept = {"not_backed_up"};
    e.reason = fmt::format("tagged {} in PVE", tag);
    return e;
}

void apply_exceptions(model::ReportData& report, const std::vector<model::AcceptedException>& exceptions,
                      const std::optional<std::string>& exempt_tag, std::int64_t now) {
    std::vector<model::AcceptedException> all = exceptions;
    if (exempt_tag && !exempt_tag->empty()) {
        all.push_back(tag_exception(*exempt_tag));
    }
    if (all.empty()) {
        return;
    }
    std::vector<model::ExceptionUse> uses;
    std::vector<bool> selects_some(all.size(), false);
    for (const auto& e : all) {
        uses.push_back({e, exception_expired(e, now) ? "expired" : "active", {}, 0});
    }

    // Each guest: the first matching exception that has not expired.
    std::map<std::string, std::size_t, std::less<>> guest_by_subject;
    std::vector<std::optional<std::size_t>> guest_exception(report.guests.size());
    for (std::size_t g = 0; g < report.guests.size(); ++g) {
        auto& guest = report.guests[g];
        guest_by_subject.emplace(guest.guest.subject(), g);
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (uses[i].status != "active" || !exception_matches(all[i], guest.guest)) {
                continue;
            }
            selects_some[i] = true;
            if (!guest_exception[g]) {
                guest_exception[g] = i;
                guest.exception = model::GuestException{all[i], {}};
                uses[i].subjects.push_back(guest.guest.subject());
            }
        }
    }

    // What each guest's exception accepts among its findings.
    for (std::size_t g = 0; g < report.guests.size(); ++g) {
        auto& guest = report.guests[g];
        if (!guest_exception[g]) {
            continue;
        }
        auto& applied = *guest.exception;
        if (guest.coverage.status == model::CoverageStatus::not_backed_up &&
            applied.exception.accepts_not_backed_up()) {
            add_unique(applied.accepted, "not_backed_up");
        }
        if (guest.freshness.overdue.value_or(false) && applied.exception.accepts_kind("backup_overdue")) {
            add_unique(applied.accepted, "overdue");
        }
    }
    for (auto& anomaly : report.anomalies) {
        const auto it = guest_by_subject.find(anomaly.subject);
        if (it == guest_by_subject.end() || !guest_exception[it->second]) {
            continue;
        }
        auto& applied = *report.guests[it->second].exception;
        if (applied.exception.accepts_kind(anomaly.kind)) {
            anomaly.accepted_by = applied.exception.id;
            add_unique(applied.accepted, "anomaly:" + anomaly.kind);
            ++uses[*guest_exception[it->second]].accepted_findings;
        }
    }

    // The exceptions' own anomalies.
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto& use = uses[i];
        const auto& e = use.exception;
        const std::string subject = "exception/" + e.id;
        if (use.status == "expired") {
            auto fact = exception_fact("exception_expired", "", e);
            fact.add_text("owner", e.owner.value_or(""));
            fact.add_text("until", e.until.value_or("?"));
            report.anomalies.push_back(
                {"exception_expired", model::Severity::warning, subject,
                 fmt::format("The accepted exception {}{} for {} ({}; owner {}) expired on {}: it no longer accepts "
                             "anything. Renew its date or remove it.",
                             e.id, location(e), match_text(e.match), join(e.accept, ", "), e.owner.value_or("unknown"),
                             e.until.value_or("?")),
                 std::nullopt, std::move(fact)});
        } else if (use.subjects.empty()) {
            use.status = "unused";
            if (e.source != "file") {
                continue; // EXEMPT_TAG: a tag no guest carries is no mistake
            }
            report.anomalies.push_back(
                {"exception_unused", model::Severity::info, subject,
                 selects_some[i]
                     ? fmt::format("The accepted exception {}{} for {} applies to no guest: every guest it matches is "
                                   "already taken by an earlier exception. Merge or remove it.",
                                   e.id, location(e), match_text(e.match))
                     : fmt::format("The accepted exception {}{} for {} matches no guest of the cluster. Remove it, "
                                   "or correct what it matches.",
                                   e.id, location(e), match_text(e.match)),
                 std::nullopt, exception_fact("exception_unused", selects_some[i] ? "taken" : "no_match", e)});
        }
    }
    report.exceptions = std::move(uses);
}

} // namespace pvr::analysis
