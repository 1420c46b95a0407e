#pragma once
// Text shaping with Pango for the PDF: one Pango context (72 dpi, unrounded glyph positions, hint
// metrics off) used both to measure and to draw, so measured and drawn text agree exactly.

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include <pango/pangocairo.h>

#include "render/pdf_layout.hpp"
#include "render/pdf_theme.hpp"

namespace pvr::render {

struct TextOptions {
    double width = 0; // box width in points (> 0)
    bool wrap = true; // false: one line, ellipsized
    document::Align align = document::Align::left;
    double max_height = 0; // > 0: ellipsize the last line that fits (over-tall content)
};

class PdfText {
public:
    /// `family` / `mono_family`: fontconfig family names (the fallback for CJK, emoji… comes from
    /// fontconfig through Pango).
    PdfText(const Theme& theme, const std::string& family, const std::string& mono_family);
    ~PdfText();
    PdfText(const PdfText&) = delete;
    PdfText& operator=(const PdfText&) = delete;

    /// Lays `text` out and returns the shared layout (valid until the next call). Characters no
    /// installed font covers are replaced by a visible "[U+XXXX]"; invalid UTF-8 by U+FFFD.
    PangoLayout* layout(std::string_view text, TextStyle style, const TextOptions& options);

    /// Extents (points) of the text laid out as `layout()` would.
    [[nodiscard]] TextBox measure(std::string_view text, TextStyle style, const TextOptions& options);

    /// Distance from the top of a line to its baseline in `style` (base font), points.
    [[nodiscard]] double baseline(TextStyle style);

    /// Text as drawn: placeholders for characters without a glyph.
    [[nodiscard]] std::string drawable_text(std::string_view text);

private:
    void configure(PangoLayout* layout, TextStyle style, const TextOptions& options);
    void set_text(PangoLayout* layout, std::string_view text);
    bool covered(gunichar c);
    void clear_cache();

    PangoContext* m_context = nullptr;
    PangoLayout* m_layout = nullptr;
    PangoLayout* m_probe = nullptr;
    PangoAttrList* m_attributes = nullptr;
    std::array<PangoFontDescription*, text_style_count> m_fonts{};
    std::array<double, text_style_count> m_baselines{};
    std::unordered_map<gunichar, bool> m_coverage;
    // Laid-out short texts (statuses, node names, dates repeat across thousands of rows).
    std::unordered_map<std::string, PangoLayout*> m_cache;
    std::string m_key;
};

/// TextMeasurer over PdfText, with a cache (tables repeat the same node names and statuses).
/// Text that surely fits on one line is measured from per-character advances, without shaping:
/// Latin text and punctuation the base font covers (so the line has the style's height). Text that
/// may wrap, or needs a fallback font or complex shaping, is laid out (and cached).
class PangoMeasurer final : public TextMeasurer {
public:
    explicit PangoMeasurer(PdfText& text) : m_text(text) {}
    [[nodiscard]] TextBox measure(std::string_view text, TextStyle style, double width, bool wrap) override;

private:
    /// Advance of `c` in `style` when the base font draws it on a standard line; < 0 otherwise.
    double simple_advance(gunichar c, TextStyle style);
    double line_height(TextStyle style);

    PdfText& m_text;
    std::array<double, text_style_count> m_line_height{};
    std::unordered_map<std::uint32_t, double> m_advance; // key: style << 24 | code point
    std::unordered_map<std::string, TextBox> m_cache;
    std::string m_key;
};

} // namespace pvr::render
