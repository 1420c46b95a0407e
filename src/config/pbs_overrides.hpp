#pragma once
// Internal: the per-storage PBS variables PBS_<S>_URL, PBS_<S>_TOKEN_ID, PBS_<S>_TOKEN_SECRET
// (+ _FILE) and PBS_<S>_FINGERPRINT, and the cross-checks of the PBS credentials.
// Storage ids are not known at configuration time: every variable of that form is read.

#include "config/config.hpp"
#include "config/variable_table.hpp"
#include "core/redact.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::config::detail {

/// True when `name` has the form PBS_<S>_URL | _TOKEN_ID | _TOKEN_SECRET | _TOKEN_SECRET_FILE |
/// _FINGERPRINT with a non-empty S (the global PBS_TOKEN_ID etc. are not).
[[nodiscard]] bool is_pbs_override_name(std::string_view name);

/// Fills config.pbs_overrides; every problem names its variable. Secrets go to `redactor`.
void load_pbs_overrides(const EnvMap& env, Config& config, ApplyContext& context, Redactor& redactor,
                        std::vector<std::string>& problems);

/// After the table and the overrides: a token id without its secret (or the reverse), overrides
/// without any token, and warnings about PBS settings that have no effect.
void check_pbs_settings(const EnvMap& env, Config& config, std::vector<std::string>& problems);

} // namespace pvr::config::detail
