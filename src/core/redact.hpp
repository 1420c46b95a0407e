#pragma once
// Secrets never appear in logs, reports or error messages: every text that may echo a request
// (URLs, headers, server messages) goes through a Redactor that knows the secrets in use.

#include <string>
#include <string_view>
#include <vector>

namespace pvr {

class Redactor {
public:
    /// Registers a secret; empty or very short values are ignored (they would mask ordinary text).
    void add_secret(std::string secret);
    /// Returns `text` with every registered secret replaced by `***`.
    [[nodiscard]] std::string redact(std::string_view text) const;

private:
    std::vector<std::string> m_secrets;
};

} // namespace pvr
