#include "document/fact_wording.hpp"
#include "document/format.hpp"
#include "document/issue_wording.hpp"
#include "mail/message.hpp"
#include "mail/wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace pvr::mail {
namespace {

/// Number of code points (for aligning labels with accents).
std::size_t display_width(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

class TextWriter {
public:
    TextWriter(const model::ReportData& data, const PlainTextOptions& options)
        : m_data(data), m_options(options), m_w(detail::words(options.lang)),
          m_tr(document::parse_lang(options.lang).value_or(document::Lang::en)),
          m_fmt(m_tr, document::find_time_zone(options.time_zone)) {}

    std::string write() {
        const auto& v = m_data.verdict;
        const auto& s = m_data.summary;
        line(fmt::format(fmt::runtime(m_w.title), cluster_label(m_data), m_fmt.date_time(m_data.generated_at)));
        line("");
        line(fmt::format("{}{} {}", m_w.verdict, m_w.colon, level_word(v.level)));
        line(subject_line(m_data, m_options.lang, m_options.time_zone));
        line("");
        const std::vector<std::pair<std::string_view, std::string>> figures{
            {m_w.guests, m_fmt.integer(s.guests_total)},
            {m_w.covered_by_job,
             fmt::format("{} ({})", m_fmt.integer(s.guests_scheduled), m_fmt.percent(s.coverage_percent))},
            {m_w.not_backed_up_label, m_fmt.integer(v.guests_not_backed_up)},
            {m_w.undetermined_label, m_fmt.integer(v.guests_undetermined)},
            {m_w.failed_label, m_fmt.integer(v.failed_backups)},
            {m_w.overdue_label, m_fmt.integer(v.overdue_backups)},
            {m_w.anomalies_label, fmt::format("{} ({})", m_fmt.integer(s.anomalies),
                                              fmt::format(fmt::runtime(m_w.anomaly_counts), v.critical_anomalies,
                                                          v.warning_anomalies, v.info_anomalies))},
            {m_w.issues_label, m_fmt.integer(v.collection_issues)},
        };
        std::size_t width = 0;
        for (const auto& figure : figures) {
            width = std::max(width, display_width(figure.first));
        }
        for (const auto& [label, value] : figures) {
            line(fmt::format("  {}{}{} {}", label, m_w.colon, std::string(width - display_width(label), ' '), value));
        }

        guest_list(m_w.not_backed_up_label, [](const model::GuestReport& g) {
            return g.coverage.status == model::CoverageStatus::not_backed_up;
        });
        guest_list(m_w.undetermined_label, [](const model::GuestReport& g) {
            return g.coverage.status == model::CoverageStatus::undetermined;
        });
        guest_list(m_w.failed_label, [](const model::GuestReport& g) {
            return g.last_task && g.last_task->outcome == model::BackupOutcome::failed;
        });
        guest_list(m_w.overdue_label, [](const model::GuestReport& g) { return g.freshness.overdue.value_or(false); });
        anomalies();
        issues();

        if (!m_options.attachment_name.empty()) {
            line("");
            line(fmt::format(fmt::runtime(m_w.attached), m_options.attachment_name));
        }
        if (!m_w.messages_english.empty()) {
            line(std::string(m_w.messages_english));
        }
        line("");
        line("-- ");
        line("pve-backup-report " + m_data.tool_version);
        return std::move(m_out);
    }

private:
    const model::ReportData& m_data;
    const PlainTextOptions& m_options;
    const detail::Words& m_w;
    document::Translator m_tr;
    document::Formatter m_fmt;
    std::string m_out;

    void line(const std::string& text) {
        m_out += text;
        m_out += '\n';
    }

    [[nodiscard]] std::string_view level_word(model::VerdictLevel level) const {
        switch (level) {
        case model::VerdictLevel::good:
            return m_w.level_good;
        case model::VerdictLevel::info:
            return m_w.level_info;
        case model::VerdictLevel::warning:
            return m_w.level_warning;
        case model::VerdictLevel::critical:
            return m_w.level_critical;
        }
        return m_w.level_info;
    }

    [[nodiscard]] std::string_view severity_word(model::Severity severity) const {
        switch (severity) {
        case model::Severity::critical:
            return m_w.severity_critical;
        case model::Severity::warning:
            return m_w.severity_warning;
        case model::Severity::info:
            return m_w.severity_info;
        }
        return m_w.severity_info;
    }

    void heading(std::string_view label, std::size_t count) {
        line("");
        line(fmt::format("{} ({}){}", label, count, m_w.colon));
    }

    void more(std::size_t total, std::size_t shown) {
        if (total > shown) {
            line("  " + fmt::format(fmt::runtime(m_w.more), total - shown));
        }
    }

    [[nodiscard]] std::string guest_line(const model::GuestReport& g, std::string_view list) const {
        std::string text = "  " + g.guest.subject();
        if (g.guest.name) {
            text += " " + document::excerpt(*g.guest.name, 60);
        }
        text += " (" + fmt::format(fmt::runtime(m_w.on_node), g.guest.node) + ")";
        if (list == m_w.failed_label && g.last_task) {
            text += ": " + fmt::format(fmt::runtime(m_w.failed_at), m_fmt.date_time(g.last_task->time));
            if (g.last_task->error) {
                text += " - " + document::excerpt(*g.last_task->error, 160);
            }
        } else if (list == m_w.overdue_label) {
            if (g.freshness.last_success) {
                text += ": " + fmt::format(fmt::runtime(m_w.last_backup), m_fmt.date_time(*g.freshness.last_success),
                                           m_fmt.relative(*g.freshness.last_success, m_data.generated_at));
            } else {
                text += ": " + std::string(m_w.no_backup_seen);
            }
        } else if (!g.coverage.reason.empty()) {
            text += ": " + document::excerpt(
                               document::word_fact_or(m_tr, m_fmt, g.coverage.reason_fact, g.coverage.reason), 160);
        }
        return text;
    }

    template <typename Pred>
    void guest_list(std::string_view label, Pred pred) {
        std::vector<const model::GuestReport*> guests;
        for (const auto& g : m_data.guests) {
            if (pred(g)) {
                guests.push_back(&g);
            }
        }
        if (guests.empty()) {
            return;
        }
        heading(label, guests.size());
        const std::size_t shown = std::min(guests.size(), m_options.max_items);
        for (std::size_t i = 0; i < shown; ++i) {
            line(guest_line(*guests[i], label));
        }
        more(guests.size(), shown);
    }

    void anomalies() {
        if (m_data.anomalies.empty()) {
            return;
        }
        std::vector<const model::Anomaly*> sorted;
        for (const auto& a : m_data.anomalies) {
            sorted.push_back(&a);
        }
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const model::Anomaly* a, const model::Anomaly* b) { return a->severity > b->severity; });
        const std::size_t shown = std::min(sorted.size(), m_options.max_anomalies);
        line("");
        line(fmt::format(fmt::runtime(m_w.top_anomalies), shown, sorted.size()) + std::string(m_w.colon));
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& a = *sorted[i];
            // The same wording as the report's anomalies section, in the mail's language.
            line(fmt::format("  [{}] {}: {}", severity_word(a.severity), a.subject,
                             document::excerpt(document::word_fact_or(m_tr, m_fmt, a.fact, a.message), 200)));
        }
        more(sorted.size(), shown);
    }

    void issues() {
        const auto& issues = m_data.collection_issues;
        if (issues.empty()) {
            return;
        }
        heading(m_w.issues_label, issues.size());
        const std::size_t shown = std::min(issues.size(), m_options.max_items);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& issue = issues[i];
            line(fmt::format("  {}{}: {}", issue.source, issue.endpoint ? " " + *issue.endpoint : std::string(),
                             document::excerpt(document::word_collection_issue(issue, m_tr, m_fmt), 200)));
        }
        more(issues.size(), shown);
    }
};

} // namespace

std::string plain_text_summary(const model::ReportData& data, const PlainTextOptions& options) {
    return TextWriter(data, options).write();
}

} // namespace pvr::mail
