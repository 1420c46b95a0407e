#pragma once
// Small string helpers with no Proxmox knowledge.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr {

[[nodiscard]] std::string trim(std::string_view s);
[[nodiscard]] std::string to_lower(std::string_view s);
/// Splits on any run of the given separator characters; empty tokens are dropped.
[[nodiscard]] std::vector<std::string> split_any(std::string_view s, std::string_view separators);
/// Proxmox lists (`vmid`, `exclude`, `content`, `nodes`, `tags`): separators `,` `;` and white space.
[[nodiscard]] std::vector<std::string> split_list(std::string_view s);
/// Whole-string decimal integer (optional sign, surrounding blanks allowed); nullopt otherwise.
[[nodiscard]] std::optional<std::int64_t> parse_int(std::string_view s);
/// Proxmox-style lenient boolean text: 1/0, true/false, yes/no, on/off (case-insensitive).
[[nodiscard]] std::optional<bool> parse_bool(std::string_view s);
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view separator);

} // namespace pvr
