// The PVE personality: the endpoints of docs/scenarios.md served from the scenario's `pve/` tree.

#include "core/strings.hpp"
#include "emulator/personality.hpp"
#include "emulator/pve_answers.hpp"
#include "emulator/query_params.hpp"
#include "emulator/task_filters.hpp"
#include "emulator/token_check.hpp"

#include <algorithm>
#include <map>

namespace pvr::emulator {
namespace {

using nlohmann::json;

const std::vector<std::string> k_resource_types = {"vm", "storage", "node", "sdn"};
const std::vector<std::string> k_storage_types = {"btrfs",     "cephfs", "cifs",        "dir", "esxi",
                                                  "glusterfs", "iscsi",  "iscsidirect", "lvm", "lvmthin",
                                                  "nfs",       "pbs",    "rbd",         "zfs", "zfspool"};
const std::vector<std::string> k_pool_member_types = {"qemu", "lxc", "storage"};
const std::vector<std::string> k_task_sources = {"archive", "active", "all"};
const std::vector<std::string> k_task_status_classes = {"ok", "warning", "error", "unknown"};

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

class PveRoutes final : public ApiPersonality {
public:
    PveRoutes(const Scenario& scenario, std::vector<Token> tokens) : m_scenario(scenario), m_tokens(std::move(tokens)) {
        if (const auto nodes = json_file("nodes.json"); nodes && nodes->is_array()) {
            m_have_nodes = true;
            for (const auto& node : *nodes) {
                const std::string name = text_of(node, "node");
                if (!name.empty()) {
                    m_node_status[name] = text_of(node, "status");
                }
            }
        }
    }

    [[nodiscard]] std::string_view api_prefix() const override { return "/api2/json"; }

    [[nodiscard]] AuthCheck check_auth(std::string_view header) const override {
        return check_token_header(header, "PVEAPIToken", '=', m_tokens);
    }

    [[nodiscard]] ApiResponse auth_failure(AuthCheck check) const override {
        if (check == AuthCheck::invalid) {
            return empty_answer(401, "Authentication failed!");
        }
        return empty_answer(401, "No ticket");
    }

    [[nodiscard]] ApiResponse method_not_allowed(const std::string& method, const std::string& path) const override {
        ApiResponse response =
            pve_error(405, "Method '" + method + " " + path + "' not allowed: the API emulator is read-only");
        response.headers.emplace_back("Allow", "GET");
        return response;
    }

    [[nodiscard]] ApiResponse outside_api(const std::string& /*method*/, const std::string& path) const override {
        // pveproxy (AnyEvent.pm): "/api2" without a format, an unknown format, or a non-API file.
        if (path == "/api2" || path.rfind("/api2/", 0) == 0) {
            const auto segments = segments_of(path);
            if (segments.size() < 2) {
                return plain_error(501, "no such uri");
            }
            std::string rel;
            for (std::size_t i = 2; i < segments.size(); ++i) {
                rel += "/" + segments[i];
            }
            return plain_error(501,
                               "no formatter for uri " + (rel.empty() ? std::string("/") : rel) + ", " + segments[1]);
        }
        return plain_error(501, "no such file '" + path + "'");
    }

    [[nodiscard]] ApiResponse fault_answer(const Fault& fault, const std::string& api_path) const override {
        const std::string reason = fault.reason.empty() ? default_pve_reason(fault.status, api_path) : fault.reason;
        if (fault.status == 401) {
            return empty_answer(401, reason);
        }
        if (fault.status >= 595 && fault.status <= 599) {
            return proxy_error(fault.status, reason);
        }
        if (fault.status == 501) {
            ApiResponse response = pve_error(501, reason);
            response.body = json{{"data", nullptr}, {"message", reason}}.dump();
            return response;
        }
        if (fault.status >= 400) {
            return pve_error(fault.status, reason);
        }
        return empty_answer(fault.status, reason);
    }

