#pragma once
// Retention options: a property string in /storage, an object in /cluster/backup jobs.

#include "collect/json_fields.hpp"
#include "model/keep_options.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// "keep-daily=7,keep-last=3" -> KeepOptions. Unknown keys and bad values are left out and
/// described in `problems` ("keep-daily: expected an integer, got 'x'").
[[nodiscard]] model::KeepOptions keep_options_from_string(std::string_view text, std::vector<std::string>& problems);

/// {"keep-daily":"7","keep-all":1} (counts may be strings) -> KeepOptions; a string value is read
/// as a property string. Problems as above.
[[nodiscard]] model::KeepOptions keep_options_from_json(const Json& value, std::vector<std::string>& problems);

} // namespace pvr::collect
