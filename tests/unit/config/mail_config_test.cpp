// The e-mail variables: SMTP_URL, SMTP_TLS, SMTP_USER, SMTP_PASSWORD[_FILE], SMTP_CA_BUNDLE,
// MAIL_FROM, MAIL_TO, MAIL_WHEN.
#include "config/config.hpp"
#include "config/mail_variables.hpp"
#include "config_test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pvr::config {
namespace {

using test::contains;
using test::fake_files;
using test::problem_of;
using test::problems_of;
using test::valid_env;

constexpr const char* k_password = "s3cret pass-phrase!";

EnvMap mail_env() {
    EnvMap env = valid_env();
    env["SMTP_URL"] = "smtp://Mail.Example.com:587";
    env["MAIL_FROM"] = "pve-backup-report@example.com";
    env["MAIL_TO"] = "ops@example.com";
    return env;
}

TEST(MailConfig, DisabledWithoutSmtpUrl) {
    const Config config = load(valid_env(), {}, fake_files({}));
    EXPECT_FALSE(config.mail.enabled());
    EXPECT_TRUE(config.mail.smtp_tls);
    EXPECT_EQ(config.mail.when, MailWhen::always);
}

TEST(MailConfig, MinimalSettings) {
    const Config config = load(mail_env(), {}, fake_files({}));
    ASSERT_TRUE(config.mail.enabled());
    EXPECT_EQ(config.mail.smtp_url, "smtp://mail.example.com:587");
    EXPECT_TRUE(config.mail.smtp_tls);
    EXPECT_EQ(config.mail.from.address, "pve-backup-report@example.com");
    EXPECT_EQ(config.mail.from.display_name, "");
    ASSERT_EQ(config.mail.to.size(), 1U);
    EXPECT_EQ(config.mail.to[0].address, "ops@example.com");
    EXPECT_TRUE(config.mail.smtp_user.empty());
}

TEST(MailConfig, FullSettingsWithPasswordFile) {
    EnvMap env = mail_env();
    env["SMTP_URL"] = "smtps://[2001:DB8::25]";
    env["SMTP_USER"] = "report";
    env["SMTP_PASSWORD_FILE"] = "/run/secrets/smtp";
    env["SMTP_CA_BUNDLE"] = "/etc/ca.pem";
    env["MAIL_FROM"] = "\"Backups, PVE\" <pve@example.com>";
    env["MAIL_TO"] = "ops@example.com, \"Dupont, Zoé\" <zoe.dupont@example.fr>,Ops@Example.com,";
    env["MAIL_WHEN"] = "Problems";
    const Config config =
        load(env, {},
             fake_files({{"/run/secrets/smtp", std::string(k_password) + "\n"},
                         {"/etc/ca.pem", "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n"}}));
    EXPECT_EQ(config.mail.smtp_url, "smtps://[2001:db8::25]:465");
    EXPECT_EQ(config.mail.smtp_password, k_password);
    EXPECT_EQ(config.mail.smtp_user, "report");
    ASSERT_TRUE(config.mail.smtp_ca_bundle);
    EXPECT_EQ(config.mail.from.display_name, "Backups, PVE");
    ASSERT_EQ(config.mail.to.size(), 2U); // the duplicate (case-insensitive) and the empty item are dropped
    EXPECT_EQ(config.mail.to[1].display_name, "Dupont, Zoé");
    EXPECT_EQ(config.mail.to[1].address, "zoe.dupont@example.fr");
    EXPECT_EQ(config.mail.when, MailWhen::problems);
    EXPECT_TRUE(config.warnings.empty());
}

TEST(MailConfig, SmtpUrlWithoutSenderAndRecipientsNamesThem) {
    EnvMap env = valid_env();
    env["SMTP_URL"] = "smtp://mail.example.com";
    const auto problems = problems_of(env);
    ASSERT_EQ(problems.size(), 2U);
    EXPECT_TRUE(contains(problems, "MAIL_FROM: required when SMTP_URL is set"));
    EXPECT_TRUE(contains(problems, "MAIL_TO: required when SMTP_URL is set"));
}

TEST(MailConfig, DefaultPorts) {
    std::string problem;
    EXPECT_EQ(normalize_smtp_url("smtp://relay", problem), "smtp://relay:25");
    EXPECT_EQ(normalize_smtp_url("SMTPS://relay/", problem), "smtps://relay:465");
}

TEST(MailConfig, BadSmtpUrls) {
    for (const char* url : {"https://mail.example.com", "mail.example.com:25", "smtp://", "smtp://host:0",
                            "smtp://host:99999", "smtp://host/path", "smtp://ho st", "smtp://[::1"}) {
        EnvMap env = mail_env();
        env["SMTP_URL"] = url;
        const std::string problem = problem_of(env);
        EXPECT_EQ(problem.rfind("SMTP_URL: expected smtp://host[:port]", 0), 0U) << url << ": " << problem;
    }
}

TEST(MailConfig, UserInformationInTheUrlIsRefusedWithoutEcho) {
    EnvMap env = mail_env();
    env["SMTP_URL"] = "smtp://report:hunter22@mail.example.com";
    const std::string problem = problem_of(env);
    EXPECT_NE(problem.find("use SMTP_USER and SMTP_PASSWORD"), std::string::npos) << problem;
    EXPECT_EQ(problem.find("hunter22"), std::string::npos) << problem;
}

TEST(MailConfig, BadAddressesNameTheVariableAndTheAddress) {
    const std::pair<const char*, const char*> cases[] = {
        {"MAIL_FROM", "report"},           {"MAIL_FROM", "report@"},      {"MAIL_FROM", "@example.com"},
        {"MAIL_FROM", "a..b@example.com"}, {"MAIL_FROM", "Name <a@b"},    {"MAIL_TO", "ops@example.com, bob"},
        {"MAIL_TO", "ops@-example.com"},   {"MAIL_TO", "zoé@example.fr"}, {"MAIL_TO", "a b@example.com"},
    };
    for (const auto& [name, value] : cases) {
        EnvMap env = mail_env();
        env[name] = value;
        const std::string problem = problem_of(env);
        EXPECT_EQ(problem.rfind(std::string(name) + ": '", 0), 0U) << value << ": " << problem;
        EXPECT_NE(problem.find("is not an e-mail address"), std::string::npos) << problem;
    }
    EnvMap env = mail_env();
    env["MAIL_TO"] = " , ";
    EXPECT_EQ(problem_of(env).rfind("MAIL_TO: expected at least one e-mail address", 0), 0U);
}

TEST(MailConfig, UserAndPasswordGoTogether) {
    EnvMap env = mail_env();
    env["SMTP_USER"] = "report";
    EXPECT_EQ(problem_of(env).rfind("SMTP_PASSWORD: required when SMTP_USER is set", 0), 0U);
    env.erase("SMTP_USER");
    env["SMTP_PASSWORD"] = k_password;
    const std::string problem = problem_of(env);
    EXPECT_EQ(problem.rfind("SMTP_USER: required when SMTP_PASSWORD is set", 0), 0U) << problem;
}

TEST(MailConfig, PasswordNeverInAProblem) {
    EnvMap env = mail_env();
    env["SMTP_USER"] = "report";
    env["SMTP_PASSWORD"] = std::string(k_password) + "\n";
    EXPECT_EQ(problem_of(env), "SMTP_PASSWORD: contains control characters (a stray newline?)");
    env["SMTP_PASSWORD"] = k_password;
    env["MAIL_TO"] = k_password; // pasted in the wrong variable: masked too
    const auto problems = problems_of(env);
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].rfind("MAIL_TO: '***' is not an e-mail address", 0), 0U) << problems[0];
    for (const auto& text : problems) {
        EXPECT_EQ(text.find(k_password), std::string::npos) << text;
    }
}

