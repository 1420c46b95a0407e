#include "collect/parse_storage.hpp"

#include "collect/json_fields.hpp"
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

/// Runs `read`; a FieldError becomes a warning and the field keeps its default.
template <class Fn>
void optional_field(std::vector<std::string>& warnings, Fn&& read) {
    try {
        read();
    } catch (const FieldError& e) {
        warnings.push_back(std::string(e.what()) + " (ignored)");
    }
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

} // namespace

std::vector<model::Storage> parse_storage(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const Json& items = require_array(envelope.data, endpoint);
    std::vector<model::Storage> storages;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(endpoint, i));
            const auto id = item.text("storage");
            if (!id || id->empty()) {
                warnings.push_back(item.where() + ": storage without 'storage' id, skipped");
                continue;
            }
            model::Storage storage;
            storage.id = *id;
            storage.type = item.text("type").value_or("");
            optional_field(warnings, [&] {
                const auto content = item.text("content");
                if (content) {
                    storage.content = to_set(*content);
                    storage.content.erase("none");
                }
            });
            optional_field(warnings, [&] {
                if (const auto nodes = item.text("nodes")) {
                    storage.nodes = to_set(*nodes);
                }
            });
            optional_field(warnings, [&] { storage.enabled = !item.boolean("disable").value_or(false); });
            optional_field(warnings, [&] { storage.shared = item.boolean("shared").value_or(false); });
            if (const Json* prune = item.find("prune-backups")) {
                std::vector<std::string> problems;
                storage.prune_backups = keep_options_from_json(*prune, problems);
                for (const auto& problem : problems) {
                    warnings.push_back(item.where("prune-backups") + ": " + problem + " (ignored)");
                }
            }
            if (storage.is_pbs()) {
                storage.pbs = read_pbs(item, warnings);
            }
            storages.push_back(std::move(storage));
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (entry skipped)");
        }
    }
    return storages;
}

} // namespace pvr::collect
