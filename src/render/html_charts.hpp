#pragma once
// Inline SVG charts for the HTML report (no script, no external resource).

#include "document/document.hpp"

#include <string>

namespace pvr::render {

/// A donut with the centre text, followed by an HTML legend (label, value, share) that stays
/// readable where SVG is not shown (some e-mail clients). `inline_styles`: the legend's labels also
/// carry their look as style attributes (the e-mail variant).
void append_proportion_chart(std::string& out, const document::ProportionChart& chart, bool inline_styles = false);
/// Horizontal bars, one per item, each with its label, value text and threshold marks.
void append_bar_chart(std::string& out, const document::BarChart& chart);
/// A line chart over time: grid, y ticks with their unit, dates on the x axis, one polyline per
/// series (dashed ones dashed), and an HTML legend under it.
void append_line_chart(std::string& out, const document::LineChart& chart);

} // namespace pvr::render
