// The PBS variables, the per-storage overrides and the analysis thresholds.
#include "config/config.hpp"
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

constexpr const char* pbs_secret = "9d3c1b2a-0e4f-4a5b-8c7d-6e5f4a3b2c1d";
constexpr const char* other_secret = "1a2b3c4d-5e6f-4789-8abc-def012345678";
const std::string pin =
    "64:D3:FF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
const std::string pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

EnvMap pbs_env() {
    EnvMap env = valid_env();
    env["PBS_TOKEN_ID"] = "report@pbs!coverage";
    env["PBS_TOKEN_SECRET"] = pbs_secret;
    return env;
}

void expect_no_secret(const std::vector<std::string>& texts, const std::string& value) {
    for (const auto& text : texts) {
        EXPECT_EQ(text.find(value), std::string::npos) << text;
    }
}

// --- defaults and global variables ----------------------------------------------------------------

TEST(PbsConfig, DefaultsWithoutPbs) {
    const Config config = load(valid_env(), {}, fake_files({}));
    EXPECT_FALSE(config.pbs_configured());
    EXPECT_TRUE(config.pbs_token_id.empty());
    EXPECT_TRUE(config.pbs_token_secret.empty());
    EXPECT_TRUE(config.pbs_verify_tls);
    EXPECT_FALSE(config.pbs_ca_bundle.has_value());
    EXPECT_EQ(config.pbs_timeout, std::chrono::seconds(60));
    EXPECT_EQ(config.pve_max_connections, 8U);
    EXPECT_EQ(config.pbs_max_connections, 4U);
    EXPECT_TRUE(config.pbs_overrides.empty());
    EXPECT_EQ(config.stale_grace, std::chrono::hours(6));
    EXPECT_EQ(config.verify_max_age, std::chrono::days(30));
    EXPECT_EQ(config.log_format, LogFormat::text);
    EXPECT_TRUE(config.warnings.empty());
}

TEST(PbsConfig, EveryGlobalVariableSet) {
    EnvMap env = pbs_env();
    env["PBS_CA_BUNDLE"] = "/etc/pbs/ca.pem";
    env["PBS_VERIFY_TLS"] = "off";
    env["PBS_TIMEOUT"] = "300";
    env["PBS_MAX_CONNECTIONS"] = "2";
    env["PVE_MAX_CONNECTIONS"] = "16";
    env["STALE_GRACE_HOURS"] = "0";
    env["VERIFY_MAX_AGE_DAYS"] = "90";
    env["LOG_FORMAT"] = "JSON";
    const Config config = load(env, {}, fake_files({{"/etc/pbs/ca.pem", pem}}));
    EXPECT_TRUE(config.pbs_configured());
    EXPECT_EQ(config.pbs_token_id, "report@pbs!coverage");
    EXPECT_EQ(config.pbs_token_secret, pbs_secret);
    EXPECT_FALSE(config.pbs_verify_tls);
    EXPECT_EQ(config.pbs_ca_bundle, std::filesystem::path("/etc/pbs/ca.pem"));
    EXPECT_EQ(config.pbs_timeout, std::chrono::seconds(300));
    EXPECT_EQ(config.pbs_max_connections, 2U);
    EXPECT_EQ(config.pve_max_connections, 16U);
    EXPECT_EQ(config.stale_grace, std::chrono::hours(0));
    EXPECT_EQ(config.verify_max_age, std::chrono::days(90));
    EXPECT_EQ(config.log_format, LogFormat::json);
    EXPECT_TRUE(contains(config.warnings, "PBS_VERIFY_TLS=false: TLS certificate verification is disabled"));
    EXPECT_TRUE(contains(config.warnings, "PBS_CA_BUNDLE: ignored because PBS_VERIFY_TLS=false"));
}

TEST(PbsConfig, SecretFromFile) {
    EnvMap env = pbs_env();
    env.erase("PBS_TOKEN_SECRET");
    env["PBS_TOKEN_SECRET_FILE"] = "/run/secrets/pbs";
    const Config config = load(env, {}, fake_files({{"/run/secrets/pbs", std::string(pbs_secret) + "\n"}}));
    EXPECT_EQ(config.pbs_token_secret, pbs_secret);
    EXPECT_TRUE(config.pbs_configured());
}

