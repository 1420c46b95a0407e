#pragma once
// The API "personality" the emulator plays. Only the routes differ between PVE and PBS; the
// HTTPS server, faults and request log are shared. PVE: pve_routes.cpp; PBS (`PBSAPIToken=<id>:<secret>`,
// `/api2/json/admin/datastore/...`, 404 for unknown paths, plain-text error bodies, scenario subtree
// `pbs/<server-name>/`): pbs_routes.cpp.

#include "emulator/emulator.hpp"
#include "emulator/scenario.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pvr::emulator {

/// A request below the API prefix.
struct ApiRequest {
    std::string method;
    std::string path;      // decoded, below the API prefix ("/cluster/resources"), no trailing '/'
    std::string raw_query; // as sent, without '?'
    std::multimap<std::string, std::string> params;

    /// First value of a query parameter.
    [[nodiscard]] std::optional<std::string> param(const std::string& key) const;
};

/// What the server sends. `reason` goes on the status line (empty: the standard text).
struct ApiResponse {
    int status = 200;
    std::string reason;
    std::string body;
    std::string content_type; // empty: no Content-Type header (PVE's 401 and 595 answers)
    std::vector<std::pair<std::string, std::string>> headers; // extra headers (e.g. Allow)
    /// When set, the body is produced piece by piece (sent with chunked transfer encoding) instead
    /// of `body`: each call appends the next piece and returns false once the body is complete.
    std::function<bool(std::string& out)> body_chunks;

    /// Produces the whole body into `body` (for faults that cut or rewrite it).
    void materialize() {
        if (body_chunks) {
            while (body_chunks(body)) {
            }
            body_chunks = nullptr;
        }
    }
};

/// Result of checking the Authorization header.
enum class AuthCheck : std::uint8_t {
    ok,
    missing,     // no Authorization header
    not_a_token, // a header, but not this personality's token keyword
    invalid,     // the keyword, but unknown id or wrong secret
};

[[nodiscard]] const char* to_string(AuthCheck check) noexcept; // "ok" | "missing" | "invalid"

class ApiPersonality {
public:
    virtual ~ApiPersonality() = default;
    ApiPersonality() = default;
    ApiPersonality(const ApiPersonality&) = delete;
    ApiPersonality& operator=(const ApiPersonality&) = delete;

    /// "/api2/json"
    [[nodiscard]] virtual std::string_view api_prefix() const = 0;
    [[nodiscard]] virtual AuthCheck check_auth(std::string_view authorization_header) const = 0;
    /// The answer to a failed authentication.
    [[nodiscard]] virtual ApiResponse auth_failure(AuthCheck check) const = 0;
    /// A method other than GET.
    [[nodiscard]] virtual ApiResponse method_not_allowed(const std::string& method, const std::string& path) const = 0;
    /// A path outside the API prefix (full request path).
    [[nodiscard]] virtual ApiResponse outside_api(const std::string& method, const std::string& path) const = 0;
    /// An injected status fault (`fault.status != 0`) for `api_path`.
    [[nodiscard]] virtual ApiResponse fault_answer(const Fault& fault, const std::string& api_path) const = 0;
    /// An authenticated GET below the API prefix.
    [[nodiscard]] virtual ApiResponse handle(const ApiRequest& request) const = 0;
    /// False for the few paths anyone may GET without credentials (PBS: `/ping`).
    [[nodiscard]] virtual bool requires_auth(const std::string& /*api_path*/) const { return true; }
};

/// The PVE personality serving the `pve/` subtree of `scenario` (which must outlive it).
[[nodiscard]] std::unique_ptr<ApiPersonality> make_pve_personality(const Scenario& scenario, std::vector<Token> tokens);
/// The PBS personality serving the `pbs/<server>/` subtree of `scenario` (which must outlive it).
/// Throws pvr::Error(config) if `server` is empty or the scenario has no such directory.
[[nodiscard]] std::unique_ptr<ApiPersonality> make_pbs_personality(const Scenario& scenario, const std::string& server,
                                                                   std::vector<Token> tokens);

} // namespace pvr::emulator
