// Every word in the reader's language: the demo PDF rendered in French and German (the real
// binary, `--demo`), its text extracted with pdftotext and searched for English left over and for
// raw identifiers (snake_case words such as `backup_overdue`). What the servers say (guest names,
// notes, job ids, storages, comments...) is allowed: it is collected from the same run's
// `--dump-report-data`.
//
// A server value that a table cell wraps (an exception's reason, a comment) is not contiguous in
// the extracted text: its runs of two or more words are removed wherever they are. The archive
// record's file name (last page) is a file name, not a word to translate.

#include "support/process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
using pvr::test::run_process;

/// Server-given values: the JSON keys whose strings come from PVE/PBS or the exceptions file.
const std::set<std::string> k_server_keys = {
    "name",    "node",        "storage",     "server", "datastore",     "namespace",
    "id",      "schedule",    "comment",     "pool",   "notes",         "tags",
    "owner",   "endpoint",    "group",       "volume", "volumes",       "excluded_volumes",
    "subject", "fingerprint", "pve_version", "jobs",   "disabled_jobs", "places",
    "match",   "applies_to",  "path",        "error"};

/// Collects the server-given strings into `out`, and the exceptions file's `accept` keywords
/// ("not_backed_up", "anomaly:backup_failed": configuration the report echoes in monospace, like
/// the `match` column) into `tokens`: removed from the text, but their words are not allowed
/// elsewhere.
void collect_server_strings(const json& value, const std::string& key, bool in_exceptions,
                            std::vector<std::string>& out, std::vector<std::string>& tokens) {
    if (value.is_object()) {
        for (const auto& [k, v] : value.items()) {
            collect_server_strings(v, k, in_exceptions || k == "exceptions", out, tokens);
        }
    } else if (value.is_array()) {
        for (const auto& v : value) {
            collect_server_strings(v, key, in_exceptions, out, tokens);
        }
    } else if (value.is_string() && in_exceptions && key == "accept") {
        tokens.push_back(value.get<std::string>());
    } else if (value.is_string() && (k_server_keys.count(key) > 0 || (in_exceptions && key == "reason"))) {
        out.push_back(value.get<std::string>());
    }
}

std::string normalized(const std::string& text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            out += ' ';
        }
        space = false;
        out += c;
    }
    return " " + out + " ";
}

std::set<std::string> words_of(const std::string& text) {
    std::set<std::string> out;
    const std::regex word("[A-Za-z0-9_]+");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
        out.insert(it->str());
    }
    return out;
}

struct Case {
    const char* lang;
    std::vector<const char*> phrases; // English that must not appear (checked on whole phrases)
    std::vector<const char*> present; // proof that the history's sections are in the PDF
};

// Phrases with their spaces: " not " does not match "notes". The German list leaves out words
// German shares with English ("in", "Backup", "Name", "Status").
const std::vector<const char*> k_common = {
    " the ", " of ",   " and ",  " is ",    " are ",   " was ",       " were ",        " has ",     " have ",
    " not ", " no ",   " with ", " by ",    " failed", "Included by", "No backup job", "backup of", " guest",
    " job ", " jobs ", " ago ",  " since ", " could ", " only ",      " overdue",      " enabled",  " disabled"};

class ReportLanguages : public ::testing::TestWithParam<Case> {};

