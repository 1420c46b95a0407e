#include "model/accepted_exception.hpp"

#include <algorithm>

namespace pvr::model {

namespace {

constexpr std::string_view k_anomaly_prefix = "anomaly:";

} // namespace

const std::vector<std::string_view>& accept_keywords() {
    static const std::vector<std::string_view> keywords = {"not_backed_up", "overdue", "retention_mismatch"};
    return keywords;
}

const std::vector<std::string_view>& guest_anomaly_kinds() {
    static const std::vector<std::string_view> kinds = {
        "backup_failed",    "backup_overdue",         "guest_not_backed_up", "guest_only_disabled_jobs",
        "never_verified",   "not_backed_up_mismatch", "retention_mismatch",  "verification_failed",
        "volumes_excluded",
    };
    return kinds;
}

std::vector<std::string_view> accepted_anomaly_kinds(std::string_view accept) {
    if (accept == "not_backed_up") {
        return {"guest_not_backed_up", "guest_only_disabled_jobs"};
    }
    if (accept == "overdue") {
        return {"backup_overdue"};
    }
    if (accept == "retention_mismatch") {
        return {"retention_mismatch"};
    }
    if (accept.substr(0, k_anomaly_prefix.size()) == k_anomaly_prefix) {
        const auto kind = accept.substr(k_anomaly_prefix.size());
        const auto& kinds = guest_anomaly_kinds();
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) {
            return {kind};
        }
    }
    return {};
}

bool AcceptedException::accepts_kind(std::string_view kind) const {
    return std::any_of(accept.begin(), accept.end(), [&](const std::string& entry) {
        const auto kinds = accepted_anomaly_kinds(entry);
        return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
    });
}

bool AcceptedException::accepts_not_backed_up() const {
    return accepts_kind("guest_not_backed_up") || accepts_kind("guest_only_disabled_jobs");
}

} // namespace pvr::model
