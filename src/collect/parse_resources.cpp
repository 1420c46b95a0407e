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

/// The fields both listings share (the node and type are known by then).
void read_guest_fields(const ObjectReader& item, model::Guest& guest, std::vector<std::string>& problems) {
    optional_field(problems, [&] { guest.status = item.text("status").value_or("unknown"); });
    optional_field(problems, [&] { guest.name = non_empty(item.text("name")); });
    optional_field(problems, [&] { guest.is_template = item.boolean("template"); });
    optional_field(problems, [&] {
        if (const auto tags = item.text("tags")) {
            guest.tags = split_list(*tags);
        }
    });
    optional_field(problems, [&] { guest.lock = non_empty(item.text("lock")); });
    if (guest.status.empty()) {
        guest.status = "unknown";
    }
}

/// The VMID of an entry whose type is not usable, for the message ("" when there is none).
std::string vmid_note(const ObjectReader& item) {
    std::optional<std::int64_t> vmid;
    try {
        vmid = read_vmid(item);
    } catch (const FieldError&) {
        vmid.reset();
    }
    return vmid ? " (VMID " + std::to_string(*vmid) + ", left out of the report: its kind is unknown)"
                : " (entry skipped)";
}

std::optional<model::Guest> read_resource(const ObjectReader& item, std::vector<std::string>& problems) {
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
    const auto node = item.text("node");
    if (!vmid || *vmid <= 0 || !node || node->empty()) {
        problems.push_back(item.where() + ": " + *type + " entry without a usable 'vmid' or 'node', skipped");
        return std::nullopt;
    }
    guest.vmid = *vmid;
    guest.node = *node;
    read_guest_fields(item, guest, problems);
    optional_field(problems, [&] { guest.pool = non_empty(item.text("pool")); });
    optional_field(problems, [&] { guest.hastate = non_empty(item.text("hastate")); });
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
        [&](const ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::Guest> {
            const auto vmid = item.integer("vmid"); // a number for qemu, a string for lxc
            if (!vmid || *vmid <= 0) {
                problems.push_back(item.where() + ": entry without a usable 'vmid', skipped");
                return std::nullopt;
            }
            model::Guest guest;
            guest.vmid = *vmid;
            guest.type = type;
            guest.node = node;
            read_guest_fields(item, guest, problems);
            return guest;
        },
        warnings);
}

} // namespace pvr::collect
