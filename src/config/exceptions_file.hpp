#pragma once
// EXCEPTIONS_FILE: accepted exceptions in TOML (toml++), validated with line numbers.
//
//   [[exception]]
//   vmid = 9001                       # or [113, 114]; and/or name = "k8s-*", pool = "lab", tag = "k8s"
//   accept = ["not_backed_up"]        # overdue, retention_mismatch, anomaly:<kind>
//   reason = "template rebuilt from git"
//   owner = "ops@example.com"
//   until = 2027-06-30                # last day it applies (a TOML date or "YYYY-MM-DD")
//   id = "tmpl-9001"                  # optional, default "exception-<n>"

#include "model/accepted_exception.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::config {

/// Parses the text of an exceptions file named `file` (used in messages and in the exceptions'
/// `file`). Appends every problem found to `problems` as "<file> line <n>: <problem>" (a TOML
/// syntax error stops the parse: it is the only problem then) and returns the valid exceptions.
[[nodiscard]] std::vector<model::AcceptedException> parse_exceptions(std::string_view text, const std::string& file,
                                                                     std::vector<std::string>& problems);

/// Whether `tag` is a valid PVE tag (letters, digits, '_', and after the first character also
/// '-', '+', '.'), for EXEMPT_TAG.
[[nodiscard]] bool valid_pve_tag(std::string_view tag);

} // namespace pvr::config
