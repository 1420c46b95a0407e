// The PBS personality: the endpoints of docs/scenarios.md ("Layout (PBS)") served from the
// scenario's `pbs/<server>/` tree, with PBS's token header, plain-text errors and 404s.

#include "core/error.hpp"
#include "emulator/pbs_answers.hpp"
#include "emulator/pbs_datastore.hpp"
#include "emulator/pbs_generated.hpp"
#include "emulator/pbs_params.hpp"
#include "emulator/personality.hpp"
#include "emulator/token_check.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <set>

namespace pvr::emulator {
namespace {

using nlohmann::json;

const std::vector<std::string> k_backup_types = {"vm", "ct", "host"};
constexpr int k_max_namespace_depth = 7;

std::vector<std::string> segments_of(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t begin = 0;
    while (begin <= path.size()) {
        auto end = path.find('/', begin);
        if (end == std::string::npos) {
            end = path.size();
        }
        if (end > begin) {
            segments.push_back(path.substr(begin, end - begin));
        }
        begin = end + 1;
    }
    return segments;
}

std::string text_of(const json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return {};
    }
    return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string percent_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool escape = text[i] == '%' && i + 2 < text.size() &&
                            std::isxdigit(static_cast<unsigned char>(text[i + 1])) != 0 &&
                            std::isxdigit(static_cast<unsigned char>(text[i + 2])) != 0;
        if (escape) {
            out.push_back(static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

/// The value of `key` in a property string ("type=offline,message=disk%20swap").
std::optional<std::string> property(const std::string& property_string, const std::string& key) {
    std::size_t begin = 0;
    while (begin <= property_string.size()) {
        auto end = property_string.find(',', begin);
        if (end == std::string::npos) {
            end = property_string.size();
        }
        const std::string item = property_string.substr(begin, end - begin);
        if (item.rfind(key + "=", 0) == 0) {
            return item.substr(key.size() + 1);
        }
        begin = end + 1;
    }
    return std::nullopt;
}

json filter_by_store(const json& jobs, const std::optional<std::string>& store) {
    if (!store) {
        return jobs;
    }
    json selected = json::array();
    for (const auto& job : jobs) {
        if (text_of(job, "store") == *store) {
            selected.push_back(job);
        }
    }
    return selected;
}

class PbsRoutes final : public ApiPersonality {
public:
    PbsRoutes(const Scenario& scenario, const std::string& server, std::vector<Token> tokens)
        : m_scenario(scenario), m_prefix("pbs/" + server + "/"), m_tokens(std::move(tokens)) {
        if (server.empty() || server.find('/') != std::string::npos) {
            throw Error(ErrorKind::config, "the PBS emulator needs a server name (the directory below pbs/)");
        }
        const auto& files = m_scenario.files();
        const auto first = files.lower_bound(m_prefix);
        if (first == files.end() || first->first.rfind(m_prefix, 0) != 0) {
            throw Error(ErrorKind::config, "the scenario has no directory pbs/" + server + "/");
        }
        collect_stores();
    }

    [[nodiscard]] std::string_view api_prefix() const override { return "/api2/json"; }

    [[nodiscard]] AuthCheck check_auth(std::string_view header) const override {
        return check_token_header(header, "PBSAPIToken", ':', m_tokens);
    }

    [[nodiscard]] ApiResponse auth_failure(AuthCheck /*check*/) const override {
        return pbs_error(401, "authentication failed");
    }

    [[nodiscard]] ApiResponse method_not_allowed(const std::string& method, const std::string& path) const override {
        ApiResponse response =
            pbs_error(405, "Method '" + method + " " + path + "' not allowed: the API emulator is read-only");
        response.headers.emplace_back("Allow", "GET");
        return response;
    }

    [[nodiscard]] ApiResponse outside_api(const std::string& /*method*/, const std::string& path) const override {
        return pbs_not_found(path);
    }

    [[nodiscard]] ApiResponse fault_answer(const Fault& fault, const std::string& api_path) const override {
        return pbs_error(fault.status,
                         fault.reason.empty() ? default_pbs_message(fault.status, api_path) : fault.reason);
    }

    [[nodiscard]] bool requires_auth(const std::string& api_path) const override { return api_path != "/ping"; }

    [[nodiscard]] ApiResponse handle(const ApiRequest& request) const override {
        const auto segments = segments_of(request.path);
        std::string path;
        for (const auto& segment : segments) {
            path += "/" + segment;
        }
        if (segments.size() >= 3 && segments[0] == "admin" && segments[1] == "datastore") {
            return datastore_route(request, segments, path);
        }
        if (path == "/ping") {
            return pbs_ok(json{{"pong", true}});
        }
        if (path == "/nodes/localhost/time") {
            return time(request);
        }
        if (path == "/access/permissions") {
            return permissions(request);
        }
        if (path == "/admin/datastore") {
            return datastore_list(request);
        }
        if (path == "/status/datastore-usage") {
            return datastore_usage(request);
        }
        if (path == "/config/datastore") {
            return datastore_config(request);
        }
        if (path == "/config/prune" || path == "/admin/prune") {
            return jobs(request, "prune", path == "/admin/prune", true);
        }
        if (path == "/config/verify" || path == "/admin/verify") {
            return jobs(request, "verify", path == "/admin/verify", false);
        }
        return generic(path);
    }

private:
    [[nodiscard]] std::optional<std::string> file(const std::string& relative) const {
        return m_scenario.file(m_prefix + relative);
    }

    [[nodiscard]] std::optional<json> json_file(const std::string& relative) const {
        const auto content = file(relative);
        if (!content) {
            return std::nullopt;
        }
        return json::parse(*content, nullptr, false);
    }

    void collect_stores() {
        if (const auto spec = file("generated.json")) {
            for (auto& store : parse_generated_stores(*spec, m_prefix + "generated.json")) {
                add_store(store.name);
                std::string name = store.name;
                m_generated.emplace(std::move(name), std::move(store));
            }
        }
        for (const auto& item : json_file("admin/datastore.json").value_or(json::array())) {
            add_store(text_of(item, "store"));
        }
        for (const auto& item : json_file("config/datastore.json").value_or(json::array())) {
            add_store(text_of(item, "name"));
        }
        const std::string store_dir = m_prefix + "admin/datastore/";
        const auto& files = m_scenario.files();
        for (auto it = files.lower_bound(store_dir); it != files.end() && it->first.rfind(store_dir, 0) == 0; ++it) {
            const std::string rest = it->first.substr(store_dir.size());
            const auto slash = rest.find('/');
            if (slash != std::string::npos) {
                add_store(rest.substr(0, slash));
            }
        }
        for (const auto& store : m_stores) {
            if (const auto generated = m_generated.find(store); generated != m_generated.end()) {
                m_snapshots[store] = json::array();
                m_namespaces[store] = generated->second.namespaces;
                continue;
            }
            m_snapshots[store] = json_file("admin/datastore/" + store + "/snapshots.json").value_or(json::array());
            if (const auto list = json_file("admin/datastore/" + store + "/namespaces.json");
                list && list->is_array()) {
                std::vector<std::string> names{""};
                for (const auto& item : *list) {
                    const std::string ns = item.is_string() ? item.get<std::string>() : text_of(item, "ns");
                    if (!ns.empty()) {
                        names.push_back(ns);
                    }
                }
                m_namespaces[store] = std::move(names);
            } else {
                m_namespaces[store] = namespaces_of_snapshots(m_snapshots[store]);
            }
        }
    }

    void add_store(const std::string& store) {
        if (!store.empty() && m_store_set.insert(store).second) {
            m_stores.push_back(store);
        }
    }

    [[nodiscard]] ApiResponse generic(const std::string& path) const {
        if (path != "/" && path != "/faults") {
            if (const auto content = json_file(path.substr(1) + ".json")) {
                return pbs_ok(*content);
            }
        }
        return pbs_not_found("/api2/json" + path);
    }

    /// Unknown datastore or offline maintenance: the error; nullopt when the store can be read.
    [[nodiscard]] std::optional<ApiResponse> store_error(const std::string& store) const {
        if (m_store_set.count(store) == 0) {
            return pbs_error(400, "no such datastore '" + store + "'");
        }
        for (const auto& item : json_file("admin/datastore.json").value_or(json::array())) {
            if (text_of(item, "store") != store) {
                continue;
            }
            const std::string maintenance = text_of(item, "maintenance");
            if (property(maintenance, "type").value_or("") == "offline") {
                return pbs_error(400, "datastore '" + store + "' is in offline maintenance mode: " +
                                          percent_decode(property(maintenance, "message").value_or("")));
            }
        }
        return std::nullopt;
    }

    [[nodiscard]] bool namespace_exists(const std::string& store, const std::string& ns) const {
        const auto& known = m_namespaces.at(store);
        return std::find(known.begin(), known.end(), ns) != known.end();
    }

    [[nodiscard]] ApiResponse datastore_route(const ApiRequest& request, const std::vector<std::string>& segments,
                                              const std::string& path) const {
        const std::string& store = segments[2];
        const std::string what = segments.size() == 4 ? segments[3] : std::string();
        if (what == "status") {
            return store_status(request, store);
        }
        if (what == "snapshots") {
            return snapshots(request, store);
        }
        if (what == "groups") {
            return groups(request, store);
        }
        if (what == "namespace") {
            return namespaces(request, store);
        }
        if (const auto content = json_file(path.substr(1) + ".json")) {
            return pbs_ok(*content);
        }
        if (m_store_set.count(store) == 0) {
            return pbs_error(400, "no such datastore '" + store + "'");
        }
        return pbs_not_found("/api2/json" + path);
    }

    [[nodiscard]] ApiResponse store_status(const ApiRequest& request, const std::string& store) const {
        PbsParams params(request, {"verbose"});
        const bool verbose = params.boolean("verbose").value_or(false);
        if (!params.ok()) {
            return params.error_answer();
        }
        if (auto error = store_error(store)) {
            return *error;
        }
        json status = json_file("admin/datastore/" + store + "/status.json")
                          .value_or(json{{"total", 0}, {"used", 0}, {"avail", 0}});
        if (!verbose) {
            status.erase("counts");
            status.erase("gc-status");
        } else if (!status.contains("counts")) {
            const auto generated = m_generated.find(store);
            status["counts"] = generated != m_generated.end() ? generated_counts(generated->second)
                                                              : snapshot_counts(m_snapshots.at(store));
        }
        return pbs_ok(status);
    }

    [[nodiscard]] ApiResponse snapshots(const ApiRequest& request, const std::string& store) const {
        PbsParams params(request, {"ns", "backup-type", "backup-id"});
        PbsSnapshotFilter filter;
        filter.ns = params.namespace_name("ns").value_or("");
        filter.backup_type = params.one_of("backup-type", k_backup_types);
        filter.backup_id = params.safe_id("backup-id");
        if (!params.ok()) {
            return params.error_answer();
        }
        if (auto error = store_error(store)) {
            return *error;
        }
        if (!namespace_exists(store, filter.ns)) {
            return pbs_error(400, "namespace '" + filter.ns + "' does not exist");
        }
        if (const auto generated = m_generated.find(store); generated != m_generated.end()) {
            ApiResponse response;
            response.content_type = k_pbs_json_type;
            response.body_chunks =
                generated_snapshot_stream(generated->second, filter.ns, filter.backup_type, filter.backup_id);
            return response;
        }
        return pbs_ok(select_snapshots(m_snapshots.at(store), filter));
    }

    [[nodiscard]] ApiResponse groups(const ApiRequest& request, const std::string& store) const {
        PbsParams params(request, {"ns"});
        const std::string ns = params.namespace_name("ns").value_or("");
        if (!params.ok()) {
            return params.error_answer();
        }
        if (auto error = store_error(store)) {
            return *error;
        }
        if (!namespace_exists(store, ns)) {
            return pbs_error(400, "namespace '" + ns + "' does not exist");
        }
        if (const auto generated = m_generated.find(store); generated != m_generated.end()) {
            return pbs_ok(generated_groups(generated->second, ns));
        }
        return pbs_ok(derive_groups(m_snapshots.at(store), ns));
    }

    [[nodiscard]] ApiResponse namespaces(const ApiRequest& request, const std::string& store) const {
        PbsParams params(request, {"parent", "max-depth"});
        const std::string parent = params.namespace_name("parent").value_or("");
        const auto max_depth = params.integer("max-depth", 0, k_max_namespace_depth);
        if (!params.ok()) {
            return params.error_answer();
        }
        if (auto error = store_error(store)) {
            return *error;
        }
        if (!namespace_exists(store, parent)) {
            return pbs_error(400, "namespace '" + parent + "' does not exist");
        }
        std::optional<int> depth;
        if (max_depth) {
            depth = static_cast<int>(*max_depth);
        }
        return pbs_ok(namespace_list(m_namespaces.at(store), parent, depth));
    }

    [[nodiscard]] ApiResponse datastore_list(const ApiRequest& request) const {
        PbsParams params(request, {});
        if (!params.ok()) {
            return params.error_answer();
        }
        if (const auto list = json_file("admin/datastore.json")) {
            return pbs_ok(*list);
        }
        const auto config = json_file("config/datastore.json").value_or(json::array());
        json list = json::array();
        for (const auto& store : m_stores) {
            json comment = nullptr;
            for (const auto& item : config) {
                if (text_of(item, "name") == store && item.contains("comment")) {
                    comment = item["comment"];
                }
            }
            list.push_back(json{{"store", store}, {"comment", comment}});
        }
        return pbs_ok(list);
    }

    [[nodiscard]] ApiResponse datastore_usage(const ApiRequest& request) const {
        PbsParams params(request, {});
        if (!params.ok()) {
            return params.error_answer();
        }
        if (const auto list = json_file("status/datastore-usage.json")) {
            return pbs_ok(*list);
        }
        json list = json::array();
        for (const auto& store : m_stores) {
            json item = {{"store", store}};
            if (const auto status = json_file("admin/datastore/" + store + "/status.json")) {
                for (const char* key : {"total", "used", "avail"}) {
                    if (status->contains(key)) {
                        item[key] = (*status)[key];
                    }
                }
            }
            list.push_back(std::move(item));
        }
        return pbs_ok(list);
    }

    [[nodiscard]] ApiResponse datastore_config(const ApiRequest& request) const {
        PbsParams params(request, {});
        if (!params.ok()) {
            return params.error_answer();
        }
        const auto content = file("config/datastore.json");
        if (content) {
            return pbs_ok(json::parse(*content, nullptr, false), sha256_hex(*content));
        }
        json list = json::array();
        for (const auto& store : m_stores) {
            list.push_back(json{{"name", store}, {"path", "/mnt/datastore/" + store}});
        }
        return pbs_ok(list, sha256_hex(""));
    }

    /// `/config/<kind>` and `/admin/<kind>` (the job status: `admin/<kind>.json`, else the config).
    /// For prune the whole family answers 404 without `config/prune.json` (PBS < 2.2.2).
    [[nodiscard]] ApiResponse jobs(const ApiRequest& request, const std::string& kind, bool status,
                                   bool absent_is_404) const {
        const std::string config_name = "config/" + kind + ".json";
        const auto config = file(config_name);
        if (!config && absent_is_404) {
            return pbs_not_found("/api2/json" + request.path);
        }
        PbsParams params(request, status ? std::vector<std::string>{"store"} : std::vector<std::string>{});
        const auto store = status ? params.text("store") : std::nullopt;
        if (!params.ok()) {
            return params.error_answer();
        }
        const std::string digest = sha256_hex(config.value_or(""));
        const json config_jobs = config ? json::parse(*config, nullptr, false) : json::array();
        if (!status) {
            return pbs_ok(config_jobs, digest);
        }
        return pbs_ok(filter_by_store(json_file("admin/" + kind + ".json").value_or(config_jobs), store), digest);
    }

    [[nodiscard]] ApiResponse time(const ApiRequest& request) const {
        PbsParams params(request, {});
        if (!params.ok()) {
            return params.error_answer();
        }
        if (const auto content = json_file("nodes/localhost/time.json")) {
            return pbs_ok(*content);
        }
        const auto now = static_cast<long long>(std::time(nullptr));
        return pbs_ok(json{{"timezone", "UTC"}, {"time", now}, {"localtime", now}});
    }

    [[nodiscard]] ApiResponse permissions(const ApiRequest& request) const {
        PbsParams params(request, {"path", "auth-id"});
        const auto path = params.text("path");
        if (!params.ok()) {
            return params.error_answer();
        }
        const json all = json_file("access/permissions.json").value_or(json::object());
        if (!path || !all.is_object()) {
            return pbs_ok(all);
        }
        // The exact entry, else the nearest ancestor's propagated privileges.
        std::string candidate = *path;
        while (true) {
            if (const auto it = all.find(candidate); it != all.end()) {
                json privileges = json::object();
                for (const auto& [privilege, propagate] : it->items()) {
                    if (candidate == *path || propagate == true) {
                        privileges[privilege] = propagate;
                    }
                }
                return pbs_ok(privileges.empty() ? json::object() : json{{*path, privileges}});
            }
            if (candidate.empty() || candidate == "/") {
                return pbs_ok(json::object());
            }
            const auto slash = candidate.rfind('/');
            candidate = slash == 0 || slash == std::string::npos ? std::string("/") : candidate.substr(0, slash);
        }
    }

    const Scenario& m_scenario;
    std::string m_prefix; // "pbs/<server>/"
    std::vector<Token> m_tokens;
    std::vector<std::string> m_stores; // in order of first mention
    std::set<std::string> m_store_set;
    std::map<std::string, json> m_snapshots;                      // store -> all snapshots
    std::map<std::string, GeneratedStore> m_generated;            // store -> generated.json spec
    std::map<std::string, std::vector<std::string>> m_namespaces; // store -> namespaces, root first
};

} // namespace

std::unique_ptr<ApiPersonality> make_pbs_personality(const Scenario& scenario, const std::string& server,
                                                     std::vector<Token> tokens) {
    return std::make_unique<PbsRoutes>(scenario, server, std::move(tokens));
}

} // namespace pvr::emulator
