#include "collect/parse_resources.hpp"

#include "collect/list_reader.hpp"
#include "core/strings.hpp"

namespace pvr::collect {
namespace {

constexpr std::string_view endpoint = "GET /cluster/resources";

std::optional<std::string> non_empty(std::optional<std::string> value) {
    if (value && value->empty()) {
        return std::nullopt;
    }
    return value;
}

/// The VMID of a number or a numeric string, or of an id "qemu/100".
std::optional<std::int64_t> vmid_of_id(const std::string& id) {
    const auto slash = id.find('/');
    if (slash == std::string::npos) {
        return std::nullopt;
    }
    return parse_int(std::string_view(id).substr(slash + 1));
}

/// vmid from the `vmid` field, else from the id "qemu/100" (both required: a value of the wrong
/// type skips the entry).
std::optional<std::int64_t> read_vmid(ObjectReader& item) {
    if (const auto vmid = item.required_integer("vmid")) {
        return vmid;
    }
    if (const auto id = item.required_text("id")) {
        return vmid_of_id(*id);
    }
    return std::nullopt;
}

/// The fields both listings share (the node and type are known by then).
void read_guest_fields(ObjectReader& item, model::Guest& guest) {
    guest.status = item.text("status").value_or("unknown");
    guest.name = non_empty(item.text("name"));
    guest.is_template = item.boolean("template");
    if (const auto tags = item.text("tags")) {
        guest.tags = split_list(*tags);
    }
    guest.lock = non_empty(item.text("lock"));
    if (guest.status.empty()) {
        guest.status = "unknown";
    }
}

/// The VMID of an entry whose type is not usable, for the message ("" when there is none); a
/// VMID that cannot be read is not another problem here.
std::string vmid_note(const ObjectReader& item) {
    std::optional<std::int64_t> vmid;
    if (const Json* value = item.find("vmid")) {
        vmid = to_int(*value);
    } else if (const Json* id = item.find("id")) {
        const auto text = to_text(*id);
        vmid = text ? vmid_of_id(*text) : std::nullopt;
    }
    return vmid ? " (VMID " + std::to_string(*vmid) + ", left out of the report: its kind is unknown)"
                : " (entry skipped)";
}

std::optional<model::Guest> read_resource(ObjectReader& item, std::vector<std::string>& problems) {
    const Json* type_value = item.find("type");
    const auto type = type_value ? to_text(*type_value) : std::nullopt;
    if (!type) {
        problems.push_back(item.where("type") + ": " +
                           (type_value ? "expected a resource type, got " + describe_value(*type_value)
                                       : std::string("missing or null")) +
                           vmid_note(item));
        return std::nullopt;
    }
    if (*type != "qemu" && *type != "lxc") {
        if (item.has("vmid")) { // a guest of a kind the report does not know (openvz, a future one)
            problems.push_back(item.where("type") + ": '" + *type + "' is neither qemu nor lxc" + vmid_note(item));
        }
        return std::nullopt; // node, storage, pool, sdn, network...
    }
    model::Guest guest;
    guest.type = *type == "qemu" ? model::GuestType::qemu : model::GuestType::lxc;
    const auto vmid = read_vmid(item);
    const auto node = item.required_text("node");
    if (item.failed()) {
        return std::nullopt;
    }
    if (!vmid || *vmid <= 0 || !node || node->empty()) {
        problems.push_back(item.where() + ": " + *type + " entry without a usable 'vmid' or 'node', skipped");
        return std::nullopt;
    }
    guest.vmid = *vmid;
    guest.node = *node;
    read_guest_fields(item, guest);
    guest.pool = non_empty(item.text("pool"));
    guest.hastate = non_empty(item.text("hastate"));
    return guest;
}

} // namespace

std::vector<model::Guest> parse_resources(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    return read_list<model::Guest>(envelope.data, endpoint, read_resource, warnings);
}

std::vector<model::Guest> parse_node_guests(std::string_view body, std::string_view node_endpoint,
                                            const std::string& node, model::GuestType type,
                                            std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, node_endpoint);
    return read_list<model::Guest>(
        envelope.data, node_endpoint,
        [&](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::Guest> {
            const auto vmid = item.required_integer("vmid"); // a number for qemu, a string for lxc
            if (item.failed()) {
                return std::nullopt;
            }
            if (!vmid || *vmid <= 0) {
                problems.push_back(item.where() + ": entry without a usable 'vmid', skipped");
                return std::nullopt;
            }
            model::Guest guest;
            guest.vmid = *vmid;
            guest.type = type;
            guest.node = node;
            read_guest_fields(item, guest);
            return guest;
        },
        warnings);
}

} // namespace pvr::collect
