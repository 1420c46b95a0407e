#include "config/config.hpp"
#include "config/variable_table.hpp"

#include "core/redact.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <system_error>

namespace pvr::config {
namespace {

using detail::ApplyContext;
using detail::file_suffix;
using detail::Need;
using detail::variable_table;
using detail::VariableSpec;

std::optional<std::string> lookup(const EnvMap& env, std::string_view name) {
    const auto it = env.find(name);
    if (it == env.end() || it->second.empty()) {
        return std::nullopt; // set to "" counts as unset (docker-compose `VAR=`)
    }
    return it->second;
}

std::string unreadable(const std::filesystem::path& path) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    return "cannot read '" + path.string() + "'" + (exists ? " (not a readable file)" : " (no such file)");
}

void strip_one_newline(std::string& s) {
    if (!s.empty() && s.back() == '\n') {
        s.pop_back();
        if (!s.empty() && s.back() == '\r') {
            s.pop_back();
        }
    }
}

struct Raw {
    std::optional<std::string> value;
    std::string source; // the variable the value came from (NAME or NAME_FILE)
    bool failed = false;
};

/// The value of one variable, following `<NAME>_FILE` for secrets.
Raw resolve(const VariableSpec& spec, const EnvMap& env, const FileReader& read_file, Redactor& redactor,
            std::vector<std::string>& problems) {
    Raw raw{lookup(env, spec.name), spec.name};
    if (!spec.secret) {
        return raw;
    }
    if (raw.value) {
        redactor.add_secret(*raw.value);
    }
    const std::string file_name = spec.name + std::string(file_suffix);
    const auto file_value = lookup(env, file_name);
    if (!file_value) {
        return raw;
    }
    if (raw.value) {
        problems.push_back(std::string(spec.name) + ": set either " + spec.name + " or " + file_name + ", not both");
        return {std::nullopt, spec.name, true};
    }
    const std::filesystem::path path(trim(*file_value));
    auto content = read_file(path);
    if (!content) {
        problems.push_back(file_name + ": " + unreadable(path));
        return {std::nullopt, file_name, true};
    }
    strip_one_newline(*content);
    redactor.add_secret(*content);
    if (content->empty()) {
        problems.push_back(file_name + ": '" + path.string() + "' is empty");
        return {std::nullopt, file_name, true};
    }
    return {std::move(content), file_name, false};
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string to_upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

/// Warns about variables that look like a misspelt known one, and any unknown PVE_* variable.
void warn_unknown(const EnvMap& env, std::vector<std::string>& warnings) {
    std::set<std::string, std::less<>> known;
    for (const auto& doc : documented_variables()) {
        known.insert(doc.name);
    }
    for (const auto& [name, value] : env) {
        if (known.count(name) != 0) {
            continue;
        }
        const std::string upper = to_upper(name);
        std::string best;
        std::size_t best_distance = 3;
        for (const auto& candidate : known) {
            const std::size_t d = edit_distance(upper, candidate);
            if (d < best_distance) {
                best_distance = d;
                best = candidate;
            }
        }
        const bool pve_prefixed = upper.rfind("PVE_", 0) == 0;
        if (upper.rfind("PBS_", 0) == 0) {
            continue; // PBS variables belong to their own table rows once supported
        }
        if (!best.empty() && (pve_prefixed || name.size() >= 6)) {
            warnings.push_back(name + ": unknown variable, ignored (did you mean " + best + "?)");
        } else if (pve_prefixed) {
            warnings.push_back(name + ": unknown variable, ignored");
        }
    }
}

} // namespace

Config load(const EnvMap& env, const Requirements& requirements, const FileReader& read_file) {
    Config config;
    std::vector<std::string> problems;
    Redactor redactor;
    ApplyContext context{read_file, config.warnings};

    for (const auto& spec : variable_table()) {
        const Raw raw = resolve(spec, env, read_file, redactor, problems);
        if (raw.failed) {
            continue;
        }
        if (!raw.value) {
            if (spec.need == Need::pve && requirements.pve) {
                problems.push_back(std::string(spec.name) + ": required but not set (" + spec.description + ")");
            } else if (*spec.default_value != '\0') {
                if (auto problem = spec.apply(spec.default_value, config, context)) {
                    throw Error(ErrorKind::internal,
                                std::string("bad built-in default for ") + spec.name + ": " + *problem);
                }
            }
            continue;
        }
        if (auto problem = spec.apply(*raw.value, config, context)) {
            problems.push_back(raw.source + ": " + *problem);
        }
    }

    if (!config.pve_verify_tls) {
        config.warnings.emplace_back("PVE_VERIFY_TLS=false: TLS certificate verification is disabled");
        if (config.pve_ca_bundle) {
            config.warnings.emplace_back("PVE_CA_BUNDLE: ignored because PVE_VERIFY_TLS=false");
        }
    }
    warn_unknown(env, config.warnings);

    for (auto& text : problems) {
        text = redactor.redact(text);
    }
    for (auto& text : config.warnings) {
        text = redactor.redact(text);
    }
    if (!problems.empty()) {
        throw ConfigError(std::move(problems));
    }
    return config;
}

} // namespace pvr::config
