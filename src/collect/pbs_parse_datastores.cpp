#include "collect/list_reader.hpp"
#include "collect/pbs_parse.hpp"

namespace pvr::collect {
namespace {

constexpr std::string_view datastores_endpoint = "GET /admin/datastore";
constexpr std::string_view usage_endpoint = "GET /status/datastore-usage";

/// total/used/avail when all three are present.
std::optional<model::StorageUsage> read_usage(ObjectReader& item) {
    const auto total = item.required_integer("total");
    const auto used = item.required_integer("used");
    const auto avail = item.required_integer("avail");
    if (!total || !used || !avail) {
        return std::nullopt;
    }
    return model::StorageUsage{*total, *used, *avail};
}

} // namespace

std::vector<PbsDatastoreEntry> parse_pbs_datastores(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, datastores_endpoint);
    return read_list<PbsDatastoreEntry>(
        envelope.data, datastores_endpoint,
        [](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<PbsDatastoreEntry> {
            const auto store = item.required_text("store");
            if (item.failed()) {
                return std::nullopt;
            }
            if (!store || store->empty()) {
                problems.push_back(item.where() + ": datastore without 'store', skipped");
                return std::nullopt;
            }
            PbsDatastoreEntry entry{*store, std::nullopt};
            entry.maintenance = item.text("maintenance");
            return entry;
        },
        warnings);
}

std::vector<PbsUsageEntry> parse_pbs_datastore_usage(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, usage_endpoint);
    return read_list<PbsUsageEntry>(
        envelope.data, usage_endpoint,
        [](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<PbsUsageEntry> {
            const auto store = item.required_text("store");
            if (item.failed()) {
                return std::nullopt;
            }
            if (!store || store->empty()) {
                problems.push_back(item.where() + ": entry without 'store', skipped");
                return std::nullopt;
            }
            PbsUsageEntry entry{*store, std::nullopt, item.required_text("error")};
            if (!entry.error) {
                entry.usage = read_usage(item);
                if (entry.usage) {
                    // PBS's own forecast (absent: fewer than 7 history points; 0 or a past date: not
                    // growing). A value of the wrong type is a problem of this entry, never a silent drop.
                    entry.usage->estimated_full_date = item.integer("estimated-full-date");
                }
            }
            return entry;
        },
        warnings);
}

std::optional<model::StorageUsage> parse_pbs_datastore_status(std::string_view body, std::string_view endpoint) {
    const Envelope envelope = parse_envelope(body, endpoint);
    StrictAnswer answer;
    ObjectReader data(require_object(envelope.data, endpoint), std::string(endpoint) + ": data", answer.sink());
    const auto usage = read_usage(data);
    answer.throw_if_any();
    if (!usage || (usage->total == 0 && usage->used == 0 && usage->avail == 0)) {
        return std::nullopt;
    }
    return usage;
}

std::vector<std::string> parse_pbs_namespaces(std::string_view body, std::string_view endpoint,
                                              std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    return read_list<std::string>(
        envelope.data, endpoint,
        [](ObjectReader& item, std::vector<std::string>&) -> std::optional<std::string> {
            return item.required_text("ns").value_or(""); // the root may come as "" or without `ns`
        },
        warnings);
}

} // namespace pvr::collect
