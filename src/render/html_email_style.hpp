#pragma once
// The e-mail variant of the HTML report (HtmlOptions::inline_styles): the essential rules of the
// style sheet (html_style.cpp) as inline style attributes, for mail clients that drop <style>.

#include "document/document.hpp"

#include <string>
#include <string_view>

namespace pvr::render {

[[nodiscard]] std::string_view email_body_style();
/// A key-figure tile: a box with a top border in the tone's colour and style.
[[nodiscard]] std::string email_tile_style(document::Tone tone);
/// A status label (pill).
[[nodiscard]] std::string email_label_style(document::Tone tone);
/// A table cell: alignment, no-wrap and the tone's text colour (unless drawn as a label) when they
/// differ from a plain cell; "" otherwise.
[[nodiscard]] std::string email_cell_style(const document::Column& column, const document::Cell& cell);
/// A column header.
[[nodiscard]] std::string email_header_style(const document::Column& column);

} // namespace pvr::render
