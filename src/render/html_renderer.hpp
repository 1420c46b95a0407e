#pragma once
// Document -> one self-contained HTML5 file: inline CSS, inline SVG charts, no script and no
// external request, readable in a browser, when printed and as an e-mail body.

#include "document/document.hpp"

#include <string>

namespace pvr::render {

[[nodiscard]] std::string render_html(const document::Document& doc);

} // namespace pvr::render
