#pragma once
// Checks on JSON text before it is parsed, shared by every reader of API answers (PVE, PBS,
// error bodies): a bound on nesting depth, so that no recursion depth is chosen by a server,
// and the repair of invalid UTF-8, so that one bad byte does not make a whole listing unreadable.
// Plain text processing: no JSON library here.

#include <cstddef>
#include <string>
#include <string_view>

namespace pvr {

/// The deepest nesting of arrays and objects accepted in an API answer. Proxmox answers are a few
/// levels deep (data -> list -> object -> verification -> ...); nothing legitimate comes near.
inline constexpr std::size_t max_json_depth = 256;

/// True when no array/object in `text` is nested deeper than `limit` levels (brackets inside
/// strings are ignored). One pass, no recursion, stops at the first level too deep. Text that is
/// not JSON at all passes: the parser reports that.
[[nodiscard]] bool json_depth_within(std::string_view text, std::size_t limit = max_json_depth);

/// "GET /cluster/resources: JSON nested deeper than 256 levels".
[[nodiscard]] std::string json_too_deep_message(std::string_view endpoint, std::size_t limit = max_json_depth);

/// Number of invalid UTF-8 sequences in `text` (each maximal invalid subpart counts once, as in
/// Unicode's "U+FFFD substitution of maximal subparts"). 0 for valid UTF-8.
[[nodiscard]] std::size_t count_invalid_utf8(std::string_view text);

/// Replaces every invalid UTF-8 sequence in `text` by U+FFFD (EF BF BD) and returns how many were
/// replaced. Valid text is left untouched (no copy).
std::size_t repair_utf8(std::string& text);

/// "GET /cluster/resources: 1 invalid UTF-8 sequence replaced by U+FFFD" (2 sequences, ...).
[[nodiscard]] std::string invalid_utf8_message(std::string_view endpoint, std::size_t count);

} // namespace pvr
