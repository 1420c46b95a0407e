#include "collect/list_reader.hpp"
#include "collect/parse_keep_options.hpp"
#include "collect/pbs_parse.hpp"
#include "collect/time_window.hpp"

namespace pvr::collect {
namespace {

constexpr std::string_view datastore_config_endpoint = "GET /config/datastore";

/// The keep-* keys of an object (a job or a datastore configuration).
model::KeepOptions read_keep(const ObjectReader& item, std::vector<std::string>& warnings) {
    Json keep = Json::object();
    for (const char* key : {"keep-last", "keep-hourly", "keep-daily", "keep-weekly", "keep-monthly", "keep-yearly"}) {
        if (const Json* value = item.find(key)) {
            keep[key] = *value;
        }
    }
    std::vector<std::string> problems;
    model::KeepOptions options = keep_options_from_json(keep, problems);
    for (const auto& problem : problems) {
        warnings.push_back(item.where() + ": " + problem + " (ignored)");
    }
    return options;
}

} // namespace

std::vector<model::PbsPruneJob> parse_pbs_prune_jobs(std::string_view body, std::string_view endpoint,
                                                     std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, endpoint);
    return read_list<model::PbsPruneJob>(
        envelope.data, endpoint,
        [](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<model::PbsPruneJob> {
            const auto id = item.required_text("id");
            const auto store = item.required_text("store");
            if (item.failed()) {
                return std::nullopt;
            }
            if (!id || id->empty() || !store || store->empty()) {
                problems.push_back(item.where() + ": prune job without 'id' or 'store', skipped");
                return std::nullopt;
            }
            model::PbsPruneJob job;
            job.id = *id;
            job.store = *store;
            job.ns = item.text("ns").value_or("");
            job.max_depth = item.integer("max-depth");
            job.schedule = item.text("schedule");
            job.enabled = !item.boolean("disable").value_or(false);
            job.keep = read_keep(item, problems);
            job.last_run_state = item.text("last-run-state");
            job.last_run_endtime = read_time(item, "last-run-endtime", {}, Need::optional);
            job.next_run = read_time(item, "next-run", {}, Need::optional);
            return job;
        },
        warnings);
}

std::vector<PbsDatastoreConfig> parse_pbs_datastore_config(std::string_view body, std::vector<std::string>& warnings) {
    const Envelope envelope = parse_envelope(body, datastore_config_endpoint);
    return read_list<PbsDatastoreConfig>(
        envelope.data, datastore_config_endpoint,
        [](ObjectReader& item, std::vector<std::string>& problems) -> std::optional<PbsDatastoreConfig> {
            const auto name = item.required_text("name");
            if (item.failed()) {
                return std::nullopt;
            }
            if (!name || name->empty()) {
                problems.push_back(item.where() + ": datastore without 'name', skipped");
                return std::nullopt;
            }
            PbsDatastoreConfig config{*name, std::nullopt};
            model::KeepOptions keep = read_keep(item, problems);
            if (!keep.empty()) {
                model::PbsPruneJob job;
                job.id = "datastore-" + *name;
                job.store = *name;
                job.keep = std::move(keep);
                job.legacy_datastore_policy = true;
                job.schedule = item.text("prune-schedule");
                job.enabled = job.schedule.has_value(); // no schedule: the proxy never ran it
                config.legacy_policy = std::move(job);
            }
            return config;
        },
        warnings);
}

} // namespace pvr::collect
