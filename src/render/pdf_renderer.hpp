#pragma once
// The PDF renderer: Document → PDF bytes (Cairo PDF surface, Pango text). Presentation only: every
// decision about content was made by build_document().

#include <string>

#include "document/document.hpp"

namespace pvr::render {

struct PdfOptions {
    enum class Paper { a4, letter };
    Paper paper = Paper::a4;
    double margin_left = 45.0; // points (72 per inch); ~16 mm
    double margin_right = 45.0;
    double margin_top = 34.0;    // above the running header
    double margin_bottom = 30.0; // below the running footer
    double base_font_size = 9.0; // body text, points; the other sizes scale with it
    std::string font_family = "DejaVu Sans";
    std::string mono_family = "DejaVu Sans Mono";
    bool title_block = true;  // draw meta.title above the first section
    bool debug_boxes = false; // stroke the margins and every item's box (layout debugging)
};

struct PdfRenderInfo {
    int pages = 0;
};

/// Renders `doc` as a PDF and returns its bytes (the caller writes the file atomically).
/// A4 (or Letter) portrait pages, landscape for Section::landscape; outline entries for sections
/// and headings; running header and "page X of Y" footer; fonts embedded as subsets; CreationDate
/// from meta.created (same document → same bytes).
/// Throws pvr::Error: ErrorKind::output when a font family is missing or the PDF cannot be
/// written, ErrorKind::internal on any other Cairo error.
[[nodiscard]] std::string render_pdf(const document::Document& doc, const PdfOptions& options = {});
[[nodiscard]] std::string render_pdf(const document::Document& doc, const PdfOptions& options, PdfRenderInfo& info);

} // namespace pvr::render
