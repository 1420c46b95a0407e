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
        [](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::ClusterNode> {
            const auto name = item.required_text("node");
            if (item.failed()) {
                return std::nullopt;
            }
            if (!name || name->empty()) {
                problems.push_back(item.where() + ": entry without 'node', skipped");
                return std::nullopt;
            }
            model::ClusterNode node;
            node.name = *name;
            node.status = item.required_text("status").value_or("unknown");
            return node;
        },
        warnings);
}

} // namespace pvr::collect