TEST_P(ReportLanguages, DemoPdfHasNoEnglishLeftAndNoRawIdentifier) {
    const Case& c = GetParam();
    pvr::test::TempDir dir;
    // A run history (scripts/gen-demo-history.py) so that the "Changes since" block, the trends,
    // the capacity forecast and the archive note are in the PDF too: days 1..59 of 90 are kept,
    // so every kind of change the generator makes is a change since the previous report.
    const std::string history = dir.path() + "/history";
    {
        const auto base =
            run_process(PVR_BINARY, {"--demo", "--format", "json"}, {{"OUTPUT_DIR", dir.path() + "/base"}});
        ASSERT_EQ(base.exit_code, 0) << base.err;
        const auto gen =
            run_process("/usr/bin/python3",
                        {std::string(PVR_SOURCE_DIR) + "/scripts/gen-demo-history.py", "--report",
                         dir.path() + "/base/pve-backup-report_pve-prod_2026-11-27_070000.json", "--out", history},
                        {});
        ASSERT_EQ(gen.exit_code, 0) << gen.err;
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::directory_iterator(history)) {
            files.push_back(entry.path().string());
        }
        std::sort(files.begin(), files.end());
        ASSERT_EQ(files.size(), 90U);
        for (std::size_t i = 59; i < files.size(); ++i) {
            std::filesystem::remove(files[i]);
        }
    }
    const std::map<std::string, std::string> env = {
        {"OUTPUT_DIR", dir.path()}, {"REPORT_LANG", c.lang}, {"HISTORY_DIR", history}, {"CAPACITY_WARN_DAYS", "120"}};
    const auto run = run_process(PVR_BINARY, {"--demo", "--generate-pdf"}, env);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto dump = run_process(PVR_BINARY, {"--demo", "--dump-report-data"}, env);
    ASSERT_EQ(dump.exit_code, 0) << dump.err;
    const std::string pdf = dir.path() + "/pve-backup-report_pve-prod_2026-11-27_070000.pdf";
    const auto text_run = run_process("/usr/bin/pdftotext", {pdf, "-"}, {});
    ASSERT_EQ(text_run.exit_code, 0) << text_run.err;

    const std::string whole = normalized(text_run.out);
    for (const char* phrase : c.present) {
        EXPECT_NE(whole.find(phrase), std::string::npos) << phrase << " is not in the " << c.lang << " PDF";
    }

    std::vector<std::string> server;
    std::vector<std::string> tokens;
    collect_server_strings(json::parse(dump.out), "", false, server, tokens);
    std::set<std::string> server_words;
    for (const auto& s : server) {
        const auto w = words_of(s);
        server_words.insert(w.begin(), w.end());
    }
    server.insert(server.end(), tokens.begin(), tokens.end());
    std::sort(server.begin(), server.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });

    // The text without the server-given values that came out whole, at word boundaries ("erp"
    // is a guest name, not a piece of "interpreted"); longest first.
    std::string text = normalized(text_run.out);
    const auto is_word_char = [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
    };
    const auto remove = [&](const std::string& needle) {
        bool removed = false;
        for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
            const bool starts = pos == 0 || !is_word_char(text[pos - 1]) || !is_word_char(needle.front());
            const bool ends = pos + needle.size() >= text.size() || !is_word_char(text[pos + needle.size()]) ||
                              !is_word_char(needle.back());
            if (starts && ends) {
                text.replace(pos, needle.size(), " ");
                removed = true;
            }
        }
        return removed;
    };
    for (const auto& s : server) {
        const std::string normal = normalized(s);
        const std::string needle = normal.substr(1, normal.size() - 2);
        if (needle.empty() || remove(needle)) {
            continue;
        }
        // Wrapped in a cell: the longest runs of at least two of its words, left to right.
        std::vector<std::string> words;
        for (std::size_t from = 0; from < needle.size();) {
            const auto to = std::min(needle.find(' ', from), needle.size());
            words.push_back(needle.substr(from, to - from));
            from = to + 1;
        }
        for (std::size_t i = 0; i < words.size();) {
            std::size_t next = i + 1;
            for (std::size_t j = words.size(); j >= i + 2; --j) {
                std::string words_run = words[i];
                for (std::size_t k = i + 1; k < j; ++k) {
                    words_run += ' ' + words[k];
                }
                if (remove(words_run)) {
                    next = j;
                    break;
                }
            }
            i = next;
        }
    }
    text = std::regex_replace(text, std::regex("pve-backup-report_[A-Za-z0-9_.-]+"), " ");

    std::vector<std::string> found;
    for (const char* phrase : c.phrases) {
        for (auto pos = text.find(phrase); pos != std::string::npos; pos = text.find(phrase, pos + 1)) {
            const auto from = pos < 60 ? 0 : pos - 60;
            found.push_back(std::string("English \"") + phrase + "\" in: …" + text.substr(from, 140) + "…");
            if (found.size() > 40) {
                break;
            }
        }
    }
    const std::regex snake("[a-z][a-z0-9]*(_[a-z0-9]+)+");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), snake); it != std::sregex_iterator(); ++it) {
        if (server_words.count(it->str()) == 0) {
            found.push_back("raw identifier: " + it->str());
        }
    }
    std::string report;
    for (const auto& f : found) {
        report += "\n  " + f;
    }
    EXPECT_TRUE(found.empty()) << found.size() << " problem(s) in the " << c.lang << " demo PDF:" << report;
}

INSTANTIATE_TEST_SUITE_P(
    Demo, ReportLanguages,
    ::testing::Values(Case{"fr", k_common, {"Changements depuis le 26 oct. 2026", "Tendances", "sera plein dans"}},
                      Case{"de", k_common, {"Änderungen seit 26. Okt. 2026", "Trends", "ist in"}}),
    [](const auto& param_info) { return std::string(param_info.param.lang); });

} // namespace
