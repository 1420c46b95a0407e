#pragma once
// Internal: value checks shared by the variable table and the per-storage PBS overrides.
// Each returns a problem text (without the variable name) or nullopt; secrets are never quoted.

#include "config/variable_table.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::config::detail {

/// "user@realm!tokenname" (trimmed into `out`). `secret_variable` is named when the value looks
/// like a pasted "id=secret" / "id:secret".
[[nodiscard]] std::optional<std::string> check_token_id(std::string_view value, std::string_view secret_variable,
                                                        std::string& out);
/// No white space or control characters.
[[nodiscard]] std::optional<std::string> check_secret(std::string_view value);
/// A readable PEM file.
[[nodiscard]] std::optional<std::string> check_ca_bundle(std::string_view value, ApplyContext& context,
                                                         std::filesystem::path& out);
/// A SHA-256 certificate fingerprint: 32 hex bytes, ':'-separated or not; `out` is "AB:CD:...".
[[nodiscard]] std::optional<std::string> check_fingerprint(std::string_view value, std::string& out);
/// A boolean in any of the accepted spellings.
[[nodiscard]] std::optional<std::string> check_bool(std::string_view value, bool& out);
/// A whole number in [min, max]; `unit` names it in the problem ("seconds", "hours").
[[nodiscard]] std::optional<std::string> check_int(std::string_view value, std::int64_t min, std::int64_t max,
                                                   std::string_view unit, std::int64_t& out);

[[nodiscard]] std::string single_quoted(std::string_view text);

/// The `host[:port]` part of a URL (`authority`, user information already refused): a host name
/// or a bracketed IPv6 address, lower-cased, and a port in 1..65535 (`default_port` when absent).
/// Returns "host:port", or nullopt with `problem` = `expected` plus why.
[[nodiscard]] std::optional<std::string> normalize_host_port(std::string_view authority, int default_port,
                                                             const std::string& expected, std::string& problem);

} // namespace pvr::config::detail
