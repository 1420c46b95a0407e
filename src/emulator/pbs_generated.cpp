#include "emulator/pbs_generated.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace pvr::emulator {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& origin, const std::string& where, const std::string& what) {
    throw Error(ErrorKind::config, "generated PBS spec '" + origin + "': " + where + ": " + what);
}

std::int64_t integer(const json& object, const char* key, std::int64_t fallback, const std::string& origin,
                     const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end()) {
        return fallback;
    }
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0) {
        bad(origin, where, std::string("'") + key + "' must be a non-negative integer");
    }
    return it->get<std::int64_t>();
}

std::string text(const json& object, const char* key, const std::string& fallback, const std::string& origin,
                 const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end()) {
        return fallback;
    }
    if (!it->is_string()) {
        bad(origin, where, std::string("'") + key + "' must be a string");
    }
    return it->get<std::string>();
}

struct Archive {
    const char* config;
    const char* data;
};

Archive archives_of(const std::string& type) {
    if (type == "vm") {
        return {"qemu-server.conf.blob", "drive-scsi0.img.fidx"};
    }
    if (type == "ct") {
        return {"pct.conf.blob", "root.pxar.didx"};
    }
    return {"catalog.pcat1.didx", "root.pxar.didx"};
}

constexpr std::int64_t k_config_size = 612;
constexpr std::int64_t k_index_size = 523;
constexpr std::int64_t k_log_size = 2048;

/// Appends one snapshot item (snapshot `k` of `group`, 0 = newest).
void append_snapshot(std::string& out, const GeneratedStore& store, const GeneratedGroup& group, std::int64_t k) {
    const Archive archive = archives_of(group.type);
    const std::int64_t time = group.newest - k * group.interval;
    const std::string size = std::to_string(group.disk_size);
    out += R"({"backup-type":")";
    out += group.type;
    out += R"(","backup-id":")";
    out += group.id;
    out += R"(","backup-time":)";
    out += std::to_string(time);
    out += R"(,"comment":")";
    out += group.type + "/" + group.id;
    out += R"(","files":[{"filename":")";
    out += archive.config;
    out += R"(","crypt-mode":"none","size":)";
    out += std::to_string(k_config_size);
    out += R"(},{"filename":")";
    out += archive.data;
    out += R"(","crypt-mode":"none","size":)";
    out += size;
    out += R"(},{"filename":"index.json.blob","crypt-mode":"none","size":)";
    out += std::to_string(k_index_size);
    out += R"(},{"filename":"client.log.blob","crypt-mode":"none","size":)";
    out += std::to_string(k_log_size);
    out += R"(}],"owner":")";
    out += store.owner;
    out += R"(","protected":)";
    out += k >= group.count - group.protected_count ? "true" : "false";
    out += R"(,"size":)";
    out += std::to_string(group.disk_size + k_config_size + k_index_size + k_log_size);
    if (k >= group.unverified) {
        // The verification task started 9 h after the backup (PBS encodes its start time in the UPID).
        static constexpr char k_hex[] = "0123456789ABCDEF";
        const auto verified = static_cast<std::uint64_t>(time + 9 * 3600);
        std::string start(8, '0');
        for (int i = 0; i < 8; ++i) {
            start[static_cast<std::size_t>(7 - i)] = k_hex[(verified >> (4 * i)) & 0xFU];
        }
        out += R"(,"verification":{"state":"ok","upid":"UPID:pbs:0000A1B2:0C3D4E5F:00000042:)";
        out += start;
        out += ":verificationjob:";
        out += store.name;
        out += R"(:root@pam:"})";
    }
    out += '}';
}

bool selected(const GeneratedGroup& group, const std::string& ns, const std::optional<std::string>& backup_type,
              const std::optional<std::string>& backup_id) {
    return group.ns == ns && (!backup_type || group.type == *backup_type) && (!backup_id || group.id == *backup_id);
}

} // namespace

