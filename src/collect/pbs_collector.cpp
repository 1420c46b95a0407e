#include "collect/pbs_collector.hpp"

#include "collect/collapse_issues.hpp"
#include "collect/fetch.hpp"
#include "collect/issue_facts.hpp"
#include "collect/issues.hpp"
#include "collect/parse_permissions.hpp"
#include "collect/pbs_parse.hpp"
#include "collect/pbs_snapshot_stream.hpp"
#include "collect/pbs_targets.hpp"
#include "collect/url_encode.hpp"
#include "collect/worker_pool.hpp"
#include "core/json_text.hpp"
#include "core/strings.hpp"

#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace pvr::collect {
namespace {

using model::IssueSeverity;

constexpr std::size_t max_warnings_per_answer = 20;

std::shared_ptr<spdlog::logger> collect_logger() {
    if (auto logger = spdlog::get("collect")) {
        return logger;
    }
    static const auto fallback =
        std::make_shared<spdlog::logger>("collect", std::make_shared<spdlog::sinks::null_sink_mt>());
    return fallback;
}

/// "storage a" / "storages a, b".
std::string storages_text(const std::vector<std::string>& ids) {
    return (ids.size() == 1 ? "storage " : "storages ") + join(ids, ", ");
}

/// The parameter naming the storages whose snapshots were not collected (a list).
constexpr const char* storages_param = "storages";

/// "the snapshots of storage a were not collected".
std::string not_collected(const std::vector<std::string>& ids) {
    return "the snapshots of " + storages_text(ids) + " were not collected";
}

std::string namespace_text(std::string_view ns) {
    return ns.empty() ? std::string("root namespace") : "namespace '" + std::string(ns) + "'";
}

ErrorKind kind_of(const std::exception& e) {
    const auto* error = dynamic_cast<const Error*>(&e);
    return error != nullptr ? error->kind() : ErrorKind::internal;
}

bool is_not_found(const std::exception& e) {
    const auto* http = dynamic_cast<const http::HttpError*>(&e);
    return (http != nullptr && (http->status() == 404 || http->status() == 501)) ||
           kind_of(e) == ErrorKind::not_implemented;
}

/// Issues of one server or storage, appended to the inventory in a fixed order at the end.
struct IssueList {
    std::vector<model::CollectionIssue> issues;

    void add(IssueSeverity severity, std::string source, std::optional<std::string> endpoint, std::string message,
             model::Fact fact) {
        collect_logger()->debug("collection issue [{}] {}: {}", source, endpoint.value_or("-"), message);
        issues.push_back(model::CollectionIssue{severity, std::move(source), std::move(endpoint), std::move(message),
                                                std::move(fact)});
    }

    void add_warnings(const std::string& source, const std::string& endpoint,
                      const std::vector<std::string>& warnings) {
        record_warnings(warnings, endpoint, max_warnings_per_answer, [&](std::string message, model::Fact fact) {
            add(IssueSeverity::warning, source, endpoint, std::move(message), std::move(fact));
        });
    }
};

/// One request and how its failure is reported.
struct Call {
    std::string path;
    http::Query query;
    std::string source;    // "pbs/<host:port>" or "pbs/<storage>"
    std::string what;      // "<what> could not be read: ..."
    std::string privilege; // for 403 hints: "Datastore.Audit on /datastore/store1"
    IssueSeverity severity = IssueSeverity::warning;
    /// Returns true when it handled the failure itself (no issue is added then).
    std::function<bool(const std::exception&)> on_failure;
};

/// Everything about one server (one connection).
struct ServerState {
    PbsTargetGroup group;
    std::vector<std::string> storage_ids;
    std::vector<std::string> datastores; // needed by the storages, in order of first use
    std::unique_ptr<http::Client> client;
    model::PbsServer server;
    std::set<std::string> invisible; // datastores not in /admin/datastore
    IssueList issues;

    std::mutex permissions_mutex;
    std::map<std::string, std::optional<Permissions>> permissions; // by ACL path

