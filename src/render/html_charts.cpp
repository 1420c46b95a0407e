#include "render/html_charts.hpp"

#include "render/html_email_style.hpp"
#include "render/html_escape.hpp"
#include "render/html_style.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace pvr::render {

namespace {

double clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }

} // namespace

void append_proportion_chart(std::string& out, const document::ProportionChart& chart, bool inline_styles) {
    constexpr double size = 180.0;
    constexpr double center = size / 2;
    constexpr double radius = 66.0;
    constexpr double stroke = 28.0;
    const double circumference = 2 * std::numbers::pi * radius;
    double total = 0;
    for (const auto& segment : chart.segments) {
        total += std::max(0.0, segment.value);
    }

    out += "<figure class=\"chart proportion-chart\">\n";
    if (!chart.title.empty()) {
        out += "<figcaption>";
        append_escaped(out, chart.title);
        out += "</figcaption>\n";
    }
    out += "<div class=\"donut-wrap\">";
    out += fmt::format("<svg width=\"{0}\" height=\"{0}\" viewBox=\"0 0 {0} {0}\" role=\"img\" aria-label=\"", size);
    append_escaped(out, chart.title.empty() ? chart.center_text : chart.title + " " + chart.center_text);
    out += "\">";
    out +=
        fmt::format("<circle cx=\"{0}\" cy=\"{0}\" r=\"{1}\" fill=\"none\" stroke=\"#eceff1\" stroke-width=\"{2}\"/>",
                    center, radius, stroke);
    if (total > 0) {
        double offset = 0;
        for (const auto& segment : chart.segments) {
            const double length = circumference * std::max(0.0, segment.value) / total;
            if (length <= 0) {
                continue;
            }
            // Each segment is a dash of the ring, starting at 12 o'clock, clockwise; a white edge
            // separates neighbours (also in greyscale).
            out +=
                fmt::format("<circle cx=\"{0}\" cy=\"{0}\" r=\"{1}\" fill=\"none\" stroke=\"{2}\" "
                            "stroke-width=\"{3}\" stroke-dasharray=\"{4:.3f} {5:.3f}\" stroke-dashoffset=\"{6:.3f}\" "
                            "transform=\"rotate(-90 {0} {0})\"/>",
                            center, radius, tone_fill(segment.tone), stroke, length, circumference - length, -offset);
            if (length < circumference - 0.001) {
                const double angle = 2 * std::numbers::pi * offset / circumference - std::numbers::pi / 2;
                const double inner = radius - stroke / 2;
                const double outer = radius + stroke / 2;
                out += fmt::format("<line x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\" stroke=\"#ffffff\" "
                                   "stroke-width=\"2\"/>",
                                   center + inner * std::cos(angle), center + inner * std::sin(angle),
                                   center + outer * std::cos(angle), center + outer * std::sin(angle));
            }
            offset += length;
        }
    }
    out += fmt::format("<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" font-size=\"22\" font-weight=\"bold\" "
                       "fill=\"#1b1b1b\">",
                       center, center + 8);
    append_escaped(out, chart.center_text);
    out += "</text></svg></div>\n";

    out += "<ul class=\"legend\">\n";
    for (const auto& segment : chart.segments) {
        out += fmt::format("<li><span class=\"swatch\" style=\"background:{}\"></span>", tone_fill(segment.tone));
        out += "<span class=\"label tone-";
        out += tone_name(segment.tone);
        out += "\"";
        if (inline_styles) {
            out += " style=\"";
            out += email_label_style(segment.tone);
            out += "\"";
        }
        out += ">";
        append_escaped(out, segment.label);
        out += "</span> ";
        append_escaped(out, segment.value_text.empty() ? fmt::format("{}", segment.value) : segment.value_text);
        out += "</li>\n";
    }
    out += "</ul>\n</figure>\n";
}

void append_bar_chart(std::string& out, const document::BarChart& chart) {
    constexpr double width = 720.0;
    constexpr double row_height = 46.0;
    constexpr double bar_top = 20.0;
    constexpr double bar_height = 14.0;
    const double height = row_height * static_cast<double>(chart.bars.size()) + 4;

    out += "<figure class=\"chart bar-chart\">\n";
    if (!chart.title.empty()) {
        out += "<figcaption>";
        append_escaped(out, chart.title);
        out += "</figcaption>\n";
    }
    out += fmt::format("<svg width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"", width,
                       height);
    append_escaped(out, chart.title);
    out += "\">";
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const auto& bar = chart.bars[i];
        const double y = row_height * static_cast<double>(i);
        const double fraction = bar.max > 0 ? clamp01(bar.value / bar.max) : 0.0;
        out +=
            fmt::format("<text x=\"0\" y=\"{:.1f}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1b1b1b\">", y + 14);
        append_escaped(out, bar.label);
        out += "</text>";
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\" text-anchor=\"end\" fill=\"#37474f\">",
                           width, y + 14);
        append_escaped(out, bar.value_text);
        out += "</text>";
        out += fmt::format("<rect x=\"0\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#eceff1\" "
                           "stroke=\"#90a4ae\" stroke-width=\"1\"/>",
                           y + bar_top, width, bar_height);
        if (fraction > 0) {
            out += fmt::format("<rect x=\"0\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>",
                               y + bar_top, width * fraction, bar_height, tone_fill(bar.tone));
        }
        for (const double threshold : chart.thresholds) {
            const double x = width * clamp01(threshold);
            out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#1b1b1b\" "
                               "stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>",
                               x, y + bar_top - 4, y + bar_top + bar_height + 4);
        }
    }
    out += "</svg>\n</figure>\n";
}

} // namespace pvr::render
