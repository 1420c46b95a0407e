#pragma once
// How proxmox-backup-proxy shapes its answers: `{"data": ...}` (config listings add a top-level
// `"digest"`), errors as the plain message text in the body (the Content-Type still says JSON),
// the standard reason phrase on the status line, 404 `Path '...' not found.` for unknown paths.

#include "emulator/personality.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace pvr::emulator {

inline constexpr const char* k_pbs_json_type = "application/json;charset=UTF-8";

/// 200 `{"data": data}`, plus `"digest": digest` when given.
[[nodiscard]] ApiResponse pbs_ok(const nlohmann::json& data, const std::optional<std::string>& digest = std::nullopt);
/// `status` with `message` as the whole body (no JSON, no trailing newline added).
[[nodiscard]] ApiResponse pbs_error(int status, const std::string& message);
/// 404 `Path '<full request path>' not found.`
[[nodiscard]] ApiResponse pbs_not_found(const std::string& full_path);
/// 400 "parameter verification errors\n\nparameter 'x': <text>\n..." (proxmox-schema's ParameterError).
[[nodiscard]] ApiResponse pbs_param_error(const std::map<std::string, std::string>& errors);
/// The message PBS would send for `status` when a fault gives none.
[[nodiscard]] std::string default_pbs_message(int status, const std::string& api_path);
/// Lower-case hex SHA-256 of `text` (the `digest` of a config listing).
[[nodiscard]] std::string sha256_hex(const std::string& text);

} // namespace pvr::emulator