TEST(PbsConfig, SecretAndFileBothSet) {
    EnvMap env = pbs_env();
    env["PBS_TOKEN_SECRET_FILE"] = "/run/secrets/pbs";
    const auto problems = problems_of(env, {}, fake_files({{"/run/secrets/pbs", pbs_secret}}));
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0], "PBS_TOKEN_SECRET: set either PBS_TOKEN_SECRET or PBS_TOKEN_SECRET_FILE, not both");
}

TEST(PbsConfig, TokenIdWithoutSecretNamesBoth) {
    EnvMap env = pbs_env();
    env.erase("PBS_TOKEN_SECRET");
    const std::string problem = problem_of(env);
    EXPECT_NE(problem.find("PBS_TOKEN_ID is set but PBS_TOKEN_SECRET"), std::string::npos) << problem;
    EXPECT_NE(problem.find("PBS_TOKEN_SECRET_FILE"), std::string::npos) << problem;
}

TEST(PbsConfig, SecretWithoutTokenIdNamesBoth) {
    EnvMap env = pbs_env();
    env.erase("PBS_TOKEN_ID");
    const std::string problem = problem_of(env);
    EXPECT_EQ(problem.rfind("PBS_TOKEN_ID: PBS_TOKEN_SECRET is set but PBS_TOKEN_ID is not", 0), 0U) << problem;
    EXPECT_EQ(problem.find(pbs_secret), std::string::npos);
}

TEST(PbsConfig, UnreadableSecretFileIsOneProblem) {
    EnvMap env = pbs_env();
    env.erase("PBS_TOKEN_SECRET");
    env["PBS_TOKEN_SECRET_FILE"] = "/nonexistent";
    EXPECT_EQ(problem_of(env), "PBS_TOKEN_SECRET_FILE: cannot read '/nonexistent' (no such file)");
}

TEST(PbsConfig, InvalidTokenId) {
    EnvMap env = pbs_env();
    env["PBS_TOKEN_ID"] = "report";
    EXPECT_EQ(problem_of(env), "PBS_TOKEN_ID: expected user@realm!tokenname (e.g. report@pve!coverage), got 'report'");
}

TEST(PbsConfig, PastedIdAndSecretIsNeverEchoed) {
    EnvMap env = pbs_env();
    env["PBS_TOKEN_ID"] = std::string("report@pbs!coverage:") + other_secret;
    const std::string problem = problem_of(env);
    EXPECT_NE(problem.find("contains ':'; put the secret in PBS_TOKEN_SECRET"), std::string::npos) << problem;
    EXPECT_EQ(problem.find(other_secret), std::string::npos) << problem;
}

TEST(PbsConfig, SecretWithWhiteSpaceIsRedacted) {
    EnvMap env = pbs_env();
    env["PBS_TOKEN_SECRET"] = std::string(pbs_secret) + " x";
    const std::string problem = problem_of(env);
    EXPECT_EQ(problem.rfind("PBS_TOKEN_SECRET: contains white space", 0), 0U) << problem;
    EXPECT_EQ(problem.find(pbs_secret), std::string::npos);
}

TEST(PbsConfig, CaBundleMustExistAndHoldPem) {
    EnvMap env = pbs_env();
    env["PBS_CA_BUNDLE"] = "/nonexistent/ca.pem";
    EXPECT_EQ(problem_of(env), "PBS_CA_BUNDLE: cannot read '/nonexistent/ca.pem' (no such file)");
    env["PBS_CA_BUNDLE"] = "/etc/empty.pem";
    EXPECT_EQ(problem_of(env, {}, fake_files({{"/etc/empty.pem", "nothing"}})),
              "PBS_CA_BUNDLE: '/etc/empty.pem' contains no PEM certificate (-----BEGIN CERTIFICATE-----)");
}

