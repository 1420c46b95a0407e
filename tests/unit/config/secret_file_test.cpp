// `<NAME>_FILE` variants of secrets, and secrets never appearing in any message.
#include "config/config.hpp"
#include "config_test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <unistd.h>

namespace pvr::config {
namespace {

using test::contains;
using test::fake_files;
using test::problem_of;
using test::problems_of;
using test::secret;
using test::valid_env;

EnvMap env_with_secret_file(const std::string& path) {
    EnvMap env = valid_env();
    env.erase("PVE_TOKEN_SECRET");
    env["PVE_TOKEN_SECRET_FILE"] = path;
    return env;
}

void expect_no_secret(const std::vector<std::string>& texts, const std::string& value = secret) {
    for (const auto& text : texts) {
        EXPECT_EQ(text.find(value), std::string::npos) << text;
    }
}

TEST(SecretFile, ReadsTheFileAndStripsOneNewline) {
    const Config config = load(env_with_secret_file("/run/secrets/pve"), {},
                               fake_files({{"/run/secrets/pve", std::string(secret) + "\n"}}));
    EXPECT_EQ(config.pve_token_secret, secret);
}

TEST(SecretFile, StripsCrLf) {
    const Config config = load(env_with_secret_file("/s"), {}, fake_files({{"/s", std::string(secret) + "\r\n"}}));
    EXPECT_EQ(config.pve_token_secret, secret);
}

TEST(SecretFile, WithoutNewline) {
    const Config config = load(env_with_secret_file("/s"), {}, fake_files({{"/s", secret}}));
    EXPECT_EQ(config.pve_token_secret, secret);
}

TEST(SecretFile, OnlyOneNewlineIsStripped) {
    const auto problems =
        problems_of(env_with_secret_file("/s"), {}, fake_files({{"/s", std::string(secret) + "\n\n"}}));
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].rfind("PVE_TOKEN_SECRET_FILE: contains white space", 0), 0U) << problems[0];
    expect_no_secret(problems);
}

TEST(SecretFile, UnreadableFileNamesTheFileVariable) {
    EXPECT_EQ(problem_of(env_with_secret_file("/nonexistent/secret")),
              "PVE_TOKEN_SECRET_FILE: cannot read '/nonexistent/secret' (no such file)");
}

TEST(SecretFile, EmptyFile) {
    EXPECT_EQ(problem_of(env_with_secret_file("/s"), {}, fake_files({{"/s", "\n"}})),
              "PVE_TOKEN_SECRET_FILE: '/s' is empty");
}

TEST(SecretFile, BothSetIsAProblem) {
    EnvMap env = valid_env();
    env["PVE_TOKEN_SECRET_FILE"] = "/s";
    const auto problems = problems_of(env, {}, fake_files({{"/s", secret}}));
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0], "PVE_TOKEN_SECRET: set either PVE_TOKEN_SECRET or PVE_TOKEN_SECRET_FILE, not both");
}

TEST(SecretFile, WorksInDemoModeToo) {
    const Config config =
        load({{"PVE_TOKEN_SECRET_FILE", "/s"}}, Requirements{false}, fake_files({{"/s", std::string(secret)}}));
    EXPECT_EQ(config.pve_token_secret, secret);
}

TEST(SecretFile, RealFileThroughDefaultReader) {
    const auto dir = std::filesystem::temp_directory_path() / ("pvr_config_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "secret";
    {
        std::ofstream out(path);
        out << secret << "\n";
    }
    const Config config = load(env_with_secret_file(path.string()), {}, default_file_reader());
    EXPECT_EQ(config.pve_token_secret, secret);
    std::filesystem::remove_all(dir);
}

// --- the secret never appears -------------------------------------------------------------------

TEST(SecretNeverShown, NotInAnyProblemOrWarning) {
    // The secret is echoed back by a typo'd variable and appears inside other values.
    EnvMap env = {{"PVE_URL", std::string("https://") + secret},
                  {"PVE_TOKEN_ID", std::string("x") + secret},
                  {"PVE_TOKEN_SECRET", secret},
                  {"PVE_TIMEOUT", secret},
                  {"LOG_LEVEL", secret},
                  {"REPORT_LANG", secret},
                  {"PVE_VERIFY_TLS", secret},
                  {"PVE_CA_BUNDLE", std::string("/") + secret},
                  {"OUTPUT_DIR", secret},
                  {"PVE_TOKEN_SECRT", secret}};
    try {
        (void)load(env, {}, fake_files({}));
        FAIL() << "expected a ConfigError";
    } catch (const ConfigError& error) {
        expect_no_secret(error.problems());
        EXPECT_EQ(std::string(error.what()).find(secret), std::string::npos) << error.what();
        EXPECT_GE(error.problems().size(), 6U);
    }
}

TEST(SecretNeverShown, FromFileEither) {
    EnvMap env = env_with_secret_file("/s");
    env["REPORT_LANG"] = std::string(secret) + "x";
    const auto problems = problems_of(env, {}, fake_files({{"/s", std::string(secret) + "\n"}}));
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_TRUE(contains(problems, "REPORT_LANG: expected en, fr or de, got '***x'"));
    expect_no_secret(problems);
}

TEST(SecretNeverShown, BadSecretNotEchoed) {
    EnvMap env = valid_env();
    env["PVE_TOKEN_SECRET"] = "abc def ghi";
    const auto problems = problems_of(env);
    expect_no_secret(problems, "abc def ghi");
    expect_no_secret(problems, "def");
}

TEST(SecretNeverShown, InWarnings) {
    EnvMap env = valid_env();
    env["PVE_TOKEN_SECRETS"] = secret;
    const Config config = load(env, {}, fake_files({}));
    EXPECT_FALSE(config.warnings.empty());
    expect_no_secret(config.warnings);
}

} // namespace
} // namespace pvr::config
