#pragma once
// The HTML report's look: one inline style sheet (no web font, no URL) and the tone colours, chosen
// to differ in lightness so that they also read in greyscale.

#include "document/document.hpp"

#include <string_view>

namespace pvr::render {

/// The content of the <style> element.
[[nodiscard]] std::string_view html_style_sheet();
/// "good", "warning", ... (CSS class suffixes: tone-good).
[[nodiscard]] std::string_view tone_name(document::Tone tone);
/// Fill colour of a chart mark of that tone (light good, mid warning, dark critical).
[[nodiscard]] std::string_view tone_fill(document::Tone tone);
/// Inline style for boxes that must keep their look in e-mail clients that drop <style>.
[[nodiscard]] std::string_view tone_box_style(document::Tone tone);

} // namespace pvr::render