    [[nodiscard]] ApiResponse handle(const ApiRequest& request) const override {
        const auto segments = segments_of(request.path);
        const std::string path = normalized(segments);
        if (segments.size() >= 2 && segments[0] == "nodes") {
            return node_route(request, segments, path);
        }
        if (path == "/cluster/resources") {
            return resources(request);
        }
        if (path == "/storage") {
            return storage_list(request);
        }
        if (segments.size() == 2 && segments[0] == "storage") {
            return storage_one(segments[1], path);
        }
        if (!segments.empty() && segments.size() <= 2 && segments[0] == "pools") {
            return pools(request, segments);
        }
        if (segments.size() == 3 && segments[0] == "cluster" && segments[1] == "backup") {
            return backup_job(segments[2], path);
        }
        return generic(path);
    }

private:
    static std::string normalized(const std::vector<std::string>& segments) {
        std::string path;
        for (const auto& segment : segments) {
            path += "/" + segment;
        }
        return path.empty() ? "/" : path;
    }

    [[nodiscard]] std::optional<std::string> file(const std::string& relative) const {
        return m_scenario.file("pve/" + relative);
    }

    [[nodiscard]] std::optional<json> json_file(const std::string& relative) const {
        const auto content = file(relative);
        if (!content) {
            return std::nullopt;
        }
        return json::parse(*content, nullptr, false);
    }

    [[nodiscard]] ApiResponse generic(const std::string& path) const {
        if (path != "/") {
            if (const auto content = file(path.substr(1) + ".json")) {
                return pve_ok_raw(*content);
            }
        }
        return pve_not_implemented("GET", path);
    }

    [[nodiscard]] ApiResponse node_route(const ApiRequest& request, const std::vector<std::string>& segments,
                                         const std::string& path) const {
        const std::string& node = segments[1];
        if (m_have_nodes) {
            const auto it = m_node_status.find(node);
            if (it == m_node_status.end()) {
                return pve_error(500, "hostname lookup '" + node + "' failed - failed to get address info for: " +
                                          node + ": Name or service not known");
            }
            if (it->second != "online") {
                return proxy_error(595, "No route to host");
            }
        }
        if (segments.size() == 3 && segments[2] == "tasks") {
            return task_list(request, node);
        }
        if (segments.size() == 5 && segments[2] == "tasks" && segments[4] == "log") {
            return task_log(request, node, segments[3]);
        }
        if (segments.size() == 5 && segments[2] == "tasks" && segments[4] == "status") {
            return task_status(node, segments[3], path);
        }
        if (segments.size() == 5 && (segments[2] == "qemu" || segments[2] == "lxc") && segments[4] == "config") {
            return guest_config(request, node, segments[2], segments[3], path);
        }
        if (segments.size() == 3 && (segments[2] == "qemu" || segments[2] == "lxc")) {
            return node_guests(request, node, segments[2], path);
        }
        return generic(path);
    }

    /// GET /nodes/{node}/qemu and /lxc: the node's guests of that kind from cluster/resources.json
    /// (or the scenario's own nodes/{node}/qemu.json). As PVE: qemu entries carry `vmid` as a
    /// number and no `type`; lxc entries carry `vmid` as a string and `type: "lxc"`.
    [[nodiscard]] ApiResponse node_guests(const ApiRequest& request, const std::string& node, const std::string& kind,
                                          const std::string& path) const {
        ParamChecker params(request);
        (void)params.boolean("full");
        if (!params.ok()) {
            return params.error_answer();
        }
        if (const auto content = file(path.substr(1) + ".json")) {
            return pve_ok_raw(*content);
        }
        json out = json::array();
        for (const auto& item : json_file("cluster/resources.json").value_or(json::array())) {
            if (!item.is_object() || text_of(item, "type") != kind || text_of(item, "node") != node) {
                continue;
            }
            json entry = json::object();
            if (const auto it = item.find("vmid"); it != item.end()) {
                entry["vmid"] = kind == "lxc" && it->is_number() ? json(std::to_string(it->get<long long>())) : *it;
            }
            if (kind == "lxc") {
                entry["type"] = "lxc";
            }
            for (const char* key :
                 {"name", "status", "template", "tags", "lock", "maxmem", "maxdisk", "uptime", "cpus", "mem", "disk"}) {
                if (const auto it = item.find(key); it != item.end()) {
                    entry[key] = *it;
                }
            }
            out.push_back(std::move(entry));
        }
        return pve_ok(out);
    }