    /// The storages of a datastore.
    [[nodiscard]] std::vector<std::string> storages_of(const std::string& store) const {
        std::vector<std::string> ids;
        for (const auto& target : group.storages) {
            if (target.datastore == store) {
                ids.push_back(target.storage);
            }
        }
        return ids;
    }
    /// Source of a datastore-level issue: the storage when only one uses it, else the server.
    [[nodiscard]] std::string datastore_source(const std::string& store) const {
        const auto ids = storages_of(store);
        return ids.size() == 1 ? "pbs/" + ids.front() : group.connection.source;
    }
    [[nodiscard]] const std::string& url() const { return group.connection.url; }
};

/// One storage's snapshot listing.
struct StorageTask {
    ServerState* server;
    const PbsStorageTarget* target;
    model::PbsStorageContent* content;
    IssueList issues;
};

class PbsCollection {
public:
    PbsCollection(model::Inventory& inventory, const config::Config& config, const PbsClientFactory& factory,
                  const PbsCollectorOptions& options)
        : m_inventory(inventory), m_config(config), m_factory(factory),
          m_parallelism(std::max<std::size_t>(options.parallelism, 1)), m_read_snapshots(options.read_snapshots),
          m_times(options.now ? TimeWindow::around(*options.now) : TimeWindow{}) {}

    void run();

private:
    template <class T, class Parse>
    std::optional<T> fetch_parsed(ServerState& state, IssueList& issues, const Call& call, Parse&& parse);

    void read_server(ServerState& state);
    bool read_version(ServerState& state);
    void read_datastores(ServerState& state);
    void read_usage(ServerState& state);
    void read_namespaces(ServerState& state);
    void read_prune_jobs(ServerState& state);
    void read_legacy_prune_policy(ServerState& state);
    void check_prune_visibility(ServerState& state);
    void read_snapshots(StorageTask& task);
    /// Whether the token has any of `privileges` on `acl_path` (GET /access/permissions?path=...),
    /// nullopt when that could not be read. Cached per server.
    std::optional<bool> has_privilege(ServerState& state, const std::string& acl_path,
                                      std::initializer_list<const char*> privileges);
    std::string version_failure(const ServerState& state, const std::exception& e) const;
    static model::Fact version_failure_fact(const ServerState& state, const std::exception& e);

