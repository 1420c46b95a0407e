#include "render/html_style.hpp"

namespace pvr::render {

namespace {

// Grey levels (0.299 R + 0.587 G + 0.114 B): good 194, muted 189, warning 156, info 136,
// neutral 118, critical 79 — the three coverage tones stay apart when printed in greyscale.
// Labels also differ by border style (solid, dashed, dotted) and critical ones are inverted.
constexpr std::string_view k_css = R"css(
:root { color-scheme: light; }
html { background: #ffffff; }
body { margin: 0; background: #ffffff; color: #1b1b1b;
  font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 14px; line-height: 1.45; }
.report { max-width: 1180px; margin: 0 auto; padding: 24px 20px 40px; }
.report-header { border-bottom: 3px solid #37474f; padding-bottom: 10px; margin-bottom: 18px; }
.report-header h1 { font-size: 26px; margin: 0 0 4px; color: #1b1b1b; }
.report-header .meta { margin: 0; color: #555555; }
h2 { font-size: 20px; margin: 0 0 12px; padding-bottom: 4px; border-bottom: 1px solid #b0bec5; color: #263238; }
h3 { font-size: 16px; margin: 18px 0 8px; color: #263238; }
section { margin: 0 0 34px; }
a { color: #1a4f8b; }
code { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
p { margin: 0 0 10px; }
p.note { color: #5f6368; font-size: 13px; }
p.callout { padding: 8px 12px; border-left: 5px solid #607d8b; background: #f5f7f8; }
p.callout.tone-good { border-left-color: #2e7d32; background: #eef7ef; }
p.callout.tone-info { border-left-color: #1f4fa3; background: #edf2fb; }
p.callout.tone-warning { border-left-color: #b26a00; background: #fff6e5; border-left-style: dashed; }
p.callout.tone-critical { border-left-color: #8e1b15; background: #fbeceb; border-left-width: 8px; }
nav.toc { margin: 0 0 26px; padding: 10px 16px; background: #f5f7f8; border: 1px solid #d5dde1; }
nav.toc h2 { font-size: 15px; border: 0; margin: 0 0 6px; padding: 0; }
nav.toc ol { margin: 0; padding-left: 22px; columns: 2; }
nav.toc li { margin: 2px 0; }
.verdict { padding: 12px 16px; margin: 0 0 16px; border: 1px solid #90a4ae; border-left-width: 8px; }
.verdict .verdict-title { font-size: 18px; font-weight: bold; margin: 0 0 4px; }
.verdict p { margin: 0; }
.tiles { margin: 0 0 16px; font-size: 0; }
.tile { display: inline-block; vertical-align: top; box-sizing: border-box; width: 15.5%; min-width: 140px;
  margin: 0 1% 8px 0; padding: 10px 12px; border: 1px solid #b0bec5; border-top-width: 6px;
  font-size: 14px; color: #1b1b1b; text-decoration: none; background: #ffffff; }
.tile:hover { background: #f5f7f8; }
.tile .tile-value { display: block; font-size: 26px; font-weight: bold; line-height: 1.2; }
.tile .tile-label { display: block; font-weight: bold; }
.tile .tile-detail { display: block; color: #5f6368; font-size: 12px; }
.tile.tone-good { border-top-color: #2e7d32; }
.tile.tone-info { border-top-color: #1f4fa3; border-top-style: dotted; }
.tile.tone-warning { border-top-color: #e69500; border-top-style: dashed; }
.tile.tone-critical { border-top-color: #8e1b15; background: #fbeceb; }
.tile.tone-muted { border-top-color: #bdbdbd; color: #5f6368; }
.label { display: inline-block; padding: 1px 8px; border: 1px solid #78909c; border-radius: 9px; font-size: 12px;
  font-weight: bold; line-height: 1.4; white-space: nowrap; background: #ffffff; color: #263238; }
.label.tone-good { background: #e3f4e4; border-color: #2e7d32; color: #1b5e20; }
.label.tone-info { background: #e8eefb; border-color: #1f4fa3; border-style: dotted; color: #163a78; }
.label.tone-warning { background: #fff1d6; border-color: #b26a00; border-style: dashed; color: #5c3700; }
.label.tone-critical { background: #8e1b15; border-color: #5c100c; color: #ffffff; }
.label.tone-muted { background: #f1f1f1; border-color: #bdbdbd; color: #555555; font-weight: normal; }
.text-good { color: #1b5e20; }
.text-info { color: #163a78; }
.text-warning { color: #8a4b00; font-weight: bold; }
.text-critical { color: #8e1b15; font-weight: bold; }
.text-muted { color: #6b6b6b; }
.table-wrap { overflow-x: auto; margin: 0 0 14px; }
table.data { width: 100%; border-collapse: collapse; font-size: 13px; }
table.data caption { caption-side: top; text-align: left; color: #5f6368; padding: 0 0 4px; font-size: 12px; }
table.data th { text-align: left; background: #eceff1; color: #263238; border-bottom: 2px solid #90a4ae;
  padding: 5px 6px; vertical-align: bottom; }
table.data td { padding: 4px 6px; border-bottom: 1px solid #dde3e6; vertical-align: top;
  overflow-wrap: anywhere; word-wrap: break-word; }
table.data tbody tr:nth-child(even) td { background: #f7f9fa; }
table.data .align-right { text-align: right; }
table.data .align-center { text-align: center; }
table.data .nowrap { white-space: nowrap; }
table.facts { width: auto; }
table.facts td:first-child { font-weight: bold; padding-right: 24px; }
table.facts tbody tr:nth-child(even) td { background: transparent; }
figure.chart { margin: 0 0 14px; }
figure.chart figcaption { font-weight: bold; margin: 0 0 6px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart svg text { font-family: "DejaVu Sans", Arial, sans-serif; }
.donut-wrap { display: inline-block; vertical-align: middle; margin-right: 24px; }
ul.legend { display: inline-block; vertical-align: middle; list-style: none; margin: 0; padding: 0; }
ul.legend li { margin: 4px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px;
  border: 1px solid #37474f; }
.report-footer { margin-top: 30px; padding-top: 8px; border-top: 1px solid #b0bec5; color: #5f6368; font-size: 12px; }
.page-break { height: 0; }
@page { size: A4; margin: 14mm; }
@page wide { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 10pt; }
  .report { max-width: none; padding: 0; }
  section.new-page { break-before: page; }
  section.landscape { page: wide; }
  .page-break { break-after: page; }
  nav.toc { break-after: page; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  tr, .tile, .verdict, figure.chart { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .tile:hover { background: #ffffff; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

} // namespace

std::string_view html_style_sheet() { return k_css; }

std::string_view tone_name(document::Tone tone) {
    switch (tone) {
    case document::Tone::neutral:
        return "neutral";
    case document::Tone::good:
        return "good";
    case document::Tone::info:
        return "info";
    case document::Tone::warning:
        return "warning";
    case document::Tone::critical:
        return "critical";
    case document::Tone::muted:
        return "muted";
    }
    return "neutral";
}

std::string_view tone_fill(document::Tone tone) {
    switch (tone) {
    case document::Tone::good:
        return "#a5d6a7";
    case document::Tone::info:
        return "#5b8def";
    case document::Tone::warning:
        return "#e69500";
    case document::Tone::critical:
        return "#b3261e";
    case document::Tone::muted:
        return "#bdbdbd";
    case document::Tone::neutral:
        break;
    }
    return "#607d8b";
}

std::string_view tone_box_style(document::Tone tone) {
    switch (tone) {
    case document::Tone::good:
        return "border-left:8px solid #2e7d32;background:#eef7ef;";
    case document::Tone::info:
        return "border-left:8px dotted #1f4fa3;background:#edf2fb;";
    case document::Tone::warning:
        return "border-left:8px dashed #b26a00;background:#fff6e5;";
    case document::Tone::critical:
        return "border-left:12px solid #8e1b15;background:#fbeceb;";
    case document::Tone::muted:
    case document::Tone::neutral:
        break;
    }
    return "border-left:8px solid #607d8b;background:#f5f7f8;";
}

} // namespace pvr::render
