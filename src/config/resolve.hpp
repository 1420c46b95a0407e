#pragma once
// Internal: reading one variable's value from the environment, following `<NAME>_FILE` for secrets.

#include "config/config.hpp"
#include "core/redact.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::config::detail {

/// The value of `name`; set to "" counts as unset (docker-compose `VAR=`).
[[nodiscard]] std::optional<std::string> lookup(const EnvMap& env, std::string_view name);

struct Raw {
    std::optional<std::string> value;
    std::string source; // the variable the value came from (NAME or NAME_FILE)
    bool failed = false;
};

/// The value of one variable. For a secret, `<NAME>_FILE` is followed (one trailing newline
/// stripped), setting both is a problem, and every value read is registered with `redactor`.
[[nodiscard]] Raw resolve(std::string_view name, bool secret, const EnvMap& env, const FileReader& read_file,
                          Redactor& redactor, std::vector<std::string>& problems);

} // namespace pvr::config::detail
