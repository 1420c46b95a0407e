#pragma once
// Fonts for the PDF: a start-up check that the configured families are installed.

#include <string>

namespace pvr::render {

/// The Debian packages that provide the PDF's fonts: the base families, and outline (non-colour)
/// fallbacks for CJK and emoji so they embed as TrueType/CID fonts.
inline constexpr const char* k_base_font_package = "fonts-dejavu-core";
inline constexpr const char* k_fallback_font_packages = "fonts-wqy-microhei fonts-symbola";

/// Throws pvr::Error(ErrorKind::output) naming the package to install when fontconfig does not
/// resolve `family` to an installed font of that family (fontconfig would silently substitute).
void ensure_font_family(const std::string& family);

} // namespace pvr::render
