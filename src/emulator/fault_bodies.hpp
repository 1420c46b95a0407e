#pragma once
// Hostile answer bodies built at run time (nothing of this size is committed): deeply nested JSON
// and gzip bombs, for the fault matrix and the `nest:` / `gzip-bomb:` fault specs.

#include <cstddef>
#include <string>

namespace pvr::emulator {

/// `{"data":` + depth x `[` + depth x `]` + `}`: valid JSON nested `depth` + 1 levels deep.
[[nodiscard]] std::string deeply_nested_json(std::size_t depth);

/// A gzip stream (RFC 1952) of `text`. Throws pvr::Error(internal) if zlib fails.
[[nodiscard]] std::string gzip(const std::string& text);

/// A gzip stream that inflates to exactly `inflated_bytes` bytes of valid JSON:
/// `{"data":[` + spaces + `]}` (at least 11 bytes). Built piecewise (the inflated text is never in
/// memory) and cached per size for the life of the process.
[[nodiscard]] const std::string& gzip_bomb(std::size_t inflated_bytes);

} // namespace pvr::emulator