    [[nodiscard]] ApiResponse task_list(const ApiRequest& request, const std::string& node) const {
        ParamChecker params(request);
        TaskListQuery query;
        query.start = params.integer("start", 0).value_or(0);
        query.limit = params.integer("limit", 0).value_or(50);
        query.typefilter = params.text("typefilter");
        if (const auto vmid = params.integer("vmid", 100)) {
            query.vmid = std::to_string(*vmid);
        }
        query.userfilter = params.text("userfilter");
        query.since = params.integer("since", 0);
        query.until = params.integer("until", 0);
        query.errors = params.boolean("errors").value_or(false);
        query.statusfilter = params.list_of("statusfilter", k_task_status_classes).value_or(std::vector<std::string>{});
        query.source = params.one_of("source", k_task_sources).value_or("archive");
        if (!params.ok()) {
            return params.error_answer();
        }
        const auto tasks = json_file("nodes/" + node + "/tasks.json").value_or(json::array());
        const auto page = filter_tasks(tasks, query);
        return pve_ok(page.data, page.total);
    }

    [[nodiscard]] std::optional<std::string> log_file(const std::string& node, const std::string& upid) const {
        std::string name = upid;
        std::replace(name.begin(), name.end(), ':', '_');
        if (auto content = file("nodes/" + node + "/tasks/" + name + ".log")) {
            return content;
        }
        return file("nodes/" + node + "/tasks/" + upid + ".log");
    }

    [[nodiscard]] ApiResponse task_log(const ApiRequest& request, const std::string& node,
                                       const std::string& upid) const {
        ParamChecker params(request);
        const long long start = params.integer("start", 0).value_or(0);
        const long long limit = params.integer("limit", 0).value_or(50);
        (void)params.boolean("download");
        if (!params.ok()) {
            return params.error_answer();
        }
        const auto page = page_task_log(log_file(node, upid), start, limit);
        return pve_ok(page.data, page.total);
    }

    [[nodiscard]] ApiResponse task_status(const std::string& node, const std::string& upid,
                                          const std::string& path) const {
        if (const auto content = file(path.substr(1) + ".json")) {
            return pve_ok_raw(*content);
        }
        if (upid.rfind("UPID:", 0) != 0) {
            return pve_param_error({{"upid", "unable to parse worker upid '" + upid + "'"}});
        }
        const auto tasks = json_file("nodes/" + node + "/tasks.json").value_or(json::array());
        for (const auto& task : tasks) {
            if (text_of(task, "upid") != upid) {
                continue;
            }
            json status = json::object();
            for (const char* key : {"upid", "node", "pid", "pstart", "starttime", "type", "id", "user", "tokenid"}) {
                if (task.contains(key)) {
                    status[key] = task[key];
                }
            }
            if (task_is_running(task)) {
                status["status"] = "running";
            } else {
                status["status"] = "stopped";
                status["exitstatus"] = text_of(task, "status");
            }
            return pve_ok(status);
        }
        return pve_param_error({{"upid", "no such task"}});
    }

    [[nodiscard]] ApiResponse guest_config(const ApiRequest& request, const std::string& node, const std::string& kind,
                                           const std::string& vmid_text, const std::string& path) const {
        ParamChecker params(request);
        (void)params.boolean("current");
        const auto vmid = parse_int(vmid_text);
        if (!params.ok()) {
            return params.error_answer();
        }
        if (!vmid || *vmid < 100) {
            return pve_param_error({{"vmid", vmid ? "value must have a minimum value of 100"
                                                  : "type check ('integer') failed - got '" + vmid_text + "'"}});
        }
        if (const auto content = file(path.substr(1) + ".json")) {
            return pve_ok_raw(*content);
        }
        const std::string directory = kind == "qemu" ? "qemu-server" : "lxc";
        return pve_error(500, "Configuration file 'nodes/" + node + "/" + directory + "/" + std::to_string(*vmid) +
                                  ".conf' does not exist");
    }

