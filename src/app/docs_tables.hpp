#pragma once
// The README's tables of environment variables and exit codes, written from the one place each is
// defined in code (config::documented_variables(), exit_code_docs()). tests/unit/app/docs_test.cpp
// checks that README.md holds exactly these (PVR_UPDATE_DOCS=1 rewrites them) and that the man page
// and the example configuration files name every variable and exit status.

#include <string>

namespace pvr::app {

/// "| variable | default | meaning |" and one row per documented variable, in the code's order.
[[nodiscard]] std::string markdown_variables_table();

/// "| code | meaning |" and one row per documented exit status.
[[nodiscard]] std::string markdown_exit_codes_table();

/// The exit codes as `--help` prints them: "  0    report produced ..." lines.
[[nodiscard]] std::string help_exit_codes();

} // namespace pvr::app
