#pragma once
// How pveproxy shapes its answers: `{"data": ...}` envelopes, JSON errors whose text is also the
// status line's reason phrase, empty-bodied 401 and 595/596/597 answers.

#include "emulator/personality.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace pvr::emulator {

inline constexpr const char* k_pve_json_type = "application/json;charset=UTF-8";

/// 200 `{"data": data}`, plus `"total": total` when total > 0 (PVE drops a zero total).
[[nodiscard]] ApiResponse pve_ok(const nlohmann::json& data, long long total = 0);
/// 200 `{"data": <raw JSON text>}` without re-parsing a validated scenario file.
[[nodiscard]] ApiResponse pve_ok_raw(const std::string& data_json);
/// `status <first line of message>` with `{"data":null,"message":"<message>\n"}` (PVE >= 8.3).
[[nodiscard]] ApiResponse pve_error(int status, const std::string& message);
/// 400 "Parameter verification failed." with the per-parameter `errors` object.
[[nodiscard]] ApiResponse pve_param_error(const std::map<std::string, std::string>& errors);
/// 501 `Method 'GET /x' not implemented` (message without trailing newline, like PVE).
[[nodiscard]] ApiResponse pve_not_implemented(const std::string& method, const std::string& path);
/// 595/596/597 from the proxy: reason only, empty body, no Content-Type.
[[nodiscard]] ApiResponse proxy_error(int status, const std::string& reason);
/// An answer with an empty body and no Content-Type (401).
[[nodiscard]] ApiResponse empty_answer(int status, const std::string& reason);
/// pveproxy's `error()` path: the text as a plain body.
[[nodiscard]] ApiResponse plain_error(int status, const std::string& text);
/// The realistic PVE reason for a status when a fault gives none.
[[nodiscard]] std::string default_pve_reason(int status, const std::string& api_path);

} // namespace pvr::emulator
