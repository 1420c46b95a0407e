#include "render/pdf_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

namespace pvr::render {
namespace {

bool needs_checks(std::string_view text) {
    for (const char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte >= 0x80 || (byte < 0x20 && byte != '\n' && byte != '\t')) {
            return true;
        }
    }
    return false;
}

/// Valid UTF-8, control characters (other than newline and tab) as spaces.
std::string clean_utf8(std::string_view text) {
    std::string valid;
    if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr) != 0) {
        valid.assign(text);
    } else {
        gchar* fixed = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
        valid = fixed;
        g_free(fixed);
    }
    for (char& ch : valid) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte < 0x20 && byte != '\n' && byte != '\t') {
            ch = ' ';
        }
    }
    return valid;
}

PangoAlignment to_pango(document::Align align) {
    switch (align) {
    case document::Align::right:
        return PANGO_ALIGN_RIGHT;
    case document::Align::center:
        return PANGO_ALIGN_CENTER;
    case document::Align::left:
        break;
    }
    return PANGO_ALIGN_LEFT;
}

int to_pango_units(double points) { return static_cast<int>(points * PANGO_SCALE); }

} // namespace

PdfText::PdfText(const Theme& theme, const std::string& family, const std::string& mono_family) {
    PangoFontMap* map = pango_cairo_font_map_get_default();
    m_context = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(m_context, 72.0);
    pango_context_set_round_glyph_positions(m_context, FALSE);
    cairo_font_options_t* font_options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(m_context, font_options);
    cairo_font_options_destroy(font_options);
    // Pango 1.50 inserts a hyphen where it breaks inside a word: in "app-1.exa-mple.com" it would
    // read as part of the name. Names and ids are broken without one.
    m_attributes = pango_attr_list_new();
    pango_attr_list_insert(m_attributes, pango_attr_insert_hyphens_new(FALSE));
    m_layout = pango_layout_new(m_context);
    m_probe = pango_layout_new(m_context);
    for (std::size_t i = 0; i < text_style_count; ++i) {
        const FontSpec spec = theme.font(static_cast<TextStyle>(i));
        PangoFontDescription* desc = pango_font_description_new();
        pango_font_description_set_family(desc, spec.mono ? mono_family.c_str() : family.c_str());
        pango_font_description_set_weight(desc, spec.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_size(desc, to_pango_units(spec.size));
        m_fonts[i] = desc;
    }
    pango_layout_set_font_description(m_probe, m_fonts[static_cast<std::size_t>(TextStyle::body)]);
}

PdfText::~PdfText() {
    clear_cache();
    for (PangoFontDescription* desc : m_fonts) {
        pango_font_description_free(desc);
    }
    pango_attr_list_unref(m_attributes);
    g_object_unref(m_probe);
    g_object_unref(m_layout);
    g_object_unref(m_context);
}

void PdfText::clear_cache() {
    for (auto& [key, layout] : m_cache) {
        g_object_unref(layout);
    }
    m_cache.clear();
}

bool PdfText::covered(gunichar c) {
    if (c < 0x80 || g_unichar_iszerowidth(c) != 0 || g_unichar_type(c) == G_UNICODE_FORMAT) {
        return true;
    }
    const auto found = m_coverage.find(c);
    if (found != m_coverage.end()) {
        return found->second;
    }
    std::array<char, 8> utf8{};
    const int n = g_unichar_to_utf8(c, utf8.data());
    pango_layout_set_text(m_probe, utf8.data(), n);
    const bool ok = pango_layout_get_unknown_glyphs_count(m_probe) == 0;
    m_coverage.emplace(c, ok);
    return ok;
}

std::string PdfText::drawable_text(std::string_view text) {
    const std::string valid = clean_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (const char* p = valid.c_str(); *p != '\0'; p = g_utf8_next_char(p)) {
        const gunichar c = g_utf8_get_char(p);
        const char* next = g_utf8_next_char(p);
        if (covered(c)) {
            out.append(p, static_cast<std::size_t>(next - p));
        } else {
            out += fmt::format("[U+{:04X}]", static_cast<std::uint32_t>(c));
        }
    }
    return out;
}

void PdfText::set_text(PangoLayout* layout, std::string_view text) {
    if (!needs_checks(text)) {
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
        return;
    }
    const std::string valid = clean_utf8(text);
    pango_layout_set_text(layout, valid.data(), static_cast<int>(valid.size()));
    if (pango_layout_get_unknown_glyphs_count(layout) > 0) {
        const std::string drawable = drawable_text(valid);
        pango_layout_set_text(layout, drawable.data(), static_cast<int>(drawable.size()));
    }
}

void PdfText::configure(PangoLayout* layout, TextStyle style, const TextOptions& options) {
    pango_layout_set_attributes(layout, m_attributes);
    pango_layout_set_font_description(layout, m_fonts[static_cast<std::size_t>(style)]);
    pango_layout_set_width(layout, options.width > 0 ? to_pango_units(options.width) : -1);
    pango_layout_set_alignment(layout, to_pango(options.align));
    if (options.wrap) {
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_height(layout, options.max_height > 0 ? to_pango_units(options.max_height) : -1);
        pango_layout_set_ellipsize(layout, options.max_height > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
    } else {
        pango_layout_set_height(layout, -1);
        pango_layout_set_ellipsize(layout, options.width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
    }
}

PangoLayout* PdfText::layout(std::string_view text, TextStyle style, const TextOptions& options) {
    constexpr std::size_t k_cached_text = 160;  // bytes: statuses, nodes, dates, names, reasons
    constexpr std::size_t k_cache_size = 40000; // layouts (~1 KB each)
    if (text.size() > k_cached_text || options.max_height > 0) {
        configure(m_layout, style, options);
        set_text(m_layout, text);
        return m_layout;
    }
    m_key.assign(text);
    m_key += '\0';
    m_key += static_cast<char>(style);
    m_key += options.wrap ? 'w' : 'n';
    m_key += static_cast<char>(options.align);
    const auto units = static_cast<std::int64_t>(options.width * 64.0);
    m_key.append(reinterpret_cast<const char*>(&units), sizeof units);
    if (const auto found = m_cache.find(m_key); found != m_cache.end()) {
        return found->second;
    }
    if (m_cache.size() >= k_cache_size) {
        clear_cache();
    }
    PangoLayout* layout = pango_layout_new(m_context);
    configure(layout, style, options);
    set_text(layout, text);
    m_cache.emplace(m_key, layout);
    return layout;
}

double PdfText::baseline(TextStyle style) {
    double& baseline = m_baselines[static_cast<std::size_t>(style)];
    if (baseline <= 0) {
        TextOptions options;
        options.wrap = false;
        baseline = static_cast<double>(pango_layout_get_baseline(layout("X", style, options))) / PANGO_SCALE;
    }
    return baseline;
}

TextBox PdfText::measure(std::string_view text, TextStyle style, const TextOptions& options) {
    PangoLayout* l = layout(text, style, options);
    PangoRectangle logical{};
    pango_layout_get_extents(l, nullptr, &logical);
    return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
}

double PangoMeasurer::line_height(TextStyle style) {
    double& height = m_line_height[static_cast<std::size_t>(style)];
    if (height <= 0) {
        TextOptions options;
        options.wrap = false;
        height = m_text.measure("Xg", style, options).height;
    }
    return height;
}

double PangoMeasurer::simple_advance(gunichar c, TextStyle style) {
    // Latin, Latin-1, Latin Extended A/B, IPA and spacing modifiers; general punctuation and
    // currency signs. Not combining marks, controls, or scripts that shape across characters.
    const bool simple_range = (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x300) || (c >= 0x2010 && c < 0x2028) ||
                              (c >= 0x2030 && c < 0x205F) || (c >= 0x20A0 && c < 0x20C0);
    if (!simple_range) {
        return -1;
    }
    const std::uint32_t key = static_cast<std::uint32_t>(style) << 24U | c;
    if (const auto found = m_advance.find(key); found != m_advance.end()) {
        return found->second;
    }
    std::array<char, 8> utf8{};
    const int n = g_unichar_to_utf8(c, utf8.data());
    TextOptions options;
    options.wrap = false;
    const TextBox box = m_text.measure(std::string_view(utf8.data(), static_cast<std::size_t>(n)), style, options);
    // Another height means a fallback font drew it: lay such text out for real.
    const double advance = std::abs(box.height - line_height(style)) < 1e-6 ? box.width : -1.0;
    m_advance.emplace(key, advance);
    return advance;
}

TextBox PangoMeasurer::measure(std::string_view text, TextStyle style, double width, bool wrap) {
    if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr) != 0) {
        double natural = 0;
        bool simple = true;
        for (const char* p = text.data(); simple && p < text.data() + text.size(); p = g_utf8_next_char(p)) {
            const double advance = simple_advance(g_utf8_get_char(p), style);
            simple = advance >= 0;
            natural += advance;
        }
        // Shaping (kerning, ligatures) does not widen such text; the margin covers the rest.
        if (simple && (!wrap || natural * 1.02 + 0.5 <= width)) {
            return {std::min(natural, width), line_height(style)};
        }
    }
    m_key.assign(text);
    m_key += '\0';
    m_key += static_cast<char>(style);
    m_key += wrap ? 'w' : 'n';
    const auto units = static_cast<std::int64_t>(width * 64.0);
    m_key.append(reinterpret_cast<const char*>(&units), sizeof units);
    if (const auto found = m_cache.find(m_key); found != m_cache.end()) {
        return found->second;
    }
    TextOptions options;
    options.width = width;
    options.wrap = wrap;
    const TextBox box = m_text.measure(text, style, options);
    m_cache.emplace(m_key, box);
    return box;
}

} // namespace pvr::render
