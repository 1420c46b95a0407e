#include "collect/parse_not_backed_up.hpp"

#include "collect/list_reader.hpp"

namespace pvr::collect {
namespace {
constexpr std::string_view endpoint = "GET /cluster/backup-info/not-backed-up";
} // namespace

std::vector<model::NotBackedUpItem> parse_not_backed_up(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    return read_list<model::NotBackedUpItem>(
        envelope.data, endpoint,
        [](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::NotBackedUpItem> {
            const auto vmid = item.required_integer("vmid");
            if (item.failed()) {
                return std::nullopt;
            }
            if (!vmid) {
                problems.push_back(item.where() + ": entry without 'vmid', skipped");
                return std::nullopt;
            }
            model::NotBackedUpItem entry;
            entry.vmid = *vmid;
            entry.type = item.required_text("type").value_or("");
            entry.name = item.required_text("name");
            return entry;
        },
        warnings);
}

} // namespace pvr::collect