TEST(PbsConfig, InvalidValues) {
    EnvMap env = pbs_env();
    env["PBS_VERIFY_TLS"] = "maybe";
    env["PBS_TIMEOUT"] = "0";
    env["STALE_GRACE_HOURS"] = "-1";
    env["VERIFY_MAX_AGE_DAYS"] = "0";
    env["LOG_FORMAT"] = "xml";
    env["PBS_MAX_CONNECTIONS"] = "0";
    env["PVE_MAX_CONNECTIONS"] = "65";
    const auto problems = problems_of(env);
    ASSERT_EQ(problems.size(), 7U);
    EXPECT_TRUE(
        contains(problems, "PBS_MAX_CONNECTIONS: expected a whole number of connections between 1 and 64, got '0'"));
    EXPECT_TRUE(
        contains(problems, "PVE_MAX_CONNECTIONS: expected a whole number of connections between 1 and 64, got '65'"));
    EXPECT_TRUE(
        contains(problems, "PBS_VERIFY_TLS: expected a boolean (1/0, true/false, yes/no, on/off), got 'maybe'"));
    EXPECT_TRUE(contains(problems, "PBS_TIMEOUT: expected a whole number of seconds between 1 and 3600, got '0'"));
    EXPECT_TRUE(contains(problems, "STALE_GRACE_HOURS: expected a whole number of hours between 0 and 8760, got '-1'"));
    EXPECT_TRUE(contains(problems, "VERIFY_MAX_AGE_DAYS: expected a whole number of days between 1 and 3650, got '0'"));
    EXPECT_TRUE(contains(problems, "LOG_FORMAT: expected text or json, got 'xml'"));
}

TEST(PbsConfig, AnalysisThresholdsWorkWithoutPbs) {
    EnvMap env = valid_env();
    env["STALE_GRACE_HOURS"] = "12";
    env["VERIFY_MAX_AGE_DAYS"] = "7";
    env["LOG_FORMAT"] = "text";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_EQ(config.stale_grace, std::chrono::hours(12));
    EXPECT_EQ(config.verify_max_age, std::chrono::days(7));
    EXPECT_TRUE(config.warnings.empty());
}

TEST(PbsConfig, CapacityWarnDays) {
    EXPECT_EQ(load(valid_env(), {}, fake_files({})).capacity_warn, std::chrono::days(30));
    EnvMap env = valid_env();
    env["CAPACITY_WARN_DAYS"] = "90";
    EXPECT_EQ(load(env, {}, fake_files({})).capacity_warn, std::chrono::days(90));
    for (const char* bad : {"0", "3651", "soon", "-5"}) {
        env["CAPACITY_WARN_DAYS"] = bad;
        const auto problems = problems_of(env);
        ASSERT_EQ(problems.size(), 1U) << bad;
        EXPECT_EQ(problems[0],
                  std::string("CAPACITY_WARN_DAYS: expected a whole number of days between 1 and 3650, got '") + bad +
                      "'");
    }
}

TEST(PbsConfig, TlsSettingsWithoutTokenAreIgnoredWithAWarning) {
    EnvMap env = valid_env();
    env["PBS_TIMEOUT"] = "120";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_FALSE(config.pbs_configured());
    EXPECT_TRUE(contains(config.warnings, "PBS_TIMEOUT: ignored because no PBS API token is set"));
}

TEST(PbsConfig, TypoOfAPbsVariableIsAWarning) {
    EnvMap env = pbs_env();
    env["PBS_TOKEN_SECRT"] = "x";
    env["PBS_REPOSITORY"] = "backup@pbs@pbs1:store1"; // proxmox-backup-client's: ignored silently
    const Config config = load(env, {}, fake_files({}));
    ASSERT_EQ(config.warnings.size(), 1U);
    EXPECT_EQ(config.warnings[0], "PBS_TOKEN_SECRT: unknown variable, ignored (did you mean PBS_TOKEN_SECRET?)");
}

TEST(PbsConfig, PbsAuthorizationHeader) {
    EXPECT_EQ(pbs_authorization("report@pbs!coverage", pbs_secret),
              std::string("PBSAPIToken=report@pbs!coverage:") + pbs_secret);
    EXPECT_STREQ(to_string(LogFormat::json), "json");
    EXPECT_STREQ(to_string(LogFormat::text), "text");
}

// --- per-storage overrides ------------------------------------------------------------------------

TEST(PbsStorageKey, Normalization) {
    EXPECT_EQ(normalize_storage_key("pbs-main"), "PBS_MAIN");
    EXPECT_EQ(normalize_storage_key("backup.offsite_2"), "BACKUP_OFFSITE_2");
    EXPECT_EQ(normalize_storage_key("PBS"), "PBS");
    EXPECT_EQ(normalize_storage_key(""), "");
    EXPECT_EQ(pbs_override_variable("pbs-main", "TOKEN_ID"), "PBS_PBS_MAIN_TOKEN_ID");
}

