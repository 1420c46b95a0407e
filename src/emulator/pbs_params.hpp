#pragma once
// Query parameter checks the way proxmox-schema does them for PBS: parameter objects accept no
// additional properties, booleans are lenient (1/0, true/false, yes/no, on/off), errors are
// collected into one 400 "parameter verification errors" answer (plain text).

#include "emulator/personality.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pvr::emulator {

class PbsParams {
public:
    /// Records "schema does not allow additional properties." for every parameter not in `allowed`.
    PbsParams(const ApiRequest& request, const std::vector<std::string>& allowed);

    [[nodiscard]] std::optional<std::string> text(const std::string& name) const;
    std::optional<bool> boolean(const std::string& name);
    std::optional<long long> integer(const std::string& name, long long minimum, long long maximum);
    std::optional<std::string> one_of(const std::string& name, const std::vector<std::string>& values);
    /// A safe-id like a backup-id: `[A-Za-z0-9_][A-Za-z0-9._-]*`.
    std::optional<std::string> safe_id(const std::string& name);
    /// A namespace: "" (root) or up to 7 safe-id components joined by '/', at most 256 characters.
    std::optional<std::string> namespace_name(const std::string& name);

    [[nodiscard]] bool ok() const noexcept { return m_errors.empty(); }
    [[nodiscard]] ApiResponse error_answer() const;

private:
    const ApiRequest& m_request;
    std::map<std::string, std::string> m_errors;
};

/// `[A-Za-z0-9_][A-Za-z0-9._-]*`
[[nodiscard]] bool is_safe_id(const std::string& text) noexcept;
/// "" or 1..7 safe-id components joined by '/', at most 256 characters.
[[nodiscard]] bool is_namespace_name(const std::string& text);

} // namespace pvr::emulator
