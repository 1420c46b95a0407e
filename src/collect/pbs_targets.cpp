#include "collect/pbs_targets.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <tuple>

namespace pvr::collect {
namespace {

/// "https://host:port" from the storage's server and port (IPv6 literals get brackets).
std::optional<std::string> storage_url(const model::PbsTarget& pbs, std::string& problem) {
    std::string host = trim(pbs.server);
    if (host.find(':') != std::string::npos && host.front() != '[') {
        host = "[" + host + "]";
    }
    return config::normalize_https_url("https://" + host + ":" + std::to_string(pbs.port), 8007, problem);
}

std::string without_scheme(const std::string& url) {
    constexpr std::string_view scheme = "https://";
    return url.rfind(scheme, 0) == 0 ? url.substr(scheme.size()) : url;
}

} // namespace

std::string PbsConnection::secret_variable() const {
    constexpr std::string_view id_suffix = "_TOKEN_ID";
    if (token_variable.size() >= id_suffix.size() &&
        token_variable.compare(token_variable.size() - id_suffix.size(), id_suffix.size(), id_suffix) == 0) {
        return token_variable.substr(0, token_variable.size() - id_suffix.size()) + "_TOKEN_SECRET";
    }
    return "PBS_TOKEN_SECRET";
}

std::optional<std::string> normalize_pbs_fingerprint(std::string_view text) {
    std::string hex;
    for (const char c : trim(text)) {
        if (c == ':') {
            continue;
        }
        if (std::isxdigit(static_cast<unsigned char>(c)) == 0) {
            return std::nullopt;
        }
        hex += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (hex.size() != 64) {
        return std::nullopt;
    }
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        out += (i > 0 ? ":" : "") + hex.substr(i, 2);
    }
    return out;
}

std::string pbs_acl_path(std::string_view store, std::string_view ns) {
    std::string path = "/datastore/" + std::string(store);
    for (const auto& component : split_any(ns, "/")) {
        path += "/" + component;
    }
    return path;
}

std::optional<PbsStorageTarget> resolve_pbs_target(const model::Storage& storage, const config::Config& config,
                                                   std::string& problem, model::Fact* fact) {
    model::Fact unused;
    const auto set_fact = [&](const char* kind) -> model::Fact& {
        model::Fact& out = fact != nullptr ? *fact : unused;
        out = model::Fact{};
        out.kind = kind;
        return out.add_text("storage", storage.id);
    };
    const config::PbsOverride* override = config.pbs_override(storage.id);
    const std::string url_variable = config::pbs_override_variable(storage.id, "URL");
    const model::PbsTarget pbs = storage.pbs.value_or(model::PbsTarget{});
    const std::string not_collected = ": its snapshots were not collected";

    PbsStorageTarget target;
    target.storage = storage.id;
    target.datastore = trim(pbs.datastore);
    target.ns = pbs.ns;
    if (target.datastore.empty()) {
        problem = "storage " + storage.id + " has no datastore in the PVE storage configuration" + not_collected;
        set_fact("pbs_storage_no_datastore");
        return std::nullopt;
    }

    // URL: the override, else the storage's server and port.
    if (override != nullptr && override->url) {
        target.connection.url = *override->url;
    } else if (trim(pbs.server).empty()) {
        problem = "storage " + storage.id + " has no server in the PVE storage configuration (set " + url_variable +
                  ")" + not_collected;
        set_fact("pbs_storage_no_server").add_text("variable", url_variable);
        return std::nullopt;
    } else {
        std::string why;
        auto url = storage_url(pbs, why);
        if (!url) {
            problem = "storage " + storage.id + ": server '" + pbs.server + "' and port " + std::to_string(pbs.port) +
                      " do not make a PBS URL (" + why + "; set " + url_variable + ")" + not_collected;
            set_fact("pbs_storage_bad_url")
                .add_text("server", pbs.server)
                .add_int("port", pbs.port)
                .add_text("detail", why)
                .add_text("variable", url_variable);
            return std::nullopt;
        }
        target.connection.url = std::move(*url);
    }

    // Token: the storage's own, else the global one.
    if (override != nullptr && override->token_id && override->token_secret) {
        target.connection.token_id = *override->token_id;
        target.connection.token_secret = *override->token_secret;
        target.connection.token_variable = config::pbs_override_variable(storage.id, "TOKEN_ID");
    } else if (!config.pbs_token_id.empty() && !config.pbs_token_secret.empty()) {
        target.connection.token_id = config.pbs_token_id;
        target.connection.token_secret = config.pbs_token_secret;
        target.connection.token_variable = "PBS_TOKEN_ID";
    } else {
        problem = "no PBS API token applies to storage " + storage.id + " (set PBS_TOKEN_ID and PBS_TOKEN_SECRET, or " +
                  config::pbs_override_variable(storage.id, "TOKEN_ID") + " and " +
                  config::pbs_override_variable(storage.id, "TOKEN_SECRET") + ")" + not_collected;
        set_fact("pbs_no_token")
            .add_text("token_variable", config::pbs_override_variable(storage.id, "TOKEN_ID"))
            .add_text("secret_variable", config::pbs_override_variable(storage.id, "TOKEN_SECRET"));
        return std::nullopt;
    }

    // Pin: the override, else the storage's fingerprint.
    if (override != nullptr && override->fingerprint) {
        target.connection.fingerprint = normalize_pbs_fingerprint(*override->fingerprint);
        target.fingerprint_origin = config::pbs_override_variable(storage.id, "FINGERPRINT");
    } else if (pbs.fingerprint && !trim(*pbs.fingerprint).empty()) {
        target.connection.fingerprint = normalize_pbs_fingerprint(*pbs.fingerprint);
        if (!target.connection.fingerprint) {
            problem = "storage " + storage.id + ": its fingerprint '" + trim(*pbs.fingerprint) +
                      "' is not a SHA-256 certificate fingerprint (32 hex bytes separated by ':'); correct it or set " +
                      config::pbs_override_variable(storage.id, "FINGERPRINT") + not_collected;
            set_fact("pbs_bad_fingerprint")
                .add_text("fingerprint", trim(*pbs.fingerprint))
                .add_text("variable", config::pbs_override_variable(storage.id, "FINGERPRINT"));
            return std::nullopt;
        }
        target.fingerprint_origin = "the fingerprint of storage " + storage.id;
    }
    target.connection.source = "pbs/" + without_scheme(target.connection.url);
    return target;
}

std::vector<PbsTargetGroup> group_pbs_targets(std::vector<PbsStorageTarget> targets) {
    std::vector<PbsTargetGroup> groups;
    for (auto& target : targets) {
        const auto key = std::tie(target.connection.url, target.connection.token_id, target.connection.fingerprint);
        auto it = std::find_if(groups.begin(), groups.end(), [&](const PbsTargetGroup& group) {
            return std::tie(group.connection.url, group.connection.token_id, group.connection.fingerprint) == key;
        });
        if (it == groups.end()) {
            groups.push_back(PbsTargetGroup{target.connection, {}});
            it = std::prev(groups.end());
        }
        it->storages.push_back(std::move(target));
    }
    return groups;
}

} // namespace pvr::collect
