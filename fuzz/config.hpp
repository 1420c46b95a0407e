#pragma once
// Fuzz target config: config::load over an environment built from the input, with an injected
// file reader (no real file is read). Input: a selector byte (bit 0: PVE variables required or
// not, as for --demo), then lines `NAME=value` (environment) and `@path=content` (files; `\n` in
// the content stands for a newline). Checked besides "no crash": no secret (a token secret, from
// its variable or its _FILE) appears in a problem, a warning or the error message.

#include "config/config.hpp"
#include "config/pbs_overrides.hpp"
#include "core/strings.hpp"
#include "fuzz/support.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

inline std::string unescape_newlines(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

inline bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

inline void config(std::string_view input) {
    const Selected in = select(input);
    config::EnvMap env;
    std::map<std::string, std::string> files;
    std::size_t pos = 0;
    while (pos < in.rest.size()) {
        auto end = in.rest.find('\n', pos);
        if (end == std::string_view::npos) {
            end = in.rest.size();
        }
        const std::string_view line = in.rest.substr(pos, end - pos);
        pos = end + 1;
        const auto eq = line.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            continue;
        }
        if (line.front() == '@') {
            files.emplace(std::string(line.substr(1, eq - 1)), unescape_newlines(line.substr(eq + 1)));
        } else {
            env.emplace(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1))); // first one wins
        }
    }

    // The secrets load() must keep out of every text: token secrets given directly or by a file.
    std::set<std::string> secret_paths;
    std::vector<std::string> secrets;
    for (const auto& [name, value] : env) {
        const bool global = name == "PVE_TOKEN_SECRET" || name == "PBS_TOKEN_SECRET" ||
                            name == "PVE_TOKEN_SECRET_FILE" || name == "PBS_TOKEN_SECRET_FILE";
        const bool secret = global || (config::detail::is_pbs_override_name(name) &&
                                       (ends_with(name, "_TOKEN_SECRET") || ends_with(name, "_TOKEN_SECRET_FILE")));
        if (!secret) {
            continue;
        }
        if (ends_with(name, "_FILE")) {
            secret_paths.insert(trim(value));
        } else {
            secrets.push_back(value);
        }
    }
    const config::FileReader reader = [&](const std::filesystem::path& path) -> std::optional<std::string> {
        const auto it = files.find(path.string());
        if (it == files.end()) {
            return std::nullopt;
        }
        if (secret_paths.count(path.string()) != 0) {
            std::string content = it->second;
            if (!content.empty() && content.back() == '\n') {
                content.pop_back();
                if (!content.empty() && content.back() == '\r') {
                    content.pop_back();
                }
            }
            secrets.push_back(content);
        }
        return it->second;
    };
    const auto check_no_secret = [&](const std::string& text) {
        for (const auto& secret : secrets) {
            if (secret.size() >= 4) {
                check(text.find(secret) == std::string::npos, "a secret appears in: " + text);
            }
        }
    };

    config::Requirements requirements;
    requirements.pve = in.selector % 2 == 0;
    expect_value_or_error([&] {
        try {
            const config::Config loaded = config::load(env, requirements, reader);
            for (const auto& warning : loaded.warnings) {
                check_no_secret(warning);
            }
            (void)loaded.pbs_configured();
        } catch (const config::ConfigError& e) {
            check(!e.problems().empty(), "ConfigError without a problem");
            for (const auto& problem : e.problems()) {
                check_no_secret(problem);
            }
            // what() is made of fixed words and the problems (each checked above), nothing else: a
            // secret that happens to be a piece of the fixed words ("lems):" of "(2 problems):") is
            // no leak, so what() is compared with that composition instead of searched.
            std::string expected;
            if (e.problems().size() == 1) {
                expected = "invalid configuration: " + e.problems().front();
            } else {
                expected = "invalid configuration (" + std::to_string(e.problems().size()) + " problems):";
                for (const auto& problem : e.problems()) {
                    expected += "\n  - " + problem;
                }
            }
            // (A problem may quote a value holding NUL: what() as a C string stops there.)
            check(std::string_view(e.what()) == std::string_view(expected).substr(0, expected.find('\0')),
                  std::string("what() is more than its problems: ") + e.what());
        }
    });
}

} // namespace pvr::fuzz
