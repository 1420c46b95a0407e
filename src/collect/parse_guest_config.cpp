#include "collect/parse_guest_config.hpp"

#include "collect/json_fields.hpp"
#include "collect/property_string.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <array>

namespace pvr::collect {
namespace {

struct Bus {
    std::string_view prefix;
    int max_index;
};

// Order of the buses in the volume list; efidisk and tpmstate only have index 0.
constexpr std::array<Bus, 6> qemu_buses{
    {{"ide", 3}, {"sata", 5}, {"scsi", 30}, {"virtio", 15}, {"efidisk", 0}, {"tpmstate", 0}}};

/// ("scsi", 12) for "scsi12" when the key is a disk key of `buses`, else nullopt.
template <std::size_t N>
std::optional<std::pair<std::size_t, int>> disk_key(std::string_view key, const std::array<Bus, N>& buses) {
    for (std::size_t b = 0; b < buses.size(); ++b) {
        const auto& bus = buses[b];
        if (key.substr(0, bus.prefix.size()) != bus.prefix || key.size() == bus.prefix.size()) {
            continue;
        }
        const std::string_view digits = key.substr(bus.prefix.size());
        if (digits.size() > 1 && digits.front() == '0') {
            return std::nullopt;
        }
        const auto index = parse_int(digits);
        if (!index || *index < 0 || *index > bus.max_index ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return std::nullopt;
        }
        return std::make_pair(b, static_cast<int>(*index));
    }
    return std::nullopt;
}

constexpr std::array<Bus, 2> lxc_mounts{{{"rootfs", 0}, {"mp", 255}}};

std::optional<std::pair<std::size_t, int>> lxc_key(std::string_view key) {
    if (key == "rootfs") {
        return std::make_pair(std::size_t{0}, 0);
    }
    if (key.substr(0, 2) == "mp" && key.size() > 2) {
        return disk_key(key, lxc_mounts);
    }
    return std::nullopt;
}

std::string volume_of(const PropertyString& drive, std::string_view named_key) {
    if (drive.positional) {
        return *drive.positional;
    }
    return drive.get(named_key).value_or("");
}

struct Ordered {
    std::pair<std::size_t, int> order;
    model::Volume volume;
};

/// The `backup` flag: nullopt when absent; a value that is no boolean is reported and ignored.
std::optional<bool> backup_flag(const PropertyString& drive, const std::string& where,
                                std::vector<std::string>& warnings) {
    const auto text = drive.get("backup");
    if (!text) {
        return std::nullopt;
    }
    const auto flag = parse_bool(*text);
    if (!flag) {
        warnings.push_back(where + ": backup=" + *text + " is not a boolean (ignored)");
    }
    return flag;
}

std::optional<model::Volume> qemu_volume(std::size_t bus, const std::string& key, const std::string& value, bool ovmf,
                                         const std::string& where, std::vector<std::string>& warnings) {
    const PropertyString drive = parse_property_string(value);
    if (to_lower(drive.get("media").value_or("")) == "cdrom") {
        return std::nullopt;
    }
    model::Volume volume;
    volume.key = key;
    volume.volume = volume_of(drive, "file");
    const auto flag = backup_flag(drive, where, warnings);
    if (qemu_buses[bus].prefix == "tpmstate") {
        volume.reason = "TPM state is always included";
    } else if (qemu_buses[bus].prefix == "efidisk" && !ovmf) {
        volume.included = false;
        volume.reason = "efidisk but no OVMF BIOS";
    } else if (flag) {
        volume.included = *flag;
        volume.reason = *flag ? "backup=1" : "backup=0";
    } else {
        volume.reason = "included by default";
    }
    return volume;
}

model::Volume lxc_volume(const std::string& key, const std::string& value, const std::string& where,
                         std::vector<std::string>& warnings) {
    const PropertyString mount = parse_property_string(value);
    model::Volume volume;
    volume.key = key;
    volume.volume = volume_of(mount, "volume");
    if (key == "rootfs") {
        volume.reason = "rootfs";
        return volume;
    }
    if (volume.volume.rfind("/dev/", 0) == 0) {
        volume.included = false;
        volume.reason = "not a volume";
        return volume;
    }
    if (volume.volume.rfind('/', 0) == 0) {
        volume.included = false;
        volume.reason = "bind mount";
        return volume;
    }
    const auto flag = backup_flag(mount, where, warnings);
    volume.included = flag.value_or(false);
    volume.reason = !flag ? "mount point without backup=1" : (*flag ? "backup=1" : "backup=0");
    return volume;
}

} // namespace

GuestConfig parse_guest_config(std::string_view body, model::GuestType type, std::string_view endpoint,
                               std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const ProblemSink sink = record_into(warnings);
    ObjectReader config(require_object(envelope.data, endpoint), std::string(endpoint) + ": data", sink);
    GuestConfig out;
    // Every field is optional here: a bad one is recorded "(ignored)".
    out.notes = config.text("description");
    if (out.notes && trim(*out.notes).empty()) {
        out.notes.reset();
    }
    out.name = config.text(type == model::GuestType::qemu ? "name" : "hostname");
    out.is_template = config.boolean("template");
    const bool ovmf = to_lower(config.text("bios").value_or("seabios")) == "ovmf";

    std::vector<Ordered> volumes;
    for (const auto& [key, value] : envelope.data.items()) {
        const auto order = type == model::GuestType::qemu ? disk_key(key, qemu_buses) : lxc_key(key);
        if (!order) {
            continue; // unusedN, vmstate, dev0 and every other option
        }
        const auto where = config.where(key);
        const auto text = value.is_string() ? std::optional<std::string>(value.get<std::string>()) : std::nullopt;
        if (!text) {
            warnings.push_back(where + ": expected a drive string, got " + describe_value(value) + " (ignored)");
            continue;
        }
        if (type == model::GuestType::qemu) {
            if (auto volume = qemu_volume(order->first, key, *text, ovmf, where, warnings)) {
                volumes.push_back({*order, std::move(*volume)});
            }
        } else {
            volumes.push_back({*order, lxc_volume(key, *text, where, warnings)});
        }
    }
    std::sort(volumes.begin(), volumes.end(), [](const Ordered& a, const Ordered& b) { return a.order < b.order; });
    for (auto& entry : volumes) {
        out.volumes.push_back(std::move(entry.volume));
    }
    return out;
}

} // namespace pvr::collect
