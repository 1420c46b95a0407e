// The fault matrix (issue #8, item 6): one row per injected fault, each running the real
// pve-backup-report binary over real HTTPS against the emulator serving the demo scenario
// (scenarios/demo) and asserting the exit code, the report's content and the files left in
// OUTPUT_DIR. ctest names each row `integration.FaultMatrix/FaultMatrix.Row/<name>`.
// docs/fault-matrix.md holds the same table (FaultMatrixDoc.InSync checks it; run the test binary
// with PVR_UPDATE_FAULT_MATRIX_DOC=1 to rewrite it).
//
// PENDING ROWS. A row named in k_pending below states the target behaviour of work not merged yet
// and is skipped (GTEST_SKIP "pending: <what>") until then; a row is flipped by deleting its line
// (PVR_FAULT_MATRIX_RUN_PENDING=1 runs pending rows anyway). None is pending today.

#include "emulator/emulator.hpp"
#include "emulator/fault_bodies.hpp"
#include "emulator/faults.hpp"
#include "emulator/scenario_cluster.hpp"
#include "emulator/tls_identity.hpp"
#include "model/collection_issue.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Rows waiting for another helper's branch: row name -> helper.
const std::map<std::string, std::string> k_pending = {};

using nlohmann::json;
using pvr::emulator::Emulator;
using pvr::emulator::Fault;
using pvr::emulator::parse_fault;
using pvr::emulator::ScenarioFile;

constexpr const char* k_token_id = "report@pve!coverage";
constexpr const char* k_secret = "4b0c5a2e-7f3d-4f4e-9a57-1d2c3b4a5f60";
constexpr const char* k_pbs_token_id = "pve-report@pbs!coverage";
constexpr const char* k_pbs_secret = "9d1f3e2a-8c4b-4d6e-a1f2-3b4c5d6e7f80";
/// The secret sweep's token secrets: URL and JSON special characters.
constexpr const char* k_nasty_secret = R"(a"b\c%2F&d=e+f/g?h#i)";
constexpr const char* k_nasty_pbs_secret = R"(p"q\r%3A&s=t+u/v?w#x:y)";
constexpr const char* k_now = "2026-11-27T07:00:00Z";
constexpr const char* k_report = "pve-backup-report_pve-prod_2026-11-27_070000.json";
/// Reports are named after the cluster, which is unknown when /cluster/status fails.
const std::string k_report_suffix = "_2026-11-27_070000.json";
// Every report run also keeps its report data in the archive (HISTORY_DIR, by default OUTPUT_DIR).
constexpr const char* k_archive = "pve-backup-report_pve-prod_2026-11-27_070000.data.json.gz";
constexpr std::size_t k_demo_guests = 40;
/// The guests whose coverage depends on pool membership: covered only through a pool job (105, 106)
/// or not covered by any other job (113, 114, 115, 300, 9001: a pool job might include them).
const std::vector<long> k_pool_guests = {105, 106, 113, 114, 115, 300, 9001};

// ---------------------------------------------------------------------------------------------
// Expectations

enum class Files : std::uint8_t { report, none };

struct Expect {
    std::set<int> exit_codes{0};
    Files files = Files::report;
    std::optional<std::size_t> guests_total = k_demo_guests;
    std::optional<std::size_t> min_guests;
    /// Exactly these guests are `indetermine` (nullopt: not checked; "all": every guest).
    std::optional<std::vector<long>> indetermine = std::vector<long>{};
    bool all_indetermine = false;
    /// Each: some collection issue's endpoint matches this glob.
    std::vector<std::string> issue_endpoints;
    /// Each: some collection issue's message contains this text.
    std::vector<std::string> issue_texts;
    /// Each: standard error contains this text.
    std::vector<std::string> stderr_texts;
    /// Each: an anomaly of this kind.
    std::vector<std::string> anomalies;
    std::chrono::seconds max_seconds{45};
};

struct Context;
struct RunResult;

struct Row {
    std::string name;
    std::string fault;    // for the docs: what is injected
    std::string endpoint; // for the docs: where
    std::function<void(Context&)> arrange;
    Expect expect;
    std::function<void(Context&, const RunResult&, const json&)> verify; // extra checks (may be empty)
};

// ---------------------------------------------------------------------------------------------
// A running emulated installation for one row

struct RunResult {
    pvr::test::ProcessResult result;
    std::chrono::milliseconds elapsed{0};
};

