#pragma once
// The PDF's look: text styles, spacing and the tone palette. Pure data, no Cairo or Pango, so the
// paginator (measures only) and the painter (draws) share one set of numbers.

#include <cstddef>
#include <cstdint>

#include "document/document.hpp"

namespace pvr::render {

/// Every kind of text the PDF draws. The measurer and the painter map a style to the same font.
enum class TextStyle : std::uint8_t {
    doc_title,     // report title on the first page
    section_title, // level-1 heading of a section (outline entry)
    heading,       // Heading level 1 inside a section
    subheading,    // Heading level 2
    body,
    note, // muted paragraph, captions, legends
    caption,
    cell,
    cell_header,
    cell_mono,
    label, // text inside a status pill
    tile_label,
    tile_value,
    tile_detail,
    verdict_title,
    running, // running header and footer
};
inline constexpr std::size_t text_style_count = 16;

struct FontSpec {
    bool mono = false;
    bool bold = false;
    double size = 9.0; // points
};

struct Rgb {
    double r = 0;
    double g = 0;
    double b = 0;
};

/// Colours of one tone. Tones differ in lightness (good: light, warning: mid, critical: dark with
/// white text) and in the pill border (muted: dashed, critical: none, others: solid), so a
/// greyscale print still tells them apart; the label text always names the status as well.
struct ToneColours {
    Rgb fill;   // pill / tile accent / banner band
    Rgb text;   // text drawn on `fill`
    Rgb border; // pill border
    Rgb tint;   // light background of call-outs and banners
    Rgb chart;  // bar and donut segment fill
    bool dashed_border = false;
    bool has_border = true;
};

[[nodiscard]] inline ToneColours tone_colours(document::Tone tone) {
    using document::Tone;
    switch (tone) {
    case Tone::good:
        return {{0.85, 0.94, 0.86},
                {0.08, 0.33, 0.14},
                {0.30, 0.60, 0.36},
                {0.93, 0.97, 0.93},
                {0.30, 0.62, 0.38},
                false,
                true};
    case Tone::info:
        return {{0.84, 0.90, 0.97},
                {0.07, 0.25, 0.50},
                {0.35, 0.53, 0.78},
                {0.93, 0.96, 0.99},
                {0.30, 0.50, 0.78},
                false,
                true};
    case Tone::warning:
        return {{0.98, 0.76, 0.33},
                {0.30, 0.17, 0.00},
                {0.70, 0.45, 0.05},
                {1.00, 0.96, 0.88},
                {0.96, 0.68, 0.20},
                false,
                true};
    case Tone::critical:
        return {{0.70, 0.11, 0.11},
                {1.00, 1.00, 1.00},
                {0.70, 0.11, 0.11},
                {0.99, 0.92, 0.92},
                {0.74, 0.16, 0.16},
                false,
                false};
    case Tone::muted:
        return {{1.00, 1.00, 1.00},
                {0.42, 0.44, 0.47},
                {0.60, 0.62, 0.65},
                {0.96, 0.96, 0.97},
                {0.82, 0.83, 0.85},
                true,
                true};
    case Tone::neutral:
        break;
    }
    return {{0.91, 0.92, 0.93},
            {0.15, 0.17, 0.20},
            {0.62, 0.64, 0.67},
            {0.95, 0.96, 0.97},
            {0.50, 0.53, 0.57},
            false,
            true};
}

struct Palette {
    Rgb text{0.13, 0.15, 0.18};
    Rgb muted_text{0.40, 0.42, 0.46};
    Rgb accent{0.10, 0.24, 0.42}; // titles
    Rgb link{0.07, 0.30, 0.62};
    Rgb rule{0.75, 0.77, 0.80};
    Rgb header_fill{0.20, 0.27, 0.36}; // table header row
    Rgb header_text{1.0, 1.0, 1.0};
    Rgb zebra{0.95, 0.96, 0.97};
    Rgb track{0.90, 0.91, 0.92}; // empty part of a bar
    Rgb tile_fill{0.97, 0.975, 0.98};
};

/// Sizes in points. `base` is the body text size; the other sizes scale with it.
struct Theme {
    double base = 9.0;
    Palette colours;

    // Vertical rhythm.
    double block_gap = 10.0;   // between blocks
    double section_gap = 22.0; // before a section title that does not start a page
    double heading_gap = 12.0; // before a heading
    double after_title = 8.0;  // below a section title (under its rule)
    double after_heading = 4.0;
    double after_caption = 4.0;

    // Tables.
    double cell_pad_x = 4.0;
    double cell_pad_y = 3.2;
    double label_pad_x = 4.0;
    double label_pad_y = 1.4;

    // Key figures.
    double tile_min_width = 112.0;
    double tile_gap = 8.0;
    double tile_pad = 8.0;
    double tile_accent = 4.0; // coloured band at the tile's left edge
    std::size_t tile_max_per_row = 4;

    // Banners and call-outs.
    double box_pad = 8.0;
    double box_accent = 4.0;

    // Charts.
    double bar_height = 9.0;
    double bar_row_gap = 5.0;
    double bar_label_share = 0.28;
    double bar_value_share = 0.28;
    double donut_diameter = 104.0;
    double donut_ring = 0.42; // ring thickness as a share of the radius
    double legend_swatch = 8.0;
    double legend_gap = 5.0;
    double line_plot_height = 118.0; // LineChart: the plot area (axes inside), legend and tick labels added
    double line_width = 1.4;

    [[nodiscard]] FontSpec font(TextStyle style) const {
        const double k = base / 9.0;
        switch (style) {
        case TextStyle::doc_title:
            return {false, true, 19.0 * k};
        case TextStyle::section_title:
            return {false, true, 15.0 * k};
        case TextStyle::heading:
            return {false, true, 12.0 * k};
        case TextStyle::subheading:
            return {false, true, 10.0 * k};
        case TextStyle::body:
            return {false, false, 9.0 * k};
        case TextStyle::note:
            return {false, false, 8.0 * k};
        case TextStyle::caption:
            return {false, true, 8.5 * k};
        case TextStyle::cell:
            return {false, false, 7.8 * k};
        case TextStyle::cell_header:
            return {false, true, 7.8 * k};
        case TextStyle::cell_mono:
            return {true, false, 7.3 * k};
        case TextStyle::label:
            return {false, true, 6.8 * k};
        case TextStyle::tile_label:
            return {false, false, 7.8 * k};
        case TextStyle::tile_value:
            return {false, true, 17.0 * k};
        case TextStyle::tile_detail:
            return {false, false, 7.3 * k};
        case TextStyle::verdict_title:
            return {false, true, 11.5 * k};
        case TextStyle::running:
            return {false, false, 7.5 * k};
        }
        return {false, false, 9.0 * k};
    }
};

} // namespace pvr::render
