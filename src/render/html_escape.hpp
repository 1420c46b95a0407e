#pragma once
// The one escaping function of the HTML renderer: every text and attribute value goes through it.

#include <string>
#include <string_view>

namespace pvr::render {

/// Escapes & < > " ' for HTML text, attribute values and SVG (XML) text alike.
[[nodiscard]] std::string html_escape(std::string_view text);
/// Appends html_escape(text) to `out` (no temporary: used for the large tables).
void append_escaped(std::string& out, std::string_view text);

} // namespace pvr::render