TEST(PbsOverrides, EveryOverrideIsRead) {
    EnvMap env = pbs_env();
    env["PBS_PBS_MAIN_URL"] = "https://PBS1.example.lan/";
    env["PBS_PBS_MAIN_TOKEN_ID"] = "other@pbs!main";
    env["PBS_PBS_MAIN_TOKEN_SECRET"] = other_secret;
    env["PBS_PBS_MAIN_FINGERPRINT"] = "64d3ff0123456789abcdef0123456789abcdef0123456789abcdef0123456789";
    env["PBS_OFFSITE_URL"] = "https://10.0.0.9:8443";
    const Config config = load(env, {}, fake_files({}));
    ASSERT_EQ(config.pbs_overrides.size(), 2U);
    const PbsOverride& main = config.pbs_overrides.at("PBS_MAIN");
    EXPECT_EQ(main.url, "https://pbs1.example.lan:8007");
    EXPECT_EQ(main.token_id, "other@pbs!main");
    EXPECT_EQ(main.token_secret, other_secret);
    EXPECT_EQ(main.fingerprint, pin);
    const PbsOverride& offsite = config.pbs_overrides.at("OFFSITE");
    EXPECT_EQ(offsite.url, "https://10.0.0.9:8443");
    EXPECT_FALSE(offsite.token_id.has_value());
    EXPECT_FALSE(offsite.fingerprint.has_value());
    ASSERT_NE(config.pbs_override("pbs-main"), nullptr);
    EXPECT_EQ(config.pbs_override("pbs-main")->token_id, "other@pbs!main");
    EXPECT_EQ(config.pbs_override("pbs.main"), config.pbs_override("pbs-main"));
    EXPECT_EQ(config.pbs_override("other"), nullptr);
    EXPECT_TRUE(config.warnings.empty());
}

TEST(PbsOverrides, PerStorageTokenAloneConfiguresPbs) {
    EnvMap env = valid_env();
    env["PBS_PBS_MAIN_TOKEN_ID"] = "other@pbs!main";
    env["PBS_PBS_MAIN_TOKEN_SECRET_FILE"] = "/run/secrets/main";
    const Config config = load(env, {}, fake_files({{"/run/secrets/main", other_secret}}));
    EXPECT_TRUE(config.pbs_configured());
    EXPECT_TRUE(config.pbs_token_id.empty());
    EXPECT_EQ(config.pbs_overrides.at("PBS_MAIN").token_secret, other_secret);
}

TEST(PbsOverrides, InvalidValuesNameTheirVariable) {
    EnvMap env = pbs_env();
    env["PBS_A_URL"] = "http://pbs1";
    env["PBS_B_FINGERPRINT"] = "ab:cd:ef";
    env["PBS_C_TOKEN_ID"] = "nobody";
    env["PBS_C_TOKEN_SECRET"] = other_secret;
    const auto problems = problems_of(env);
    ASSERT_EQ(problems.size(), 3U);
    EXPECT_TRUE(contains(problems, "PBS_A_URL: expected https://host[:port], got 'http://pbs1'"));
    EXPECT_TRUE(contains(problems, "PBS_B_FINGERPRINT: expected a SHA-256 certificate fingerprint"));
    EXPECT_TRUE(contains(problems, "PBS_C_TOKEN_ID: expected user@realm!tokenname"));
    expect_no_secret(problems, other_secret);
}

TEST(PbsOverrides, TokenIdAndSecretGoTogether) {
    EnvMap env = pbs_env();
    env["PBS_A_TOKEN_ID"] = "other@pbs!main";
    env["PBS_B_TOKEN_SECRET"] = other_secret;
    const auto problems = problems_of(env);
    ASSERT_EQ(problems.size(), 2U);
    EXPECT_TRUE(contains(problems, "PBS_A_TOKEN_SECRET: PBS_A_TOKEN_ID is set but PBS_A_TOKEN_SECRET (or "
                                   "PBS_A_TOKEN_SECRET_FILE) is not"));
    EXPECT_TRUE(contains(problems, "PBS_B_TOKEN_ID: PBS_B_TOKEN_SECRET is set but PBS_B_TOKEN_ID is not"));
    expect_no_secret(problems, other_secret);
}

