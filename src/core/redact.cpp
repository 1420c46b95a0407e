#include "core/redact.hpp"

#include <algorithm>

namespace pvr {

void Redactor::add_secret(std::string secret) {
    if (secret.size() < 4) {
        return;
    }
    if (std::find(m_secrets.begin(), m_secrets.end(), secret) == m_secrets.end()) {
        m_secrets.push_back(std::move(secret));
        // Longest first, so that a secret containing another one is masked whole.
        std::sort(m_secrets.begin(), m_secrets.end(),
                  [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    }
}

std::string Redactor::redact(std::string_view text) const {
    std::string out(text);
    // Masking one secret can make another appear ("x" + "abcd" + "y" with the secrets "abcd" and
    // "x***y"): repeat until no secret is left. Every pass that changes something shortens the
    // text (a secret has at least 4 characters, the mask 3), so this ends.
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& secret : m_secrets) {
            std::size_t pos = 0;
            while ((pos = out.find(secret, pos)) != std::string::npos) {
                out.replace(pos, secret.size(), "***");
                pos += 3;
                changed = true;
            }
        }
    }
    return out;
}

} // namespace pvr
