#pragma once
// Proxmox property strings: "local-lvm:vm-100-disk-1,backup=0,size=32G" or "keep-daily=7,keep-last=3".

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pvr::collect {

struct PropertyString {
    /// The first element when it has no '=' (a drive's volume), else nullopt.
    std::optional<std::string> positional;
    /// The key=value elements in order; keys are lower-cased, keys and values trimmed.
    std::vector<std::pair<std::string, std::string>> options;

    /// The last value given for `key`, nullopt when absent.
    [[nodiscard]] std::optional<std::string> get(std::string_view key) const;
};

/// Splits on ','; empty elements are ignored. An element without '=' after the first is kept as
/// an option with an empty key so that callers can report it.
[[nodiscard]] PropertyString parse_property_string(std::string_view text);

} // namespace pvr::collect