/// A tmpfs mounted for one row (root only), unmounted at the end.
class TmpfsMount {
public:
    TmpfsMount(const std::string& path, const std::string& options) : m_path(path) {
        std::filesystem::create_directories(path);
        m_ok = ::mount("pvr-fault-matrix", path.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~TmpfsMount() {
        if (m_ok) {
            ::umount2(m_path.c_str(), MNT_DETACH);
        }
    }
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }
    /// Remount read-only.
    bool make_read_only() {
        return m_ok && ::mount("pvr-fault-matrix", m_path.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }

private:
    std::string m_path;
    bool m_ok = false;
};

std::vector<ScenarioFile> demo_files() {
    static const std::vector<ScenarioFile> files = [] {
        std::vector<ScenarioFile> out;
        const auto demo = pvr::emulator::Scenario::from_directory(std::string(PVR_SOURCE_DIR) + "/scenarios/demo");
        for (const auto& [path, content] : demo.files()) {
            out.push_back({path, content});
        }
        return out;
    }();
    return files;
}

struct Context {
    pvr::test::TempDir dir;
    std::vector<ScenarioFile> files = demo_files();
    std::string pve_secret = k_secret;
    std::string pbs_secret = k_pbs_secret;
    bool with_pbs = false;
    std::map<std::string, std::optional<std::string>> env_overrides; // nullopt: remove the variable
    std::vector<std::string> extra_args;
    std::unique_ptr<pvr::emulator::ScenarioCluster> cluster;
    std::unique_ptr<Emulator> impostor; // a standalone server the tool is pointed at instead
    std::vector<std::unique_ptr<TmpfsMount>> mounts;
    std::string skip_reason; // set by arrange: the row cannot run here

    [[nodiscard]] std::string output_dir() const { return dir.path() + "/reports"; }
    [[nodiscard]] std::string ca_path() const { return dir.path() + "/ca.pem"; }

    json file_json(const std::string& path) const {
        for (const auto& f : files) {
            if (f.relative_path == path) {
                return json::parse(f.content);
            }
        }
        throw std::runtime_error("no scenario file " + path);
    }
    void set_file(const std::string& path, const json& content) {
        for (auto& f : files) {
            if (f.relative_path == path) {
                f.content = content.dump(1);
                return;
            }
        }
        files.push_back({path, content.dump(1)});
    }

    pvr::emulator::ScenarioCluster& started() {
        if (!cluster) {
            cluster = std::make_unique<pvr::emulator::ScenarioCluster>(
                pvr::emulator::Scenario::from_files(files), std::vector<pvr::emulator::Token>{{k_token_id, pve_secret}},
                std::vector<pvr::emulator::Token>{{k_pbs_token_id, pbs_secret}}, dir.path() + "/logs");
            std::ofstream(ca_path()) << cluster->pve().certificate_pem();
        }
        return *cluster;
    }
    Emulator& pve() { return started().pve(); }
    Emulator& pbs(const std::string& server) { return *started().pbs().at(server); }
    /// Injected faults must be hit by at least one request (else the row proves nothing).
    void add_pve_fault(Fault fault) {
        faults_added = true;
        pve().add_fault(std::move(fault));
    }
    void add_pbs1_fault(Fault fault) {
        faults_added = true;
        with_pbs = true;
        pbs("pbs1.example.lan").add_fault(std::move(fault));
    }
    bool faults_added = false;

    /// A standalone PVE emulator with these options, which the tool is pointed at (PVE_URL).
    Emulator& start_impostor(pvr::emulator::EmulatorOptions options) {
        options.tokens = {{k_token_id, pve_secret}};
        impostor = std::make_unique<Emulator>(pvr::emulator::Scenario::from_files(files), std::move(options));
        impostor->start();
        env_overrides["PVE_URL"] = impostor->base_url();
        return *impostor;
    }

    std::vector<Emulator*> emulators() {
        std::vector<Emulator*> all;
        if (cluster) {
            all.push_back(&cluster->pve());
            for (const auto& [server, emulator] : cluster->pbs()) {
                all.push_back(emulator);
            }
        }
        if (impostor) {
            all.push_back(impostor.get());
        }
        return all;
    }

    std::map<std::string, std::string> env() {
        auto& c = started();
        std::map<std::string, std::string> e{
            {"PVE_URL", c.pve().base_url()}, {"PVE_TOKEN_ID", k_token_id}, {"PVE_TOKEN_SECRET", pve_secret},
            {"PVE_CA_BUNDLE", ca_path()},    {"PVE_TIMEOUT", "10"},        {"OUTPUT_DIR", output_dir()}};
        if (with_pbs) {
            e["PBS_TOKEN_ID"] = k_pbs_token_id;
            e["PBS_TOKEN_SECRET"] = pbs_secret;
            e["PBS_TIMEOUT"] = "10";
            e["PBS_PBS_MAIN_URL"] = c.pbs_url("pbs1.example.lan").value();
            e["PBS_PBS_OFFSITE_URL"] = c.pbs_url("pbs2.example.lan").value();
        }
        for (const auto& [name, value] : env_overrides) {
            if (value) {
                e[name] = *value;
            } else {
                e.erase(name);
            }
        }
        return e;
    }
};

// ---------------------------------------------------------------------------------------------
// Row builders

Fault raw_body(const std::string& glob, std::string body, int status = 0) {
    Fault f;
    f.path_glob = glob;
    f.body = std::move(body);
    f.status = status;
    return f;
}

Fault replacing(const std::string& glob, std::vector<std::pair<std::string, std::string>> replace) {
    Fault f;
    f.path_glob = glob;
    f.replace = std::move(replace);
    return f;
}

Expect report_with_issue(const std::string& endpoint_glob) {
    Expect e;
    e.issue_endpoints = {endpoint_glob};
    return e;
}

Expect no_report(int exit_code, std::vector<std::string> stderr_texts = {}) {
    Expect e;
    e.exit_codes = {exit_code};
    e.files = Files::none;
    e.guests_total.reset();
    e.indetermine.reset();
    e.stderr_texts = std::move(stderr_texts);
    return e;
}

std::string slug(const std::string& glob) {
    std::string out;
    for (const char c : glob) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            out += c;
        } else if (c == '*') {
            out += "x";
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') {
        out.pop_back();
    }
    return out;
}

/// What the PVE endpoints mean for the report.
enum class Role : std::uint8_t { version, nodes, inventory, jobs, pools, detail };

struct Endpoint {
    std::string glob;
    Role role;
};

const std::vector<Endpoint> k_pve_endpoints = {
    {"/version", Role::version},
    {"/nodes", Role::nodes},
    {"/cluster/resources", Role::inventory},
    {"/cluster/backup", Role::jobs},
    {"/cluster/status", Role::detail},
    {"/storage", Role::detail},
    {"/pools*", Role::pools},
    {"/cluster/tasks", Role::detail},
    {"/nodes/*/tasks", Role::detail},
    {"/nodes/*/tasks/*/log", Role::detail},
    {"/nodes/*/qemu/*/config", Role::detail},
    {"/nodes/*/lxc/*/config", Role::detail},
    {"/nodes/*/time", Role::detail},
    {"/access/permissions", Role::detail},
    {"/cluster/backup-info/not-backed-up", Role::detail},
};

/// The target for a failure (HTTP status or broken answer) of one PVE endpoint.
Expect expect_failure_of(const Endpoint& e, int status) {
    if (status == 401) {
        // A token refused in the middle of a run is an authentication failure like any other.
        return no_report(3, {"401"});
    }
    const std::string endpoint = e.glob == "/pools*" ? "/pools" : e.glob;
    switch (e.role) {
    case Role::version:
        // A refused /version is a privilege problem (exit 3), any other failure exit 4.
        return no_report(status == 403 ? 3 : 4, {endpoint});
    case Role::nodes: {
        // The node list falls back to the nodes of /cluster/status (cluster.node_source).
        return report_with_issue(endpoint);
    }
    case Role::jobs: {
        Expect x = no_report(4, {endpoint});
        if (status == 403) {
            x.exit_codes = {3, 4}; // a missing foundation, or a missing privilege
        }
        return x;
    }
    case Role::inventory: {
        // The guest inventory falls back to /nodes/{node}/qemu + /lxc of the online nodes: the
        // offline pve3's four guests cannot be listed that way.
        Expect x = report_with_issue(e.glob);
        x.guests_total.reset();
        x.min_guests = k_demo_guests - 4;
        x.indetermine.reset();
        return x;
    }
    case Role::pools: {
        Expect x = report_with_issue("/pools*");
        x.indetermine = k_pool_guests;
        return x;
    }
    case Role::detail:
        return report_with_issue(e.glob);
    }
    return {};
}

void add_status_rows(std::vector<Row>& rows) {
    for (const auto& e : k_pve_endpoints) {
        for (const int status : {401, 403, 500, 501, 595, 596}) {
            Row row;
            row.name = "pve_" + slug(e.glob) + "_" + std::to_string(status);
            row.fault = "HTTP " + std::to_string(status);
            row.endpoint = e.glob;
            const std::string spec = e.glob + "=" + std::to_string(status);
            row.arrange = [spec](Context& c) { c.add_pve_fault(parse_fault(spec)); };
            row.expect = expect_failure_of(e, status);
            if (status == 401) {
                // Never more than one 401: the tool stops at the first.
                // Per-node requests run in parallel (a pool of workers): those already in flight are
                // refused too, but none is tried again, and the run stops at once.
                const std::size_t most = e.glob.rfind("/nodes/*/", 0) == 0 ? 8 : 1;
                row.verify = [most](Context& c, const RunResult&, const json&) {
                    std::map<std::string, std::size_t> refused;
                    std::size_t total = 0;
                    for (const auto& r : c.pve().requests()) {
                        if (r.status == 401) {
                            ++refused[r.path + "?" + r.query];
                            ++total;
                        }
                    }
                    EXPECT_GE(total, 1U);
                    EXPECT_LE(total, most) << "the run must stop at the first refusal";
                    for (const auto& [path, count] : refused) {
                        EXPECT_EQ(count, 1U) << "a refused request was tried again: " << path;
                    }
                };
            }
            rows.push_back(std::move(row));
        }
    }
}

/// Every retention figure of `storage` is null (not collected), never 0.
void expect_retention_unknown(const json& report, const std::string& storage) {
    std::size_t entries = 0;
    for (const auto& g : report["guests"]) {
        for (const auto& r : g["retention"]) {
            if (r["storage"] == storage) {
                ++entries;
                EXPECT_TRUE(r["actual_versions"].is_null()) << g["vmid"] << " " << r.dump();
            }
        }
    }
    EXPECT_GT(entries, 0U) << storage;
}

/// Every retention figure of `storage` is known (an integer).
void expect_retention_known(const json& report, const std::string& storage) {
    std::size_t entries = 0;
    for (const auto& g : report["guests"]) {
        for (const auto& r : g["retention"]) {
            if (r["storage"] == storage) {
                ++entries;
                EXPECT_TRUE(r["actual_versions"].is_number_integer()) << g["vmid"] << " " << r.dump();
            }
        }
    }
    EXPECT_GT(entries, 0U) << storage;
}

/// How a failing PBS endpoint shows in the report.
enum class PbsRole : std::uint8_t {
    issue,       // a collection issue naming it
    alternative, // another endpoint gives the same data: no issue, nothing lost
    legacy,      // read only from PBS < 2.2.2 (no prune jobs): /admin/prune and /config/prune answer 404
    permissions, // read only to explain an empty listing: pbs1's snapshot listing is empty
};

struct PbsEndpoint {
    std::string glob;
    PbsRole role;
};

const std::vector<PbsEndpoint> k_pbs_endpoints = {
    {"/version", PbsRole::issue},
    {"/admin/datastore", PbsRole::issue},
    {"/status/datastore-usage", PbsRole::alternative}, // each datastore's /status instead
    {"/admin/datastore/*/snapshots", PbsRole::issue},
    {"/admin/datastore/*/namespace", PbsRole::issue},
    {"/admin/prune", PbsRole::alternative}, // /config/prune instead
    {"/config/datastore", PbsRole::legacy},
    {"/nodes/localhost/time", PbsRole::issue},
    {"/access/permissions", PbsRole::permissions},
};

void add_pbs_rows(std::vector<Row>& rows) {
    for (const auto& e : k_pbs_endpoints) {
        for (const int status : {403, 500}) {
            Row row;
            row.name = "pbs_" + slug(e.glob) + "_" + std::to_string(status);
            row.fault = "HTTP " + std::to_string(status) + " (PBS pbs1)";
            row.endpoint = "PBS " + e.glob;
            const std::string spec = e.glob + "=" + std::to_string(status);
            const PbsRole role = e.role;
            row.arrange = [spec, role](Context& c) {
                c.with_pbs = true;
                if (role == PbsRole::legacy) {
                    c.pbs("pbs1.example.lan").add_fault(parse_fault("/admin/prune=404"));
                    c.pbs("pbs1.example.lan").add_fault(parse_fault("/config/prune=404"));
                } else if (role == PbsRole::permissions) {
                    c.pbs("pbs1.example.lan").add_fault(raw_body("/admin/datastore/*/snapshots", R"({"data":[]})"));
                }
                c.add_pbs1_fault(parse_fault(spec));
            };
            switch (role) {
            case PbsRole::issue:
            case PbsRole::legacy:
                row.expect = report_with_issue(e.glob);
                break;
            case PbsRole::alternative:
                row.fault += ", alternative source";
                row.verify = [](Context&, const RunResult&, const json& report) {
                    expect_retention_known(report, "pbs-main");
                };
                break;
            case PbsRole::permissions:
                row.fault += ", snapshot listing empty";
                row.expect = report_with_issue("/admin/datastore/*/snapshots");
                break;
            }
            if (role == PbsRole::legacy) {
                row.fault += ", PBS < 2.2.2";
            }
            if (e.glob == "/admin/datastore/*/snapshots" || role == PbsRole::permissions) {
                row.verify = [](Context&, const RunResult&, const json& report) {
                    expect_retention_unknown(report, "pbs-main");
                };
            }
            rows.push_back(std::move(row));
        }
    }
    {
        Row row;
        row.name = "pbs_snapshots_401";
        row.fault = "HTTP 401 (PBS pbs1)";
        row.endpoint = "PBS /admin/datastore/*/snapshots";
        row.arrange = [](Context& c) { c.add_pbs1_fault(parse_fault("/admin/datastore/*/snapshots=401")); };
        row.expect = report_with_issue("/admin/datastore/*/snapshots");
        row.verify = [](Context&, const RunResult&, const json& report) {
            expect_retention_unknown(report, "pbs-main");
        };
        rows.push_back(std::move(row));
    }
}

json& guest_entry(json& resources, long vmid) {
    for (auto& item : resources) {
        if (item.value("vmid", 0L) == vmid && (item["type"] == "qemu" || item["type"] == "lxc")) {
            return item;
        }
    }
    throw std::runtime_error("no guest " + std::to_string(vmid));
}

/// Edits guest 100's entry of /cluster/resources in the scenario.
std::function<void(Context&)> edit_guest_100(std::function<void(json&)> edit) {
    return [edit](Context& c) {
        json resources = c.file_json("pve/cluster/resources.json");
        edit(guest_entry(resources, 100));
        c.set_file("pve/cluster/resources.json", resources);
    };
}

/// Sets the newest pbs1 snapshot of vm/100 in pbs-main's namespace (pve-prod) to `backup_time` (a
/// JSON number). The datastore also holds another cluster's vm/100 (namespace other-cluster), which
/// the report never reads.
std::function<void(Context&)> pbs_backup_time(json backup_time) {
    return [backup_time](Context& c) {
        const std::string path = "pbs/pbs1.example.lan/admin/datastore/store1/snapshots.json";
        json snapshots = c.file_json(path);
        json* newest = nullptr;
        for (auto& s : snapshots) {
            if (s["backup-id"] == "100" && s.value("ns", "") == "pve-prod" &&
                (newest == nullptr || s["backup-time"] > (*newest)["backup-time"])) {
                newest = &s;
            }
        }
        (*newest)["backup-time"] = backup_time;
        c.set_file(path, snapshots);
        c.with_pbs = true;
    };
}

void expect_sane_last_backup_of_100(Context&, const RunResult&, const json& report) {
    for (const auto& g : report["guests"]) {
        if (g["vmid"] == 100 && !g["last_backup"].is_null()) {
            EXPECT_LT(g["last_backup"]["time"].get<std::string>(), "2026-11-28") << g["last_backup"].dump();
            EXPECT_GT(g["last_backup"]["time"].get<std::string>(), "2000") << g["last_backup"].dump();
        }
    }
}

void add_network_rows(std::vector<Row>& rows) {
    rows.push_back({"reset_mid_body_version", "connection reset mid-body", "/version",
                    [](Context& c) { c.add_pve_fault(parse_fault("/version=reset")); }, no_report(4, {"/version"}),
                    nullptr});
    {
        Expect x = report_with_issue("/cluster/resources");
        x.guests_total.reset();
        x.min_guests = k_demo_guests - 4;
        x.indetermine.reset();
        rows.push_back({"reset_mid_body_cluster_resources", "connection reset mid-body", "/cluster/resources",
                        [](Context& c) { c.add_pve_fault(parse_fault("/cluster/resources=reset")); }, x, nullptr});
    }
    rows.push_back({"reset_mid_body_cluster_tasks", "connection reset mid-body", "/cluster/tasks",
                    [](Context& c) { c.add_pve_fault(parse_fault("/cluster/tasks=reset")); },
                    report_with_issue("/cluster/tasks"), nullptr});
    {
        Expect x = no_report(4, {"/version"});
        x.max_seconds = std::chrono::seconds(20);
        rows.push_back({"stall_version", "accept and never answer (PVE_TIMEOUT=1)", "/version",
                        [](Context& c) {
                            c.add_pve_fault(parse_fault("/version=stall"));
                            c.env_overrides["PVE_TIMEOUT"] = "1";
                        },
                        x, nullptr});
    }
    {
        Expect x = report_with_issue("/cluster/backup-info/not-backed-up");
        x.max_seconds = std::chrono::seconds(20);
        rows.push_back({"stall_not_backed_up", "accept and never answer (PVE_TIMEOUT=1)",
                        "/cluster/backup-info/not-backed-up",
                        [](Context& c) {
                            c.add_pve_fault(parse_fault("/cluster/backup-info/not-backed-up=stall"));
                            c.env_overrides["PVE_TIMEOUT"] = "1";
                        },
                        x, nullptr});
    }
    {
        Expect x = no_report(4, {"/version"});
        x.max_seconds = std::chrono::seconds(20);
        rows.push_back({"slow_body_version", "slow body: 8 bytes / 300 ms (PVE_TIMEOUT=1)", "/version",
                        [](Context& c) {
                            c.add_pve_fault(parse_fault("/version=slow:300"));
                            c.env_overrides["PVE_TIMEOUT"] = "1";
                        },
                        x, nullptr});
    }
    {
        Expect x = report_with_issue("/storage");
        x.max_seconds = std::chrono::seconds(20);
        rows.push_back({"slow_body_storage", "slow body: 8 bytes / 300 ms (PVE_TIMEOUT=1)", "/storage",
                        [](Context& c) {
                            c.add_pve_fault(parse_fault("/storage=slow:300"));
                            c.env_overrides["PVE_TIMEOUT"] = "1";
                        },
                        x, nullptr});
    }
    {
        Expect x = report_with_issue("/admin/datastore/*/snapshots");
        x.max_seconds = std::chrono::seconds(25);
        rows.push_back(
            {"stall_pbs_snapshots", "accept and never answer (PBS_TIMEOUT=1)", "PBS /admin/datastore/*/snapshots",
             [](Context& c) {
                 c.with_pbs = true;
                 c.add_pbs1_fault(parse_fault("/admin/datastore/*/snapshots=stall"));
                 c.env_overrides["PBS_TIMEOUT"] = "1";
             },
             x, [](Context&, const RunResult&, const json& report) { expect_retention_unknown(report, "pbs-main"); }});
    }
    const auto no_request_reached = [](Context& c, const RunResult&, const json&) {
        for (const auto* emulator : c.emulators()) {
            for (const auto& r : emulator->requests()) {
                EXPECT_EQ(r.auth, "missing") << "a token was sent to a server that failed verification: " << r.path;
            }
        }
    };
    rows.push_back({"wrong_ca", "certificate signed by another CA", "TLS handshake",
                    [](Context& c) {
                        c.pve();
                        std::ofstream(c.ca_path()) << pvr::emulator::generate_self_signed().cert_pem;
                    },
                    no_report(4, {"certificate"}), no_request_reached});
    rows.push_back({"hostname_mismatch", "certificate for another host name", "TLS handshake",
                    [](Context& c) {
                        pvr::emulator::EmulatorOptions options;
                        options.tls = pvr::emulator::generate_self_signed_for({"pve.example.invalid"});
                        auto& impostor = c.start_impostor(options);
                        c.pve();
                        std::ofstream(c.ca_path()) << impostor.certificate_pem();
                    },
                    no_report(4, {"127.0.0.1"}), no_request_reached});
    rows.push_back({"plain_http_on_https_port", "plain HTTP on the HTTPS port", "TLS handshake",
                    [](Context& c) {
                        pvr::emulator::EmulatorOptions options;
                        options.plain_http = true;
                        c.start_impostor(options);
                    },
                    no_report(4, {"127.0.0.1"}), no_request_reached});
    rows.push_back({"unreachable_pve", "nothing listens", "PVE_URL",
                    [](Context& c) { c.env_overrides["PVE_URL"] = "https://127.0.0.1:1"; },
                    no_report(4, {"127.0.0.1:1"}), nullptr});
    {
        Expect x;
        x.issue_texts = {"fingerprint"};
        rows.push_back({"pbs_fingerprint_mismatch", "PBS certificate fingerprint mismatch", "PBS TLS handshake",
                        [](Context& c) {
                            c.with_pbs = true;
                            c.env_overrides["PBS_PBS_MAIN_FINGERPRINT"] =
                                "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:"
                                "CC:DD:EE:FF";
                        },
                        x,
                        [](Context& c, const RunResult&, const json& report) {
                            expect_retention_unknown(report, "pbs-main");
                            EXPECT_TRUE(c.pbs("pbs1.example.lan").requests().empty())
                                << "the PBS token was sent to a server whose fingerprint did not match";
                        }});
    }
    {
        Expect x;
        x.issue_texts = {"127.0.0.1:1"};
        rows.push_back(
            {"unreachable_pbs", "nothing listens", "PBS_PBS_OFFSITE_URL",
             [](Context& c) {
                 c.with_pbs = true;
                 c.env_overrides["PBS_PBS_OFFSITE_URL"] = "https://127.0.0.1:1";
             },
             x,
             [](Context&, const RunResult&, const json& report) { expect_retention_unknown(report, "pbs-offsite"); }});
    }
}

void add_malformed_rows(std::vector<Row>& rows) {
    rows.push_back({"truncated_json_version", "truncated JSON", "/version",
                    [](Context& c) { c.add_pve_fault(parse_fault("/version=malformed")); }, no_report(4, {"/version"}),
                    nullptr});
    {
        Expect x = report_with_issue("/cluster/resources");
        x.guests_total.reset();
        x.min_guests = k_demo_guests - 4;
        x.indetermine.reset();
        rows.push_back({"truncated_json_cluster_resources", "truncated JSON", "/cluster/resources",
                        [](Context& c) { c.add_pve_fault(parse_fault("/cluster/resources=malformed")); }, x, nullptr});
        rows.push_back({"data_not_a_list_cluster_resources", "`data` is an object, not a list", "/cluster/resources",
                        [](Context& c) { c.add_pve_fault(raw_body("/cluster/resources", R"({"data":{"vmid":100}})")); },
                        x, nullptr});
    }
    rows.push_back({"truncated_json_cluster_backup", "truncated JSON", "/cluster/backup",
                    [](Context& c) { c.add_pve_fault(parse_fault("/cluster/backup=malformed")); },
                    no_report(4, {"/cluster/backup"}), nullptr});
    {
        Expect x = report_with_issue("/pools*");
        x.indetermine = k_pool_guests;
        rows.push_back({"truncated_json_pools", "truncated JSON", "/pools",
                        [](Context& c) { c.add_pve_fault(parse_fault("/pools=malformed")); }, x, nullptr});
    }
    rows.push_back({"not_an_object_nodes", "answer is a JSON list, not an object", "/nodes",
                    [](Context& c) { c.add_pve_fault(raw_body("/nodes", "[1,2,3]")); }, report_with_issue("/nodes"),
                    nullptr});
    rows.push_back({"nodes_and_cluster_status_fail_exit_4", "HTTP 500 on /nodes and /cluster/status", "/nodes",
                    [](Context& c) {
                        c.add_pve_fault(parse_fault("/nodes=500"));
                        c.add_pve_fault(parse_fault("/cluster/status=500"));
                    },
                    no_report(4, {"the node list could not be read", "/nodes", "/cluster/status"}), nullptr});
    rows.push_back({"resources_and_fallback_fail_exit_4", "HTTP 500 on /cluster/resources and /nodes/pve2/lxc",
                    "/cluster/resources",
                    [](Context& c) {
                        c.add_pve_fault(parse_fault("/cluster/resources=500"));
                        c.add_pve_fault(parse_fault("/nodes/pve2/lxc=500"));
                    },
                    no_report(4, {"the guest inventory could not be read", "/cluster/resources", "/nodes/pve2/lxc"}),
                    nullptr});
    rows.push_back({"not_an_object_storage", "answer is a JSON string", "/storage",
                    [](Context& c) { c.add_pve_fault(raw_body("/storage", R"("storage")")); },
                    report_with_issue("/storage"), nullptr});
    rows.push_back({"data_not_a_list_cluster_tasks", "`data` is a number", "/cluster/tasks",
                    [](Context& c) { c.add_pve_fault(raw_body("/cluster/tasks", R"({"data":42})")); },
                    report_with_issue("/cluster/tasks"), nullptr});
    rows.push_back({"empty_body_cluster_status", "empty 200 body", "/cluster/status",
                    [](Context& c) { c.add_pve_fault(raw_body("/cluster/status", "")); },
                    report_with_issue("/cluster/status"), nullptr});
    rows.push_back({"html_instead_of_json_storage", "an HTML page", "/storage",
                    [](Context& c) {
                        Fault f = raw_body("/storage", "<html><body>Proxy error</body></html>");
                        f.content_type = "text/html";
                        c.add_pve_fault(f);
                    },
                    report_with_issue("/storage"), nullptr});
    {
        Expect x = report_with_issue("/cluster/resources");
        x.issue_texts = {"vmid"};
        x.guests_total.reset();
        x.min_guests = k_demo_guests - 1;
        x.indetermine.reset();
        rows.push_back({"wrong_type_vmid_string", "a guest's `vmid` is a string", "/cluster/resources",
                        edit_guest_100([](json& g) { g["vmid"] = "one hundred"; }), x, nullptr});
    }
    {
        Expect x = report_with_issue("/cluster/resources");
        x.issue_texts = {"type"};
        x.guests_total.reset();
        x.min_guests = k_demo_guests - 1;
        x.indetermine.reset();
        rows.push_back({"guest_type_missing", "a guest without `type`", "/cluster/resources",
                        edit_guest_100([](json& g) { g.erase("type"); }), x, nullptr});
        rows.push_back({"guest_type_null", "a guest with `type: null`", "/cluster/resources",
                        edit_guest_100([](json& g) { g["type"] = nullptr; }), x, nullptr});
        rows.push_back({"guest_type_unknown", "a guest with `type: \"openvz\"`", "/cluster/resources",
                        edit_guest_100([](json& g) { g["type"] = "openvz"; }), x, nullptr});
    }
    {
        Expect x;
        x.anomalies = {"duplicate_vmid"};
        rows.push_back({"vmid_on_two_nodes", "VMID 100 listed on pve1 and pve2", "/cluster/resources",
                        [](Context& c) {
                            json resources = c.file_json("pve/cluster/resources.json");
                            json copy = guest_entry(resources, 100);
                            copy["node"] = "pve2";
                            copy["id"] = "qemu/100";
                            resources.push_back(copy);
                            c.set_file("pve/cluster/resources.json", resources);
                        },
                        x, nullptr});
    }
    {
        Expect x = report_with_issue("/cluster/resources");
        x.issue_texts = {"UTF-8"};
        rows.push_back({"invalid_utf8_storage_name", "invalid UTF-8 in a storage name", "/cluster/resources",
                        [](Context& c) {
                            c.add_pve_fault(replacing("/cluster/resources", {{R"("storage":"pbs-main")",
                                                                              "\"storage\":\"pbs-m\xff\xfein\""}}));
                        },
                        x, nullptr});
    }
    Expect utf8_noted;
    utf8_noted.issue_texts = {"UTF-8"};
    rows.push_back({"invalid_utf8_task_log", "invalid UTF-8 in a task log line", "/nodes/*/tasks/*/log",
                    [](Context& c) {
                        c.add_pve_fault(replacing("/nodes/*/tasks/*/log", {{"INFO: ", "INFO: \xc3\x28 "}}));
                    },
                    utf8_noted, nullptr});
    rows.push_back({"deep_nesting_version", "`data` nested 100,000 arrays deep", "/version",
                    [](Context& c) { c.add_pve_fault(parse_fault("/version=nest:100000")); },
                    no_report(4, {"/version"}), nullptr});
    rows.push_back({"deep_nesting_cluster_status", "`data` nested 100,000 arrays deep", "/cluster/status",
                    [](Context& c) { c.add_pve_fault(parse_fault("/cluster/status=nest:100000")); },
                    report_with_issue("/cluster/status"), nullptr});
    rows.push_back({"deep_nesting_error_body_cluster_tasks", "HTTP 500 whose body is nested 100,000 deep",
                    "/cluster/tasks",
                    [](Context& c) {
                        c.add_pve_fault(raw_body("/cluster/tasks", pvr::emulator::deeply_nested_json(100000), 500));
                    },
                    report_with_issue("/cluster/tasks"), nullptr});
    {
        Expect x = report_with_issue("/admin/datastore/*/snapshots");
        rows.push_back({"deep_nesting_pbs_snapshots", "`data` nested 100,000 arrays deep",
                        "PBS /admin/datastore/*/snapshots",
                        [](Context& c) {
                            c.with_pbs = true;
                            c.add_pbs1_fault(parse_fault("/admin/datastore/*/snapshots=nest:100000"));
                        },
                        x, nullptr});
    }
    {
        Expect x = report_with_issue("/cluster/tasks");
        x.issue_texts = {"MAX_RESPONSE_MB"};
        rows.push_back({"gzip_bomb_cluster_tasks", "gzip body inflating to 600 MiB (MAX_RESPONSE_MB=64)",
                        "/cluster/tasks",
                        [](Context& c) {
                            c.add_pve_fault(parse_fault("/cluster/tasks=gzip-bomb:600"));
                            c.env_overrides["MAX_RESPONSE_MB"] = "64";
                        },
                        x, nullptr});
    }
    {
        Expect x;
        x.issue_texts = {"backup-time"};
        rows.push_back({"pbs_backup_time_int64_max", "backup-time = INT64_MAX", "PBS /admin/datastore/*/snapshots",
                        pbs_backup_time(std::numeric_limits<std::int64_t>::max()), x, expect_sane_last_backup_of_100});
        rows.push_back({"pbs_backup_time_minus_1e18", "backup-time = -1e18", "PBS /admin/datastore/*/snapshots",
                        pbs_backup_time(-1e18), x, expect_sane_last_backup_of_100});
    }
    {
        // PBS's full-date estimate of the wrong type: an issue naming the field, the sizes kept.
        Expect x;
        x.issue_texts = {"estimated-full-date"};
        rows.push_back({"pbs_estimated_full_date_text", "estimated-full-date = \"soon\"", "PBS /status/datastore-usage",
                        [](Context& c) {
                            const std::string path = "pbs/pbs1.example.lan/status/datastore-usage.json";
                            json usage = c.file_json(path);
                            usage[0]["estimated-full-date"] = "soon";
                            c.set_file(path, usage);
                            c.with_pbs = true;
                        },
                        x,
                        [](Context&, const RunResult&, const json& report) {
                            for (const auto& s : report["pbs_storages"]) {
                                if (s["storage"] == "pbs-main") {
                                    ASSERT_TRUE(s["usage"].is_object()) << s.dump();
                                    EXPECT_TRUE(s["usage"]["used"].is_number_integer());
                                    EXPECT_TRUE(s["usage"]["estimated_full_date"].is_null());
                                }
                            }
                        }});
    }
    {
        // One cause, one issue: every task log failing is not one issue per task.
        Expect x = report_with_issue("/nodes/*/tasks/*/log");
        rows.push_back(
            {"task_log_failures_collapse", "HTTP 500 on every task log (one issue per cause)", "/nodes/*/tasks/*/log",
             [](Context& c) { c.add_pve_fault(parse_fault("/nodes/*/tasks/*/log=500")); }, x,
             [](Context&, const RunResult&, const json& report) {
                 std::size_t count = 0;
                 for (const auto& issue : report["collection_issues"]) {
                     const auto endpoint =
                         issue["endpoint"].is_string() ? issue["endpoint"].get<std::string>() : std::string();
                     count += pvr::emulator::glob_match("/nodes/*/tasks/*/log", endpoint) ? 1 : 0;
                 }
                 EXPECT_LE(count, 2U) << "one issue per node and cause at most";
             }});
    }
    {
        Expect x = no_report(4, {"REPORT_DEADLINE"});
        x.max_seconds = std::chrono::seconds(15);
        // /version answers after 1.5 s; the foundations asked next cannot answer within the 0.5 s
        // left: no report, one line naming the deadline. (A delay is not a "hit" for the generic
        // check, so the row checks the delays itself.)
        rows.push_back({"report_deadline", "every answer delayed 1.5 s, REPORT_DEADLINE=2", "*",
                        [](Context& c) {
                            c.pve().add_fault(parse_fault("*=delay:1500"));
                            c.env_overrides["REPORT_DEADLINE"] = "2";
                        },
                        x,
                        [](Context& c, const RunResult& run, const json&) {
                            std::size_t delayed = 0;
                            for (const auto& r : c.pve().requests()) {
                                delayed += r.fault == "delay" ? 1 : 0;
                            }
                            EXPECT_GE(delayed, 1U) << "the delay was never applied";
                            EXPECT_NE(run.result.err.find("cannot produce a report"), std::string::npos)
                                << run.result.err;
                        }});
    }
}

void expect_no_request(Context& c, const RunResult&, const json&) {
    for (const auto* emulator : c.emulators()) {
        EXPECT_TRUE(emulator->requests().empty()) << "a request was made before the configuration was validated";
    }
}

void add_config_and_output_rows(std::vector<Row>& rows) {
    rows.push_back({"config_errors_before_any_request", "PVE_URL=ftp://pve, PVE_TIMEOUT=soon, no token",
                    "configuration",
                    [](Context& c) {
                        c.pve();
                        c.env_overrides["PVE_URL"] = "ftp://pve";
                        c.env_overrides["PVE_TIMEOUT"] = "soon";
                        c.env_overrides["PVE_TOKEN_ID"] = std::nullopt;
                        c.env_overrides["PVE_TOKEN_SECRET"] = std::nullopt;
                    },
                    no_report(2, {"PVE_URL", "PVE_TIMEOUT", "PVE_TOKEN_ID", "PVE_TOKEN_SECRET"}), expect_no_request});
    rows.push_back({"bad_token_one_401", "wrong token secret", "/version (first request)",
                    [](Context& c) { c.env_overrides["PVE_TOKEN_SECRET"] = "00000000-dead-beef-0000-000000000000"; },
                    no_report(3, {"401", "PVE_TOKEN_ID"}),
                    [](Context& c, const RunResult& run, const json&) {
                        EXPECT_EQ(c.pve().requests().size(), 1U) << "one 401 only";
                        EXPECT_EQ(run.result.err.find("dead-beef"), std::string::npos);
                    }});
    rows.push_back({"misspelled_pbs_override", "PBS_PBS_MAINN_FINGERPRINT (no storage pbs-mainn)", "configuration",
                    [](Context& c) {
                        c.with_pbs = true;
                        c.env_overrides["PBS_PBS_MAINN_FINGERPRINT"] =
                            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:"
                            "EE:FF";
                    },
                    no_report(2, {"PBS_PBS_MAINN_FINGERPRINT", "pbs-main"}), nullptr});
    {
        Expect x;
        rows.push_back({"output_dir_missing_is_created", "OUTPUT_DIR does not exist", "OUTPUT_DIR",
                        [](Context& c) { c.env_overrides["OUTPUT_DIR"] = c.output_dir() + "/new/deeper"; }, x,
                        [](Context& c, const RunResult&, const json&) {
                            EXPECT_TRUE(std::filesystem::exists(c.output_dir() + "/new/deeper/" + k_report));
                        }});
    }
    rows.push_back({"output_dir_is_a_file", "OUTPUT_DIR is a regular file", "OUTPUT_DIR",
                    [](Context& c) {
                        std::filesystem::create_directories(c.dir.path());
                        std::ofstream(c.output_dir()) << "not a directory";
                    },
                    no_report(5, {"OUTPUT_DIR"}),
                    [](Context& c, const RunResult&, const json&) {
                        EXPECT_EQ(pvr::test::read_whole_file(c.output_dir()), "not a directory");
                    }});
    rows.push_back({"output_dir_below_a_file", "OUTPUT_DIR below a regular file", "OUTPUT_DIR",
                    [](Context& c) {
                        std::ofstream(c.dir.path() + "/file") << "x";
                        c.env_overrides["OUTPUT_DIR"] = c.dir.path() + "/file/reports";
                    },
                    no_report(5, {"OUTPUT_DIR"}), nullptr});
    rows.push_back({"output_dir_read_only", "OUTPUT_DIR on a read-only tmpfs", "OUTPUT_DIR",
                    [](Context& c) {
                        auto mount = std::make_unique<TmpfsMount>(c.output_dir(), "size=1m,mode=0777");
                        if (!mount->ok() || !mount->make_read_only()) {
                            c.skip_reason = "cannot mount a read-only tmpfs here (needs root and CAP_SYS_ADMIN)";
                        }
                        c.mounts.push_back(std::move(mount));
                    },
                    no_report(5, {"OUTPUT_DIR"}), nullptr});
    rows.push_back({"output_dir_full", "OUTPUT_DIR on a full 24 KiB tmpfs", "OUTPUT_DIR",
                    [](Context& c) {
                        auto mount = std::make_unique<TmpfsMount>(c.output_dir(), "size=24k,mode=0777");
                        if (!mount->ok()) {
                            c.skip_reason = "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)";
                        }
                        c.mounts.push_back(std::move(mount));
                    },
                    no_report(5, {"No space left on device"}), nullptr});
    rows.push_back({"same_second_is_suffixed", "a report of the same second exists", "OUTPUT_DIR",
                    [](Context& c) {
                        std::filesystem::create_directories(c.output_dir());
                        std::ofstream(c.output_dir() + "/" + k_report) << "first";
                    },
                    Expect{}, nullptr});
}

void add_secret_sweep_row(std::vector<Row>& rows) {
    Expect x;
    rows.push_back({"secret_sweep_trace", "token secrets full of URL/JSON special characters, LOG_LEVEL=trace",
                    "every request",
                    [](Context& c) {
                        c.pve_secret = k_nasty_secret;
                        c.pbs_secret = k_nasty_pbs_secret;
                        c.with_pbs = true;
                        c.env_overrides["LOG_LEVEL"] = "trace";
                    },
                    x,
                    [](Context& c, const RunResult&, const json&) {
                        std::size_t accepted = 0;
                        for (const auto* emulator : c.emulators()) {
                            for (const auto& r : emulator->requests()) {
                                accepted += r.auth == "ok" ? 1 : 0;
                            }
                        }
                        EXPECT_GT(accepted, 20U) << "the emulators must have accepted the secrets";
                    }});
}

std::vector<Row> all_rows() {
    std::vector<Row> rows;
    add_status_rows(rows);
    add_pbs_rows(rows);
    add_network_rows(rows);
    add_malformed_rows(rows);
    add_config_and_output_rows(rows);
    add_secret_sweep_row(rows);
    return rows;
}

const std::vector<Row>& rows() {
    static const std::vector<Row> table = all_rows();
    return table;
}

// ---------------------------------------------------------------------------------------------
// Checks

/// The forms in which a secret could leak: as is, JSON-escaped, URL-encoded.
std::vector<std::string> leak_forms(const std::string& secret) {
    std::vector<std::string> forms{secret, json(secret).dump()};
    forms.back() = forms.back().substr(1, forms.back().size() - 2);
    std::string url;
    for (const char ch : secret) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
            url += ch;
        } else {
            static const char* hex = "0123456789ABCDEF";
            url += '%';
            url += hex[c >> 4U];
            url += hex[c & 15U];
        }
    }
    forms.push_back(url);
    return forms;
}

