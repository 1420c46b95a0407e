#include "collect/parse_nodes.hpp"

#include "collect/json_fields.hpp"

namespace pvr::collect {
namespace {
constexpr std::string_view endpoint = "GET /nodes";
} // namespace

std::vector<model::ClusterNode> parse_nodes(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const Json& items = require_array(envelope.data, endpoint);
    std::vector<model::ClusterNode> nodes;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(endpoint, i));
            const auto name = item.text("node");
            if (!name || name->empty()) {
                warnings.push_back(item.where() + ": entry without 'node', skipped");
                continue;
            }
            model::ClusterNode node;
            node.name = *name;
            node.status = item.text("status").value_or("unknown");
            nodes.push_back(std::move(node));
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (entry skipped)");
        }
    }
    return nodes;
}

} // namespace pvr::collect
