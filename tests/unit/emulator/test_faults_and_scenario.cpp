#include "core/error.hpp"
#include "emulator/faults.hpp"
#include "emulator/scenario.hpp"
#include "emulator/tls_server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace pvr::emulator {
namespace {

TEST(Glob, Matches) {
    EXPECT_TRUE(glob_match("/nodes/pve3/*", "/nodes/pve3/tasks"));
    EXPECT_TRUE(glob_match("/nodes/pve3/*", "/nodes/pve3/qemu/100/config"));
    EXPECT_FALSE(glob_match("/nodes/pve3/*", "/nodes/pve3"));
    EXPECT_TRUE(glob_match("/cluster/backup", "/cluster/backup"));
    EXPECT_FALSE(glob_match("/cluster/backup", "/cluster/backup/x"));
    EXPECT_TRUE(glob_match("*", "/anything"));
    EXPECT_TRUE(glob_match("/nodes/*/tasks", "/nodes/pve1/tasks"));
    EXPECT_FALSE(glob_match("/nodes/*/tasks", "/nodes/pve1/tasks/x/log"));
    EXPECT_TRUE(glob_match("/pools*", "/pools"));
}

TEST(ParseFault, Forms) {
    const Fault status = parse_fault("/nodes/pve3/*=595");
    EXPECT_EQ(status.path_glob, "/nodes/pve3/*");
    EXPECT_EQ(status.status, 595);
    EXPECT_TRUE(status.reason.empty());
    const Fault reason = parse_fault("/nodes/pve2/*=596:Connection timed out");
    EXPECT_EQ(reason.status, 596);
    EXPECT_EQ(reason.reason, "Connection timed out");
    const Fault delay = parse_fault("/cluster/backup=delay:1500");
    EXPECT_EQ(delay.delay, std::chrono::milliseconds(1500));
    EXPECT_EQ(delay.status, 0);
    EXPECT_TRUE(parse_fault("/pools*=malformed").malformed);
}

TEST(ParseFault, BadSpecsNameTheText) {
    for (const char* spec : {"/x", "/x=", "/x=abc", "/x=delay:-1", "/x=delay:soon", "/x=42", "nodes=500", "=500"}) {
        try {
            (void)parse_fault(spec);
            ADD_FAILURE() << spec;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::config);
            EXPECT_NE(std::string(e.what()).find(spec), std::string::npos) << e.what();
        }
    }
}

TEST(FaultsJson, ParsesAndRejects) {
    const auto faults = faults_from_json(
        R"([{"path":"/a*","status":596,"reason":"Connection timed out"},{"path":"/b","delay_ms":10},{"path":"/c","malformed":true}])",
        "faults.json");
    ASSERT_EQ(faults.size(), 3U);
    EXPECT_EQ(faults[0].reason, "Connection timed out");
    EXPECT_EQ(faults[1].delay, std::chrono::milliseconds(10));
    EXPECT_TRUE(faults[2].malformed);
    EXPECT_THROW((void)faults_from_json(R"({"path":"/a"})", "faults.json"), Error);
    EXPECT_THROW((void)faults_from_json(R"([{"path":"/a","stauts":500}])", "faults.json"), Error);
    EXPECT_THROW((void)faults_from_json(R"([{"status":500}])", "faults.json"), Error);
}

TEST(FaultList, DelaysAddUpAndTheFirstAnswerWins) {
    FaultList list;
    list.add(parse_fault("/x*=delay:10"));
    list.add(parse_fault("/x/y=delay:5"));
    list.add(parse_fault("/x/*=500"));
    list.add(parse_fault("/x/y=malformed"));
    const FaultMatch match = list.match("/x/y");
    EXPECT_EQ(match.delay, std::chrono::milliseconds(15));
    ASSERT_TRUE(match.answer);
    EXPECT_EQ(match.answer->status, 500);
    EXPECT_FALSE(list.match("/z").answer);
    list.clear();
    EXPECT_FALSE(list.match("/x/y").answer);
}

class TempDir {
public:
    TempDir()
        : m_path(std::filesystem::temp_directory_path() /
                 ("pvr-scenario-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()))) {
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    void write(const std::string& relative, const std::string& content) const {
        const auto path = m_path / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path) << content;
    }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

TEST(Scenario, FromDirectoryReadsEverythingRecursively) {
    TempDir dir;
    dir.write("pve/version.json", R"({"version":"8.2.4"})");
    dir.write("pve/nodes/pve1/tasks/UPID_x.log", "INFO: hi\n");
    dir.write("faults.json", "[]");
    const Scenario scenario = Scenario::from_directory(dir.path());
    EXPECT_EQ(scenario.files().size(), 3U);
    EXPECT_EQ(scenario.file("pve/version.json"), std::optional<std::string>(R"({"version":"8.2.4"})"));
    EXPECT_EQ(scenario.file("pve/nodes/pve1/tasks/UPID_x.log"), std::optional<std::string>("INFO: hi\n"));
    EXPECT_FALSE(scenario.file("pve/nope.json"));
}

TEST(Scenario, BadJsonNamesTheFile) {
    TempDir dir;
    dir.write("pve/cluster/resources.json", R"([{"vmid":1)");
    try {
        (void)Scenario::from_directory(dir.path());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::config);
        EXPECT_NE(std::string(e.what()).find("resources.json"), std::string::npos) << e.what();
    }
    EXPECT_THROW((void)Scenario::from_directory(dir.path() / "missing"), Error);
    EXPECT_THROW((void)Scenario::from_files({{"pve/x.json", "nope"}}), Error);
}

TEST(Scenario, FromFilesNormalizesPaths) {
    const Scenario scenario = Scenario::from_files({{"./pve/version.json", "{}"}, {"/pve/nodes.json", "[]"}});
    EXPECT_TRUE(scenario.file("pve/version.json"));
    EXPECT_TRUE(scenario.file("pve/nodes.json"));
}

TEST(ResponseHead, ReasonMovesOntoTheStatusLine) {
    const std::string head = "HTTP/1.1 595 Internal Server Error\r\nContent-Length: 0\r\nX-Pvr-Reason: No route to "
                             "host\r\nX-Pvr-Logged: 1\r\n\r\n";
    EXPECT_EQ(rewrite_response_head(head),
              std::optional<std::string>("HTTP/1.1 595 No route to host\r\nContent-Length: 0\r\n\r\n"));
    const std::string with_body = "HTTP/1.1 200 OK\r\nX-Pvr-Logged: 1\r\nContent-Length: 2\r\n\r\n{}";
    EXPECT_EQ(rewrite_response_head(with_body),
              std::optional<std::string>("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
    EXPECT_FALSE(rewrite_response_head("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n"));
    EXPECT_FALSE(rewrite_response_head("{\"data\":1}"));
}

} // namespace
} // namespace pvr::emulator
