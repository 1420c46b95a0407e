#include "emulator/pbs_datastore.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pvr::emulator {
namespace {

using nlohmann::json;

std::string string_field(const json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return {};
    }
    return it->is_string() ? it->get<std::string>() : it->dump();
}

long long time_of(const json& snapshot) {
    const auto it = snapshot.find("backup-time");
    return it != snapshot.end() && it->is_number_integer() ? it->get<long long>() : 0;
}

std::string file_name(const json& file) {
    if (file.is_string()) {
        return file.get<std::string>();
    }
    return string_field(file, "filename");
}

std::vector<std::string> components_of(const std::string& ns) { return split_any(ns, "/"); }

} // namespace

std::string snapshot_namespace(const json& snapshot) { return string_field(snapshot, "ns"); }

bool snapshot_finished(const json& snapshot) {
    const auto it = snapshot.find("files");
    if (it == snapshot.end() || !it->is_array()) {
        return false;
    }
    return std::any_of(it->begin(), it->end(), [](const json& file) { return file_name(file) == "index.json.blob"; });
}

json select_snapshots(const json& all, const PbsSnapshotFilter& filter) {
    json selected = json::array();
    if (!all.is_array()) {
        return selected;
    }
    for (const auto& snapshot : all) {
        if (!snapshot.is_object() || snapshot_namespace(snapshot) != filter.ns) {
            continue;
        }
        if (filter.backup_type && string_field(snapshot, "backup-type") != *filter.backup_type) {
            continue;
        }
        if (filter.backup_id && string_field(snapshot, "backup-id") != *filter.backup_id) {
            continue;
        }
        json item = snapshot;
        item.erase("ns");
        item.erase("group-comment");
        selected.push_back(std::move(item));
    }
    return selected;
}

json derive_groups(const json& all, const std::string& ns) {
    struct Group {
        long long count = 0;
        const json* chosen = nullptr;
        bool chosen_finished = false;
        std::string comment;
    };
    std::map<std::pair<std::string, std::string>, Group> groups;
    if (all.is_array()) {
        for (const auto& snapshot : all) {
            if (!snapshot.is_object() || snapshot_namespace(snapshot) != ns) {
                continue;
            }
            Group& group = groups[{string_field(snapshot, "backup-type"), string_field(snapshot, "backup-id")}];
            ++group.count;
            if (const auto comment = string_field(snapshot, "group-comment"); !comment.empty()) {
                group.comment = comment;
            }
            const bool finished = snapshot_finished(snapshot);
            const bool better = group.chosen == nullptr || (finished && !group.chosen_finished) ||
                                (finished == group.chosen_finished && time_of(snapshot) > time_of(*group.chosen));
            if (better) {
                group.chosen = &snapshot;
                group.chosen_finished = finished;
            }
        }
    }
    json list = json::array();
    for (const auto& [key, group] : groups) {
        json files = json::array();
        if (const auto it = group.chosen->find("files"); it != group.chosen->end() && it->is_array()) {
            for (const auto& file : *it) {
                files.push_back(file_name(file));
            }
        }
        json item = {{"backup-type", key.first},
                     {"backup-id", key.second},
                     {"last-backup", time_of(*group.chosen)},
                     {"backup-count", group.count},
                     {"files", files}};
        if (const auto owner = string_field(*group.chosen, "owner"); !owner.empty()) {
            item["owner"] = owner;
        }
        if (!group.comment.empty()) {
            item["comment"] = group.comment;
        }
        list.push_back(std::move(item));
    }
    return list;
}

int namespace_depth(const std::string& ns) { return static_cast<int>(components_of(ns).size()); }

std::vector<std::string> namespaces_of_snapshots(const json& all) {
    std::set<std::vector<std::string>> tree{{}};
    if (all.is_array()) {
        for (const auto& snapshot : all) {
            auto components = components_of(snapshot_namespace(snapshot));
            while (!components.empty()) {
                tree.insert(components);
                components.pop_back();
            }
        }
    }
    std::vector<std::string> names;
    names.reserve(tree.size());
    for (const auto& components : tree) {
        names.push_back(join(components, "/"));
    }
    return names;
}

json namespace_list(const std::vector<std::string>& known, const std::string& parent, std::optional<int> max_depth) {
    json list = json::array({json{{"ns", parent}}});
    const int parent_depth = namespace_depth(parent);
    for (const auto& ns : known) {
        if (ns == parent) {
            continue;
        }
        const bool below = parent.empty() ? !ns.empty() : ns.rfind(parent + "/", 0) == 0;
        if (!below || (max_depth && namespace_depth(ns) - parent_depth > *max_depth)) {
            continue;
        }
        list.push_back(json{{"ns", ns}});
    }
    return list;
}

json snapshot_counts(const json& all) {
    std::map<std::string, std::set<std::pair<std::string, std::string>>> groups;
    std::map<std::string, long long> snapshots;
    if (all.is_array()) {
        for (const auto& snapshot : all) {
            const std::string type = string_field(snapshot, "backup-type");
            groups[type].insert({snapshot_namespace(snapshot), string_field(snapshot, "backup-id")});
            ++snapshots[type];
        }
    }
    json counts = {{"other", nullptr}};
    for (const char* type : {"ct", "host", "vm"}) {
        if (snapshots.count(type) == 0) {
            counts[type] = nullptr;
        } else {
            counts[type] = {{"groups", groups[type].size()}, {"snapshots", snapshots[type]}};
        }
    }
    return counts;
}

} // namespace pvr::emulator
