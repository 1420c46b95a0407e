#include "analysis/anomalies.hpp"

#include <algorithm>
#include <tuple>

namespace pvr::analysis {

namespace {

int severity_rank(model::Severity severity) {
    switch (severity) {
    case model::Severity::critical:
        return 0;
    case model::Severity::warning:
        return 1;
    case model::Severity::info:
        return 2;
    }
    return 1;
}

} // namespace

void sort_anomalies(std::vector<model::Anomaly>& anomalies) {
    std::stable_sort(anomalies.begin(), anomalies.end(), [](const model::Anomaly& a, const model::Anomaly& b) {
        return std::forward_as_tuple(severity_rank(a.severity), a.kind, a.subject, a.message) <
               std::forward_as_tuple(severity_rank(b.severity), b.kind, b.subject, b.message);
    });
}

std::vector<model::Anomaly> find_anomalies(const model::Inventory& inventory,
                                           const std::optional<std::vector<AnalyzedJob>>& jobs,
                                           const std::vector<model::GuestReport>& guests) {
    auto out = guest_anomalies(guests);
    if (jobs) {
        auto from_jobs = job_anomalies(inventory, *jobs);
        out.insert(out.end(), from_jobs.begin(), from_jobs.end());
        auto mismatches = not_backed_up_mismatches(inventory, *jobs, guests);
        out.insert(out.end(), mismatches.begin(), mismatches.end());
    }
    auto duplicates = duplicate_anomalies(inventory);
    out.insert(out.end(), duplicates.begin(), duplicates.end());
    sort_anomalies(out);
    return out;
}

} // namespace pvr::analysis
