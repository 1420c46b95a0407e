#pragma once
// `pve-backup-report verify-archive DIR`: the archive's hash chain, per cluster.

#include <ostream>
#include <string>
#include <vector>

namespace pvr::app {

/// Exit 0 when every chain holds, 1 when a break is found, 2 for usage errors / unreadable DIR.
int run_verify_archive_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace pvr::app