std::set<std::string> files_in(const std::string& dir) {
    std::set<std::string> names;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        return names;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        names.insert(std::filesystem::relative(entry.path(), dir).string());
    }
    return names;
}

std::string output_dir_of(Context& c) {
    const auto it = c.env_overrides.find("OUTPUT_DIR");
    return it != c.env_overrides.end() && it->second ? *it->second : c.output_dir();
}

std::string summary_line(const Row& row, const RunResult& run, const json& report) {
    std::ostringstream out;
    out << "[matrix] " << row.name << " exit=" << run.result.exit_code << " time=" << run.elapsed.count() << "ms";
    if (report.is_object()) {
        std::vector<long> undetermined;
        for (const auto& g : report["guests"]) {
            if (g["coverage"]["status"] == "indetermine") {
                undetermined.push_back(g["vmid"].get<long>());
            }
        }
        out << " guests=" << report["guests"].size() << " indetermine=" << json(undetermined).dump() << " issues=";
        std::set<std::string> endpoints;
        for (const auto& issue : report["collection_issues"]) {
            endpoints.insert(issue["endpoint"].is_string() ? issue["endpoint"].get<std::string>() : "-");
        }
        out << endpoints.size() << json(endpoints).dump().substr(0, 300);
    } else {
        const auto& err = run.result.err;
        const auto last = err.find_last_of('\n', err.size() >= 2 ? err.size() - 2 : 0);
        out << " stderr=" << err.substr(last == std::string::npos ? 0 : last + 1, 300);
    }
    return out.str();
}

