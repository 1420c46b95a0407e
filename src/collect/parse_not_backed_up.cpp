#include "collect/parse_not_backed_up.hpp"

#include "collect/json_fields.hpp"

namespace pvr::collect {
namespace {
constexpr std::string_view endpoint = "GET /cluster/backup-info/not-backed-up";
} // namespace

std::vector<model::NotBackedUpItem> parse_not_backed_up(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const Json& items = require_array(envelope.data, endpoint);
    std::vector<model::NotBackedUpItem> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(endpoint, i));
            const auto vmid = item.integer("vmid");
            if (!vmid) {
                warnings.push_back(item.where() + ": entry without 'vmid', skipped");
                continue;
            }
            model::NotBackedUpItem entry;
            entry.vmid = *vmid;
            entry.type = item.text("type").value_or("");
            entry.name = item.text("name");
            out.push_back(std::move(entry));
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (entry skipped)");
        }
    }
    return out;
}

} // namespace pvr::collect
