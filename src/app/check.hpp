#pragma once
// `--check`: verifies that the token can read what the report needs, and says which privilege
// is missing when a listing is refused or comes back empty.

#include "http/client.hpp"

#include <ostream>

namespace pvr::app {

/// Prints one line per check to `out`; returns the exit code (0 all readable, 3 authentication
/// or permission problem, 4 API unreachable or unusable).
[[nodiscard]] int run_check(http::Client& pve, const std::string& url, std::ostream& out);

} // namespace pvr::app
