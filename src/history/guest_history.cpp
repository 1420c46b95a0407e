#include "history/guest_history.hpp"

#include <charconv>

namespace pvr::history {
namespace {

std::optional<std::int64_t> as_vmid(const std::string& text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return value;
}

std::string subject_of(const model::GuestDigest& g) {
    return (g.type == "lxc" ? "ct/" : "vm/") + std::to_string(g.vmid);
}

} // namespace

std::vector<GuestHistoryRow> guest_history(const std::vector<model::RunDigest>& runs, const GuestHistoryQuery& query) {
    std::vector<GuestHistoryRow> rows;
    const auto vmid = as_vmid(query.guest);
    for (const auto& run : runs) {
        if ((query.since && run.generated_at < *query.since) || (query.until && run.generated_at >= *query.until)) {
            continue;
        }
        for (const auto& g : run.guests) {
            if (vmid ? g.vmid != *vmid : g.name != query.guest) {
                continue;
            }
            GuestHistoryRow row{run.generated_at, run.file, run.sha256, true, g, {}};
            const std::string subject = subject_of(g);
            for (const auto& a : run.anomalies) {
                if (a.subject == subject) {
                    row.anomalies.push_back(a);
                }
            }
            rows.push_back(std::move(row));
            break;
        }
    }
    return rows;
}

const GuestHistoryRow* first_backup_on_or_after(const std::vector<GuestHistoryRow>& rows, std::int64_t day) {
    for (const auto& row : rows) {
        if (row.guest.last_backup && *row.guest.last_backup >= day) {
            return &row;
        }
    }
    return nullptr;
}

} // namespace pvr::history
