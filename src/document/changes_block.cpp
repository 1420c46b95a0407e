// The "Changes since <date>" block of the summary: one line per kind of change since the previous
// report of the cluster (ReportData::changes), each with its count and the first few names. Its
// size does not depend on the cluster's: at most one row per kind, at most k_names_per_row names.

#include "document/sections.hpp"

#include "core/strings.hpp"

#include <algorithm>

namespace pvr::document {

namespace {

constexpr std::size_t k_names_per_row = 5;
constexpr std::size_t k_name_chars = 40;   // a guest name or anomaly subject in a row
constexpr std::size_t k_ongoing_named = 3; // ongoing anomalies named (the longest open)
constexpr std::size_t k_keep_chars = 60;   // a retention keep text in a row

std::string guest_label(const model::GuestChange& g) {
    std::string label = (g.type == "lxc" ? "ct/" : "vm/") + std::to_string(g.vmid);
    if (!g.name.empty()) {
        label += " " + excerpt(g.name, k_name_chars);
    }
    return label;
}

std::string failed_label(const model::FailedBackupChange& f) {
    return guest_label(model::GuestChange{f.vmid, f.type, f.name, "", "", f.accepted});
}

template <typename T>
bool is_accepted(const T& item) {
    if constexpr (requires { item.accepted; }) {
        return item.accepted;
    } else {
        return false; // job and policy changes are never accepted
    }
}

/// Pointers to `items`, those not accepted first (their order kept otherwise).
template <typename T>
std::vector<const T*> not_accepted_first(const std::vector<T>& items) {
    std::vector<const T*> out;
    out.reserve(items.size());
    for (const auto& item : items) {
        out.push_back(&item);
    }
    std::stable_partition(out.begin(), out.end(), [](const T* item) { return !is_accepted(*item); });
    return out;
}

template <typename T>
std::int64_t accepted_count(const std::vector<T>& items) {
    return std::count_if(items.begin(), items.end(), [](const T& item) { return is_accepted(item); });
}

class RowBuilder {
public:
    explicit RowBuilder(const BuildContext& ctx) : m_ctx(ctx) {}

    /// "3 (1 accepted) — a, b, c, d, e (+2)": `names` are the first names, `more` how many are not named.
    void add(Msg label, Tone tone, std::int64_t count, std::int64_t accepted, const std::vector<std::string>& names,
             std::size_t more) {
        if (count == 0) {
            return;
        }
        std::string value = m_ctx.fmt.integer(count);
        if (accepted > 0) {
            value += " (" + m_ctx.tr.format_n(Msg::kf_accepted_detail, accepted, m_ctx.fmt.integer(accepted)) + ")";
        }
        if (!names.empty()) {
            value += " — " + join(names, ", ");
        }
        if (more > 0) {
            value += " (+" + m_ctx.fmt.integer(static_cast<std::int64_t>(more)) + ")";
        }
        // A row whose entries are all accepted is no alarm.
        const Tone shown = accepted == count && (tone == Tone::critical || tone == Tone::warning) ? Tone::info : tone;
        m_rows.push_back({label_cell(m_ctx.text(label), shown), text_cell(std::move(value))});
    }

    /// One row for `items`: the first k_names_per_row named (not accepted first), the rest counted.
    template <typename T, typename Label>
    void add_items(Msg label, Tone tone, const std::vector<T>& items, Label label_of) {
        std::vector<std::string> names;
        for (const T* item : not_accepted_first(items)) {
            if (names.size() == k_names_per_row) {
                break;
            }
            names.push_back(label_of(*item));
        }
        add(label, tone, static_cast<std::int64_t>(items.size()), accepted_count(items), names,
            items.size() - names.size());
    }

