#pragma once
// Percent-encoding of one path segment (a UPID, a pool id).

#include <string>
#include <string_view>

namespace pvr::collect {

/// Encodes every byte except the unreserved characters A-Z a-z 0-9 - . _ ~
/// ("UPID:pve1:...:root@pam!ci:" -> "UPID%3Apve1%3A...%3Aroot%40pam%21ci%3A").
[[nodiscard]] std::string url_encode(std::string_view segment);

} // namespace pvr::collect