    [[nodiscard]] ApiResponse resources(const ApiRequest& request) const {
        ParamChecker params(request);
        const auto type = params.one_of("type", k_resource_types);
        if (!params.ok()) {
            return params.error_answer();
        }
        const auto all = json_file("cluster/resources.json").value_or(json::array());
        if (!type) {
            return pve_ok(all);
        }
        json selected = json::array();
        for (const auto& item : all) {
            const std::string item_type = text_of(item, "type");
            const bool keep = *type == "vm" ? (item_type == "qemu" || item_type == "lxc" || item_type == "openvz")
                                            : item_type == *type;
            if (keep) {
                selected.push_back(item);
            }
        }
        return pve_ok(selected);
    }

    [[nodiscard]] ApiResponse storage_list(const ApiRequest& request) const {
        ParamChecker params(request);
        const auto type = params.one_of("type", k_storage_types);
        if (!params.ok()) {
            return params.error_answer();
        }
        const auto all = json_file("storage.json").value_or(json::array());
        if (!type) {
            return pve_ok(all);
        }
        json selected = json::array();
        for (const auto& item : all) {
            if (text_of(item, "type") == *type) {
                selected.push_back(item);
            }
        }
        return pve_ok(selected);
    }

    [[nodiscard]] ApiResponse storage_one(const std::string& id, const std::string& path) const {
        if (const auto content = file(path.substr(1) + ".json")) {
            return pve_ok_raw(*content);
        }
        for (const auto& item : json_file("storage.json").value_or(json::array())) {
            if (text_of(item, "storage") == id) {
                return pve_ok(item);
            }
        }
        return pve_error(500, "storage '" + id + "' does not exist");
    }

    [[nodiscard]] ApiResponse pools(const ApiRequest& request, const std::vector<std::string>& segments) const {
        ParamChecker params(request);
        const auto member_type = params.one_of("type", k_pool_member_types);
        const auto poolid = segments.size() == 2 ? std::optional<std::string>(segments[1]) : params.text("poolid");
        if (!params.ok()) {
            return params.error_answer();
        }
        const auto all = json_file("pools.json").value_or(json::array());
        if (!poolid) {
            json list = json::array();
            for (auto pool : all) {
                if (pool.is_object()) {
                    pool.erase("members");
                }
                list.push_back(std::move(pool));
            }
            return pve_ok(list);
        }
        for (auto pool : all) {
            if (text_of(pool, "poolid") != *poolid) {
                continue;
            }
            if (!pool.contains("members")) {
                pool["members"] = json::array();
            }
            if (member_type) {
                json members = json::array();
                for (const auto& member : pool["members"]) {
                    if (text_of(member, "type") == *member_type) {
                        members.push_back(member);
                    }
                }
                pool["members"] = std::move(members);
            }
            if (segments.size() == 2) {
                return pve_ok(pool);
            }
            return pve_ok(json::array({pool}));
        }
        return pve_error(500, "pool '" + *poolid + "' does not exist");
    }

    [[nodiscard]] ApiResponse backup_job(const std::string& id, const std::string& path) const {
        if (const auto content = file(path.substr(1) + ".json")) {
            return pve_ok_raw(*content);
        }
        for (auto job : json_file("cluster/backup.json").value_or(json::array())) {
            if (text_of(job, "id") == id) {
                job.erase("next-run");
                return pve_ok(job);
            }
        }
        return pve_param_error({{"id", "No such job '" + id + "'"}});
    }

    const Scenario& m_scenario;
    std::vector<Token> m_tokens;
    bool m_have_nodes = false;
    std::map<std::string, std::string> m_node_status;
};

} // namespace

std::unique_ptr<ApiPersonality> make_pve_personality(const Scenario& scenario, std::vector<Token> tokens) {
    return std::make_unique<PveRoutes>(scenario, std::move(tokens));
}

} // namespace pvr::emulator
