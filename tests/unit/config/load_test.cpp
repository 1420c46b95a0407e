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
using test::secret;
using test::valid_env;

TEST(Load, ValidEnvironmentWithDefaults) {
    const Config config = load(valid_env(), {}, fake_files({}));
    EXPECT_EQ(config.pve_url, "https://pve1.example.com:8006");
    EXPECT_EQ(config.pve_token_id, "report@pve!coverage");
    EXPECT_EQ(config.pve_token_secret, secret);
    EXPECT_TRUE(config.pve_verify_tls);
    EXPECT_FALSE(config.pve_ca_bundle.has_value());
    EXPECT_EQ(config.pve_timeout, std::chrono::seconds(30));
    EXPECT_EQ(config.output_dir, std::filesystem::path("reports"));
    EXPECT_EQ(config.log_level, LogLevel::info);
    EXPECT_EQ(config.report_lang, "en");
    EXPECT_TRUE(config.warnings.empty());
}

TEST(Load, EveryVariableSet) {
    EnvMap env = valid_env();
    env["PVE_URL"] = "https://[::1]:8443/api2/json/";
    env["PVE_VERIFY_TLS"] = "yes";
    env["PVE_CA_BUNDLE"] = "/etc/pve/ca.pem";
    env["PVE_TIMEOUT"] = "120";
    env["OUTPUT_DIR"] = "/var/lib/reports";
    env["LOG_LEVEL"] = "DEBUG";
    env["REPORT_LANG"] = "FR";
    const Config config = load(
        env, {}, fake_files({{"/etc/pve/ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}}));
    EXPECT_EQ(config.pve_url, "https://[::1]:8443");
    EXPECT_TRUE(config.pve_verify_tls);
    EXPECT_EQ(config.pve_ca_bundle, std::filesystem::path("/etc/pve/ca.pem"));
    EXPECT_EQ(config.pve_timeout, std::chrono::seconds(120));
    EXPECT_EQ(config.output_dir, std::filesystem::path("/var/lib/reports"));
    EXPECT_EQ(config.log_level, LogLevel::debug);
    EXPECT_EQ(config.report_lang, "fr");
    EXPECT_TRUE(config.warnings.empty());
}

TEST(Load, EmptyValueCountsAsUnset) {
    EnvMap env = valid_env();
    env["PVE_TIMEOUT"] = "";
    env["LOG_LEVEL"] = "";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_EQ(config.pve_timeout, std::chrono::seconds(30));
    EXPECT_EQ(config.log_level, LogLevel::info);
}

// --- required variables ---------------------------------------------------------------------

TEST(Load, MissingRequiredVariablesAreAllReported) {
    const auto problems = problems_of({}, {});
    ASSERT_EQ(problems.size(), 3U);
    EXPECT_EQ(problems[0].rfind("PVE_URL: required but not set", 0), 0U) << problems[0];
    EXPECT_EQ(problems[1].rfind("PVE_TOKEN_ID: required but not set", 0), 0U) << problems[1];
    EXPECT_EQ(problems[2].rfind("PVE_TOKEN_SECRET: required but not set", 0), 0U) << problems[2];
}

TEST(Load, EmptyRequiredVariableIsMissing) {
    EnvMap env = valid_env();
    env["PVE_URL"] = "";
    EXPECT_EQ(problem_of(env).rfind("PVE_URL: required but not set", 0), 0U);
}

TEST(Load, DemoModeNeedsNoPveVariables) {
    const Config config = load({}, Requirements{false}, fake_files({}));
    EXPECT_TRUE(config.pve_url.empty());
    EXPECT_TRUE(config.pve_token_id.empty());
    EXPECT_TRUE(config.pve_token_secret.empty());
}

TEST(Load, DemoModeStillValidatesWhatIsSet) {
    const auto problems = problems_of({{"PVE_URL", "ftp://x"}, {"PVE_TOKEN_ID", "nobang"}}, Requirements{false});
    ASSERT_EQ(problems.size(), 2U);
    EXPECT_EQ(problems[0], "PVE_URL: expected https://host[:port], got 'ftp://x'");
    EXPECT_EQ(problems[1].rfind("PVE_TOKEN_ID: expected user@realm!tokenname", 0), 0U) << problems[1];
}

// --- PVE_URL ------------------------------------------------------------------------------------

TEST(Load, PveUrlIsNormalized) {
    EnvMap env = valid_env();
    env["PVE_URL"] = "https://PVE1/";
    EXPECT_EQ(load(env, {}, fake_files({})).pve_url, "https://pve1:8006");
}

TEST(Load, PveUrlProblemNamesTheVariable) {
    EnvMap env = valid_env();
    env["PVE_URL"] = "ftp://x";
    EXPECT_EQ(problem_of(env), "PVE_URL: expected https://host[:port], got 'ftp://x'");
}

// --- PVE_TOKEN_ID -------------------------------------------------------------------------------

class GoodTokenId : public ::testing::TestWithParam<const char*> {};
TEST_P(GoodTokenId, Accepted) {
    EnvMap env = valid_env();
    env["PVE_TOKEN_ID"] = GetParam();
    EXPECT_EQ(load(env, {}, fake_files({})).pve_token_id, GetParam());
}
INSTANTIATE_TEST_SUITE_P(Table, GoodTokenId,
                         ::testing::Values("report@pve!coverage", "root@pam!t1", "john.doe@ad-corp!backup_report",
                                           "user@example.com@ldap!tok-1"));

class BadTokenId : public ::testing::TestWithParam<const char*> {};
TEST_P(BadTokenId, Rejected) {
    EnvMap env = valid_env();
    env["PVE_TOKEN_ID"] = GetParam();
    const std::string problem = problem_of(env);
    EXPECT_EQ(problem.rfind("PVE_TOKEN_ID: expected user@realm!tokenname", 0), 0U) << problem;
}
INSTANTIATE_TEST_SUITE_P(Table, BadTokenId,
                         ::testing::Values("report", "report@pve", "report!coverage", "@pve!coverage",
                                           "report@!coverage", "report@pve!", "report@pve!1abc", "report@p!coverage",
                                           "report@pve!c", "rep ort@pve!coverage", "report@pve!cov erage",
                                           "report@pve!cov/erage", "re:port@pve!coverage"));

TEST(Load, TokenIdWithSecretPastedIsNotEchoed) {
    EnvMap env = valid_env();
    env["PVE_TOKEN_ID"] = std::string("report@pve!coverage=") + secret;
    env.erase("PVE_TOKEN_SECRET");
    const auto problems = problems_of(env);
    EXPECT_TRUE(contains(problems, "PVE_TOKEN_ID: expected user@realm!tokenname without the secret"));
    for (const auto& p : problems) {
        EXPECT_EQ(p.find(secret), std::string::npos) << p;
    }
}

// --- PVE_TOKEN_SECRET ---------------------------------------------------------------------------

TEST(Load, SecretWithWhiteSpaceIsRejectedWithoutEcho) {
    EnvMap env = valid_env();
    env["PVE_TOKEN_SECRET"] = std::string(secret) + "\n";
    const std::string problem = problem_of(env);
    EXPECT_EQ(problem.rfind("PVE_TOKEN_SECRET: contains white space", 0), 0U) << problem;
    EXPECT_EQ(problem.find(secret), std::string::npos);
}

// --- PVE_VERIFY_TLS -----------------------------------------------------------------------------

struct BoolCase {
    const char* text;
    bool value;
};
class VerifyTls : public ::testing::TestWithParam<BoolCase> {};
TEST_P(VerifyTls, ParsesLeniently) {
    EnvMap env = valid_env();
    env["PVE_VERIFY_TLS"] = GetParam().text;
    EXPECT_EQ(load(env, {}, fake_files({})).pve_verify_tls, GetParam().value);
}
INSTANTIATE_TEST_SUITE_P(Table, VerifyTls,
                         ::testing::Values(BoolCase{"1", true}, BoolCase{"0", false}, BoolCase{"true", true},
                                           BoolCase{"FALSE", false}, BoolCase{"yes", true}, BoolCase{"No", false},
                                           BoolCase{"on", true}, BoolCase{"off", false}, BoolCase{" true ", true}));

TEST(Load, VerifyTlsBadValue) {
    EnvMap env = valid_env();
    env["PVE_VERIFY_TLS"] = "maybe";
    EXPECT_EQ(problem_of(env), "PVE_VERIFY_TLS: expected a boolean (1/0, true/false, yes/no, on/off), got 'maybe'");
}

TEST(Load, VerifyTlsOffIsAWarning) {
    EnvMap env = valid_env();
    env["PVE_VERIFY_TLS"] = "false";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_FALSE(config.pve_verify_tls);
    ASSERT_EQ(config.warnings.size(), 1U);
    EXPECT_EQ(config.warnings[0], "PVE_VERIFY_TLS=false: TLS certificate verification is disabled");
}

TEST(Load, CaBundleWithVerificationOffIsAWarning) {
    EnvMap env = valid_env();
    env["PVE_VERIFY_TLS"] = "0";
    env["PVE_CA_BUNDLE"] = "/ca.pem";
    const Config config = load(env, {}, fake_files({{"/ca.pem", "-----BEGIN CERTIFICATE-----\n"}}));
    EXPECT_TRUE(contains(config.warnings, "PVE_CA_BUNDLE: ignored because PVE_VERIFY_TLS=false"));
}

// --- PVE_CA_BUNDLE ------------------------------------------------------------------------------

TEST(Load, CaBundleMissingFile) {
    EnvMap env = valid_env();
    env["PVE_CA_BUNDLE"] = "/nonexistent/ca.pem";
    EXPECT_EQ(problem_of(env), "PVE_CA_BUNDLE: cannot read '/nonexistent/ca.pem' (no such file)");
}

TEST(Load, CaBundleUnreadableExistingPath) {
    EnvMap env = valid_env();
    env["PVE_CA_BUNDLE"] = "/";
    EXPECT_EQ(problem_of(env, {}, default_file_reader()), "PVE_CA_BUNDLE: cannot read '/' (not a readable file)");
}

TEST(Load, CaBundleWithoutCertificate) {
    EnvMap env = valid_env();
    env["PVE_CA_BUNDLE"] = "/ca.pem";
    EXPECT_EQ(problem_of(env, {}, fake_files({{"/ca.pem", "hello"}})),
              "PVE_CA_BUNDLE: '/ca.pem' contains no PEM certificate (-----BEGIN CERTIFICATE-----)");
}

// --- PVE_TIMEOUT --------------------------------------------------------------------------------

TEST(Load, TimeoutBounds) {
    for (const char* good : {"1", "3600", " 45 ", "+10"}) {
        EnvMap env = valid_env();
        env["PVE_TIMEOUT"] = good;
        EXPECT_NO_THROW((void)load(env, {}, fake_files({}))) << good;
    }
    for (const char* bad : {"0", "3601", "-5", "abc", "1.5", "30s", "99999999999999999999"}) {
        EnvMap env = valid_env();
        env["PVE_TIMEOUT"] = bad;
        EXPECT_EQ(problem_of(env), std::string("PVE_TIMEOUT: expected a whole number of seconds between 1 and 3600, "
                                               "got '") +
                                       bad + "'");
    }
}

// --- OUTPUT_DIR, LOG_LEVEL, REPORT_LANG ---------------------------------------------------------

TEST(Load, OutputDirIsTakenAsIs) {
    EnvMap env = valid_env();
    env["OUTPUT_DIR"] = "out/reports";
    EXPECT_EQ(load(env, {}, fake_files({})).output_dir, std::filesystem::path("out/reports"));
}

TEST(Load, LogLevels) {
    const std::pair<const char*, LogLevel> cases[] = {{"trace", LogLevel::trace},  {"debug", LogLevel::debug},
                                                      {"info", LogLevel::info},    {"warn", LogLevel::warn},
                                                      {"warning", LogLevel::warn}, {"Error", LogLevel::error}};
    for (const auto& [text, level] : cases) {
        EnvMap env = valid_env();
        env["LOG_LEVEL"] = text;
        EXPECT_EQ(load(env, {}, fake_files({})).log_level, level) << text;
    }
    EnvMap env = valid_env();
    env["LOG_LEVEL"] = "verbose";
    EXPECT_EQ(problem_of(env), "LOG_LEVEL: expected one of trace, debug, info, warn, error, got 'verbose'");
}

TEST(Load, LogLevelNames) {
    EXPECT_STREQ(to_string(LogLevel::trace), "trace");
    EXPECT_STREQ(to_string(LogLevel::warn), "warn");
    EXPECT_STREQ(to_string(LogLevel::error), "error");
}

TEST(Load, ReportLang) {
    EnvMap env = valid_env();
    env["REPORT_LANG"] = "fr";
    EXPECT_EQ(load(env, {}, fake_files({})).report_lang, "fr");
    env["REPORT_LANG"] = " De ";
    EXPECT_EQ(load(env, {}, fake_files({})).report_lang, "de");
    env["REPORT_LANG"] = "es";
    EXPECT_EQ(problem_of(env), "REPORT_LANG: expected en, fr or de, got 'es'");
}

// --- all problems at once -----------------------------------------------------------------------

TEST(Load, EveryProblemAtOnce) {
    const EnvMap env = {
        {"PVE_URL", "ftp://x"}, {"PVE_TOKEN_ID", "bad"}, {"PVE_VERIFY_TLS", "maybe"}, {"PVE_CA_BUNDLE", "/missing.pem"},
        {"PVE_TIMEOUT", "0"},   {"LOG_LEVEL", "loud"},   {"REPORT_LANG", "es"}};
    const auto problems = problems_of(env);
    ASSERT_EQ(problems.size(), 8U);
    const char* prefixes[] = {"PVE_URL: ",       "PVE_TOKEN_ID: ", "PVE_TOKEN_SECRET: ", "PVE_VERIFY_TLS: ",
                              "PVE_CA_BUNDLE: ", "PVE_TIMEOUT: ",  "LOG_LEVEL: ",        "REPORT_LANG: "};
    for (std::size_t i = 0; i < problems.size(); ++i) {
        EXPECT_EQ(problems[i].rfind(prefixes[i], 0), 0U) << problems[i];
    }
}

TEST(ConfigErrorText, MultiLineSummary) {
    const ConfigError error({"PVE_URL: a", "LOG_LEVEL: b"});
    EXPECT_EQ(error.kind(), ErrorKind::config);
    EXPECT_STREQ(error.what(), "invalid configuration (2 problems):\n  - PVE_URL: a\n  - LOG_LEVEL: b");
    EXPECT_EQ(error.problems().size(), 2U);
    EXPECT_EQ(exit_code_for(error.kind()), exit_code::usage);
}

TEST(ConfigErrorText, SingleProblemOnOneLine) {
    const ConfigError error({"PVE_URL: a"});
    EXPECT_STREQ(error.what(), "invalid configuration: PVE_URL: a");
}

// --- unknown variables --------------------------------------------------------------------------

TEST(Load, TypoOfAKnownVariableIsAWarning) {
    EnvMap env = valid_env();
    env["PVE_TOKEN_SECRT"] = "x";
    env["PVE_VERIFYTLS"] = "0";
    env["LOG_LEVLE"] = "debug";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_TRUE(config.pve_verify_tls);
    EXPECT_TRUE(
        contains(config.warnings, "PVE_TOKEN_SECRT: unknown variable, ignored (did you mean PVE_TOKEN_SECRET?)"));
    EXPECT_TRUE(contains(config.warnings, "PVE_VERIFYTLS: unknown variable, ignored (did you mean PVE_VERIFY_TLS?)"));
    EXPECT_TRUE(contains(config.warnings, "LOG_LEVLE: unknown variable, ignored (did you mean LOG_LEVEL?)"));
}

TEST(Load, LowerCaseNameIsAWarning) {
    EnvMap env = valid_env();
    env["pve_timeout"] = "10";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_TRUE(contains(config.warnings, "pve_timeout: unknown variable, ignored (did you mean PVE_TIMEOUT?)"));
}

TEST(Load, UnknownPveVariableIsAWarning) {
    EnvMap env = valid_env();
    env["PVE_SOMETHING_ELSE"] = "1";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_TRUE(contains(config.warnings, "PVE_SOMETHING_ELSE: unknown variable, ignored"));
}

TEST(Load, UnrelatedVariablesAreIgnored) {
    EnvMap env = valid_env();
    env["PATH"] = "/usr/bin";
    env["HOME"] = "/root";
    env["LANG"] = "C.UTF-8";
    env["PBS_URL"] = "https://pbs:8007";
    env["TZ"] = "UTC";
    EXPECT_TRUE(load(env, {}, fake_files({})).warnings.empty());
}

TEST(Load, OtherProgramsVariablesGetNoHint) {
    // Names close to one of ours but with another program's prefix: no "did you mean".
    EnvMap env = valid_env();
    env["AWS_CA_BUNDLE"] = "/etc/ssl/certs/ca.pem";  // 3 edits from PBS_CA_BUNDLE, AWS_ is not ours
    env["CURL_CA_BUNDLE"] = "/etc/ssl/certs/ca.pem"; // PBS_CA_BUNDLE is 4 edits away, still not ours
    env["SSL_CA_BUNDLE"] = "/etc/ssl/certs/ca.pem";
    env["PGS_TIMEOUT"] = "1";  // one edit from PBS_TIMEOUT, but PGS_ is no prefix of ours
    env["LOGLEVEL"] = "debug"; // no prefix at all
    EXPECT_TRUE(load(env, {}, fake_files({})).warnings.empty());
}

TEST(Load, TypoWithOneOfOurPrefixesGetsAHint) {
    EnvMap env = valid_env();
    env["SMTP_UR"] = "smtp://mail";
    env["MAIL_TOO"] = "a@example.com";
    const Config config = load(env, {}, fake_files({}));
    EXPECT_TRUE(contains(config.warnings, "SMTP_UR: unknown variable, ignored (did you mean SMTP_URL?)"));
    EXPECT_TRUE(contains(config.warnings, "MAIL_TOO: unknown variable, ignored (did you mean MAIL_TO?)"));
}

// --- documentation table ------------------------------------------------------------------------

TEST(DocumentedVariables, ListsEveryVariableWithDefaults) {
    const auto& docs = documented_variables();
    std::map<std::string, VariableDoc> by_name;
    for (const auto& doc : docs) {
        EXPECT_FALSE(doc.description.empty()) << doc.name;
        by_name[doc.name] = doc;
    }
    for (const char* name : {"PVE_URL", "PVE_TOKEN_ID", "PVE_TOKEN_SECRET", "PVE_TOKEN_SECRET_FILE", "PVE_VERIFY_TLS",
                             "PVE_CA_BUNDLE", "PVE_TIMEOUT", "OUTPUT_DIR", "LOG_LEVEL", "REPORT_LANG"}) {
        EXPECT_EQ(by_name.count(name), 1U) << name;
    }
    EXPECT_TRUE(by_name["PVE_TOKEN_SECRET"].secret);
    EXPECT_FALSE(by_name["PVE_TOKEN_ID"].secret);
    EXPECT_EQ(by_name["PVE_TIMEOUT"].default_value, "30");
    EXPECT_EQ(by_name["PVE_VERIFY_TLS"].default_value, "true");
    EXPECT_EQ(by_name["OUTPUT_DIR"].default_value, "reports");
    EXPECT_EQ(by_name["LOG_LEVEL"].default_value, "info");
    EXPECT_EQ(by_name["REPORT_LANG"].default_value, "en");
}

TEST(Authorization, PveHeaderFormat) {
    Config config;
    config.pve_token_id = "report@pve!coverage";
    config.pve_token_secret = secret;
    EXPECT_EQ(pve_authorization(config), std::string("PVEAPIToken=report@pve!coverage=") + secret);
}

} // namespace
} // namespace pvr::config