TEST(PbsOverrides, SecretAndSecretFileBothSet) {
    EnvMap env = pbs_env();
    env["PBS_A_TOKEN_ID"] = "other@pbs!main";
    env["PBS_A_TOKEN_SECRET"] = other_secret;
    env["PBS_A_TOKEN_SECRET_FILE"] = "/s";
    EXPECT_EQ(problem_of(env, {}, fake_files({{"/s", other_secret}})),
              "PBS_A_TOKEN_SECRET: set either PBS_A_TOKEN_SECRET or PBS_A_TOKEN_SECRET_FILE, not both");
}

TEST(PbsOverrides, OverrideWithoutAnyTokenIsAProblem) {
    EnvMap env = valid_env();
    env["PBS_PBS_MAIN_URL"] = "https://pbs1";
    const std::string problem = problem_of(env);
    EXPECT_EQ(problem.rfind("PBS_PBS_MAIN_URL: no PBS API token applies to this storage", 0), 0U) << problem;
    EXPECT_NE(problem.find("PBS_PBS_MAIN_TOKEN_ID"), std::string::npos) << problem;
}

TEST(PbsOverrides, KeyNotNormalized) {
    EnvMap env = pbs_env();
    env["PBS_pbs-main_TOKEN_SECRET"] = other_secret;
    const std::string problem = problem_of(env);
    EXPECT_EQ(problem.rfind("PBS_pbs-main_TOKEN_SECRET: 'pbs-main' is not a storage key", 0), 0U) << problem;
    EXPECT_NE(problem.find("PBS_PBS_MAIN_TOKEN_SECRET"), std::string::npos) << problem;
    EXPECT_EQ(problem.find(other_secret), std::string::npos) << problem;
}

TEST(PbsOverrides, GlobalVariablesAreNoOverrides) {
    EnvMap env = pbs_env();
    env["PBS_TOKEN_SECRET_FILE"] = ""; // empty = unset
    const Config config = load(env, {}, fake_files({}));
    EXPECT_TRUE(config.pbs_overrides.empty());
}

TEST(PbsOverrides, SecretsNeverInWarningsOrProblems) {
    EnvMap env = pbs_env();
    env["PBS_A_TOKEN_ID"] = std::string("x@pbs!ab=") + other_secret;
    env["PBS_A_TOKEN_SECRET"] = other_secret;
    env["PBS_VERIFY_TLS"] = pbs_secret; // a secret pasted into the wrong variable
    const auto problems = problems_of(env);
    EXPECT_EQ(problems.size(), 2U);
    expect_no_secret(problems, other_secret);
    expect_no_secret(problems, pbs_secret);
}

TEST(PbsDocumentedVariables, ListsThePbsVariables) {
    std::map<std::string, VariableDoc> by_name;
    for (const auto& doc : documented_variables()) {
        by_name[doc.name] = doc;
    }
    for (const char* name : {"PBS_TOKEN_ID", "PBS_TOKEN_SECRET", "PBS_TOKEN_SECRET_FILE", "PBS_CA_BUNDLE",
                             "PBS_VERIFY_TLS", "PBS_TIMEOUT", "PBS_<STORAGE>_URL", "PBS_<STORAGE>_TOKEN_ID",
                             "PBS_<STORAGE>_TOKEN_SECRET", "PBS_<STORAGE>_TOKEN_SECRET_FILE",
                             "PBS_<STORAGE>_FINGERPRINT", "STALE_GRACE_HOURS", "VERIFY_MAX_AGE_DAYS", "LOG_FORMAT"}) {
        EXPECT_EQ(by_name.count(name), 1U) << name;
    }
    EXPECT_TRUE(by_name["PBS_TOKEN_SECRET"].secret);
    EXPECT_TRUE(by_name["PBS_<STORAGE>_TOKEN_SECRET"].secret);
    EXPECT_EQ(by_name["PBS_VERIFY_TLS"].default_value, "true");
    EXPECT_EQ(by_name["PBS_TIMEOUT"].default_value, "60");
    EXPECT_EQ(by_name["STALE_GRACE_HOURS"].default_value, "6");
    EXPECT_EQ(by_name["VERIFY_MAX_AGE_DAYS"].default_value, "30");
    EXPECT_EQ(by_name["LOG_FORMAT"].default_value, "text");
}

} // namespace
} // namespace pvr::config