    model::Inventory& m_inventory;
    const config::Config& m_config;
    const PbsClientFactory& m_factory;
    std::size_t m_parallelism;
    bool m_read_snapshots;
    TimeWindow m_times; // plausible snapshot times
};

/// "GET /x: 2 invalid UTF-8 sequences replaced by U+FFFD", as fetch_parsed notes them.
void record_utf8_repairs(IssueList& issues, const Call& call, std::size_t replaced) {
    if (replaced > 0) {
        issues.add(IssueSeverity::warning, call.source, call.path, invalid_utf8_message("GET " + call.path, replaced),
                   invalid_utf8_fact(call.path, replaced));
    }
}

template <class T, class Parse>
std::optional<T> PbsCollection::fetch_parsed(ServerState& state, IssueList& issues, const Call& call, Parse&& parse) {
    std::vector<std::string> warnings;
    auto result = fetch_and_parse<T>(
        *state.client, call.path, call.query, std::forward<Parse>(parse), warnings,
        [&](FetchStage stage, const Error& e) {
            if (stage == FetchStage::parse) {
                issues.add(call.severity, call.source, call.path, call.what + " could not be read: " + e.what(),
                           unusable_answer_fact(call.path, e));
            } else if (!call.on_failure || !call.on_failure(e)) {
                issues.add(call.severity, call.source, call.path, failure_message(call.what, e, call.privilege),
                           failure_fact(call.path, e, call.privilege));
            }
        },
        [&](std::string& body) {
            if (const std::size_t replaced = repair_utf8(body); replaced > 0) {
                issues.add(IssueSeverity::warning, call.source, call.path,
                           invalid_utf8_message("GET " + call.path, replaced), invalid_utf8_fact(call.path, replaced));
            }
        });
    issues.add_warnings(call.source, call.path, warnings);
    return result;
}

// ---------------------------------------------------------------------------------------------
// server level

std::string PbsCollection::version_failure(const ServerState& state, const std::exception& e) const {
    const PbsConnection& connection = state.group.connection;
    const std::string tail = "; " + not_collected(state.storage_ids);
    const std::string what = e.what();
    switch (kind_of(e)) {
    case ErrorKind::unauthenticated:
        return "PBS " + state.url() + " refused the API token " + connection.token_id + " (" + describe_failure(e) +
               "): check " + connection.token_variable + " and " + connection.secret_variable() +
               " (wrong secret, token expired or deleted, or user disabled)" + tail;
    case ErrorKind::tls:
        if (connection.fingerprint && what.find("fingerprint") != std::string::npos) {
            const PbsStorageTarget& first = state.group.storages.front();
            const bool from_override = first.fingerprint_origin.rfind("PBS_", 0) == 0;
            const std::string fix = from_override
                                        ? "update " + first.fingerprint_origin
                                        : "update the fingerprint of storage " + first.storage + " (or set " +
                                              config::pbs_override_variable(first.storage, "FINGERPRINT") + ")";
            return (from_override ? first.fingerprint_origin + " (" + *connection.fingerprint + "), used for storage " +
                                        first.storage + ","
                                  : first.fingerprint_origin + " (" + *connection.fingerprint + ")") +
                   " does not match the TLS certificate of PBS " + state.url() + " (" + what +
                   "): the certificate was probably renewed or replaced; " + fix + tail;
        }
        return "the TLS certificate of PBS " + state.url() + " is not trusted (" + what + ")" + tail;
    case ErrorKind::unreachable:
    case ErrorKind::timeout:
        return "PBS " + state.url() + " could not be reached (" + describe_failure(e) + ")" + tail;
    case ErrorKind::invalid_response:
        return "PBS " + state.url() + " did not answer like a Proxmox Backup Server (" + what + ")" + tail;
    default:
        return "GET /version on PBS " + state.url() + " failed (" + describe_failure(e) + ")" + tail;
    }
}

model::Fact PbsCollection::version_failure_fact(const ServerState& state, const std::exception& e) {
    const PbsConnection& connection = state.group.connection;
    const auto with_server = [&](const char* kind) { return fact_of(kind).add_text("server", state.url()); };
    const auto storages = [&](model::Fact fact) {
        return fact.add(storages_param, model::FactParam::Type::list, list_value(state.storage_ids));
    };
    const std::string what = e.what();
    switch (kind_of(e)) {
    case ErrorKind::unauthenticated:
        return storages(with_server("pbs_token_refused")
                            .add_text("token", connection.token_id)
                            .add_text("reason", describe_failure(e))
                            .add_text("token_variable", connection.token_variable)
                            .add_text("secret_variable", connection.secret_variable()));
    case ErrorKind::tls:
        if (connection.fingerprint && what.find("fingerprint") != std::string::npos) {
            const PbsStorageTarget& first = state.group.storages.front();
            const bool from_override = first.fingerprint_origin.rfind("PBS_", 0) == 0;
            return storages(
                with_server(from_override ? "pbs_fingerprint_override_mismatch" : "pbs_fingerprint_mismatch")
                    .add_text("fingerprint", *connection.fingerprint)
                    .add_text("storage", first.storage)
                    .add_text("variable", from_override ? first.fingerprint_origin
                                                        : config::pbs_override_variable(first.storage, "FINGERPRINT"))
                    .add_text("detail", what));
        }
        return storages(with_server("pbs_certificate_untrusted").add_text("detail", what));
    case ErrorKind::unreachable:
    case ErrorKind::timeout:
        return storages(with_server("pbs_unreachable").add_text("reason", describe_failure(e)));
    case ErrorKind::invalid_response:
        return storages(with_server("pbs_not_pbs").add_text("detail", what));
    default:
        return storages(with_server("pbs_version_failed").add_text("reason", describe_failure(e)));
    }
}

bool PbsCollection::read_version(ServerState& state) {
    const std::string& source = state.group.connection.source;
    try {
        state.client = m_factory(state.group.connection);
        if (!state.client) {
            throw Error(ErrorKind::internal, "no client");
        }
    } catch (const Error& e) {
        state.issues.add(IssueSeverity::error, source, std::nullopt,
                         "PBS " + state.url() + ": the HTTP client could not be set up (" + e.what() + "); " +
                             not_collected(state.storage_ids),
                         fact_of("pbs_client_failed")
                             .add_text("server", state.url())
                             .add_text("detail", e.what())
                             .add(storages_param, model::FactParam::Type::list, list_value(state.storage_ids)));
        return false;
    }
    try {
        const PbsVersion version = parse_pbs_version(state.client->get("/version").body);
        state.server.version = version.text();
    } catch (const Error& e) {
        state.server.token_refused = e.kind() == ErrorKind::unauthenticated;
        state.issues.add(IssueSeverity::error, source, "/version", version_failure(state, e),
                         version_failure_fact(state, e));
        return false;
    }
    state.server.reachable = true;
    collect_logger()->debug("PBS {}: version {}", state.url(), state.server.version.value_or("?"));
    return true;
}

void PbsCollection::read_datastores(ServerState& state) {
    Call call{"/admin/datastore",     {}, state.group.connection.source, "datastore list of PBS " + state.url(), "",
              IssueSeverity::warning, {}};
    const auto listed = fetch_parsed<std::vector<PbsDatastoreEntry>>(
        state, state.issues, call,
        [](std::string_view body, auto& warnings) { return parse_pbs_datastores(body, warnings); });
    for (const auto& store : state.datastores) {
        model::PbsDatastore& datastore = state.server.datastores[store];
        datastore.name = store;
        if (!listed) {
            continue; // unknown: try the store anyway
        }
        const auto it = std::find_if(listed->begin(), listed->end(),
                                     [&](const PbsDatastoreEntry& entry) { return entry.name == store; });
        if (it == listed->end()) {
            state.invisible.insert(store);
            state.issues.add(
                IssueSeverity::error, state.datastore_source(store), "/admin/datastore",
                "datastore '" + store + "' is not visible on PBS " + state.url() +
                    ": it does not exist, or the token probably lacks Datastore.Audit on /datastore/" + store + "; " +
                    not_collected(state.storages_of(store)),
                fact_of("datastore_invisible")
                    .add_text("datastore", store)
                    .add_text("server", state.url())
                    .add(storages_param, model::FactParam::Type::list, list_value(state.storages_of(store))));
            continue;
        }
        datastore.maintenance = it->maintenance;
    }
}

void PbsCollection::read_usage(ServerState& state) {
    const auto not_visible = [&](const std::string& store, const std::string& endpoint) {
        state.issues.add(IssueSeverity::warning, state.datastore_source(store), endpoint,
                         "usage of datastore '" + store + "' on PBS " + state.url() +
                             " is not visible: the token probably lacks Datastore.Audit on /datastore/" + store,
                         fact_of("datastore_usage_hidden")
                             .add_text("datastore", store)
                             .add_text("server", state.url())
                             .add_text("privilege", "Datastore.Audit")
                             .add_text("path", "/datastore/" + store));
    };
    std::optional<std::vector<PbsUsageEntry>> entries;
    try {
        std::vector<std::string> warnings;
        entries = parse_pbs_datastore_usage(state.client->get("/status/datastore-usage").body, warnings);
        state.issues.add_warnings(state.group.connection.source, "/status/datastore-usage", warnings);
    } catch (const Error& e) {
        collect_logger()->debug("PBS {}: /status/datastore-usage failed ({}), reading each datastore's status",
                                state.url(), e.what());
    }
    for (const auto& store : state.datastores) {
        if (state.invisible.count(store) > 0) {
            continue;
        }
        model::PbsDatastore& datastore = state.server.datastores[store];
        if (entries) {
            const auto it = std::find_if(entries->begin(), entries->end(),
                                         [&](const PbsUsageEntry& entry) { return entry.store == store; });
            if (it == entries->end() || (!it->usage && !it->error)) {
                not_visible(store, "/status/datastore-usage");
            } else if (it->error) {
                state.issues.add(IssueSeverity::warning, state.datastore_source(store), "/status/datastore-usage",
                                 "usage of datastore '" + store + "' on PBS " + state.url() +
                                     " could not be read: " + *it->error,
                                 fact_of("datastore_usage_error")
                                     .add_text("datastore", store)
                                     .add_text("server", state.url())
                                     .add_text("reason", *it->error));
            } else {
                datastore.usage = it->usage;
            }
            continue;
        }
        const std::string path = "/admin/datastore/" + url_encode(store) + "/status";
        Call call{path,
                  {},
                  state.datastore_source(store),
                  "usage of datastore '" + store + "' on PBS " + state.url(),
                  "Datastore.Audit on /datastore/" + store,
                  IssueSeverity::warning,
                  {}};
        bool zeros = false;
        const auto usage = fetch_parsed<std::optional<model::StorageUsage>>(
            state, state.issues, call, [&](std::string_view body, auto&) {
                auto parsed = parse_pbs_datastore_status(body, "GET " + path);
                zeros = !parsed;
                return parsed;
            });
        if (usage && *usage) {
            datastore.usage = **usage;
        } else if (usage && zeros) {
            not_visible(store, path);
        }
    }
}

void PbsCollection::read_namespaces(ServerState& state) {
    for (const auto& store : state.datastores) {
        if (state.invisible.count(store) > 0) {
            continue;
        }
        const std::string path = "/admin/datastore/" + url_encode(store) + "/namespace";
        bool legacy = false;
        Call call{path,
                  {},
                  state.datastore_source(store),
                  "namespaces of datastore '" + store + "' on PBS " + state.url(),
                  "Datastore.Audit on /datastore/" + store,
                  IssueSeverity::warning,
                  [&](const std::exception& e) { return legacy = is_not_found(e); }};
        auto namespaces = fetch_parsed<std::vector<std::string>>(
            state, state.issues, call,
            [&](std::string_view body, auto& warnings) { return parse_pbs_namespaces(body, "GET " + path, warnings); });
        model::PbsDatastore& datastore = state.server.datastores[store];
        if (legacy) {
            datastore.namespaces = {""}; // PBS < 2.2: no namespaces, everything is in the root
        } else if (namespaces) {
            datastore.namespaces = std::move(*namespaces);
        } else {
            continue;
        }
        for (const auto& target : state.group.storages) {
            if (target.datastore == store && std::find(datastore.namespaces.begin(), datastore.namespaces.end(),
                                                       target.ns) == datastore.namespaces.end()) {
                state.issues.add(IssueSeverity::warning, "pbs/" + target.storage, path,
                                 "namespace '" + target.ns + "' of storage " + target.storage +
                                     " is not among the namespaces of datastore '" + store + "' on PBS " + state.url() +
                                     ": it does not exist, or the token lacks Datastore.Audit on " +
                                     pbs_acl_path(store, target.ns),
                                 fact_of("namespace_missing")
                                     .add_text("namespace", target.ns)
                                     .add_text("storage", target.storage)
                                     .add_text("datastore", store)
                                     .add_text("server", state.url())
                                     .add_text("privilege", "Datastore.Audit")
                                     .add_text("path", pbs_acl_path(store, target.ns)));
            }
        }
    }
}

void PbsCollection::read_prune_jobs(ServerState& state) {
    const std::string& source = state.group.connection.source;
    const std::string what = "prune jobs of PBS " + state.url();
    const std::string privilege = "Datastore.Audit on /datastore/" + join(state.datastores, ", /datastore/");
    bool legacy = false;
    const auto parse_jobs = [](const std::string& path) {
        return [path](std::string_view body, auto& warnings) {
            return parse_pbs_prune_jobs(body, "GET " + path, warnings);
        };
    };
    Call admin{"/admin/prune", {}, source, what, privilege, IssueSeverity::warning, [&](const std::exception& e) {
                   legacy = is_not_found(e);
                   return true; // reported below, after the fallback
               }};
    auto jobs = fetch_parsed<std::vector<model::PbsPruneJob>>(state, state.issues, admin, parse_jobs(admin.path));
    if (!jobs && !legacy) {
        Call config{"/config/prune", {}, source, what, privilege, IssueSeverity::warning, [&](const std::exception& e) {
                        return legacy = is_not_found(e);
                    }};
        jobs = fetch_parsed<std::vector<model::PbsPruneJob>>(state, state.issues, config, parse_jobs(config.path));
    }
    if (legacy) {
        read_legacy_prune_policy(state);
        return;
    }
    if (!jobs) {
        return; // reported; prune_jobs stays nullopt
    }
    state.server.prune_jobs = std::move(*jobs);
    check_prune_visibility(state);
}

void PbsCollection::read_legacy_prune_policy(ServerState& state) {
    collect_logger()->debug("PBS {}: no prune jobs (PBS < 2.2.2), reading the datastores' keep-* options", state.url());
    Call call{"/config/datastore",
              {},
              state.group.connection.source,
              "datastore configuration of PBS " + state.url() + " (PBS < 2.2.2 keeps its retention there)",
              "Datastore.Audit on /datastore/" + join(state.datastores, ", /datastore/"),
              IssueSeverity::warning,
              {}};
    const auto configs = fetch_parsed<std::vector<PbsDatastoreConfig>>(
        state, state.issues, call,
        [](std::string_view body, auto& warnings) { return parse_pbs_datastore_config(body, warnings); });
    if (!configs) {
        return;
    }
    std::vector<model::PbsPruneJob> jobs;
    bool complete = true;
    for (const auto& store : state.datastores) {
        const auto it = std::find_if(configs->begin(), configs->end(),
                                     [&](const PbsDatastoreConfig& config) { return config.name == store; });
        if (it == configs->end()) {
            complete = false;
            state.issues.add(IssueSeverity::warning, state.datastore_source(store), "/config/datastore",
                             "the retention of datastore '" + store + "' on PBS " + state.url() +
                                 " (PBS < 2.2.2: keep-* options of the datastore) is not visible: the token probably "
                                 "lacks Datastore.Audit on /datastore/" +
                                 store,
                             fact_of("datastore_retention_hidden")
                                 .add_text("datastore", store)
                                 .add_text("server", state.url())
                                 .add_text("privilege", "Datastore.Audit")
                                 .add_text("path", "/datastore/" + store));
            continue;
        }
        if (it->legacy_policy) {
            jobs.push_back(*it->legacy_policy);
        }
    }
    if (complete) {
        state.server.prune_jobs = std::move(jobs);
    }
}

void PbsCollection::check_prune_visibility(ServerState& state) {
    // PBS lists only the jobs on whose path the token has Datastore.Audit or Modify: without it on
    // the datastore, a job of the root (covering every namespace) may be hidden.
    bool complete = true;
    for (const auto& store : state.datastores) {
        if (state.invisible.count(store) > 0) {
            continue;
        }
        const std::string acl = pbs_acl_path(store, "");
        if (has_privilege(state, acl, {"Datastore.Audit", "Datastore.Modify"}) == false) {
            complete = false;
            state.issues.add(IssueSeverity::warning, state.datastore_source(store), "/admin/prune",
                             "the prune jobs of datastore '" + store + "' on PBS " + state.url() +
                                 " may be hidden: the token lacks Datastore.Audit on " + acl +
                                 " (PBS lists only the jobs the token may audit); the PBS-side retention is unknown",
                             fact_of("prune_jobs_hidden")
                                 .add_text("datastore", store)
                                 .add_text("server", state.url())
                                 .add_text("privilege", "Datastore.Audit")
                                 .add_text("path", acl));
        }
    }
    if (!complete) {
        state.server.prune_jobs.reset();
    }
}

std::optional<bool> PbsCollection::has_privilege(ServerState& state, const std::string& acl_path,
                                                 std::initializer_list<const char*> privileges) {
    std::optional<Permissions> permissions;
    {
        const std::lock_guard lock(state.permissions_mutex);
        const auto it = state.permissions.find(acl_path);
        if (it != state.permissions.end()) {
            permissions = it->second;
        } else {
            try {
                std::vector<std::string> warnings;
                permissions =
                    parse_permissions(state.client->get("/access/permissions", {{"path", acl_path}}).body, warnings);
            } catch (const Error& e) {
                collect_logger()->debug("PBS {}: permissions on {} could not be read: {}", state.url(), acl_path,
                                        e.what());
            }
            state.permissions.emplace(acl_path, permissions);
        }
    }
    if (!permissions) {
        return std::nullopt;
    }
    return std::any_of(privileges.begin(), privileges.end(),
                       [&](const char* privilege) { return permissions->has(privilege, acl_path); });
}

void PbsCollection::read_server(ServerState& state) {
    if (!read_version(state)) {
        return;
    }
    Call time{"/nodes/localhost/time", {}, state.group.connection.source, "time zone of PBS " + state.url(), "",
              IssueSeverity::warning,  {}};
    const auto zone =
        fetch_parsed<std::optional<std::string>>(state, state.issues, time, [&](std::string_view body, auto&) {
            return parse_time_zone(body, "GET /nodes/localhost/time");
        });
    if (zone) {
        state.server.time_zone = *zone;
    }
    read_datastores(state);
    read_usage(state);
    read_namespaces(state);
    read_prune_jobs(state);
}

// ---------------------------------------------------------------------------------------------
// storage level

void PbsCollection::read_snapshots(StorageTask& task) {
    ServerState& state = *task.server;
    const PbsStorageTarget& target = *task.target;
    if (!state.server.reachable || state.invisible.count(target.datastore) > 0) {
        return; // reported at server or datastore level
    }
    const std::string source = "pbs/" + target.storage;
    const std::string acl = pbs_acl_path(target.datastore, target.ns);
    const std::string path = "/admin/datastore/" + url_encode(target.datastore) + "/snapshots";
    http::Query query;
    if (!target.ns.empty()) {
        query.emplace_back("ns", target.ns); // only the storage's namespace: never another cluster's
    }
    const std::string where = "datastore '" + target.datastore + "', " + namespace_text(target.ns);
    Call call{path,
              query,
              source,
              "snapshots of storage " + target.storage + " (" + where + ") on PBS " + state.url(),
              "Datastore.Audit on " + acl,
              IssueSeverity::error,
              {}};
    // Streamed: each snapshot is read as the listing arrives, the body is never held whole.
    SnapshotListReader reader("GET " + path, target.ns, m_times);
    try {
        (void)state.client->get_streamed(path, query, reader);
    } catch (const Error& e) {
        task.issues.add(call.severity, call.source, call.path, failure_message(call.what, e, call.privilege),
                        failure_fact(call.path, e, call.privilege));
        return;
    }
    std::optional<std::vector<model::PbsSnapshot>> snapshots;
    try {
        reader.finish();
        snapshots = reader.take_snapshots();
    } catch (const Error& e) { // the listing is unusable: not JSON, cut, no data list
        record_utf8_repairs(task.issues, call, reader.replaced_invalid_utf8());
        task.issues.add(call.severity, call.source, call.path, call.what + " could not be read: " + e.what(),
                        unusable_answer_fact(call.path, e));
        return;
    }
    record_utf8_repairs(task.issues, call, reader.replaced_invalid_utf8());
    task.issues.add_warnings(call.source, call.path, reader.problems());
    const std::size_t foreign = reader.other_namespace();
    if (foreign > 0) {
        collect_logger()->debug("storage {}: {} snapshots of other namespaces left out", target.storage, foreign);
    }
    if (snapshots->empty()) {
        // Without Datastore.Audit PBS lists only the groups the token owns: an empty list proves nothing.
        const auto audit = has_privilege(state, acl, {"Datastore.Audit"});
        if (audit != true) {
            task.issues.add(IssueSeverity::warning, source, path,
                            "the snapshot list of storage " + target.storage + " (" + where + ") on PBS " +
                                state.url() + " is empty and " +
                                (audit ? "the token lacks Datastore.Audit on " + acl
                                       : "the token's privileges on " + acl + " could not be checked") +
                                ": PBS hides the backup groups the token does not own, so the list may be "
                                "filtered; its snapshots are counted as unknown",
                            fact_of(audit ? "snapshots_filtered" : "snapshots_unchecked")
                                .add_text("storage", target.storage)
                                .add_text("datastore", target.datastore)
                                .add_text("namespace", target.ns)
                                .add_text("server", state.url())
                                .add_text("privilege", "Datastore.Audit")
                                .add_text("path", acl));
            return;
        }
    }
    task.content->snapshots = std::move(*snapshots);
    task.content->collected = true;
}

// ---------------------------------------------------------------------------------------------

void PbsCollection::run() {
    m_inventory.pbs_configured = m_config.pbs_configured();
    if (!m_inventory.pbs_configured) {
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    std::vector<model::CollectionIssue> resolve_issues;
    std::vector<PbsStorageTarget> targets;
    for (const auto& storage : m_inventory.storages) {
        if (!storage.is_pbs()) {
            continue;
        }
        model::PbsStorageContent& content = m_inventory.pbs_content[storage.id];
        content.storage = storage.id;
        std::string problem;
        model::Fact fact;
        auto target = resolve_pbs_target(storage, m_config, problem, &fact);
        if (!target) {
            resolve_issues.push_back({IssueSeverity::error, "pbs/" + storage.id, std::nullopt, problem, fact});
            continue;
        }
        content.server_url = target->connection.url;
        targets.push_back(std::move(*target));
    }

    std::vector<std::unique_ptr<ServerState>> servers;
    for (auto& group : group_pbs_targets(std::move(targets))) {
        auto state = std::make_unique<ServerState>();
        state->group = std::move(group);
        state->server.url = state->group.connection.url;
        for (const auto& target : state->group.storages) {
            state->storage_ids.push_back(target.storage);
            if (std::find(state->datastores.begin(), state->datastores.end(), target.datastore) ==
                state->datastores.end()) {
                state->datastores.push_back(target.datastore);
            }
        }
        state->server.storages = state->storage_ids;
        servers.push_back(std::move(state));
    }

    // 1. Each server: version, time zone, datastores, usage, namespaces, prune jobs.
    parallel_for_each(servers.size(), m_parallelism, [&](std::size_t i) { read_server(*servers[i]); });
    // 2. Each storage's snapshot list, over all servers at once.
    std::vector<StorageTask> tasks;
    for (auto& state : servers) {
        for (const auto& target : state->group.storages) {
            if (!m_read_snapshots) {
                break;
            }
            tasks.push_back(StorageTask{state.get(), &target, &m_inventory.pbs_content[target.storage], {}});
        }
    }
    parallel_for_each(tasks.size(), m_parallelism, [&](std::size_t i) { read_snapshots(tasks[i]); });

    // Issues in a fixed order: storages that could not be resolved, servers, storages.
    auto& issues = m_inventory.issues;
    issues.insert(issues.end(), resolve_issues.begin(), resolve_issues.end());
    for (auto& state : servers) {
        issues.insert(issues.end(), state->issues.issues.begin(), state->issues.issues.end());
    }
    for (auto& task : tasks) {
        issues.insert(issues.end(), task.issues.issues.begin(), task.issues.issues.end());
    }
    issues = collapse_issues(std::move(issues));
    std::size_t requests = 0;
    for (auto& state : servers) {
        requests += state->client ? state->client->request_count() : 0;
        m_inventory.pbs_servers.push_back(std::move(state->server));
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    collect_logger()->debug("PBS collection: {} servers, {} storages, {} requests in {:.3f} s",
                            m_inventory.pbs_servers.size(), m_inventory.pbs_content.size(), requests, elapsed.count());
}

} // namespace

void collect_pbs(model::Inventory& inventory, const config::Config& config, const PbsClientFactory& factory,
                 const PbsCollectorOptions& options) {
    PbsCollection collection(inventory, config, factory, options);
    collection.run();
}

} // namespace pvr::collect
