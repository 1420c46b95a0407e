#include "collect/pve_collector.hpp"

#include "collect/collapse_issues.hpp"
#include "collect/fetch.hpp"
#include "collect/foundations.hpp"
#include "collect/issue_facts.hpp"
#include "collect/issues.hpp"
#include "collect/parse_backup_jobs.hpp"
#include "collect/parse_cluster_status.hpp"
#include "collect/parse_guest_config.hpp"
#include "collect/parse_nodes.hpp"
#include "collect/parse_not_backed_up.hpp"
#include "collect/parse_permissions.hpp"
#include "collect/parse_pools.hpp"
#include "collect/parse_resources.hpp"
#include "collect/parse_storage.hpp"
#include "collect/parse_task_log.hpp"
#include "collect/parse_tasks.hpp"
#include "collect/parse_version.hpp"
#include "collect/pbs_parse.hpp"
#include "collect/url_encode.hpp"
#include "collect/worker_pool.hpp"
#include "core/json_text.hpp"
#include "core/strings.hpp"

#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace pvr::collect {
namespace {

using model::IssueSeverity;

constexpr std::int64_t task_page_size = 500;  // never 0: limit=0 returns nothing on task lists
constexpr std::size_t max_logs_per_node = 30; // task logs read per node at most
constexpr std::size_t max_task_pages = 20;    // 10,000 vzdump tasks per node at most
constexpr std::size_t max_warnings_per_answer = 20;
constexpr std::int64_t seconds_per_day = 86400;

std::shared_ptr<spdlog::logger> collect_logger() {
    if (auto logger = spdlog::get("collect")) {
        return logger;
    }
    static const auto fallback =
        std::make_shared<spdlog::logger>("collect", std::make_shared<spdlog::sinks::null_sink_mt>());
    return fallback;
}

/// One request and how its failure is reported.
struct Call {
    std::string path;
    http::Query query;
    std::string source = "pve"; // "pve" or "node/<name>"
    std::string what;           // "backup jobs": "<what> could not be read: ..."
    std::string privilege;      // expected privilege, for 403 hints: "Sys.Audit on /"
    IssueSeverity severity = IssueSeverity::warning;

    /// The endpoint as shown in issues: the path, with the query for /pools?poolid=.
    [[nodiscard]] std::string endpoint() const {
        if (path == "/pools" && !query.empty()) {
            return path + "?" + query.front().first + "=" + query.front().second;
        }
        return path;
    }
};

/// A node the collector calls (/nodes/{node}/...).
struct NodeState {
    std::string name;
    std::atomic<bool> unreachable{false};
    bool guests_known = false;
    std::set<std::int64_t> guests;        // guests currently on the node
    std::vector<model::VzdumpTask> seeds; // finished vzdump tasks from /cluster/tasks
    // Task walk.
    std::optional<std::vector<model::VzdumpTask>> first_page;
    std::size_t first_page_items = 0;
    bool history_read = false;
    std::size_t logs_read = 0;
    std::size_t tasks_seen = 0;
    std::map<std::int64_t, model::GuestBackupResult> results;
};

class PveCollection {
public:
    PveCollection(http::Client& client, const PveCollectorOptions& options)
        : m_client(client), m_options(options), m_log(collect_logger()),
          m_parallelism(std::max<std::size_t>(options.parallelism, 1)) {}

    model::Inventory run();

private:
    // --- requests ---
    /// The request and its parsing (fetch_and_parse). A failure becomes an issue (a node that does
    /// not answer: one issue for the node), and its reason goes to `failure` when given.
    template <class T, class Parse>
    std::optional<T> fetch_parsed(const Call& call, Parse&& parse, NodeState* node = nullptr,
                                  std::string* failure = nullptr);
    void add_issue(IssueSeverity severity, std::string source, std::optional<std::string> endpoint, std::string message,
                   model::Fact fact);
    void add_warnings(const Call& call, const std::vector<std::string>& warnings);

    // --- phases ---
    void read_cluster_wide();
    void require_nodes();
    void require_backup_jobs();
    void build_nodes();
    void require_guests();
    std::optional<std::vector<model::Guest>> read_node_guests(const std::vector<SourceFailure>& before);
    void count_guests_once();
    void count_jobs_and_storages_once();
    void assign_guests_to_nodes();
    void warn_if_filtered();
    void read_pool_members(model::Pool& pool);
    void read_first_task_page(NodeState& node);
    void walk_task_history(NodeState& node);
    void read_guest_config(model::Guest& guest, NodeState& node);
    void read_time_zone(const std::string& node);
    void merge_task_results();
    void timed(const char* phase, const std::function<void()>& body);

    // --- task history ---
    Call task_page_call(const NodeState& node, std::int64_t start) const;
    /// Processes one finished task; returns false when the walk of this node should stop.
    bool process_task(NodeState& node, const model::VzdumpTask& task, std::set<std::string>& seen);
    std::optional<std::vector<LogGuestResult>> read_task_log(NodeState& node, const model::VzdumpTask& task);
    bool can_improve(const NodeState& node, std::int64_t starttime) const;
    bool walk_done(const NodeState& node, const model::VzdumpTask& task) const;
    static void record(NodeState& node, model::GuestBackupResult result);

