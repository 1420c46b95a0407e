// The e-mail outlet end to end: the real binary (--demo) sends the report to a real SMTP server
// started by the test (tests/support/smtp_server.py, python3-aiosmtpd) over STARTTLS with AUTH,
// implicit TLS or plain SMTP; the received message is checked as a mail client reads it
// (tests/support/mime_tree.py: Python's email package).

#include "emulator/emulator.hpp"
#include "emulator/scenario_cluster.hpp"
#include "support/process.hpp"
#include "support/smtp_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace {

using nlohmann::json;
using pvr::test::run_process;
using pvr::test::SmtpServer;

constexpr const char* k_user = "pve-report";
constexpr const char* k_password = "c0rrect horse*battery";
constexpr const char* k_from = "pve-backup-report@example.com";
constexpr const char* k_to = "ops@example.com";
constexpr const char* k_base = "pve-backup-report_pve-prod_2026-11-27_070000";
constexpr const char* k_demo_subject =
    "[pve-prod] Backups: 30/40 covered, 1 not backed up, 9 accepted, 1 failed, 4 overdue, 1 collection issue";

class MailTest : public ::testing::Test {
protected:
    pvr::test::TempDir m_dir;
    std::string m_cert;
    std::string m_key;
    std::string m_outputs; // every stdout and stderr, checked for the password in TearDown

    void SetUp() override {
        pvr::test::make_certificate(m_dir.path());
        m_cert = m_dir.path() + "/smtp-cert.pem";
        m_key = m_dir.path() + "/smtp-key.pem";
        std::ofstream(m_dir.path() + "/smtp-password") << k_password << '\n';
    }

    void TearDown() override { EXPECT_EQ(m_outputs.find(k_password), std::string::npos) << m_outputs; }

    [[nodiscard]] std::string reports() const { return m_dir.path() + "/reports"; }

    [[nodiscard]] pvr::test::SmtpServerOptions starttls_with_auth() const {
        return {"starttls", m_cert, m_key, k_user, k_password};
    }

    /// The environment for a STARTTLS server with AUTH on `port`.
    [[nodiscard]] std::map<std::string, std::string> env(int port) const {
        return {{"OUTPUT_DIR", reports()},
                {"SMTP_URL", "smtp://127.0.0.1:" + std::to_string(port)},
                {"SMTP_USER", k_user},
                {"SMTP_PASSWORD_FILE", m_dir.path() + "/smtp-password"},
                {"SMTP_CA_BUNDLE", m_cert},
                {"MAIL_FROM", std::string("PVE backups <") + k_from + ">"},
                {"MAIL_TO", std::string(k_to) + ", Zoé Dupont <zoe@example.fr>"}};
    }

    pvr::test::ProcessResult run(const std::vector<std::string>& args, const std::map<std::string, std::string>& e) {
        auto result = run_process(PVR_BINARY, args, e, std::chrono::seconds(90));
        m_outputs += result.out + result.err;
        return result;
    }

    static json single_message(const SmtpServer& server) {
        const auto messages = server.messages();
        EXPECT_EQ(messages.size(), 1U);
        if (messages.empty()) {
            return json();
        }
        std::cout << "[ received ] " << messages[0] << ":\n" << pvr::test::mime_tree_text(messages[0]);
        return pvr::test::inspect_message(messages[0]);
    }
};

std::string without_cr(const json& text) {
    std::string out = text.get<std::string>();
    out.erase(std::remove(out.begin(), out.end(), '\r'), out.end());
    return out;
}

void expect_report_mime_tree(const json& message, const std::string& attachment_name) {
    const json& tree = message["tree"];
    ASSERT_EQ(tree["type"], "multipart/mixed") << message.dump(2);
    ASSERT_EQ(tree["parts"].size(), 2U);
    const json& alternative = tree["parts"][0];
    EXPECT_EQ(alternative["type"], "multipart/alternative");
    ASSERT_EQ(alternative["parts"].size(), 2U);
    EXPECT_EQ(alternative["parts"][0]["type"], "text/plain");
    EXPECT_EQ(alternative["parts"][0]["charset"], "utf-8");
    EXPECT_EQ(alternative["parts"][1]["type"], "text/html");
    EXPECT_EQ(alternative["parts"][1]["charset"], "utf-8");
    const json& pdf = tree["parts"][1];
    EXPECT_EQ(pdf["type"], "application/pdf");
    EXPECT_EQ(pdf["disposition"], "attachment");
    EXPECT_EQ(pdf["filename"], attachment_name);
    EXPECT_EQ(message["attachment"]["head"], "%PDF-");
    EXPECT_GT(message["attachment"]["size"].get<int>(), 20000);
    EXPECT_TRUE(message["ascii_only"].get<bool>()) << "8-bit data on the wire";
}

