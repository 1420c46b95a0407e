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

model::PbsTarget read_pbs(const ObjectReader& item, std::vector<std::string>& warnings) {
    model::PbsTarget pbs;
    optional_field(warnings, [&] { pbs.server = item.text("server").value_or(""); });
    optional_field(warnings, [&] { pbs.port = item.integer("port").value_or(8007); });
    optional_field(warnings, [&] { pbs.datastore = item.text("datastore").value_or(""); });
    optional_field(warnings, [&] { pbs.ns = item.text("namespace").value_or(""); });
    optional_field(warnings, [&] { pbs.fingerprint = item.text("fingerprint"); });
    optional_field(warnings, [&] { pbs.username = item.text("username"); });
    optional_field(warnings, [&] {
        // The key's fingerprint, or "1"; "0"/"" would mean no key.
        const auto key = item.text("encryption-key");
        pbs.encrypted = key && !key->empty() && *key != "0";
    });
    if (pbs.server.empty() || pbs.datastore.empty()) {
        warnings.push_back(item.where() + ": PBS storage without 'server' or 'datastore'");
    }
    return pbs;
}

std::optional<model::Storage> read_storage(const ObjectReader& item, std::vector<std::string>& problems) {
    const auto id = item.text("storage");
    if (!id || id->empty()) {
        problems.push_back(item.where() + ": storage without 'storage' id, skipped");
        return std::nullopt;
    }
    model::Storage storage;
    storage.id = *id;
    storage.type = item.text("type").value_or("");
    optional_field(problems, [&] {
        const auto content = item.text("content");
        if (content) {
            storage.content = to_set(*content);
            storage.content.erase("none");
        }
    });
    optional_field(problems, [&] {
        if (const auto nodes = item.text("nodes")) {
            storage.nodes = to_set(*nodes);
        }
    });
    optional_field(problems, [&] { storage.enabled = !item.boolean("disable").value_or(false); });
    optional_field(problems, [&] { storage.shared = item.boolean("shared").value_or(false); });
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