void run_row(const Row& row) {
    const char* run_pending = std::getenv("PVR_FAULT_MATRIX_RUN_PENDING"); // "1": run them anyway
    if (const auto pending = k_pending.find(row.name);
        pending != k_pending.end() && (run_pending == nullptr || std::string(run_pending) != "1")) {
        GTEST_SKIP() << "pending: " << pending->second;
    }
    Context c;
    if (row.arrange) {
        row.arrange(c);
    }
    if (!c.skip_reason.empty()) {
        GTEST_SKIP() << c.skip_reason;
    }
    const auto env = c.env();
    std::vector<std::string> args{"--format", "json", "--now", k_now};
    args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());

    RunResult run;
    const auto begin = std::chrono::steady_clock::now();
    run.result = pvr::test::run_process(PVR_BINARY, args, env, std::chrono::seconds(100));
    run.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - begin);
    const Expect& x = row.expect;
    const std::string out_dir = output_dir_of(c);

    // The report, if any: pve-backup-report_<cluster>_2026-11-27_070000.json.
    const auto files = files_in(out_dir);
    std::vector<std::string> reports;
    for (const auto& name : files) {
        if (name.rfind("pve-backup-report_", 0) == 0 && name.size() > k_report_suffix.size() &&
            name.compare(name.size() - k_report_suffix.size(), k_report_suffix.size(), k_report_suffix) == 0) {
            reports.push_back(name);
        }
    }
    json report;
    if (reports.size() == 1) {
        report = json::parse(pvr::test::read_whole_file(out_dir + "/" + reports.front()), nullptr, false);
    }
    if (row.name == "same_second_is_suffixed") {
        const std::string second = std::string(k_report).replace(std::string(k_report).size() - 5, 5, "-2.json");
        EXPECT_EQ(pvr::test::read_whole_file(out_dir + "/" + k_report), "first") << "the first report was overwritten";
        report = json::parse(pvr::test::read_whole_file(out_dir + "/" + second), nullptr, false);
        EXPECT_EQ(files, (std::set<std::string>{k_report, second, k_archive}));
    }
    std::cout << summary_line(row, run, report) << "\n";

    EXPECT_TRUE(x.exit_codes.count(run.result.exit_code) == 1)
        << "exit " << run.result.exit_code << ", expected " << json(x.exit_codes).dump() << "\nstderr:\n"
        << run.result.err.substr(0, 4000);
    EXPECT_LE(run.elapsed, x.max_seconds) << "the run must end within the timeouts";
    for (const auto& text : x.stderr_texts) {
        EXPECT_NE(run.result.err.find(text), std::string::npos) << "stderr does not name '" << text << "':\n"
                                                                << run.result.err.substr(0, 4000);
    }

    // Files left in OUTPUT_DIR: never a temporary file; exactly the report or nothing.
    for (const auto& name : files) {
        EXPECT_EQ(name.find(".tmp-"), std::string::npos) << "temporary file left behind: " << name;
    }
    if (row.name != "same_second_is_suffixed") {
        if (x.files == Files::report) {
            EXPECT_EQ(reports.size(), 1U) << json(files).dump();
            EXPECT_EQ(files.size(), 2U) << json(files).dump(); // the report and the run's archive record
            EXPECT_EQ(std::count_if(files.begin(), files.end(),
                                    [](const std::string& name) { return name.ends_with(".data.json.gz"); }),
                      1)
                << json(files).dump();
        } else {
            EXPECT_TRUE(files.empty()) << json(files).dump();
        }
    }

    if (x.files == Files::report) {
        ASSERT_TRUE(report.is_object()) << "no readable JSON report; stderr:\n" << run.result.err.substr(0, 4000);
        const auto& guests = report["guests"];
        if (x.guests_total) {
            EXPECT_EQ(guests.size(), *x.guests_total);
            EXPECT_EQ(report["summary"]["guests_total"], *x.guests_total);
        }
        if (x.min_guests) {
            EXPECT_GE(guests.size(), *x.min_guests);
        }
        std::vector<long> undetermined;
        for (const auto& g : guests) {
            if (g["coverage"]["status"] == "indetermine") {
                undetermined.push_back(g["vmid"].get<long>());
            }
        }
        std::sort(undetermined.begin(), undetermined.end());
        if (x.indetermine) {
            EXPECT_EQ(undetermined, *x.indetermine) << "guests marked indetermine";
        }
        std::string issues_text;
        for (const auto& issue : report["collection_issues"]) {
            issues_text += issue.dump() + "\n";
        }
        for (const auto& glob : x.issue_endpoints) {
            bool found = false;
            for (const auto& issue : report["collection_issues"]) {
                found = found || (issue["endpoint"].is_string() &&
                                  pvr::emulator::glob_match(glob, issue["endpoint"].get<std::string>()));
            }
            EXPECT_TRUE(found) << "no collection issue names " << glob << ":\n" << issues_text;
        }
        for (const auto& text : x.issue_texts) {
            EXPECT_NE(issues_text.find(text), std::string::npos) << "no collection issue says '" << text << "':\n"
                                                                 << issues_text;
        }
        // Issue 13: every collection issue is also a fact of a known kind (worded in each language).
        for (const auto& issue : report["collection_issues"]) {
            const auto& kinds = pvr::model::collection_issue_kinds;
            const bool known =
                issue["fact"].is_object() && issue["fact"]["kind"].is_string() &&
                std::find(kinds.begin(), kinds.end(), issue["fact"]["kind"].get<std::string>()) != kinds.end();
            EXPECT_TRUE(known) << "collection issue without a fact of a known kind: " << issue.dump();
        }
        for (const auto& kind : x.anomalies) {
            bool found = false;
            for (const auto& a : report["anomalies"]) {
                found = found || a["kind"] == kind;
            }
            EXPECT_TRUE(found) << "no anomaly " << kind;
        }
    }
    if (row.verify) {
        row.verify(c, run, report);
    }

    if (c.faults_added) {
        bool hit = false;
        for (const auto* emulator : c.emulators()) {
            for (const auto& r : emulator->requests()) {
                hit = hit || (!r.fault.empty() && r.fault != "delay");
            }
        }
        EXPECT_TRUE(hit) << "no request met the injected fault: the row proves nothing";
    }

    // Always: GET only, and no token secret anywhere (outputs, reports, request logs).
    std::string everything = run.result.out + run.result.err;
    for (const auto& name : files) {
        everything += pvr::test::read_whole_file(out_dir + "/" + name);
    }
    std::error_code ec;
    if (std::filesystem::is_directory(c.dir.path() + "/logs", ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(c.dir.path() + "/logs")) {
            everything += pvr::test::read_whole_file(entry.path().string());
        }
    }
    for (const auto* emulator : c.emulators()) {
        for (const auto& r : emulator->requests()) {
            // An empty method: bytes that are no HTTP request (a TLS hello sent to a plain HTTP server).
            EXPECT_TRUE(r.method == "GET" || r.method.empty()) << r.method << " " << r.path;
            everything += r.path + "?" + r.query + "\n";
        }
    }
    for (const std::string& secret : {c.pve_secret, c.pbs_secret}) {
        for (const auto& form : leak_forms(secret)) {
            EXPECT_EQ(everything.find(form), std::string::npos) << "a token secret leaked (as '" << form << "')";
        }
    }
}

