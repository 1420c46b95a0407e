#pragma once
// Internal: the table of environment variables that drives config::load() and documented_variables().

#include "config/config.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::config::detail {

/// When a variable must be set.
enum class Need { optional, pve };

/// What a variable's parser may use besides the value.
struct ApplyContext {
    const FileReader& read_file;
    std::vector<std::string>& warnings;
};

/// Parses a non-empty value into `config`. Returns a problem text (without the variable name),
/// or nullopt when the value is valid. Parsers of secrets never quote the value.
using ApplyFn = std::optional<std::string> (*)(std::string_view value, Config& config, ApplyContext& context);

struct VariableSpec {
    const char* name;
    const char* default_value; // applied through `apply` when unset; "" = no default
    const char* description;
    bool secret;
    Need need;
    ApplyFn apply;
};

/// Every variable, in documentation order. A secret accepts `<NAME>_FILE` automatically.
[[nodiscard]] const std::vector<VariableSpec>& variable_table();

inline constexpr std::string_view file_suffix = "_FILE";

} // namespace pvr::config::detail

namespace pvr::config::detail {

/// The documentation rows of the per-storage PBS variables (PBS_<STORAGE>_URL, ...).
[[nodiscard]] const std::vector<VariableDoc>& pbs_override_docs();

} // namespace pvr::config::detail
