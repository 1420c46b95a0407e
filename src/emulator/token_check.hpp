#pragma once
// API token checks. PVE: `PVEAPIToken=<id>=<secret>` (split at the last '='); PBS (later):
// `PBSAPIToken=<id>:<secret>`. The keyword may be followed by '=' or a space; the value runs to
// the next ';' and is URL-unescaped (pve-http-server Formatter.pm extract_auth_value). The exact
// text "<id><separator><secret>" of a configured token is also accepted as sent, so that a secret
// full of special characters ('=', ';', '%', ...) works in the fault matrix's secret sweep.

#include "emulator/emulator.hpp"
#include "emulator/personality.hpp"

#include <string_view>
#include <vector>

namespace pvr::emulator {

[[nodiscard]] AuthCheck check_token_header(std::string_view header, std::string_view keyword, char separator,
                                           const std::vector<Token>& tokens);

} // namespace pvr::emulator