std::vector<GeneratedStore> parse_generated_stores(const std::string& content, const std::string& origin) {
    const json spec = json::parse(content, nullptr, false);
    if (!spec.is_object() || !spec.contains("datastores") || !spec["datastores"].is_object()) {
        bad(origin, "top level", "expected {\"datastores\": {\"<store>\": {...}}}");
    }
    std::vector<GeneratedStore> stores;
    for (const auto& [name, item] : spec["datastores"].items()) {
        const std::string where = "datastores." + name;
        if (!item.is_object()) {
            bad(origin, where, "must be an object");
        }
        GeneratedStore store;
        store.name = name;
        store.owner = text(item, "owner", "root@pam", origin, where);
        const std::int64_t interval = integer(item, "interval", 86400, origin, where);
        const std::int64_t unverified = integer(item, "unverified", 1, origin, where);
        const std::int64_t disk_size = integer(item, "disk-size", 34359738368, origin, where);
        std::set<std::string> namespaces{""};
        if (const auto it = item.find("namespaces"); it != item.end()) {
            if (!it->is_array()) {
                bad(origin, where, "'namespaces' must be an array of names");
            }
            for (const auto& ns : *it) {
                if (!ns.is_string()) {
                    bad(origin, where, "'namespaces' must be an array of names");
                }
                namespaces.insert(ns.get<std::string>());
            }
        }
        const auto groups = item.find("groups");
        if (groups == item.end() || !groups->is_array()) {
            bad(origin, where, "'groups' must be an array");
        }
        for (std::size_t i = 0; i < groups->size(); ++i) {
            const json& g = (*groups)[i];
            const std::string group_where = where + ".groups[" + std::to_string(i) + "]";
            if (!g.is_object()) {
                bad(origin, group_where, "must be an object");
            }
            GeneratedGroup group;
            group.ns = text(g, "ns", "", origin, group_where);
            group.type = text(g, "type", "vm", origin, group_where);
            if (group.type != "vm" && group.type != "ct" && group.type != "host") {
                bad(origin, group_where, "'type' must be vm, ct or host");
            }
            group.id = text(g, "id", "", origin, group_where);
            if (group.id.empty()) {
                bad(origin, group_where, "'id' is missing");
            }
            group.count = integer(g, "count", 0, origin, group_where);
            group.newest = integer(g, "newest", 0, origin, group_where);
            group.interval = integer(g, "interval", interval, origin, group_where);
            group.disk_size = integer(g, "disk-size", disk_size, origin, group_where);
            group.unverified = integer(g, "unverified", unverified, origin, group_where);
            group.protected_count = integer(g, "protected", 0, origin, group_where);
            // Every ancestor of a group's namespace exists too.
            for (auto slash = group.ns.find('/'); slash != std::string::npos; slash = group.ns.find('/', slash + 1)) {
                namespaces.insert(group.ns.substr(0, slash));
            }
            namespaces.insert(group.ns);
            store.groups.push_back(std::move(group));
        }
        std::sort(store.groups.begin(), store.groups.end(), [](const GeneratedGroup& a, const GeneratedGroup& b) {
            return std::tie(a.ns, a.type, a.id) < std::tie(b.ns, b.type, b.id);
        });
        store.namespaces.assign(namespaces.begin(), namespaces.end()); // "" sorts first
        stores.push_back(std::move(store));
    }
    return stores;
}

std::function<bool(std::string&)> generated_snapshot_stream(const GeneratedStore& store, const std::string& ns,
                                                            const std::optional<std::string>& backup_type,
                                                            const std::optional<std::string>& backup_id,
                                                            std::size_t chunk_bytes) {
    struct State {
        std::vector<const GeneratedGroup*> groups;
        std::size_t group = 0;
        std::int64_t k = -1; // next snapshot index in the group, counting down; -1: not started
        bool started = false;
        bool first_item = true;
    };
    auto state = std::make_shared<State>();
    for (const auto& group : store.groups) {
        if (selected(group, ns, backup_type, backup_id)) {
            state->groups.push_back(&group);
        }
    }
    const GeneratedStore* owner = &store;
    return [state, owner, chunk_bytes](std::string& out) {
        if (!state->started) {
            out += R"({"data":[)";
            state->started = true;
        }
        const std::size_t limit = out.size() + chunk_bytes; // `out` may hold earlier pieces
        while (out.size() < limit) {
            if (state->group >= state->groups.size()) {
                out += "]}";
                return false;
            }
            const GeneratedGroup& group = *state->groups[state->group];
            if (state->k < 0) {
                state->k = group.count - 1; // oldest first
            }
            if (state->k < 0) { // an empty group
                ++state->group;
                continue;
            }
            if (!state->first_item) {
                out += ',';
            }
            state->first_item = false;
            append_snapshot(out, *owner, group, state->k);
            if (--state->k < 0) {
                ++state->group;
            }
        }
        return true;
    };
}

std::string generated_snapshot_body(const GeneratedStore& store, const std::string& ns,
                                    const std::optional<std::string>& backup_type,
                                    const std::optional<std::string>& backup_id) {
    auto next = generated_snapshot_stream(store, ns, backup_type, backup_id);
    std::string body;
    while (next(body)) {
    }
    return body;
}

json generated_groups(const GeneratedStore& store, const std::string& ns) {
    json list = json::array();
    for (const auto& group : store.groups) {
        if (group.ns != ns || group.count == 0) {
            continue;
        }
        const Archive archive = archives_of(group.type);
        list.push_back(
            json{{"backup-type", group.type},
                 {"backup-id", group.id},
                 {"last-backup", group.newest},
                 {"backup-count", group.count},
                 {"files", json::array({archive.config, archive.data, "index.json.blob", "client.log.blob"})},
                 {"owner", store.owner},
                 {"comment", group.type + "/" + group.id}});
    }
    return list;
}

json generated_counts(const GeneratedStore& store) {
    std::map<std::string, std::pair<long long, long long>> per_type; // groups, snapshots
    for (const auto& group : store.groups) {
        if (group.count == 0) {
            continue;
        }
        auto& [groups, snapshots] = per_type[group.type];
        ++groups;
        snapshots += group.count;
    }
    json counts = {{"other", nullptr}};
    for (const char* type : {"ct", "host", "vm"}) {
        const auto it = per_type.find(type);
        counts[type] =
            it == per_type.end() ? json(nullptr) : json{{"groups", it->second.first}, {"snapshots", it->second.second}};
    }
    return counts;
}

} // namespace pvr::emulator
