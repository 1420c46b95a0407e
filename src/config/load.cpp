#include "config/config.hpp"
#include "config/exceptions_file.hpp"
#include "config/mail_variables.hpp"
#include "config/pbs_overrides.hpp"
#include "config/resolve.hpp"
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
using detail::Need;
using detail::Raw;
using detail::variable_table;
using detail::VariableSpec;

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

/// "PVE_" of "PVE_TOKEN_ID"; "" for a name without '_'.
std::string name_prefix(std::string_view upper_name) {
    const auto underscore = upper_name.find('_');
    return underscore == std::string_view::npos || underscore == 0 ? std::string()
                                                                   : std::string(upper_name.substr(0, underscore + 1));
}

/// Warns about variables that look like a misspelt known one, and any unknown PVE_* variable.
/// Only names that start with one of this tool's prefixes (PVE_, PBS_, SMTP_, LOG_, MAIL_, ... as
/// the known variables have them) are looked at: the environment of a daily job holds many other
/// programs' variables (AWS_CA_BUNDLE is no typo of PBS_CA_BUNDLE).
void warn_unknown(const EnvMap& env, std::vector<std::string>& warnings) {
    std::set<std::string, std::less<>> known;
    std::set<std::string, std::less<>> prefixes;
    for (const auto& doc : documented_variables()) {
        if (doc.name.find('<') == std::string::npos) { // not the PBS_<STORAGE>_... templates
            known.insert(doc.name);
            if (std::string prefix = name_prefix(doc.name); !prefix.empty()) {
                prefixes.insert(std::move(prefix));
            }
        }
    }
    for (const auto& [name, value] : env) {
        if (known.count(name) != 0 || detail::is_pbs_override_name(name)) {
            continue;
        }
        const std::string upper = to_upper(name);
        if (prefixes.count(name_prefix(upper)) == 0) {
            continue; // another program's variable
        }
        std::string best;
        std::size_t best_distance = 3;
        const bool pbs_prefixed = upper.rfind("PBS_", 0) == 0;
        for (const auto& candidate : known) {
            if (pbs_prefixed && candidate.rfind("PBS_", 0) != 0) {
                continue; // PBS_URL is no typo of PVE_URL
            }
            if (std::max(upper.size(), candidate.size()) - std::min(upper.size(), candidate.size()) >= best_distance) {
                continue; // the distance is at least the difference in length: no need to compute it
            }
            const std::size_t d = edit_distance(upper, candidate);
            if (d < best_distance) {
                best_distance = d;
                best = candidate;
            }
        }
        const bool pve_prefixed = upper.rfind("PVE_", 0) == 0;
        if (pbs_prefixed && best.empty()) {
            continue; // e.g. proxmox-backup-client's own PBS_REPOSITORY, PBS_PASSWORD
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
        const Raw raw = detail::resolve(spec.name, spec.secret, env, read_file, redactor, problems);
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
    if (config.exceptions_file) {
        const std::string file = config.exceptions_file->string();
        if (const auto text = read_file(*config.exceptions_file)) {
            std::vector<std::string> file_problems;
            config.exceptions = parse_exceptions(*text, file, file_problems);
            for (auto& problem : file_problems) {
                problems.push_back("EXCEPTIONS_FILE: " + problem);
            }
        } else {
            problems.push_back("EXCEPTIONS_FILE: cannot read '" + file + "'");
        }
    }
    detail::load_pbs_overrides(env, config, context, redactor, problems);
    detail::check_pbs_settings(env, config, problems);
    detail::check_mail_settings(env, config, problems);
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