/// One registered test per row, named `FaultMatrix/FaultMatrix.Row/<name>` (registered by hand
/// rather than with TEST_P so that the names carry no "# GetParam() = ..." suffix in ctest).
class FaultMatrixRow : public ::testing::Test {
public:
    explicit FaultMatrixRow(const Row* row) : m_row(row) {}
    void TestBody() override { run_row(*m_row); }

private:
    const Row* m_row;
};

[[maybe_unused]] const bool k_rows_registered = [] {
    for (const auto& row : rows()) {
        const Row* pointer = &row;
        ::testing::RegisterTest("FaultMatrix/FaultMatrix", ("Row/" + row.name).c_str(), nullptr, nullptr, __FILE__,
                                __LINE__, [pointer]() -> ::testing::Test* { return new FaultMatrixRow(pointer); });
    }
    return true;
}();

// ---------------------------------------------------------------------------------------------
// docs/fault-matrix.md

std::string describe(const Expect& x) {
    std::ostringstream out;
    if (x.files == Files::none) {
        out << "no report";
        if (!x.stderr_texts.empty()) {
            out << "; stderr names";
            for (const auto& t : x.stderr_texts) {
                out << " `" << t << "`";
            }
        }
        return out.str();
    }
    out << "report";
    if (x.guests_total) {
        out << ", " << *x.guests_total << " guests";
    } else if (x.min_guests) {
        out << ", >= " << *x.min_guests << " guests";
    }
    if (x.indetermine) {
        if (x.indetermine->empty()) {
            out << ", none `indetermine`";
        } else {
            out << ", exactly";
            for (const long v : *x.indetermine) {
                out << " " << v;
            }
            out << " `indetermine`";
        }
    }
    for (const auto& e : x.issue_endpoints) {
        out << "; issue on `" << e << "`";
    }
    for (const auto& t : x.issue_texts) {
        out << "; issue says `" << t << "`";
    }
    for (const auto& a : x.anomalies) {
        out << "; anomaly `" << a << "`";
    }
    return out.str();
}