TEST_F(MailTest, StartTlsWithAuthDeliversTheWholeReport) {
    SmtpServer server(m_dir.path(), starttls_with_auth());
    const auto result = run({"--demo", "--format", "pdf,html"}, env(server.port()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("e-mail sent to ops@example.com, zoe@example.fr"), std::string::npos) << result.err;

    const json message = single_message(server);
    ASSERT_FALSE(message.is_null());
    expect_report_mime_tree(message, std::string(k_base) + ".pdf");
    const json& headers = message["headers"];
    EXPECT_EQ(headers["Subject"], k_demo_subject);
    EXPECT_EQ(headers["From"], std::string("PVE backups <") + k_from + ">");
    EXPECT_EQ(headers["To"], "ops@example.com, Zoé Dupont <zoe@example.fr>");
    EXPECT_EQ(headers["MIME-Version"], "1.0");
    EXPECT_EQ(headers["Auto-Submitted"], "auto-generated");
    EXPECT_NE(headers["Message-ID"].get<std::string>().find("@example.com>"), std::string::npos);
    EXPECT_FALSE(headers["Date"].get<std::string>().empty());

    // The envelope: authenticated over TLS, every recipient.
    const json envelope = json::parse(pvr::test::read_whole_file(server.mailbox() + "/1.json"));
    EXPECT_EQ(envelope["mail_from"], k_from);
    EXPECT_EQ(envelope["rcpt_tos"], json::array({"ops@example.com", "zoe@example.fr"}));
    EXPECT_EQ(envelope["login"], k_user);
    EXPECT_TRUE(envelope["tls"].get<bool>());

    // The bodies: the plain-text summary and the HTML report as written; the PDF as written.
    const std::string text = message["text"];
    EXPECT_NE(text.find("Verdict: CRITICAL"), std::string::npos) << text;
    EXPECT_NE(text.find("Not backed up (10):"), std::string::npos) << text;
    EXPECT_NE(text.find("Last backup failed (1):"), std::string::npos) << text;
    EXPECT_NE(text.find(std::string("The full report is attached: ") + k_base + ".pdf"), std::string::npos);
    // The HTML body: the report's e-mail variant (the same sections, with inline styles too).
    const std::string html = pvr::test::read_whole_file(reports() + "/" + k_base + ".html");
    const std::string body_html = without_cr(message["html"]);
    for (const char* title : {"<title>", "VM/CT without backup", "Anomalies", "Collection issues"}) {
        EXPECT_NE(html.find(title), std::string::npos) << title;
        EXPECT_NE(body_html.find(title), std::string::npos) << title;
    }
    EXPECT_NE(body_html.find("cellspacing=\"0\" cellpadding=\"4\""), std::string::npos);
    EXPECT_EQ(html.find("cellpadding"), std::string::npos);
    EXPECT_EQ(message["attachment"]["size"].get<std::size_t>(),
              std::filesystem::file_size(reports() + "/" + k_base + ".pdf"));

    const std::string raw = pvr::test::read_whole_file(server.messages()[0]);
    EXPECT_EQ(raw.find(k_password), std::string::npos);
    // E-mail safe: no script, nothing loaded from elsewhere.
    const std::string body = message["html"];
    EXPECT_EQ(body.find("<script"), std::string::npos);
    EXPECT_EQ(body.find("src=\"http"), std::string::npos);
    EXPECT_EQ(body.find("url("), std::string::npos);
    EXPECT_EQ(body.find("@import"), std::string::npos);
}

TEST_F(MailTest, PdfNotRequestedIsStillAttached) {
    SmtpServer server(m_dir.path(), starttls_with_auth());
    auto e = env(server.port());
    e["REPORT_LANG"] = "fr";
    const auto result = run({"--demo", "--format", "json"}, e);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_FALSE(std::filesystem::exists(reports() + "/" + k_base + ".pdf")); // rendered in memory only
    const json message = single_message(server);
    ASSERT_FALSE(message.is_null());
    expect_report_mime_tree(message, std::string(k_base) + ".pdf");
    // A French subject travels as RFC 2047 encoded words and decodes back.
    EXPECT_EQ(message["headers"]["Subject"],
              "[pve-prod] Sauvegardes : 30/40 couvertes, 1 non sauvegardée, 9 acceptées, "
              "1 en échec, 4 en retard, 1 problème de collecte");
    EXPECT_EQ(message["raw_subject"].get<std::string>().rfind("=?UTF-8?B?", 0), 0U) << message["raw_subject"];
    EXPECT_NE(message["html"].get<std::string>().find("<html lang=\"fr\">"), std::string::npos);
    EXPECT_NE(message["text"].get<std::string>().find("Verdict\u00a0: CRITIQUE"), std::string::npos);
}

TEST_F(MailTest, WrongPasswordExits7AndKeepsTheReport) {
    SmtpServer server(m_dir.path(), starttls_with_auth());
    std::ofstream(m_dir.path() + "/smtp-password") << "not-the-password";
    auto e = env(server.port());
    e["LOG_LEVEL"] = "debug";
    const auto result = run({"--demo"}, e);
    EXPECT_EQ(result.exit_code, 7) << result.err;
    EXPECT_NE(result.err.find("refused the login of SMTP_USER 'pve-report'"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("not-the-password"), std::string::npos) << result.err;
    EXPECT_TRUE(std::filesystem::exists(reports() + "/" + k_base + ".pdf"));
    EXPECT_TRUE(server.messages().empty());
}

TEST_F(MailTest, ServerDownExits7AndKeepsTheReport) {
    const auto result = run({"--demo", "--format", "html"}, env(pvr::test::unused_port()));
    EXPECT_EQ(result.exit_code, 7) << result.err;
    EXPECT_NE(result.err.find("e-mail not delivered: cannot connect to smtp://127.0.0.1:"), std::string::npos)
        << result.err;
    EXPECT_TRUE(std::filesystem::exists(reports() + "/" + k_base + ".html"));
}

TEST_F(MailTest, StartTlsIsRequiredUnlessDisabled) {
    SmtpServer server(m_dir.path(), {"none", "", "", "", ""});
    std::map<std::string, std::string> e{{"OUTPUT_DIR", reports()},
                                         {"SMTP_URL", "smtp://127.0.0.1:" + std::to_string(server.port())},
                                         {"MAIL_FROM", k_from},
                                         {"MAIL_TO", k_to}};
    auto result = run({"--demo"}, e);
    EXPECT_EQ(result.exit_code, 7) << result.err;
    EXPECT_NE(result.err.find("does not offer STARTTLS"), std::string::npos) << result.err;
    EXPECT_TRUE(server.messages().empty());

    e["SMTP_TLS"] = "none";
    result = run({"--demo"}, e);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("SMTP_TLS=none: the e-mail is sent to"), std::string::npos) << result.err;
    const json message = single_message(server);
    ASSERT_FALSE(message.is_null());
    expect_report_mime_tree(message, std::string(k_base) + "-2.pdf"); // the second run's file
    EXPECT_EQ(message["headers"]["Subject"], k_demo_subject);
    const json envelope = json::parse(pvr::test::read_whole_file(server.mailbox() + "/1.json"));
    EXPECT_FALSE(envelope["tls"].get<bool>());
    EXPECT_TRUE(envelope["login"].is_null());
}

TEST_F(MailTest, RefusedRecipientExits7) {
    auto options = starttls_with_auth();
    options.refused_recipients = {"zoe@example.fr"};
    SmtpServer server(m_dir.path(), options);
    const auto result = run({"--demo"}, env(server.port()));
    EXPECT_EQ(result.exit_code, 7) << result.err;
    EXPECT_NE(result.err.find("refused a recipient of MAIL_TO (RCPT failed: 550)"), std::string::npos) << result.err;
    EXPECT_TRUE(server.messages().empty()) << "all or nothing: no partial delivery";
    EXPECT_TRUE(std::filesystem::exists(reports() + "/" + k_base + ".pdf"));
}

TEST_F(MailTest, CertificateIsVerified) {
    SmtpServer server(m_dir.path(), starttls_with_auth());
    auto e = env(server.port());
    e.erase("SMTP_CA_BUNDLE");
    const auto result = run({"--demo"}, e);
    EXPECT_EQ(result.exit_code, 7) << result.err;
    EXPECT_NE(result.err.find("is not trusted"), std::string::npos) << result.err;
    EXPECT_TRUE(server.messages().empty());
}

TEST_F(MailTest, ImplicitTls) {
    SmtpServer server(m_dir.path(), {"implicit", m_cert, m_key, k_user, k_password});
    auto e = env(server.port());
    e["SMTP_URL"] = "smtps://localhost:" + std::to_string(server.port());
    const auto result = run({"--demo"}, e);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json message = single_message(server);
    ASSERT_FALSE(message.is_null());
    expect_report_mime_tree(message, std::string(k_base) + ".pdf");
    const json envelope = json::parse(pvr::test::read_whole_file(server.mailbox() + "/1.json"));
    EXPECT_TRUE(envelope["tls"].get<bool>());
    EXPECT_EQ(envelope["login"], k_user);
}

TEST_F(MailTest, MailWhenProblemsSendsTheCriticalDemo) {
    SmtpServer server(m_dir.path(), starttls_with_auth());
    auto e = env(server.port());
    e["MAIL_WHEN"] = "problems";
    const auto result = run({"--demo"}, e);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(server.messages().size(), 1U);
}

TEST_F(MailTest, NoMailWithDumpReportData) {
    SmtpServer server(m_dir.path(), starttls_with_auth());
    const auto result = run({"--demo", "--dump-report-data"}, env(server.port()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(server.messages().empty());
}

TEST_F(MailTest, IncompleteSettingsAreAConfigurationError) {
    const auto result = run({"--demo"}, {{"OUTPUT_DIR", reports()}, {"SMTP_URL", "smtp://127.0.0.1:25"}});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find("MAIL_FROM: required when SMTP_URL is set"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("MAIL_TO: required when SMTP_URL is set"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(reports()));
}

/// One node, one VM, one daily job covering everything: nothing to report, the verdict is good.
std::vector<pvr::emulator::ScenarioFile> good_scenario() {
    return {
        {"scenario.json", R"({"name": "good night", "now": "2026-11-27T07:00:00Z"})"},
        {"pve/version.json", R"({"version": "8.3.2", "release": "8.3", "repoid": "3e76eec21c4a14a7"})"},
        {"pve/cluster/status.json",
         R"([{"type":"cluster","id":"cluster","name":"pve-lab","nodes":1,"version":1,"quorate":1},
             {"type":"node","id":"node/pve1","name":"pve1","nodeid":1,"ip":"10.0.0.1","local":1,"online":1}])"},
        {"pve/nodes.json", R"([{"id":"node/pve1","node":"pve1","type":"node","status":"online"}])"},
        {"pve/nodes/pve1/time.json", R"({"timezone":"UTC","time":1795762800,"localtime":1795762800})"},
        {"pve/storage.json", R"([{"storage":"local","type":"dir","path":"/var/lib/vz","content":"iso,backup"}])"},
        {"pve/cluster/backup.json",
         R"([{"id":"backup-daily","enabled":1,"schedule":"21:00","all":1,"storage":"local","mode":"snapshot",
              "type":"vzdump"}])"},
        {"pve/cluster/resources.json",
         R"([{"id":"qemu/100","vmid":100,"type":"qemu","node":"pve1","status":"running","name":"web01","template":0},
             {"id":"node/pve1","node":"pve1","type":"node","status":"online"}])"},
        {"pve/nodes/pve1/qemu/100/config.json", R"({"name":"web01","scsi0":"local-lvm:vm-100-disk-0,size=32G"})"},
        {"pve/pools.json", "[]"},
        {"pve/cluster/tasks.json", "[]"},
        {"pve/cluster/backup-info/not-backed-up.json", "[]"},
        {"pve/access/permissions.json",
         R"({"/": {"Sys.Audit": 1, "VM.Audit": 1, "Datastore.Audit": 1, "Pool.Audit": 1}})"},
    };
}