    http::Client& m_client;
    const PveCollectorOptions& m_options;
    std::shared_ptr<spdlog::logger> m_log;
    std::size_t m_parallelism;
    std::atomic<std::size_t> m_requests{0};
    std::mutex m_issue_mutex;
    std::atomic<bool> m_deadline_reported{false};
    TimeWindow m_times; // plausible task times: 2000-01-01 .. a day after the run
    model::Inventory m_inventory;

    VersionInfo m_version;
    std::optional<std::int64_t> m_since; // task history start (epoch); nullopt before PVE 7.0
    std::optional<ClusterStatus> m_cluster_status;
    std::optional<std::vector<model::ClusterNode>> m_nodes;
    std::optional<std::vector<model::VzdumpTask>> m_cluster_tasks;
    std::optional<Permissions> m_permissions;
    std::map<std::string, std::unique_ptr<NodeState>> m_callable; // online nodes, by name
    struct {
        std::string nodes, cluster_status, resources, backup_jobs;
    } m_failures; // why a foundation's source could not be read
};

// ---------------------------------------------------------------------------------------------
// requests

void PveCollection::add_issue(IssueSeverity severity, std::string source, std::optional<std::string> endpoint,
                              std::string message, model::Fact fact) {
    m_log->debug("collection issue [{}] {}: {}", source, endpoint.value_or("-"), message);
    const std::lock_guard lock(m_issue_mutex);
    m_inventory.issues.push_back(
        model::CollectionIssue{severity, std::move(source), std::move(endpoint), std::move(message), std::move(fact)});
}

void PveCollection::add_warnings(const Call& call, const std::vector<std::string>& warnings) {
    record_warnings(warnings, call.endpoint(), max_warnings_per_answer, [&](std::string message, model::Fact fact) {
        add_issue(IssueSeverity::warning, call.source, call.endpoint(), std::move(message), std::move(fact));
    });
}

template <class T, class Parse>
std::optional<T> PveCollection::fetch_parsed(const Call& call, Parse&& parse, NodeState* node, std::string* failure) {
    if (node != nullptr && node->unreachable.load()) {
        if (failure != nullptr) {
            *failure = "node " + node->name + " did not answer";
        }
        return std::nullopt; // already reported once for the node
    }
    ++m_requests;
    std::vector<std::string> warnings;
    auto result = fetch_and_parse<T>(
        m_client, call.path, call.query, std::forward<Parse>(parse), warnings,
        [&](FetchStage stage, const Error& e) {
            if (failure != nullptr) {
                *failure = stage == FetchStage::request ? describe_failure(e) : std::string(e.what());
                const std::string prefix = "GET " + call.path + ": "; // the parsers name the endpoint
                if (failure->rfind(prefix, 0) == 0) {
                    failure->erase(0, prefix.size());
                }
            }
            if (stage == FetchStage::parse) {
                add_issue(call.severity, call.source, call.endpoint(), call.what + " could not be read: " + e.what(),
                          unusable_answer_fact(call.endpoint(), e));
                return;
            }
            if (e.kind() == ErrorKind::unauthenticated) {
                throw; // blocking: the token is not accepted
            }
            if (http::is_deadline_exceeded(e)) { // one issue for the run, not one per request left
                if (!m_deadline_reported.exchange(true)) {
                    add_issue(IssueSeverity::error, call.source, call.endpoint(),
                              std::string(e.what()) + "; the requests after it were not made",
                              failure_fact(call.endpoint(), e, call.privilege));
                }
                return;
            }
            if (node != nullptr && is_node_unreachable(e)) {
                if (!node->unreachable.exchange(true)) {
                    const auto& http = dynamic_cast<const http::HttpError&>(e);
                    model::Fact fact = fact_of("node_unreachable");
                    fact.add_text("node", node->name).add_text("endpoint", call.endpoint());
                    fact.add_int("status", http.status()).add_text("reason", trim(http.reason()));
                    add_issue(IssueSeverity::error, "node/" + node->name, call.endpoint(),
                              "node " + node->name + " did not answer (" + describe_failure(e) +
                                  "): its task history and guest configurations could not be read",
                              std::move(fact));
                }
                return;
            }
            add_issue(call.severity, call.source, call.endpoint(), failure_message(call.what, e, call.privilege),
                      failure_fact(call.endpoint(), e, call.privilege));
        },
        [&](std::string& body) {
            if (const std::size_t replaced = repair_utf8(body); replaced > 0) {
                add_issue(IssueSeverity::warning, call.source, call.endpoint(),
                          invalid_utf8_message("GET " + call.endpoint(), replaced),
                          invalid_utf8_fact(call.endpoint(), replaced));
            }
        });
    add_warnings(call, warnings);
    return result;
}

void PveCollection::timed(const char* phase, const std::function<void()>& body) {
    const auto requests_before = m_requests.load();
    const auto start = std::chrono::steady_clock::now();
    body();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    m_log->debug("phase '{}': {} requests in {:.3f} s", phase, m_requests.load() - requests_before, elapsed.count());
}

// ---------------------------------------------------------------------------------------------
// cluster-wide endpoints

void PveCollection::read_cluster_wide() {
    const auto sys_audit = std::string("Sys.Audit on /");
    std::vector<std::function<void()>> tasks;
    tasks.emplace_back([&] {
        m_cluster_status = fetch_parsed<ClusterStatus>(
            Call{"/cluster/status", {}, "pve", "cluster status", sys_audit, IssueSeverity::warning},
            [](std::string_view body, auto& warnings) { return parse_cluster_status(body, warnings); }, nullptr,
            &m_failures.cluster_status);
    });
    tasks.emplace_back([&] {
        m_nodes = fetch_parsed<std::vector<model::ClusterNode>>(
            Call{"/nodes", {}, "pve", "node list", "", IssueSeverity::warning},
            [](std::string_view body, auto& warnings) { return parse_nodes(body, warnings); }, nullptr,
            &m_failures.nodes);
    });
    tasks.emplace_back([&] {
        auto storages = fetch_parsed<std::vector<model::Storage>>(
            Call{"/storage", {}, "pve", "storage definitions", "Datastore.Audit", IssueSeverity::error},
            [](std::string_view body, auto& warnings) { return parse_storage(body, warnings); });
        if (storages) {
            m_inventory.storages = std::move(*storages);
            m_inventory.storages_collected = true;
        }
    });
    tasks.emplace_back([&] {
        m_inventory.jobs = fetch_parsed<std::vector<model::BackupJob>>(
            Call{"/cluster/backup", {}, "pve", "backup jobs", sys_audit, IssueSeverity::error},
            [](std::string_view body, auto& warnings) { return parse_backup_jobs(body, warnings); }, nullptr,
            &m_failures.backup_jobs);
    });
    tasks.emplace_back([&] {
        auto guests = fetch_parsed<std::vector<model::Guest>>(
            Call{"/cluster/resources", {}, "pve", "guest list", "VM.Audit", IssueSeverity::error},
            [](std::string_view body, auto& warnings) { return parse_resources(body, warnings); }, nullptr,
            &m_failures.resources);
        if (guests) {
            m_inventory.guests = std::move(*guests);
            m_inventory.guests_collected = true;
        }
    });
    tasks.emplace_back([&] {
        auto pools = fetch_parsed<std::vector<model::Pool>>(
            Call{"/pools", {}, "pve", "pool list", "Pool.Audit", IssueSeverity::error},
            [](std::string_view body, auto& warnings) { return parse_pool_list(body, warnings); });
        if (pools) {
            for (auto& pool : *pools) {
                std::string id = pool.id;
                m_inventory.pools.emplace(std::move(id), std::move(pool));
            }
            m_inventory.pools_collected = true;
        }
    });
    tasks.emplace_back([&] {
        m_cluster_tasks = fetch_parsed<std::vector<model::VzdumpTask>>(
            Call{"/cluster/tasks", {}, "pve", "cluster task list", sys_audit, IssueSeverity::warning},
            [this](std::string_view body, auto& warnings) {
                return parse_tasks(body, "GET /cluster/tasks", warnings, nullptr, m_times);
            });
    });
    tasks.emplace_back([&] {
        m_inventory.not_backed_up = fetch_parsed<std::vector<model::NotBackedUpItem>>(
            Call{"/cluster/backup-info/not-backed-up",
                 {},
                 "pve",
                 "PVE's list of guests not backed up",
                 sys_audit,
                 IssueSeverity::warning},
            [](std::string_view body, auto& warnings) { return parse_not_backed_up(body, warnings); });
    });
    tasks.emplace_back([&] {
        m_permissions = fetch_parsed<Permissions>(
            Call{"/access/permissions", {}, "pve", "the API token's permissions", "", IssueSeverity::warning},
            [](std::string_view body, auto& warnings) { return parse_permissions(body, warnings); });
    });
    run_parallel(tasks, m_parallelism);
    if (m_permissions) {
        m_inventory.missing_privileges = m_permissions->missing_for_report();
    }
}

// ---------------------------------------------------------------------------------------------
// nodes

void PveCollection::require_nodes() {
    const bool from_nodes = m_nodes && !m_nodes->empty();
    const bool from_status = m_cluster_status && !m_cluster_status->nodes.empty();
    if (from_nodes) {
        m_inventory.cluster.node_source = std::string(node_source_nodes);
        return;
    }
    if (from_status) {
        m_inventory.cluster.node_source = std::string(node_source_cluster_status);
        add_issue(IssueSeverity::warning, "pve", "/nodes",
                  "the node list comes from GET /cluster/status: GET /nodes " +
                      (m_nodes ? std::string("listed no node") : "failed (" + m_failures.nodes + ")"),
                  m_nodes ? fact_of("node_list_empty_fallback")
                          : fact_of("node_list_fallback").add_text("reason", m_failures.nodes));
        return;
    }
    throw_foundation_missing(
        Foundation::nodes,
        {{"GET /nodes", m_nodes ? std::string("no node listed") : m_failures.nodes},
         {"GET /cluster/status", m_cluster_status ? std::string("no node listed") : m_failures.cluster_status}});
}

void PveCollection::require_backup_jobs() {
    if (!m_inventory.jobs) {
        throw_foundation_missing(Foundation::backup_jobs, {{"GET /cluster/backup", m_failures.backup_jobs}});
    }
}

void PveCollection::build_nodes() {
    auto& cluster = m_inventory.cluster;
    cluster.pve_version = m_version.version;
    cluster.pve_release = m_version.release;
    if (m_cluster_status) {
        cluster.name = m_cluster_status->name;
        cluster.quorate = m_cluster_status->quorate;
    }

    std::map<std::string, model::ClusterNode> nodes;
    if (m_nodes) {
        for (const auto& node : *m_nodes) {
            nodes[node.name] = node;
        }
    }
    if (m_cluster_status) {
        for (const auto& entry : m_cluster_status->nodes) {
            auto [it, inserted] = nodes.try_emplace(entry.name);
            model::ClusterNode& node = it->second;
            node.name = entry.name;
            node.ip = entry.ip;
            node.local = entry.local;
            if (inserted || node.status.empty()) {
                node.status = entry.online ? (*entry.online ? "online" : "offline") : "unknown";
            }
        }
    }

    for (const auto& [name, node] : nodes) {
        cluster.nodes.push_back(node);
        if (node.status == "online") {
            auto state = std::make_unique<NodeState>();
            state->name = name;
            m_callable.emplace(name, std::move(state));
        } else {
            const std::string state =
                node.status == "offline" ? std::string("is offline") : "has status '" + node.status + "'";
            add_issue(IssueSeverity::warning, "node/" + name, std::nullopt,
                      "node " + name + " " + state + ": its task history and guest configurations could not be read",
                      node.status == "offline"
                          ? fact_of("node_offline").add_text("node", name)
                          : fact_of("node_unavailable").add_text("node", name).add_text("status", node.status));
        }
    }
    if (m_cluster_tasks) {
        for (const auto& task : *m_cluster_tasks) {
            if (const auto it = m_callable.find(task.node); it != m_callable.end() && !is_running(task)) {
                it->second->seeds.push_back(task);
            }
        }
        for (auto& [name, state] : m_callable) {
            std::stable_sort(state->seeds.begin(), state->seeds.end(), [](const auto& a, const auto& b) {
                return a.endtime.value_or(a.starttime) > b.endtime.value_or(b.starttime);
            });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// the guest inventory: /cluster/resources, else the guest lists of every online node

void PveCollection::require_guests() {
    if (m_inventory.guests_collected) {
        m_inventory.cluster.inventory_source = std::string(inventory_source_resources);
        return;
    }
    const std::vector<SourceFailure> before{{"GET /cluster/resources", m_failures.resources}};
    auto guests = read_node_guests(before);
    if (!guests) {
        return; // read_node_guests threw
    }
    m_inventory.guests = std::move(*guests);
    m_inventory.guests_collected = true;
    m_inventory.cluster.inventory_source = std::string(inventory_source_node_lists);
    add_issue(IssueSeverity::warning, "pve", "/cluster/resources",
              "the guest inventory comes from the guest lists of each online node (GET /nodes/{node}/qemu and "
              "/nodes/{node}/lxc): GET /cluster/resources failed (" +
                  m_failures.resources + "); pools and HA states are not known from these lists",
              fact_of("inventory_fallback").add_text("reason", m_failures.resources));
    for (const auto& node : m_inventory.cluster.nodes) {
        if (m_callable.count(node.name) == 0) {
            add_issue(IssueSeverity::error, "node/" + node.name, std::nullopt,
                      "the guests of node " + node.name + " (status '" + node.status +
                          "') are not listed: GET /cluster/resources failed and the node cannot list its own "
                          "guests",
                      fact_of("node_guests_unlisted").add_text("node", node.name).add_text("status", node.status));
        }
    }
}

std::optional<std::vector<model::Guest>> PveCollection::read_node_guests(const std::vector<SourceFailure>& before) {
    struct Listing {
        std::string node;
        model::GuestType type;
        std::optional<std::vector<model::Guest>> guests;
        std::string failure;
    };
    std::vector<Listing> listings;
    for (const auto& [name, state] : m_callable) {
        listings.push_back({name, model::GuestType::qemu, std::nullopt, ""});
        listings.push_back({name, model::GuestType::lxc, std::nullopt, ""});
    }
    parallel_for_each(listings.size(), m_parallelism, [&](std::size_t i) {
        Listing& listing = listings[i];
        const bool qemu = listing.type == model::GuestType::qemu;
        const Call call{"/nodes/" + listing.node + (qemu ? "/qemu" : "/lxc"),
                        {},
                        "node/" + listing.node,
                        std::string(qemu ? "VM list" : "container list") + " of node " + listing.node,
                        "VM.Audit",
                        IssueSeverity::error};
        const std::string endpoint = "GET " + call.path;
        listing.guests = fetch_parsed<std::vector<model::Guest>>(
            call,
            [&](std::string_view body, auto& warnings) {
                return parse_node_guests(body, endpoint, listing.node, listing.type, warnings);
            },
            nullptr, &listing.failure);
    });
    std::vector<SourceFailure> failures = before;
    std::vector<model::Guest> guests;
    for (auto& listing : listings) {
        if (!listing.guests) {
            failures.push_back(
                {"GET /nodes/" + listing.node + (listing.type == model::GuestType::qemu ? "/qemu" : "/lxc"),
                 listing.failure});
            continue;
        }
        for (auto& guest : *listing.guests) {
            guests.push_back(std::move(guest));
        }
    }
    if (listings.empty()) {
        failures.push_back({"GET /nodes/{node}/qemu", "no node is online"});
    }
    if (failures.size() > before.size()) {
        throw_foundation_missing(Foundation::guests, failures);
    }
    std::stable_sort(guests.begin(), guests.end(),
                     [](const model::Guest& a, const model::Guest& b) { return a.vmid < b.vmid; });
    return guests;
}

void PveCollection::count_guests_once() {
    // The same VMID listed twice (on two nodes, or twice on one): counted once, the first entry
    // kept, and reported (the analysis turns it into an anomaly).
    std::map<std::int64_t, std::size_t> first_of;     // vmid -> index in kept
    std::map<std::int64_t, std::size_t> duplicate_of; // vmid -> index in m_inventory.duplicates
    std::vector<model::Guest> kept;
    kept.reserve(m_inventory.guests.size());
    for (auto& guest : m_inventory.guests) {
        const auto [first, is_new] = first_of.try_emplace(guest.vmid, kept.size());
        if (is_new) {
            kept.push_back(std::move(guest));
            continue;
        }
        const auto [it, inserted] = duplicate_of.try_emplace(guest.vmid, m_inventory.duplicates.size());
        if (inserted) {
            m_inventory.duplicates.push_back(
                {model::DuplicateEntry::Kind::guest_vmid, std::to_string(guest.vmid), "", {kept[first->second].node}});
        }
        m_inventory.duplicates[it->second].places.push_back(guest.node);
    }
    m_inventory.guests = std::move(kept);
}

void PveCollection::count_jobs_and_storages_once() {
    using Kind = model::DuplicateEntry::Kind;
    std::set<std::string> job_ids;
    std::vector<model::BackupJob> jobs;
    std::set<std::string> reported;
    for (auto& job : *m_inventory.jobs) {
        for (const auto vmid : job.repeated_vmids) {
            m_inventory.duplicates.push_back({Kind::job_vmid, std::to_string(vmid), job.id, {}});
        }
        if (job_ids.insert(job.id).second) {
            jobs.push_back(std::move(job));
        } else if (reported.insert(job.id).second) {
            m_inventory.duplicates.push_back({Kind::job_id, job.id, job.id, {}});
        }
    }
    *m_inventory.jobs = std::move(jobs);

    std::set<std::string> storage_ids;
    std::vector<model::Storage> storages;
    reported.clear();
    for (auto& storage : m_inventory.storages) {
        if (storage_ids.insert(storage.id).second) {
            storages.push_back(std::move(storage));
        } else if (reported.insert(storage.id).second) {
            m_inventory.duplicates.push_back({Kind::storage_id, storage.id, "", {}});
        }
    }
    m_inventory.storages = std::move(storages);
}

void PveCollection::assign_guests_to_nodes() {
    for (auto& [name, state] : m_callable) {
        state->guests_known = m_inventory.guests_collected;
    }
    for (const auto& guest : m_inventory.guests) {
        if (const auto it = m_callable.find(guest.node); it != m_callable.end()) {
            it->second->guests.insert(guest.vmid);
        }
    }
}

void PveCollection::warn_if_filtered() {
    if (!m_permissions) {
        return;
    }
    const Permissions& permissions = *m_permissions;
    if (m_inventory.storages_collected && m_inventory.storages.empty() &&
        !permissions.has_anywhere("Datastore.Audit")) {
        add_issue(IssueSeverity::warning, "pve", "/storage",
                  "no storage is visible: the API token lacks Datastore.Audit, and PVE hides the storages it "
                  "may not audit",
                  fact_of("storages_hidden").add_text("privilege", "Datastore.Audit"));
    }
    if (m_inventory.guests_collected && m_inventory.guests.empty() && !permissions.has_anywhere("VM.Audit")) {
        add_issue(IssueSeverity::warning, "pve", "/cluster/resources",
                  "no guest is visible: the API token lacks VM.Audit, and PVE hides the guests it may not audit",
                  fact_of("guests_hidden").add_text("privilege", "VM.Audit"));
    }
    if (m_inventory.pools_collected && m_inventory.pools.empty() && !permissions.has_anywhere("Pool.Audit")) {
        add_issue(IssueSeverity::warning, "pve", "/pools",
                  "no pool is visible: the API token lacks Pool.Audit, and PVE hides the pools it may not audit",
                  fact_of("pools_hidden").add_text("privilege", "Pool.Audit"));
    }
    if (m_cluster_tasks && m_cluster_tasks->empty() && !permissions.has("Sys.Audit", "/")) {
        add_issue(IssueSeverity::warning, "pve", "/cluster/tasks",
                  "no task is visible: the API token lacks Sys.Audit on /, and PVE then shows only the tasks "
                  "the token started itself",
                  fact_of("tasks_hidden").add_text("privilege", "Sys.Audit").add_text("path", "/"));
    }
}

// ---------------------------------------------------------------------------------------------
// pools

void PveCollection::read_pool_members(model::Pool& pool) {
    Call call;
    if (m_version.at_least(8, 1)) {
        call.path = "/pools";
        call.query = {{"poolid", pool.id}};
    } else {
        call.path = "/pools/" + url_encode(pool.id);
    }
    call.what = "members of pool " + pool.id;
    call.privilege = "Pool.Audit on /pool/" + pool.id;
    const std::string endpoint = "GET " + call.endpoint();
    pool.members = fetch_parsed<std::vector<std::int64_t>>(call, [&](std::string_view body, auto& warnings) {
        return parse_pool_members(body, endpoint, pool.id, warnings);
    });
}

// ---------------------------------------------------------------------------------------------
// task history

Call PveCollection::task_page_call(const NodeState& node, std::int64_t start) const {
    Call call;
    call.path = "/nodes/" + node.name + "/tasks";
    call.query = {{"typefilter", "vzdump"}};
    if (m_since) {
        call.query.emplace_back("since", std::to_string(*m_since));
    }
    call.query.emplace_back("limit", std::to_string(task_page_size));
    call.query.emplace_back("start", std::to_string(start));
    call.source = "node/" + node.name;
    call.what = "vzdump task history of node " + node.name;
    call.privilege = "Sys.Audit on /nodes/" + node.name;
    return call;
}

void PveCollection::read_first_task_page(NodeState& node) {
    const Call call = task_page_call(node, 0);
    node.first_page = fetch_parsed<std::vector<model::VzdumpTask>>(
        call,
        [&](std::string_view body, auto& warnings) {
            return parse_tasks(body, "GET " + call.path, warnings, &node.first_page_items, m_times);
        },
        &node);
}

void PveCollection::record(NodeState& node, model::GuestBackupResult result) {
    const auto it = node.results.find(result.vmid);
    if (it == node.results.end()) {
        node.results.emplace(result.vmid, std::move(result));
    } else if (result.time > it->second.time) {
        it->second = std::move(result);
    }
}

bool PveCollection::can_improve(const NodeState& node, std::int64_t starttime) const {
    if (!node.guests_known) {
        return true;
    }
    return std::any_of(node.guests.begin(), node.guests.end(), [&](std::int64_t vmid) {
        const auto it = node.results.find(vmid);
        return it == node.results.end() || it->second.time < starttime;
    });
}

bool PveCollection::walk_done(const NodeState& node, const model::VzdumpTask& task) const {
    if (!node.guests_known) {
        return false;
    }
    // Tasks are listed by end time, newest first: once every guest of the node has a result and
    // this task ended before the oldest of those results started, no later task can be newer.
    std::int64_t oldest = std::numeric_limits<std::int64_t>::max();
    for (const auto vmid : node.guests) {
        const auto it = node.results.find(vmid);
        if (it == node.results.end()) {
            return false;
        }
        oldest = std::min(oldest, it->second.time);
    }
    return task.endtime.value_or(task.starttime) < oldest;
}

std::optional<std::vector<LogGuestResult>> PveCollection::read_task_log(NodeState& node,
                                                                        const model::VzdumpTask& task) {
    if (node.logs_read >= max_logs_per_node) {
        return std::nullopt;
    }
    ++node.logs_read;
    Call call;
    call.path = "/nodes/" + node.name + "/tasks/" + url_encode(task.upid) + "/log";
    call.query = {{"limit", "0"}}; // 0 = every line on this endpoint
    call.source = "node/" + node.name;
    call.what = "log of task " + task.upid;
    call.privilege = "Sys.Audit on /nodes/" + node.name;
    const std::string endpoint = "GET " + call.path;
    return fetch_parsed<std::vector<LogGuestResult>>(
        call,
        [&](std::string_view body, auto& warnings) {
            return parse_vzdump_log(parse_task_log_lines(body, endpoint, &warnings), task.status);
        },
        &node);
}

bool PveCollection::process_task(NodeState& node, const model::VzdumpTask& task, std::set<std::string>& seen) {
    if (is_running(task) || !seen.insert(task.upid).second) {
        return true;
    }
    ++node.tasks_seen;
    if (walk_done(node, task)) {
        return false;
    }
    const auto make_result = [&](std::int64_t vmid, model::BackupOutcome outcome, std::optional<std::string> error) {
        return model::GuestBackupResult{vmid,    node.name,        task.starttime, task.endtime,
                                        outcome, std::move(error), task.upid};
    };
    if (!task.id.empty()) { // a single-guest task
        const auto vmid = parse_int(task.id);
        if (!vmid) {
            return true;
        }
        const auto known = node.results.find(*vmid);
        if (known != node.results.end() && known->second.time >= task.starttime) {
            return true;
        }
        if (is_success_status(task.status)) {
            record(node, make_result(*vmid, model::BackupOutcome::ok, std::nullopt));
            return true;
        }
        // Failed: the log says why (or that the guest was fine and something else failed).
        model::GuestBackupResult result = make_result(*vmid, model::BackupOutcome::failed, task.status);
        if (const auto log = read_task_log(node, task)) {
            for (const auto& entry : *log) {
                if (entry.vmid == *vmid) {
                    result.outcome = entry.outcome;
                    result.error = entry.error;
                }
            }
        }
        record(node, std::move(result));
        return !node.unreachable.load();
    }
    if (!can_improve(node, task.starttime)) {
        return true;
    }
    if (const auto log = read_task_log(node, task)) {
        for (const auto& entry : *log) {
            record(node, make_result(entry.vmid, entry.outcome, entry.error));
        }
    }
    return !node.unreachable.load();
}

void PveCollection::walk_task_history(NodeState& node) {
    if (!node.first_page || node.unreachable.load()) {
        return;
    }
    std::set<std::string> seen;
    bool go_on = true;
    for (const auto& task : node.seeds) {
        if (!(go_on = process_task(node, task, seen))) {
            break;
        }
    }
    std::vector<model::VzdumpTask> page = std::move(*node.first_page);
    std::size_t page_items = node.first_page_items;
    std::size_t pages = 1;
    std::int64_t start = 0;
    bool complete = true;
    while (go_on) {
        for (const auto& task : page) {
            if (!(go_on = process_task(node, task, seen))) {
                break;
            }
        }
        if (!go_on || page_items < static_cast<std::size_t>(task_page_size)) {
            break;
        }
        if (pages >= max_task_pages) {
            m_log->debug("node {}: stopped after {} task pages", node.name, pages);
            break;
        }
        start += static_cast<std::int64_t>(page_items);
        const Call call = task_page_call(node, start);
        std::size_t items = 0;
        auto next = fetch_parsed<std::vector<model::VzdumpTask>>(
            call,
            [&](std::string_view body, auto& warnings) {
                return parse_tasks(body, "GET " + call.path, warnings, &items, m_times);
            },
            &node);
        if (!next) {
            complete = false;
            break;
        }
        page = std::move(*next);
        page_items = items;
        ++pages;
    }
    node.history_read = complete && !node.unreachable.load();
    m_log->debug("node {}: {} vzdump tasks looked at, {} logs read, {} guest results", node.name, node.tasks_seen,
                 node.logs_read, node.results.size());
    if (node.tasks_seen == 0 && m_permissions && !m_permissions->has("Sys.Audit", "/") &&
        !m_permissions->has("Sys.Audit", "/nodes") && !m_permissions->has("Sys.Audit", "/nodes/" + node.name)) {
        add_issue(IssueSeverity::warning, "node/" + node.name, "/nodes/" + node.name + "/tasks",
                  "no backup task is visible on node " + node.name + ": the API token lacks Sys.Audit on /nodes/" +
                      node.name + ", and PVE then shows only the tasks the token started itself",
                  fact_of("node_tasks_hidden")
                      .add_text("node", node.name)
                      .add_text("privilege", "Sys.Audit")
                      .add_text("path", "/nodes/" + node.name));
    }
}

void PveCollection::merge_task_results() {
    for (auto& [name, node] : m_callable) {
        if (node->history_read) {
            m_inventory.task_history_nodes.push_back(name);
        }
        for (auto& [vmid, result] : node->results) {
            const auto it = m_inventory.last_results.find(vmid);
            if (it == m_inventory.last_results.end()) {
                m_inventory.last_results.emplace(vmid, std::move(result));
            } else if (result.time > it->second.time) {
                it->second = std::move(result);
            }
        }
    }
    m_inventory.tasks_collected = !m_inventory.task_history_nodes.empty();
}

// ---------------------------------------------------------------------------------------------
// guest configurations

void PveCollection::read_guest_config(model::Guest& guest, NodeState& node) {
    const bool qemu = guest.type == model::GuestType::qemu;
    const std::string vmid = std::to_string(guest.vmid);
    Call call;
    call.path = "/nodes/" + node.name + (qemu ? "/qemu/" : "/lxc/") + vmid + "/config";
    call.source = "node/" + node.name;
    call.what = std::string("configuration of ") + (qemu ? "VM " : "CT ") + vmid + " on node " + node.name;
    call.privilege = "VM.Audit on /vms/" + vmid;
    const std::string endpoint = "GET " + call.path;
    auto config = fetch_parsed<GuestConfig>(
        call,
        [&](std::string_view body, auto& warnings) { return parse_guest_config(body, guest.type, endpoint, warnings); },
        &node);
    if (!config) {
        return;
    }
    guest.notes = std::move(config->notes);
    guest.volumes = std::move(config->volumes);
    guest.config_collected = true;
    if (!guest.name && config->name && !config->name->empty()) {
        guest.name = config->name;
    }
    if (!guest.is_template && config->is_template) {
        guest.is_template = config->is_template;
    }
}

// ---------------------------------------------------------------------------------------------
// time zone (backup schedules run in the nodes' local time)

void PveCollection::read_time_zone(const std::string& node) {
    const Call call{"/nodes/" + node + "/time",  {}, "node/" + node,
                    "time zone of node " + node, "", IssueSeverity::warning};
    const std::string endpoint = "GET " + call.path;
    auto zone = fetch_parsed<std::optional<std::string>>(
        call, [&](std::string_view body, auto&) { return parse_time_zone(body, endpoint); });
    if (zone && *zone) {
        m_inventory.pve_time_zone = std::move(*zone);
    } else if (zone) {
        add_issue(IssueSeverity::warning, call.source, call.path,
                  "time zone of node " + node + ": no 'timezone' in the answer",
                  fact_of("time_zone_missing").add_text("endpoint", call.path).add_text("node", node));
    }
}

// ---------------------------------------------------------------------------------------------

model::Inventory PveCollection::run() {
    const auto start = std::chrono::steady_clock::now();
    m_times = TimeWindow::around(m_options.clock ? m_options.clock() : system_clock()());
    // 1. /version: every failure is blocking (unreachable, TLS, 401, not a PVE API).
    timed("version", [&] {
        ++m_requests;
        try {
            m_version = parse_version(m_client.get("/version").body);
        } catch (const Error& e) {
            // Transport, TLS and token failures keep their own message and exit code; an answer
            // that is an HTTP error or no PVE version means the foundation is missing.
            const auto kind = e.kind();
            if (kind != ErrorKind::http_status && kind != ErrorKind::not_implemented &&
                kind != ErrorKind::invalid_response) {
                throw;
            }
            std::string reason = describe_failure(e);
            constexpr std::string_view prefix = "GET /version: ";
            if (reason.rfind(prefix, 0) == 0) {
                reason.erase(0, prefix.size());
            }
            throw_foundation_missing(Foundation::version, {{"GET /version", reason}});
        }
    });
    m_log->debug("PVE {} (release {})", m_version.version, m_version.release.value_or("?"));
    if (m_version.at_least(7, 0)) { // since/until exist from PVE 7.0 on
        const EpochSeconds now = m_options.clock ? m_options.clock() : system_clock()();
        m_since = now - m_options.task_history_days * seconds_per_day;
    }

    // 2. The cluster-wide endpoints, concurrently.
    timed("cluster", [&] { read_cluster_wide(); });
    // 3. The foundations: without them no report (exit 4); the guest inventory may come from
    //    the nodes' own lists.
    require_nodes();
    require_backup_jobs();
    build_nodes();
    timed("guest inventory", [&] { require_guests(); });
    count_guests_once();
    count_jobs_and_storages_once();
    if (m_options.on_storages) {
        m_options.on_storages(m_inventory.storages, m_inventory.storages_collected);
    }
    assign_guests_to_nodes();
    warn_if_filtered();

    // 3a. Pool members and the first task page of each online node (which tells whether it answers).
    timed("pools and node probes", [&] {
        std::vector<std::function<void()>> tasks;
        for (auto& [id, pool] : m_inventory.pools) {
            tasks.emplace_back([this, &pool = pool] { read_pool_members(pool); });
        }
        for (auto& [name, node] : m_callable) {
            tasks.emplace_back([this, &node = *node] { read_first_task_page(node); });
        }
        if (!m_callable.empty()) {
            tasks.emplace_back([this, node = m_callable.begin()->first] { read_time_zone(node); });
        }
        run_parallel(tasks, m_parallelism);
    });

    // 3b. The rest of each node's task history and every guest configuration.
    timed("task history and guest configurations", [&] {
        std::vector<std::function<void()>> tasks;
        for (auto& [name, node] : m_callable) {
            if (!node->unreachable.load()) {
                tasks.emplace_back([this, &node = *node] { walk_task_history(node); });
            }
        }
        for (auto& guest : m_inventory.guests) {
            const auto it = m_callable.find(guest.node);
            if (it != m_callable.end() && !it->second->unreachable.load()) {
                tasks.emplace_back([this, &guest, &node = *it->second] { read_guest_config(guest, node); });
            }
        }
        run_parallel(tasks, m_parallelism);
    });
    merge_task_results();

    m_inventory.issues = collapse_issues(std::move(m_inventory.issues));

    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    m_log->debug("PVE collection: {} requests in {:.3f} s, {} guests, {} issues", m_requests.load(), elapsed.count(),
                 m_inventory.guests.size(), m_inventory.issues.size());
    return std::move(m_inventory);
}

} // namespace

model::Inventory collect_pve(http::Client& client, const PveCollectorOptions& options) {
    PveCollection collection(client, options);
    return collection.run();
}

} // namespace pvr::collect
