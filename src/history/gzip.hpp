#pragma once
// gzip (RFC 1952) of the archive records, with zlib.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::history {

[[nodiscard]] std::string gzip_compress(std::string_view bytes);

/// The decompressed bytes, or nullopt with `why` set when `bytes` is not gzip, is truncated or
/// would decompress to more than `max_bytes`.
[[nodiscard]] std::optional<std::string> gzip_decompress(std::string_view bytes, std::size_t max_bytes,
                                                         std::string& why);

} // namespace pvr::history
