#pragma once
// SHA-256 of bytes, as lower-case hex (what `sha256sum` prints).

#include <string>
#include <string_view>

namespace pvr::history {

[[nodiscard]] std::string sha256_hex(std::string_view bytes);

} // namespace pvr::history
