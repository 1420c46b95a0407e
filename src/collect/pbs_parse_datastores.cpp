#include "collect/json_fields.hpp"
#include "collect/pbs_parse.hpp"

namespace pvr::collect {
namespace {

constexpr std::string_view datastores_endpoint = "GET /admin/datastore";
constexpr std::string_view usage_endpoint = "GET /status/datastore-usage";

/// total/used/avail when all three are present.
std::optional<model::StorageUsage> read_usage(const ObjectReader& item) {
    const auto total = item.integer("total");
    const auto used = item.integer("used");
    const auto avail = item.integer("avail");
    if (!total || !used || !avail) {
        return std::nullopt;
    }
    return model::StorageUsage{*total, *used, *avail};
}

} // namespace

std::vector<PbsDatastoreEntry> parse_pbs_datastores(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, datastores_endpoint);
    const Json& items = require_array(envelope.data, datastores_endpoint);
    std::vector<PbsDatastoreEntry> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(datastores_endpoint, i));
            const auto store = item.text("store");
            if (!store || store->empty()) {
                warnings.push_back(item.where() + ": datastore without 'store', skipped");
                continue;
            }
            PbsDatastoreEntry entry{*store, std::nullopt};
            try {
                entry.maintenance = item.text("maintenance");
            } catch (const FieldError& e) {
                warnings.push_back(std::string(e.what()) + " (ignored)");
            }
            out.push_back(std::move(entry));
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (entry skipped)");
        }
    }
    return out;
}

std::vector<PbsUsageEntry> parse_pbs_datastore_usage(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, usage_endpoint);
    const Json& items = require_array(envelope.data, usage_endpoint);
    std::vector<PbsUsageEntry> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(usage_endpoint, i));
            const auto store = item.text("store");
            if (!store || store->empty()) {
                warnings.push_back(item.where() + ": entry without 'store', skipped");
                continue;
            }
            PbsUsageEntry entry{*store, std::nullopt, item.text("error")};
            if (!entry.error) {
                entry.usage = read_usage(item);
            }
            out.push_back(std::move(entry));
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (entry skipped)");
        }
    }
    return out;
}

std::optional<model::StorageUsage> parse_pbs_datastore_status(std::string_view body, std::string_view endpoint) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const ObjectReader data(envelope.data, std::string(endpoint) + ": data");
    const auto usage = read_usage(data);
    if (!usage || (usage->total == 0 && usage->used == 0 && usage->avail == 0)) {
        return std::nullopt;
    }
    return usage;
}

std::vector<std::string> parse_pbs_namespaces(std::string_view body, std::string_view endpoint,
                                              std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    const Json& items = require_array(envelope.data, endpoint);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(endpoint, i));
            out.push_back(item.text("ns").value_or("")); // the root may come as "" or without `ns`
        } catch (const FieldError& e) {
            warnings.push_back(std::string(e.what()) + " (entry skipped)");
        }
    }
    return out;
}

} // namespace pvr::collect
