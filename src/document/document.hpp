#pragma once
// The presentation model shared by the PDF and HTML renderers: what to show, in which order,
// with which emphasis — already translated and formatted (no Proxmox types, no numbers to format).
// Built from ReportData by build_document(); renderers only lay it out and paint it.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace pvr::document {

/// Semantic colour of a label, tile, bar or cell. Renderers map tones to colours that also read in
/// greyscale (labels carry their text; tones differ in lightness and in the label's border style).
enum class Tone { neutral, good, info, warning, critical, muted };

enum class Align { left, right, center };

struct Heading {
    int level = 2; // 1 = section title (a PDF outline entry, an <h1>), 2 = sub-heading
    std::string text;
    std::string anchor; // stable id ("coverage", "anomalies"); links point here; may be empty for level 2
};

struct Paragraph {
    std::string text;
    Tone tone = Tone::neutral; // neutral = body text; muted = small grey note; others = call-out box
};

/// A key figure on the summary page ("Guests", "42"), linking to the section that details it.
struct KeyFigure {
    std::string label;
    std::string value;
    std::string detail; // "3 templates", may be empty
    Tone tone = Tone::neutral;
    std::string link_anchor; // section anchor, may be empty
};
struct KeyFigures {
    std::vector<KeyFigure> figures;
};

/// One overall verdict banner ("Backups are incomplete: 10 guests are not backed up").
struct Verdict {
    std::string title;
    std::string text;
    Tone tone = Tone::neutral;
};

struct Cell {
    std::string text;
    Tone tone = Tone::neutral;
    bool as_label = false;   // draw as a coloured status label (pill) rather than plain text
    bool monospace = false;  // ids, UPIDs, paths
    std::string link_anchor; // internal link target, may be empty
};

struct Column {
    std::string title;
    double weight = 1.0; // share of the table width
    Align align = Align::left;
    bool nowrap = false; // keep on one line (ellipsize if needed)
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows; // every row has columns.size() cells
    std::string empty_text;              // shown instead of the table when rows is empty
    std::string caption;                 // optional line above the table
};

/// Horizontal bars (storage usage): one bar per item, value out of max.
struct Bar {
    std::string label;
    double value = 0;
    double max = 0;
    std::string value_text; // "3.2 TiB of 8 TiB (40 %)"
    Tone tone = Tone::neutral;
};
struct BarChart {
    std::string title;
    std::vector<Bar> bars;
    std::vector<double> thresholds; // fractions of max drawn as marks (e.g. 0.8, 0.9)
};

/// A proportion chart (coverage): segments of one whole, drawn as a donut or a stacked bar.
struct Segment {
    std::string label;
    double value = 0;
    Tone tone = Tone::neutral;
    std::string value_text = {}; // the value formatted for the language ("10,000" / "10 000"), for legends (added)
};
struct ProportionChart {
    std::string title;
    std::string center_text; // "74.5 %"
    std::vector<Segment> segments;
};

/// A line chart over time (trends): x = epoch seconds, y = a value in the axis's unit. Ticks and
/// their labels are computed and formatted by the document ("27 Nov" / "27 nov.", "50 %",
/// "1.5 TiB"); renderers only map values to positions. Series differ in tone and, for greyscale,
/// in dash pattern.
struct LinePoint {
    std::int64_t x = 0; // epoch seconds
    double y = 0;       // in the axis's unit (percent, count, TiB...)
};
struct LineSeries {
    std::string name; // legend text
    Tone tone = Tone::neutral;
    bool dashed = false;
    std::vector<LinePoint> points; // by increasing x
};
struct AxisTick {
    double value = 0; // y value, or x epoch seconds
    std::string label;
};
struct LineChart {
    std::string title;
    std::string y_title;           // axis title with its unit ("Coverage (%)", "Space (TiB)"), may be empty
    double y_min = 0;              // the y axis spans [y_min, y_max]
    double y_max = 1;              // > y_min
    std::int64_t x_min = 0;        // the x axis spans [x_min, x_max]
    std::int64_t x_max = 1;        // > x_min
    std::vector<AxisTick> y_ticks; // within [y_min, y_max], increasing
    std::vector<AxisTick> x_ticks; // within [x_min, x_max], increasing (dates)
    std::vector<LineSeries> series;
};

struct PageBreak {};

using Block =
    std::variant<Heading, Paragraph, KeyFigures, Verdict, Table, BarChart, ProportionChart, LineChart, PageBreak>;

struct Section {
    std::string anchor;     // stable id, also the outline target
    std::string title;      // level-1 heading text (renderers draw it; blocks need not repeat it)
    bool landscape = false; // wide tables: the PDF renderer uses landscape pages for this section
    bool new_page = true;   // start on a new page
    std::vector<Block> blocks;
};

struct Metadata {
    std::string title;   // "Backup report — pve-prod"
    std::string subject; // "Proxmox VE backup coverage and retention"
    std::string author;  // "pve-backup-report 0.1.0"
    std::string keywords;
    std::string lang;                // "en" | "fr"
    std::int64_t created = 0;        // epoch (PDF CreationDate, from the report's generated_at)
    std::string header_left;         // running header: cluster
    std::string header_right;        // running header: report date
    std::string footer_page_format;  // "Page {page} of {pages}" / "Page {page} sur {pages}"
    std::string contents_title = {}; // "Contents" / "Sommaire": title of a table of contents (added for HTML)
};

struct Document {
    Metadata meta;
    std::vector<Section> sections;
};

} // namespace pvr::document
