#include "report/changes_json.hpp"

#include "core/time.hpp"

namespace pvr::report {
namespace {

using nlohmann::ordered_json;

ordered_json text_or_null(const std::string& text) { return text.empty() ? ordered_json(nullptr) : ordered_json(text); }

ordered_json guest_changes(const std::vector<model::GuestChange>& changes) {
    ordered_json out = ordered_json::array();
    for (const auto& c : changes) {
        out.push_back({{"vmid", c.vmid},
                       {"type", c.type},
                       {"name", text_or_null(c.name)},
                       {"before", text_or_null(c.before)},
                       {"after", text_or_null(c.after)},
                       {"accepted", c.accepted}});
    }
    return out;
}

ordered_json anomaly_changes(const std::vector<model::AnomalyChange>& changes) {
    ordered_json out = ordered_json::array();
    for (const auto& c : changes) {
        out.push_back({{"kind", c.kind},
                       {"severity", c.severity},
                       {"subject", c.subject},
                       {"message", c.message},
                       {"open_since", iso8601_utc(c.open_since)},
                       {"days_open", c.days_open},
                       {"accepted", c.accepted}});
    }
    return out;
}

} // namespace

ordered_json changes_json(const std::optional<model::Changes>& changes) {
    if (!changes) {
        return nullptr;
    }
    const model::Changes& c = *changes;
    ordered_json out;
    out["first_report"] = c.first_report;
    out["previous_at"] = c.previous_at ? ordered_json(iso8601_utc(*c.previous_at)) : ordered_json(nullptr);
    out["previous_file"] = c.previous_file ? ordered_json(*c.previous_file) : ordered_json(nullptr);
    out["lost_coverage"] = guest_changes(c.lost_coverage);
    out["gained_coverage"] = guest_changes(c.gained_coverage);
    out["new_guests"] = guest_changes(c.new_guests);
    out["removed_guests"] = guest_changes(c.removed_guests);
    out["new_anomalies"] = anomaly_changes(c.new_anomalies);
    out["resolved_anomalies"] = anomaly_changes(c.resolved_anomalies);
    out["ongoing_anomalies"] = anomaly_changes(c.ongoing_anomalies);
    out["new_failed_backups"] = ordered_json::array();
    for (const auto& f : c.new_failed_backups) {
        out["new_failed_backups"].push_back(
            {{"vmid", f.vmid},
             {"type", f.type},
             {"name", text_or_null(f.name)},
             {"task_time", f.task_time > 0 ? ordered_json(iso8601_utc(f.task_time)) : ordered_json(nullptr)},
             {"accepted", f.accepted}});
    }
    out["jobs"] = ordered_json::array();
    for (const auto& j : c.jobs) {
        out["jobs"].push_back(
            {{"id", j.id}, {"change", j.change}, {"before", text_or_null(j.before)}, {"after", text_or_null(j.after)}});
    }
    out["retention_policies"] = ordered_json::array();
    for (const auto& p : c.retention_policies) {
        out["retention_policies"].push_back({{"source", p.source},
                                             {"id", p.id},
                                             {"change", p.change},
                                             {"before", text_or_null(p.before)},
                                             {"after", text_or_null(p.after)}});
    }
    return out;
}

} // namespace pvr::report
