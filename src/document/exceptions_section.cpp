// Accepted exceptions: each exception with its status, what it matches and applies to, what it
// accepts, why, who and until when; then the findings it accepted.

#include "document/sections.hpp"

#include "core/strings.hpp"
#include "core/time.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace pvr::document {

namespace {

/// The criteria as written in the file (language-neutral): `vmid = 9001`, `name = "k8s-*"`.
std::string match_text(const model::ExceptionMatch& m) {
    std::vector<std::string> parts;
    if (!m.vmids.empty()) {
        std::vector<std::string> ids;
        for (const auto id : m.vmids) {
            ids.push_back(std::to_string(id));
        }
        parts.push_back(ids.size() == 1 ? "vmid = " + ids.front() : "vmid = [" + join(ids, ", ") + "]");
    }
    if (m.name) {
        parts.push_back("name = \"" + *m.name + "\"");
    }
    if (m.pool) {
        parts.push_back("pool = \"" + *m.pool + "\"");
    }
    if (m.tag) {
        parts.push_back("tag = \"" + *m.tag + "\"");
    }
    return join(parts, "\n");
}

Cell status_cell(const BuildContext& ctx, const std::string& status) {
    if (status == "expired") {
        return label_cell(ctx.text(Msg::exception_expired), Tone::warning);
    }
    if (status == "unused") {
        return label_cell(ctx.text(Msg::exception_unused), Tone::info);
    }
    return label_cell(ctx.text(Msg::exception_active), Tone::good);
}

std::string until_text(const BuildContext& ctx, const model::AcceptedException& e) {
    if (!e.until) {
        return ctx.text(Msg::until_none);
    }
    const auto start = parse_iso8601(*e.until + "T00:00:00Z");
    if (!start) {
        return *e.until;
    }
    // The exception applies through its last day: it ends at the next midnight (UTC). The day is
    // written in the report's language ("31 Dec 2099", "31 déc. 2099", "31. Dez. 2099").
    const Formatter utc(ctx.tr, find_time_zone("UTC"));
    return utc.date(*start) + "\n" + ctx.fmt.relative(*start + 86400, ctx.data.generated_at);
}

std::string reason_text(const BuildContext& ctx, const model::AcceptedException& e) {
    if (e.source == "tag" && e.match.tag) {
        return ctx.tr.format(Msg::exception_tag_reason, *e.match.tag);
    }
    return e.reason;
}

std::string guest_label(const model::GuestReport& report) {
    const auto& guest = report.guest;
    return guest.name ? fmt::format("{} {}", guest.vmid, *guest.name) : std::to_string(guest.vmid);
}

Table exceptions_table(const BuildContext& ctx) {
    std::map<std::string, const model::GuestReport*, std::less<>> guests;
    for (const auto& report : ctx.data.guests) {
        guests.emplace(report.guest.subject(), &report);
    }
    Table table;
    table.columns = {column(ctx.text(Msg::col_state), 0.8, Align::left, true),
                     column(ctx.text(Msg::col_exception), 1.2),
                     column(ctx.text(Msg::col_matches), 1.4),
                     column(ctx.text(Msg::col_applies_to), 1.6),
                     column(ctx.text(Msg::col_accepts), 1.8),
                     column(ctx.text(Msg::col_reason), 2.2),
                     column(ctx.text(Msg::col_owner), 1.8),
                     column(ctx.text(Msg::col_until), 1.0, Align::left, true)};
    for (const auto& use : ctx.data.exceptions) {
        const auto& e = use.exception;
        std::vector<std::string> applies;
        for (const auto& subject : use.subjects) {
            const auto it = guests.find(subject);
            applies.push_back(it != guests.end() ? guest_label(*it->second) : subject);
        }
        table.rows.push_back({status_cell(ctx, use.status), mono_cell(e.id), mono_cell(match_text(e.match)),
                              applies.empty() ? none_cell() : text_cell(join(applies, ", ")),
                              mono_cell(join(e.accept, "\n")), text_cell(reason_text(ctx, e)),
                              e.owner ? text_cell(*e.owner) : text_cell(ctx.text(Msg::owner_unknown)),
                              text_cell(until_text(ctx, e))});
    }
    return table;
}

/// One row per accepted anomaly (a guest not backed up or overdue has its anomaly too).
Table findings_table(const BuildContext& ctx) {
    std::map<std::string, const model::GuestReport*, std::less<>> guests;
    for (const auto& report : ctx.data.guests) {
        guests.emplace(report.guest.subject(), &report);
    }
    Table table;
    table.columns = {column(ctx.text(Msg::col_severity), 0.9, Align::left, true),
                     column(ctx.text(Msg::col_finding), 1.6), column(ctx.text(Msg::col_subject), 1.8),
                     column(ctx.text(Msg::col_exception), 1.2)};
    for (const auto& anomaly : ctx.data.anomalies) {
        if (!anomaly.accepted_by) {
            continue;
        }
        const auto it = guests.find(anomaly.subject);
        table.rows.push_back({severity_cell(ctx, anomaly.severity), text_cell(anomaly_kind_text(ctx, anomaly.kind)),
                              text_cell(it != guests.end() ? guest_label(*it->second) : anomaly.subject),
                              mono_cell(*anomaly.accepted_by)});
    }
    return table;
}

} // namespace

Section exceptions_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::exceptions, Msg::sec_exceptions);
    section.landscape = true;
    const auto& uses = ctx.data.exceptions;
    if (uses.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_exceptions)));
        return section;
    }
    std::int64_t active = 0;
    std::int64_t expired = 0;
    std::int64_t unused = 0;
    std::int64_t findings = 0;
    std::set<std::string> files;
    for (const auto& use : uses) {
        active += use.status == "active" ? 1 : 0;
        expired += use.status == "expired" ? 1 : 0;
        unused += use.status == "unused" ? 1 : 0;
        findings += use.accepted_findings;
        if (!use.exception.file.empty()) {
            files.insert(use.exception.file);
        }
    }
    section.blocks.emplace_back(Paragraph{ctx.text(Msg::exceptions_intro), Tone::neutral});
    std::string counts = ctx.tr.format(Msg::exceptions_counts, ctx.fmt.integer(active), ctx.fmt.integer(expired),
                                       ctx.fmt.integer(unused), ctx.fmt.integer(findings));
    for (const auto& file : files) {
        counts += " · " + ctx.tr.format(Msg::exceptions_source, file);
    }
    section.blocks.emplace_back(muted(std::move(counts)));
    section.blocks.emplace_back(exceptions_table(ctx));
    auto findings_rows = findings_table(ctx);
    if (!findings_rows.rows.empty()) {
        section.blocks.emplace_back(Heading{2, ctx.text(Msg::accepted_findings_heading), ""});
        section.blocks.emplace_back(std::move(findings_rows));
    }
    return section;
}

} // namespace pvr::document
