// The first section: cluster facts, overall verdict, key figures and the coverage chart.

#include "document/sections.hpp"

#include "core/strings.hpp"

#include <algorithm>

namespace pvr::document {

namespace {

struct AnomalyCounts {
    std::int64_t info = 0;
    std::int64_t warning = 0;
    std::int64_t critical = 0;
};

/// The analysis' verdict counts (accepted exceptions already left out).
AnomalyCounts count_anomalies(const model::ReportData& data) {
    return {data.verdict.info_anomalies, data.verdict.warning_anomalies, data.verdict.critical_anomalies};
}

std::string capitalize_first(std::string text) {
    if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
        text.front() = static_cast<char>(text.front() - 'a' + 'A');
    }
    return text;
}

Verdict verdict(const BuildContext& ctx, const AnomalyCounts& anomalies) {
    const auto& s = ctx.data.summary;
    const auto& decided = ctx.data.verdict;
    const auto issues = decided.collection_issues;
    const auto part = [&](Msg msg, std::int64_t count) { return ctx.tr.format_n(msg, count, ctx.fmt.integer(count)); };
    const auto sentence = [&](const std::vector<std::string>& parts) {
        return capitalize_first(ctx.tr.join_words(parts)) + ctx.text(Msg::sentence_end);
    };
    Verdict v;
    if (decided.level == model::VerdictLevel::critical) {
        v.tone = Tone::critical;
        v.title = ctx.text(Msg::verdict_critical_title);
        std::vector<std::string> parts;
        if (decided.guests_not_backed_up > 0) {
            parts.push_back(part(Msg::verdict_part_not_backed_up, decided.guests_not_backed_up));
        }
        if (anomalies.critical > 0) {
            parts.push_back(part(Msg::verdict_part_critical, anomalies.critical));
        }
        v.text = sentence(parts);
    } else if (decided.level == model::VerdictLevel::warning) {
        v.tone = Tone::warning;
        v.title = ctx.text(Msg::verdict_warning_title);
        std::vector<std::string> parts;
        if (decided.guests_undetermined > 0) {
            parts.push_back(part(Msg::verdict_part_undetermined, decided.guests_undetermined));
        }
        if (anomalies.warning > 0) {
            parts.push_back(part(Msg::verdict_part_warnings, anomalies.warning));
        }
        if (issues > 0) {
            parts.push_back(part(Msg::verdict_part_issues, issues));
        }
        v.text = sentence(parts);
    } else if (decided.level == model::VerdictLevel::info) {
        v.tone = Tone::info;
        v.title = ctx.text(Msg::verdict_empty_title);
        v.text = ctx.text(Msg::verdict_empty_text);
    } else {
        v.tone = Tone::good;
        v.title = ctx.text(Msg::verdict_good_title);
        v.text = ctx.tr.format_n(Msg::verdict_good_text, s.guests_total, ctx.fmt.integer(s.guests_total));
    }
    return v;
}

Table facts_table(const BuildContext& ctx) {
    const auto& data = ctx.data;
    const auto& cluster = data.cluster;
    Table table;
    table.columns = {column("", 1.0, Align::left, true), column("", 3.0)};
    const auto row = [&](Msg key, std::string value) {
        table.rows.push_back({text_cell(ctx.text(key)), text_cell(std::move(value))});
    };
    row(Msg::summary_cluster, cluster_display_name(ctx));
    row(Msg::summary_generated, ctx.fmt.date_time(data.generated_at));
    if (cluster.pve_version) {
        row(Msg::summary_pve_version, *cluster.pve_version);
    } else {
        table.rows.push_back({text_cell(ctx.text(Msg::summary_pve_version)), none_cell()});
    }
    if (!cluster.nodes.empty()) {
        std::vector<std::string> names;
        std::int64_t online = 0;
        for (const auto& node : cluster.nodes) {
            names.push_back(node.name);
            online += node.status == "online" ? 1 : 0;
        }
        row(Msg::summary_nodes, ctx.tr.format(Msg::nodes_online, join(names, ", "), ctx.fmt.integer(online),
                                              ctx.fmt.integer(static_cast<std::int64_t>(names.size()))));
    }
    if (cluster.quorate) {
        row(Msg::summary_quorum, ctx.text(*cluster.quorate ? Msg::quorate : Msg::not_quorate));
    }
    if (cluster.node_source && *cluster.node_source == "/cluster/status") {
        row(Msg::summary_node_source, ctx.text(Msg::node_source_cluster_status));
    }
    if (cluster.inventory_source) {
        row(Msg::summary_inventory_source, *cluster.inventory_source == "/cluster/resources"
                                               ? *cluster.inventory_source
                                               : ctx.text(Msg::inventory_source_node_lists));
    }
    row(Msg::summary_time_zone, ctx.fmt.zone_name());
    row(Msg::summary_tool, ctx.tr.format(Msg::doc_author, data.tool_version));
    return table;
}

KeyFigures key_figures(const BuildContext& ctx, const AnomalyCounts& anomalies) {
    const auto& s = ctx.data.summary;
    const auto& f = ctx.fmt;
    const auto templates = std::count_if(ctx.data.guests.begin(), ctx.data.guests.end(),
                                         [](const auto& g) { return g.guest.is_template.value_or(false); });
    KeyFigures figures;
    const auto add = [&](Msg label, std::string value, std::string detail, Tone tone, const char* anchor) {
        figures.figures.push_back({ctx.text(label), std::move(value), std::move(detail), tone, anchor});
    };
    add(Msg::kf_guests, f.integer(s.guests_total),
        templates > 0 ? ctx.tr.format_n(Msg::kf_guests_detail, templates, f.integer(templates)) : std::string(),
        Tone::neutral, anchors::coverage);
    const Tone covered_tone = s.guests_not_backed_up > 0  ? Tone::critical
                              : s.guests_undetermined > 0 ? Tone::warning
                              : s.guests_total > 0        ? Tone::good
                                                          : Tone::neutral;
    add(Msg::kf_covered, f.percent(s.coverage_percent),
        ctx.tr.format(Msg::kf_covered_detail, f.integer(s.guests_scheduled), f.integer(s.guests_total)), covered_tone,
        anchors::coverage);
    const auto accepted = ctx.data.verdict.accepted_guests_not_backed_up;
    add(Msg::kf_not_backed_up, f.integer(s.guests_not_backed_up),
        accepted > 0 ? ctx.tr.format_n(Msg::kf_accepted_detail, accepted, f.integer(accepted)) : std::string(),
        ctx.data.verdict.guests_not_backed_up > 0 ? Tone::critical
        : s.guests_not_backed_up > 0              ? Tone::info
                                                  : Tone::good,
        anchors::without_backup);
    add(Msg::kf_undetermined, f.integer(s.guests_undetermined), "",
        s.guests_undetermined > 0 ? Tone::warning : Tone::good, anchors::coverage);
    add(Msg::kf_jobs, f.integer(s.backup_jobs_total),
        ctx.tr.format_n(Msg::kf_jobs_detail, s.backup_jobs_enabled, f.integer(s.backup_jobs_enabled)),
        s.backup_jobs_enabled > 0 ? Tone::neutral : Tone::warning, anchors::backup_jobs);
    const Tone anomalies_tone = anomalies.critical > 0  ? Tone::critical
                                : anomalies.warning > 0 ? Tone::warning
                                : anomalies.info > 0    ? Tone::info
                                                        : Tone::good;
    add(Msg::kf_anomalies, f.integer(s.anomalies),
        anomalies.critical > 0
            ? ctx.tr.format_n(Msg::kf_anomalies_detail, anomalies.critical, f.integer(anomalies.critical))
            : std::string(),
        anomalies_tone, anchors::anomalies);
    // Freshness: guests without a backup since their last scheduled run (plus grace), and guests
    // whose latest vzdump task failed. "—" when no guest could be evaluated.
    const auto& guests = ctx.data.guests;
    const auto evaluated =
        std::count_if(guests.begin(), guests.end(), [](const auto& g) { return g.freshness.overdue.has_value(); });
    const auto overdue =
        std::count_if(guests.begin(), guests.end(), [](const auto& g) { return g.freshness.overdue.value_or(false); });
    add(Msg::kf_overdue, evaluated > 0 ? f.integer(overdue) : "—", "",
        evaluated == 0 ? Tone::neutral
        : overdue > 0  ? Tone::critical
                       : Tone::good,
        anchors::coverage);
    const auto failed = std::count_if(guests.begin(), guests.end(), [](const auto& g) {
        return g.last_task && g.last_task->outcome == model::BackupOutcome::failed;
    });
    add(Msg::kf_last_failed, f.integer(failed), "", failed > 0 ? Tone::critical : Tone::good, anchors::coverage);
    return figures;
}

ProportionChart coverage_chart(const BuildContext& ctx) {
    const auto& s = ctx.data.summary;
    ProportionChart chart;
    chart.title = ctx.text(Msg::chart_coverage);
    chart.center_text = ctx.fmt.percent(s.coverage_percent);
    const auto segment = [&](Msg label, std::int64_t count, Tone tone) {
        return Segment{ctx.text(label), static_cast<double>(count), tone, ctx.fmt.integer(count)};
    };
    chart.segments = {
        segment(Msg::status_scheduled, s.guests_scheduled, Tone::good),
        segment(Msg::status_not_backed_up, s.guests_not_backed_up, Tone::critical),
        segment(Msg::status_undetermined, s.guests_undetermined, Tone::warning),
    };
    return chart;
}

} // namespace

Section summary_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::summary, Msg::sec_summary);
    section.new_page = false;
    const auto anomalies = count_anomalies(ctx.data);
    section.blocks.emplace_back(verdict(ctx, anomalies));
    const auto& decided = ctx.data.verdict;
    const auto accepted_anomalies =
        decided.accepted_critical_anomalies + decided.accepted_warning_anomalies + decided.accepted_info_anomalies;
    if (decided.accepted_guests_not_backed_up > 0 || accepted_anomalies > 0) {
        section.blocks.emplace_back(
            muted(ctx.tr.format(Msg::summary_accepted, ctx.fmt.integer(decided.accepted_guests_not_backed_up),
                                ctx.fmt.integer(accepted_anomalies))));
    }
    for (auto& block : changes_blocks(ctx)) { // since the previous report, when the history was read
        section.blocks.push_back(std::move(block));
    }
    section.blocks.emplace_back(key_figures(ctx, anomalies));
    if (ctx.data.summary.guests_total > 0) {
        section.blocks.emplace_back(coverage_chart(ctx));
    }
    section.blocks.emplace_back(facts_table(ctx));
    section.blocks.emplace_back(muted(ctx.text(Msg::verdict_rule)));
    return section;
}

} // namespace pvr::document
