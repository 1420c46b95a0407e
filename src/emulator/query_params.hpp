#pragma once
// Query parameter checks with PVE's texts ("type check ('boolean') failed - got 'true'", ...),
// collected into one 400 "Parameter verification failed." answer. Unknown parameters are ignored.

#include "emulator/personality.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pvr::emulator {

class ParamChecker {
public:
    explicit ParamChecker(const ApiRequest& request) : m_request(request) {}

    [[nodiscard]] std::optional<std::string> text(const std::string& name) const;
    /// Integer >= minimum; records an error and returns nullopt otherwise.
    std::optional<long long> integer(const std::string& name, long long minimum);
    /// Only "0" and "1" are booleans (PVE's JSON schema).
    std::optional<bool> boolean(const std::string& name);
    std::optional<std::string> one_of(const std::string& name, const std::vector<std::string>& values);
    /// A list ("ok,warning") whose items must each be one of `values`.
    std::optional<std::vector<std::string>> list_of(const std::string& name, const std::vector<std::string>& values);

    [[nodiscard]] bool ok() const noexcept { return m_errors.empty(); }
    /// The 400 answer for the errors recorded so far.
    [[nodiscard]] ApiResponse error_answer() const;

private:
    const ApiRequest& m_request;
    std::map<std::string, std::string> m_errors;
};

/// "value 'x' does not have a value in the enumeration 'a, b'"
[[nodiscard]] std::string enumeration_error(const std::string& value, const std::vector<std::string>& values);

} // namespace pvr::emulator
