// The documentation cannot drift from the code: the README's tables of environment variables and
// exit codes are exactly what the code defines (PVR_UPDATE_DOCS=1 rewrites them), and the man page,
// .env.example and packaging/env name every variable and exit status.

#include "app/docs_tables.hpp"
#include "config/config.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

std::string read(const std::string& relative) {
    std::ifstream in(std::string(PVR_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void write(const std::string& relative, const std::string& content) {
    std::ofstream(std::string(PVR_SOURCE_DIR) + "/" + relative, std::ios::binary | std::ios::trunc) << content;
}

/// The text between "<!-- BEGIN generated: NAME ... -->\n" and "<!-- END generated: NAME -->" in
/// README.md equals `expected`; with PVR_UPDATE_DOCS=1 it is replaced by it.
void expect_generated_section(const std::string& name, const std::string& expected) {
    std::string readme = read("README.md");
    const std::string begin_tag = "<!-- BEGIN generated: " + name;
    const std::string end_tag = "<!-- END generated: " + name + " -->";
    const auto begin = readme.find(begin_tag);
    ASSERT_NE(begin, std::string::npos) << "README.md has no '" << begin_tag << "' marker";
    const auto body = readme.find('\n', begin) + 1;
    const auto end = readme.find(end_tag, body);
    ASSERT_NE(end, std::string::npos) << "README.md has no '" << end_tag << "' marker";
    const std::string actual = readme.substr(body, end - body);
    if (actual == expected) {
        return;
    }
    const char* update = std::getenv("PVR_UPDATE_DOCS"); // NOLINT(concurrency-mt-unsafe)
    if (update != nullptr && std::string(update) == "1") {
        write("README.md", readme.replace(body, end - body, expected));
        return;
    }
    ADD_FAILURE() << "README.md's '" << name << "' table differs from the code; run the test with "
                  << "PVR_UPDATE_DOCS=1 to rewrite it. Expected:\n"
                  << expected << "\nActual:\n"
                  << actual;
}

TEST(Docs, ReadmeVariablesTableIsTheCodes) {
    expect_generated_section("environment-variables", pvr::app::markdown_variables_table());
}

TEST(Docs, ReadmeExitCodesTableIsTheCodes) {
    expect_generated_section("exit-codes", pvr::app::markdown_exit_codes_table());
}

/// The text of a man page section, from ".SH NAME" to the next ".SH".
std::string man_section(const std::string& man, const std::string& name) {
    const auto begin = man.find(".SH " + name);
    if (begin == std::string::npos) {
        return "";
    }
    const auto end = man.find("\n.SH ", begin + 1);
    return man.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

TEST(Docs, ManPageDescribesEveryVariable) {
    const std::string environment = man_section(read("packaging/pve-backup-report.1"), "ENVIRONMENT");
    ASSERT_FALSE(environment.empty());
    // Entries are ".TP\n.B NAME" or ".TP\n.BR NAME1 \", \" NAME2 ..." (roff writes <STORAGE> in italics).
    std::set<std::string> documented;
    const std::regex entry(R"(\.TP\n\.BR? ([^\n]+))");
    const std::regex capitals(R"([A-Z][A-Z0-9_]*[A-Z0-9])");
    for (auto it = std::sregex_iterator(environment.begin(), environment.end(), entry); it != std::sregex_iterator();
         ++it) {
        const std::string line = std::regex_replace(std::string((*it)[1]), std::regex(R"(\\f[BIRP])"), "");
        for (auto n = std::sregex_iterator(line.begin(), line.end(), capitals); n != std::sregex_iterator(); ++n) {
            documented.insert((*n)[0]);
        }
    }
    for (const auto& var : pvr::config::documented_variables()) {
        if (var.name.find('<') != std::string::npos) {
            EXPECT_NE(environment.find("STORAGE"), std::string::npos) << var.name;
            continue;
        }
        const bool as_file_variant = var.name.size() > 5 && var.name.compare(var.name.size() - 5, 5, "_FILE") == 0 &&
                                     environment.find(var.name) != std::string::npos;
        EXPECT_TRUE(documented.count(var.name) != 0 || as_file_variant)
            << "packaging/pve-backup-report.1 ENVIRONMENT has no entry for " << var.name;
    }
    std::set<std::string> known;
    for (const auto& var : pvr::config::documented_variables()) {
        known.insert(var.name);
    }
    // Read by the C library or the system, not by the configuration: documented for the reader.
    const std::set<std::string> external = {"TZ"};
    for (const auto& name : documented) {
        if ((name.find('_') == std::string::npos && external.count(name) == 0) || name.rfind("STORAGE_", 0) == 0) {
            continue; // a word in capitals, or the italic STORAGE_URL of "PBS_ \fISTORAGE\fB_URL"
        }
        EXPECT_TRUE(known.count(name) != 0 || external.count(name) != 0 || name.rfind("PBS_", 0) == 0)
            << "the man page documents " << name << ", which the code does not know";
    }
}

TEST(Docs, ManPageListsEveryExitStatus) {
    const std::string status = man_section(read("packaging/pve-backup-report.1"), "EXIT STATUS");
    ASSERT_FALSE(status.empty());
    std::set<int> documented;
    const std::regex entry(R"(\.TP\n\.BR? (\d+))");
    for (auto it = std::sregex_iterator(status.begin(), status.end(), entry); it != std::sregex_iterator(); ++it) {
        documented.insert(std::stoi((*it)[1]));
    }
    std::set<int> expected;
    for (const auto& doc : pvr::exit_code_docs()) {
        expected.insert(doc.codes.front()); // "130, 143" is one entry
    }
    EXPECT_EQ(documented, expected);
}

TEST(Docs, ExampleConfigurationsNameEveryVariable) {
    for (const char* file : {".env.example", "packaging/env"}) {
        const std::string text = read(file);
        ASSERT_FALSE(text.empty()) << file;
        for (const auto& var : pvr::config::documented_variables()) {
            if (var.name.find('<') != std::string::npos) {
                continue; // the per-storage templates are described once, as PBS_<STORAGE>_...
            }
            EXPECT_NE(text.find(var.name), std::string::npos) << file << " does not mention " << var.name;
        }
    }
}

TEST(Docs, HelpListsEveryExitCode) {
    const std::string help = pvr::app::help_exit_codes();
    for (const auto& doc : pvr::exit_code_docs()) {
        EXPECT_NE(help.find(doc.meaning), std::string::npos) << doc.meaning;
    }
}

} // namespace
