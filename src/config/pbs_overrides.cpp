#include "config/pbs_overrides.hpp"

#include "config/resolve.hpp"
#include "config/validators.hpp"

#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>

namespace pvr::config::detail {
namespace {

constexpr std::string_view prefix = "PBS_";

enum class Field { url, token_id, token_secret, fingerprint };

struct Suffix {
    std::string_view text;
    Field field;
};

// Longest first: "_TOKEN_SECRET_FILE" must win over "_TOKEN_SECRET".
constexpr std::array<Suffix, 5> suffixes = {{
    {"_TOKEN_SECRET_FILE", Field::token_secret},
    {"_TOKEN_SECRET", Field::token_secret},
    {"_TOKEN_ID", Field::token_id},
    {"_FINGERPRINT", Field::fingerprint},
    {"_URL", Field::url},
}};

struct Parsed {
    std::string key; // S as written
    Field field;
};

std::optional<Parsed> parse_name(std::string_view name) {
    if (name.substr(0, prefix.size()) != prefix) {
        return std::nullopt;
    }
    for (const auto& suffix : suffixes) {
        if (name.size() > prefix.size() + suffix.text.size() &&
            name.substr(name.size() - suffix.text.size()) == suffix.text) {
            return Parsed{std::string(name.substr(prefix.size(), name.size() - prefix.size() - suffix.text.size())),
                          suffix.field};
        }
    }
    return std::nullopt;
}

bool is_normalized_key(std::string_view key) {
    bool alnum = false;
    for (const char c : key) {
        const auto u = static_cast<unsigned char>(c);
        if ((std::isupper(u) != 0 || std::isdigit(u) != 0) && u < 0x80) {
            alnum = true;
        } else if (c != '_') {
            return false;
        }
    }
    return alnum;
}

std::string variable(std::string_view key, std::string_view what) {
    return std::string(prefix) + std::string(key) + "_" + std::string(what);
}

/// The override variables of one key that are set, for messages ("PBS_X_URL").
std::vector<std::string> set_variables(const EnvMap& env, std::string_view key) {
    std::vector<std::string> out;
    for (const char* what : {"URL", "TOKEN_ID", "TOKEN_SECRET", "TOKEN_SECRET_FILE", "FINGERPRINT"}) {
        const std::string name = variable(key, what);
        if (lookup(env, name)) {
            out.push_back(name);
        }
    }
    return out;
}

void load_one(const EnvMap& env, const std::string& key, PbsOverride& entry, ApplyContext& context, Redactor& redactor,
              std::vector<std::string>& problems) {
    if (const auto raw = resolve(variable(key, "URL"), false, env, context.read_file, redactor, problems); raw.value) {
        std::string problem;
        if (auto url = normalize_https_url(*raw.value, 8007, problem)) {
            entry.url = std::move(*url);
        } else {
            problems.push_back(raw.source + ": " + problem);
        }
    }
    if (const auto raw = resolve(variable(key, "TOKEN_ID"), false, env, context.read_file, redactor, problems);
        raw.value) {
        std::string id;
        if (auto problem = check_token_id(*raw.value, variable(key, "TOKEN_SECRET"), id)) {
            problems.push_back(raw.source + ": " + *problem);
        } else {
            entry.token_id = std::move(id);
        }
    }
    if (const auto raw = resolve(variable(key, "TOKEN_SECRET"), true, env, context.read_file, redactor, problems);
        raw.value) {
        if (auto problem = check_secret(*raw.value)) {
            problems.push_back(raw.source + ": " + *problem);
        } else {
            entry.token_secret = *raw.value;
        }
    }
    if (const auto raw = resolve(variable(key, "FINGERPRINT"), false, env, context.read_file, redactor, problems);
        raw.value) {
        std::string fingerprint;
        if (auto problem = check_fingerprint(*raw.value, fingerprint)) {
            problems.push_back(raw.source + ": " + *problem);
        } else {
            entry.fingerprint = std::move(fingerprint);
        }
    }
}

bool has_any(const EnvMap& env, std::initializer_list<std::string_view> names) {
    for (const auto name : names) {
        if (lookup(env, name)) {
            return true;
        }
    }
    return false;
}

} // namespace

bool is_pbs_override_name(std::string_view name) { return parse_name(name).has_value(); }

void load_pbs_overrides(const EnvMap& env, Config& config, ApplyContext& context, Redactor& redactor,
                        std::vector<std::string>& problems) {
    std::set<std::string> keys;
    for (const auto& [name, value] : env) {
        const auto parsed = parse_name(name);
        if (!parsed || value.empty()) {
            continue;
        }
        if (!is_normalized_key(parsed->key)) {
            if (parsed->field == Field::token_secret) {
                redactor.add_secret(value); // never echo a secret, even in a misnamed variable
            }
            problems.push_back(name + ": '" + parsed->key +
                               "' is not a storage key: write the PVE storage id in upper case with '_' for every "
                               "other character (storage 'pbs-main' -> PBS_PBS_MAIN_..., here " +
                               std::string(prefix) + normalize_storage_key(parsed->key) +
                               name.substr(prefix.size() + parsed->key.size()) + ")");
            continue;
        }
        keys.insert(parsed->key);
    }
    for (const auto& key : keys) {
        PbsOverride entry;
        load_one(env, key, entry, context, redactor, problems);
        config.pbs_overrides.emplace(key, std::move(entry));
    }
}

void check_pbs_settings(const EnvMap& env, Config& config, std::vector<std::string>& problems) {
    // The global token: both halves or neither.
    const bool id_given = has_any(env, {"PBS_TOKEN_ID"});
    const bool secret_given = has_any(env, {"PBS_TOKEN_SECRET", "PBS_TOKEN_SECRET_FILE"});
    if (id_given && !secret_given) {
        problems.emplace_back("PBS_TOKEN_SECRET: PBS_TOKEN_ID is set but PBS_TOKEN_SECRET (or PBS_TOKEN_SECRET_FILE) "
                              "is not: set both, or neither to skip the PBS collection");
    } else if (secret_given && !id_given) {
        problems.emplace_back("PBS_TOKEN_ID: PBS_TOKEN_SECRET is set but PBS_TOKEN_ID is not: set both, or "
                              "neither to skip the PBS collection");
    }
    const bool global_token = id_given && secret_given;

    for (const auto& [key, entry] : config.pbs_overrides) {
        const std::string id_name = variable(key, "TOKEN_ID");
        const std::string secret_name = variable(key, "TOKEN_SECRET");
        const bool key_id = has_any(env, {id_name});
        const bool key_secret = has_any(env, {secret_name, secret_name + "_FILE"});
        if (key_id && !key_secret) {
            problems.push_back(secret_name + ": " + id_name + " is set but " + secret_name + " (or " + secret_name +
                               "_FILE) is not: a per-storage token needs both");
        } else if (key_secret && !key_id) {
            problems.push_back(id_name + ": " + secret_name + " is set but " + id_name +
                               " is not: a per-storage token needs both");
        } else if (!key_id && !global_token && !id_given && !secret_given) {
            const auto names = set_variables(env, key);
            problems.push_back(
                (names.empty() ? variable(key, "URL") : names.front()) +
                ": no PBS API token applies to this storage: set PBS_TOKEN_ID and PBS_TOKEN_SECRET, or " + id_name +
                " and " + secret_name);
        }
    }

    if (!config.pbs_verify_tls) {
        config.warnings.emplace_back("PBS_VERIFY_TLS=false: TLS certificate verification is disabled for PBS "
                                     "storages without a fingerprint");
        if (config.pbs_ca_bundle) {
            config.warnings.emplace_back("PBS_CA_BUNDLE: ignored because PBS_VERIFY_TLS=false");
        }
    }
    if (!config.pbs_configured() && !id_given && !secret_given) {
        for (const char* name : {"PBS_CA_BUNDLE", "PBS_VERIFY_TLS", "PBS_TIMEOUT", "PBS_MAX_CONNECTIONS"}) {
            if (has_any(env, {name})) {
                config.warnings.push_back(std::string(name) +
                                          ": ignored because no PBS API token is set (PBS_TOKEN_ID and "
                                          "PBS_TOKEN_SECRET)");
            }
        }
    }
}

const std::vector<VariableDoc>& pbs_override_docs() {
    static const std::vector<VariableDoc> docs = {
        {"PBS_<STORAGE>_URL", "",
         "per-storage PBS API URL https://host[:port] (port 8007 by default) instead of the storage's server/port; "
         "<STORAGE> is the PVE storage id in upper case with '_' for every other character (pbs-main -> PBS_MAIN)",
         false},
        {"PBS_<STORAGE>_TOKEN_ID", "", "per-storage PBS API token id (with PBS_<STORAGE>_TOKEN_SECRET)", false},
        {"PBS_<STORAGE>_TOKEN_SECRET", "", "per-storage PBS API token secret; or PBS_<STORAGE>_TOKEN_SECRET_FILE",
         true},
        {"PBS_<STORAGE>_TOKEN_SECRET_FILE", "", "file containing PBS_<STORAGE>_TOKEN_SECRET", false},
        {"PBS_<STORAGE>_FINGERPRINT", "",
         "per-storage SHA-256 certificate fingerprint (AB:CD:...) pinned instead of the storage's", false},
    };
    return docs;
}

} // namespace pvr::config::detail

namespace pvr::config {

std::string normalize_storage_key(std::string_view storage_id) {
    std::string out;
    out.reserve(storage_id.size());
    for (const char c : storage_id) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x80 && std::isalnum(u) != 0) ? static_cast<char>(std::toupper(u)) : '_';
    }
    return out;
}

std::string pbs_override_variable(std::string_view storage_id, std::string_view what) {
    return "PBS_" + normalize_storage_key(storage_id) + "_" + std::string(what);
}

bool Config::pbs_configured() const {
    if (!pbs_token_id.empty() && !pbs_token_secret.empty()) {
        return true;
    }
    for (const auto& [key, entry] : pbs_overrides) {
        if (entry.token_id && entry.token_secret) {
            return true;
        }
    }
    return false;
}

const PbsOverride* Config::pbs_override(std::string_view storage_id) const {
    const auto it = pbs_overrides.find(normalize_storage_key(storage_id));
    return it == pbs_overrides.end() ? nullptr : &it->second;
}

} // namespace pvr::config
