#include "collect/parse_storage.hpp"

#include "collect/list_reader.hpp"
#include "collect/parse_keep_options.hpp"
#include "core/strings.hpp"

namespace pvr::collect {
namespace {

constexpr std::string_view endpoint = "GET /storage";

std::set<std::string> to_set(const std::string& list) {
    std::set<std::string> out;
    for (auto& item : split_list(list)) {
        out.insert(std::move(item));
    }
    return out;
}

model::PbsTarget read_pbs(ObjectReader& item, std::vector<std::string>& warnings) {
    model::PbsTarget pbs;
    pbs.server = item.text("server").value_or("");
    pbs.port = item.integer("port").value_or(8007);
    pbs.datastore = item.text("datastore").value_or("");
    pbs.ns = item.text("namespace").value_or("");
    pbs.fingerprint = item.text("fingerprint");
    pbs.username = item.text("username");
    // The key's fingerprint, or "1"; "0"/"" would mean no key.
    const auto key = item.text("encryption-key");
    pbs.encrypted = key && !key->empty() && *key != "0";
    if (pbs.server.empty() || pbs.datastore.empty()) {
        warnings.push_back(item.where() + ": PBS storage without 'server' or 'datastore'");
    }
    return pbs;
}

std::optional<model::Storage> read_storage(ObjectReader& item, std::vector<std::string>& problems) {
    const auto id = item.required_text("storage");
    if (item.failed()) {
        return std::nullopt;
    }
    if (!id || id->empty()) {
        problems.push_back(item.where() + ": storage without 'storage' id, skipped");
        return std::nullopt;
    }
    model::Storage storage;
    storage.id = *id;
    storage.type = item.required_text("type").value_or("");
    if (const auto content = item.text("content")) {
        storage.content = to_set(*content);
        storage.content.erase("none");
    }
    if (const auto nodes = item.text("nodes")) {
        storage.nodes = to_set(*nodes);
    }
    storage.enabled = !item.boolean("disable").value_or(false);
    storage.shared = item.boolean("shared").value_or(false);
    if (const Json* prune = item.find("prune-backups")) {
        std::vector<std::string> keep_problems;
        storage.prune_backups = keep_options_from_json(*prune, keep_problems);
        for (const auto& problem : keep_problems) {
            problems.push_back(item.where("prune-backups") + ": " + problem + " (ignored)");
        }
    }
    if (storage.is_pbs()) {
        storage.pbs = read_pbs(item, problems);
    }
    return storage;
}

} // namespace

std::vector<model::Storage> parse_storage(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    return read_list<model::Storage>(envelope.data, endpoint, read_storage, warnings);
}

} // namespace pvr::collect
