#pragma once
// URL building for API requests.

#include "http/client.hpp"

#include <string>
#include <string_view>

namespace pvr::http {

/// Percent-encodes everything except the RFC 3986 unreserved characters A-Z a-z 0-9 - . _ ~
/// (the same output as curl_easy_escape). Use it for path segments such as UPIDs.
[[nodiscard]] std::string url_encode(std::string_view text);

/// "" for an empty query, else "?k1=v1&k2=v2" with keys and values URL-encoded.
[[nodiscard]] std::string query_string(const Query& query);

/// "https://host:port" of a base URL such as "https://pve1:8006/api2/json" (for messages).
[[nodiscard]] std::string origin_of(std::string_view base_url);

} // namespace pvr::http