std::string markdown_table() {
    std::ostringstream out;
    out << "| row | fault | endpoint | exit | expected outcome | state |\n";
    out << "| --- | --- | --- | --- | --- | --- |\n";
    for (const auto& row : rows()) {
        std::string codes;
        for (const int code : row.expect.exit_codes) {
            codes += (codes.empty() ? "" : " or ") + std::to_string(code);
        }
        const auto pending = k_pending.find(row.name);
        std::string endpoint = row.endpoint;
        out << "| `" << row.name << "` | " << row.fault << " | `" << endpoint << "` | " << codes << " | "
            << describe(row.expect) << " | " << (pending == k_pending.end() ? "holds" : "pending: " + pending->second)
            << " |\n";
    }
    return out.str();
}

TEST(FaultMatrixDoc, InSync) {
    const std::string path = std::string(PVR_SOURCE_DIR) + "/docs/fault-matrix.md";
    const std::string begin_marker = "<!-- BEGIN fault-matrix rows (generated) -->\n";
    const std::string end_marker = "<!-- END fault-matrix rows -->";
    std::string doc = pvr::test::read_whole_file(path);
    const auto begin = doc.find(begin_marker);
    const auto end = doc.find(end_marker);
    ASSERT_NE(begin, std::string::npos) << path;
    ASSERT_NE(end, std::string::npos) << path;
    const std::string current = doc.substr(begin + begin_marker.size(), end - begin - begin_marker.size());
    const std::string wanted = markdown_table();
    if (const char* update = std::getenv("PVR_UPDATE_FAULT_MATRIX_DOC"); update != nullptr && *update == '1') {
        doc.replace(begin + begin_marker.size(), current.size(), wanted);
        std::ofstream(path) << doc;
        return;
    }
    EXPECT_EQ(current, wanted) << "docs/fault-matrix.md is out of date: run the integration test binary with "
                                  "PVR_UPDATE_FAULT_MATRIX_DOC=1 --gtest_filter=FaultMatrixDoc.*";
    EXPECT_GE(rows().size(), 60U);
}

} // namespace
