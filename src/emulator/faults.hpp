#pragma once
// Injected faults: parsing (CLI specs, faults.json) and a thread-safe list matched by path glob.

#include "emulator/emulator.hpp"

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::emulator {

/// `*` matches any run of characters (also '/'); everything else literally.
[[nodiscard]] bool glob_match(std::string_view glob, std::string_view text) noexcept;

/// Parses faults.json: `[{"path": GLOB, "status": N, "reason": TEXT, "delay_ms": N, "malformed": BOOL,
/// "body": TEXT, "content_type": TEXT, "content_encoding": TEXT, "nest_depth": N, "gzip_bomb_mib": N,
/// "replace": [[FROM, TO], ...], "network": "reset"|"stall"|"slow", "slow_ms": N, "slow_chunk": N}]`.
/// Throws pvr::Error(config) naming `source` and the entry on a bad file.
[[nodiscard]] std::vector<Fault> faults_from_json(const std::string& json_text, const std::string& source);

/// What applies to one request: the summed delay and the first fault that shapes the answer.
struct FaultMatch {
    std::chrono::milliseconds delay{0};
    std::optional<Fault> answer; // the first matching fault for which Fault::shapes_answer()
};

class FaultList {
public:
    void add(Fault fault);
    void clear();
    [[nodiscard]] FaultMatch match(const std::string& api_path) const;

private:
    mutable std::mutex m_mutex;
    std::vector<Fault> m_faults;
};

} // namespace pvr::emulator