    [[nodiscard]] std::vector<std::vector<Cell>> take() { return std::move(m_rows); }

private:
    const BuildContext& m_ctx;
    std::vector<std::vector<Cell>> m_rows;
};

bool has_changes(const model::Changes& c) {
    return !c.lost_coverage.empty() || !c.gained_coverage.empty() || !c.new_guests.empty() ||
           !c.removed_guests.empty() || !c.new_anomalies.empty() || !c.resolved_anomalies.empty() ||
           !c.new_failed_backups.empty() || !c.jobs.empty() || !c.retention_policies.empty();
}

std::string anomaly_label(const BuildContext& ctx, const model::AnomalyChange& a) {
    return excerpt(a.subject, k_name_chars) + " (" + anomaly_kind_text(ctx, a.kind) + ")";
}

std::string keep_or(const BuildContext& ctx, const std::string& keep, Msg empty) {
    return keep.empty() ? ctx.text(empty) : excerpt(keep, k_keep_chars);
}

std::string job_item(const BuildContext& ctx, const model::JobChange& j) {
    const std::string id = excerpt(j.id, k_name_chars);
    if (j.change == "added") {
        return ctx.tr.format(Msg::changes_item_added, id);
    }
    if (j.change == "removed") {
        return ctx.tr.format(Msg::changes_item_removed, id);
    }
    if (j.change == "enabled") {
        return ctx.tr.format(Msg::changes_item_enabled, id);
    }
    if (j.change == "disabled") {
        return ctx.tr.format(Msg::changes_item_disabled, id);
    }
    return ctx.tr.format(Msg::changes_item_retention, id, keep_or(ctx, j.before, Msg::keep_not_set),
                         keep_or(ctx, j.after, Msg::keep_not_set));
}

std::string policy_item(const BuildContext& ctx, const model::RetentionPolicyChange& p) {
    const std::string label = excerpt(p.id, k_name_chars) + " (" + policy_source_text(ctx, p.source) + ")";
    if (p.change == "added") {
        return ctx.tr.format(Msg::changes_item_added, label);
    }
    if (p.change == "removed") {
        return ctx.tr.format(Msg::changes_item_removed, label);
    }
    return ctx.tr.format(Msg::changes_item_keep, label, keep_or(ctx, p.before, Msg::keep_all),
                         keep_or(ctx, p.after, Msg::keep_all));
}

Tone worst_severity_tone(const std::vector<model::AnomalyChange>& anomalies) {
    Tone tone = Tone::info;
    for (const auto& a : anomalies) {
        if (a.accepted) {
            continue;
        }
        if (a.severity == "critical") {
            return Tone::critical;
        }
        if (a.severity == "warning") {
            tone = Tone::warning;
        }
    }
    return tone;
}

void ongoing_row(const BuildContext& ctx, RowBuilder& rows, const std::vector<model::AnomalyChange>& ongoing) {
    // The longest open first (not accepted before accepted), then the analysis' order.
    auto sorted = not_accepted_first(ongoing);
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
        return a->accepted != b->accepted ? !a->accepted : a->days_open > b->days_open;
    });
    std::vector<std::string> names;
    for (std::size_t i = 0; i < std::min(sorted.size(), k_ongoing_named); ++i) {
        const auto& a = *sorted[i];
        names.push_back(excerpt(a.subject, k_name_chars) + " (" + anomaly_kind_text(ctx, a.kind) + ", " +
                        ctx.tr.format_n(Msg::changes_days_open, a.days_open, ctx.fmt.integer(a.days_open)) + ")");
    }
    rows.add(Msg::changes_ongoing_anomalies, Tone::muted, static_cast<std::int64_t>(ongoing.size()),
             accepted_count(ongoing), names, sorted.size() - names.size());
}

Table rows_table(std::vector<std::vector<Cell>> rows) {
    Table table;
    table.columns = {column("", 1.4, Align::left, true), column("", 4.0)};
    table.rows = std::move(rows);
    return table;
}

} // namespace

std::vector<Block> changes_blocks(const BuildContext& ctx) {
    std::vector<Block> blocks;
    if (!ctx.data.changes) {
        return blocks; // the history was not read: nothing to compare with, nothing to say
    }
    const model::Changes& c = *ctx.data.changes;
    if (c.first_report) {
        blocks.emplace_back(muted(ctx.text(Msg::changes_first_report)));
        return blocks;
    }
    const std::string since = c.previous_at ? ctx.fmt.date_time(*c.previous_at) : std::string("—");
    RowBuilder rows(ctx);
    const auto guest = [](const model::GuestChange& g) { return guest_label(g); };
    std::vector<model::GuestChange> unprotected;
    std::vector<model::GuestChange> other_new;
    for (const auto& g : c.new_guests) {
        (g.after == "not_backed_up" ? unprotected : other_new).push_back(g);
    }
    rows.add_items(Msg::changes_lost_coverage, Tone::critical, c.lost_coverage, guest);
    rows.add_items(Msg::changes_new_unprotected, Tone::critical, unprotected, guest);
    rows.add_items(Msg::changes_new_failures, Tone::critical, c.new_failed_backups, failed_label);
    rows.add_items(Msg::changes_new_anomalies, worst_severity_tone(c.new_anomalies), c.new_anomalies,
                   [&](const model::AnomalyChange& a) { return anomaly_label(ctx, a); });
    rows.add_items(Msg::changes_gained_coverage, Tone::good, c.gained_coverage, guest);
    rows.add_items(Msg::changes_new_guests, Tone::neutral, other_new, guest);
    rows.add_items(Msg::changes_removed_guests, Tone::neutral, c.removed_guests, guest);
    rows.add_items(Msg::changes_resolved_anomalies, Tone::good, c.resolved_anomalies,
                   [&](const model::AnomalyChange& a) { return anomaly_label(ctx, a); });
    const bool fewer_backups = std::any_of(c.jobs.begin(), c.jobs.end(), [](const model::JobChange& j) {
        return j.change == "removed" || j.change == "disabled";
    });
    rows.add_items(Msg::changes_jobs, fewer_backups ? Tone::warning : Tone::neutral, c.jobs,
                   [&](const model::JobChange& j) { return job_item(ctx, j); });
    rows.add_items(Msg::changes_retention, Tone::neutral, c.retention_policies,
                   [&](const model::RetentionPolicyChange& p) { return policy_item(ctx, p); });
    if (!has_changes(c)) {
        blocks.emplace_back(Paragraph{ctx.tr.format(Msg::changes_none, since), Tone::neutral});
        ongoing_row(ctx, rows, c.ongoing_anomalies);
        if (auto ongoing = rows.take(); !ongoing.empty()) {
            blocks.emplace_back(rows_table(std::move(ongoing)));
        }
        return blocks;
    }
    ongoing_row(ctx, rows, c.ongoing_anomalies);
    blocks.emplace_back(Heading{2, ctx.tr.format(Msg::changes_heading, since), ""});
    blocks.emplace_back(rows_table(rows.take()));
    return blocks;
}

} // namespace pvr::document
