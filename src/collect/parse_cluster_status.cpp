#include "collect/parse_cluster_status.hpp"

#include "collect/json_fields.hpp"

namespace pvr::collect {
namespace {
constexpr std::string_view endpoint = "GET /cluster/status";
} // namespace

ClusterStatus parse_cluster_status(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const Json& items = require_array(envelope.data, endpoint);
    ClusterStatus status;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(endpoint, i));
            const auto type = item.text("type").value_or("");
            if (type == "cluster") {
                status.name = item.text("name");
                status.quorate = item.boolean("quorate");
            } else if (type == "node") {
                ClusterStatusNode node;
                const auto name = item.text("name");
                if (!name || name->empty()) {
                    warnings.push_back(item.where() + ": node entry without 'name', skipped");
                    continue;
                }
                node.name = *name;
                node.ip = item.text("ip");
                node.local = item.boolean("local").value_or(false);
                node.online = item.boolean("online");
                status.nodes.push_back(std::move(node));
            }
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (entry skipped)");
        }
    }
    return status;
}

} // namespace pvr::collect
