#pragma once
// `pve-backup-report history <VMID|NAME>`: one guest across the kept reports (the archive).

#include "config/config.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace pvr::app {

/// Exit 0 rows printed, 1 no kept report shows the guest, 2 usage / unreadable directory.
int run_history_command(const std::vector<std::string>& args, const config::EnvMap& env, std::ostream& out,
                        std::ostream& err);

} // namespace pvr::app