TEST_F(MailTest, MailWhenProblemsStaysQuietOnAGoodNight) {
    const pvr::emulator::Token token{"report@pve!coverage", "5e0c1d2a-7f3d-4f4e-9a57-1d2c3b4a5f60"};
    pvr::emulator::ScenarioCluster cluster(pvr::emulator::Scenario::from_files(good_scenario()), {token}, {});
    const std::string ca = m_dir.path() + "/pve-ca.pem";
    std::ofstream(ca) << cluster.pve().certificate_pem();
    SmtpServer server(m_dir.path(), starttls_with_auth());
    auto e = env(server.port());
    e["PVE_URL"] = cluster.pve().base_url();
    e["PVE_TOKEN_ID"] = token.id;
    e["PVE_TOKEN_SECRET"] = token.secret;
    e["PVE_CA_BUNDLE"] = ca;
    e["MAIL_WHEN"] = "problems";
    auto result = run({"--now", "2026-11-27T07:00:00Z"}, e);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("e-mail not sent: the verdict is good and MAIL_WHEN=problems"), std::string::npos)
        << result.err;
    EXPECT_TRUE(server.messages().empty());

    e["MAIL_WHEN"] = "always";
    result = run({"--now", "2026-11-27T07:00:00Z"}, e);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json message = single_message(server);
    ASSERT_FALSE(message.is_null());
    EXPECT_EQ(message["headers"]["Subject"], "[pve-lab] Backups OK: 1/1 covered");
    expect_report_mime_tree(message, "pve-backup-report_pve-lab_2026-11-27_070000-2.pdf");
    EXPECT_NE(message["text"].get<std::string>().find("Verdict: OK"), std::string::npos) << message["text"];
}

} // namespace
