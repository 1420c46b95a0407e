#include "collect/parse_cluster_status.hpp"

#include "collect/list_reader.hpp"

#include <variant>

namespace pvr::collect {
namespace {
constexpr std::string_view endpoint = "GET /cluster/status";

struct ClusterEntry {
    std::optional<std::string> name;
    std::optional<bool> quorate;
};
using Entry = std::variant<ClusterEntry, ClusterStatusNode>;
} // namespace

ClusterStatus parse_cluster_status(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const auto entries = read_list<Entry>(
        envelope.data, endpoint,
        [](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<Entry> {
            const auto type = item.required_text("type").value_or("");
            if (type == "cluster") {
                auto name = item.required_text("name");
                return Entry{ClusterEntry{std::move(name), item.required_boolean("quorate")}};
            }
            if (type != "node") {
                return std::nullopt; // other kinds of entries carry nothing the report uses
            }
            const auto name = item.required_text("name");
            if (item.failed()) {
                return std::nullopt;
            }
            if (!name || name->empty()) {
                problems.push_back(item.where() + ": node entry without 'name', skipped");
                return std::nullopt;
            }
            ClusterStatusNode node;
            node.name = *name;
            node.ip = item.required_text("ip");
            node.local = item.required_boolean("local").value_or(false);
            node.online = item.required_boolean("online");
            return Entry{std::move(node)};
        },
        warnings);
    ClusterStatus status;
    for (const auto& entry : entries) {
        if (const auto* cluster = std::get_if<ClusterEntry>(&entry)) {
            status.name = cluster->name;
            status.quorate = cluster->quorate;
        } else {
            status.nodes.push_back(std::get<ClusterStatusNode>(entry));
        }
    }
    return status;
}

} // namespace pvr::collect