TEST(MailConfig, BothPasswordAndFileIsAProblem) {
    EnvMap env = mail_env();
    env["SMTP_USER"] = "report";
    env["SMTP_PASSWORD"] = k_password;
    env["SMTP_PASSWORD_FILE"] = "/run/secrets/smtp";
    EXPECT_TRUE(contains(problems_of(env, {}, fake_files({{"/run/secrets/smtp", k_password}})),
                         "SMTP_PASSWORD: set either SMTP_PASSWORD or SMTP_PASSWORD_FILE, not both"));
}

TEST(MailConfig, TlsNone) {
    EnvMap env = mail_env();
    env["SMTP_TLS"] = "none";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_FALSE(config.mail.smtp_tls);
    EXPECT_TRUE(contains(config.warnings, "SMTP_TLS=none: the e-mail is sent to smtp://mail.example.com:587 "
                                          "without TLS"));
    env["SMTP_URL"] = "smtps://mail.example.com";
    EXPECT_EQ(problem_of(env).rfind("SMTP_TLS: 'none' contradicts SMTP_URL smtps://mail.example.com:465", 0), 0U);
    env["SMTP_TLS"] = "starttls";
    EXPECT_EQ(problem_of(env), "SMTP_TLS: expected required or none, got 'starttls'");
}

TEST(MailConfig, BadMailWhen) {
    EnvMap env = mail_env();
    env["MAIL_WHEN"] = "never";
    EXPECT_EQ(problem_of(env).rfind("MAIL_WHEN: expected always or problems", 0), 0U);
}

TEST(MailConfig, MailVariablesWithoutSmtpUrlAreIgnoredWithAWarning) {
    EnvMap env = valid_env();
    env["MAIL_TO"] = "ops@example.com";
    env["SMTP_USER"] = "report";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_FALSE(config.mail.enabled());
    EXPECT_TRUE(contains(config.warnings, "MAIL_TO: ignored because SMTP_URL is not set"));
    EXPECT_TRUE(contains(config.warnings, "SMTP_USER: ignored because SMTP_URL is not set"));
}

TEST(MailConfig, TheVariablesAreDocumented) {
    std::vector<std::string> names;
    for (const auto& doc : documented_variables()) {
        names.push_back(doc.name);
    }
    for (const char* name : {"SMTP_URL", "SMTP_TLS", "SMTP_USER", "SMTP_PASSWORD", "SMTP_PASSWORD_FILE",
                             "SMTP_CA_BUNDLE", "MAIL_FROM", "MAIL_TO", "MAIL_WHEN"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
    }
}

} // namespace
} // namespace pvr::config
