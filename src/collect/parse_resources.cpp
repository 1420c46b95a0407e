#include "collect/parse_resources.hpp"

#include "collect/json_fields.hpp"
#include "core/strings.hpp"

namespace pvr::collect {
namespace {

constexpr std::string_view endpoint = "GET /cluster/resources";

template <class Fn>
void optional_field(std::vector<std::string>& warnings, Fn&& read) {
    try {
        read();
    } catch (const FieldError& e) {
        warnings.push_back(std::string(e.what()) + " (ignored)");
    }
}

std::optional<std::string> non_empty(std::optional<std::string> value) {
    if (value && value->empty()) {
        return std::nullopt;
    }
    return value;
}

/// vmid from the `vmid` field, else from the id "qemu/100".
std::optional<std::int64_t> read_vmid(const ObjectReader& item) {
    if (const auto vmid = item.integer("vmid")) {
        return vmid;
    }
    if (const auto id = item.text("id")) {
        const auto slash = id->find('/');
        if (slash != std::string::npos) {
            return parse_int(std::string_view(*id).substr(slash + 1));
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<model::Guest> parse_resources(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const Json& items = require_array(envelope.data, endpoint);
    std::vector<model::Guest> guests;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(endpoint, i));
            const Json* type_value = item.find("type");
            const auto type = type_value ? to_text(*type_value) : std::nullopt;
            if (!type || (*type != "qemu" && *type != "lxc")) {
                continue; // node, storage, pool, sdn, network, openvz, future kinds
            }
            model::Guest guest;
            guest.type = *type == "qemu" ? model::GuestType::qemu : model::GuestType::lxc;
            const auto vmid = read_vmid(item);
            const auto node = item.text("node");
            if (!vmid || *vmid <= 0 || !node || node->empty()) {
                warnings.push_back(item.where() + ": " + *type + " entry without a usable 'vmid' or 'node', skipped");
                continue;
            }
            guest.vmid = *vmid;
            guest.node = *node;
            optional_field(warnings, [&] { guest.status = item.text("status").value_or("unknown"); });
            optional_field(warnings, [&] { guest.name = non_empty(item.text("name")); });
            optional_field(warnings, [&] { guest.is_template = item.boolean("template"); });
            optional_field(warnings, [&] { guest.pool = non_empty(item.text("pool")); });
            optional_field(warnings, [&] {
                if (const auto tags = item.text("tags")) {
                    guest.tags = split_list(*tags);
                }
            });
            optional_field(warnings, [&] { guest.lock = non_empty(item.text("lock")); });
            optional_field(warnings, [&] { guest.hastate = non_empty(item.text("hastate")); });
            if (guest.status.empty()) {
                guest.status = "unknown";
            }
            guests.push_back(std::move(guest));
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (entry skipped)");
        }
    }
    return guests;
}

} // namespace pvr::collect
