#include "collect/parse_nodes.hpp"

#include "collect/list_reader.hpp"

namespace pvr::collect {
namespace {
constexpr std::string_view endpoint = "GET /nodes";
} // namespace

std::vector<model::ClusterNode> parse_nodes(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    return read_list<model::ClusterNode>(
        envelope.data, endpoint,
        [](const ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::ClusterNode> {
            const auto name = item.text("node");
            if (!name || name->empty()) {
                problems.push_back(item.where() + ": entry without 'node', skipped");
                return std::nullopt;
            }
            model::ClusterNode node;
            node.name = *name;
            node.status = item.text("status").value_or("unknown");
            return node;
        },
        warnings);
}

} // namespace pvr::collect
