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

void append_line_chart(std::string& out, const document::LineChart& chart) {
    constexpr double width = 720.0;
    constexpr double height = 230.0;
    constexpr double left = 74.0; // y tick labels
    constexpr double right = 16.0;
    constexpr double top = 10.0;
    constexpr double bottom = 26.0; // x tick labels
    const double plot_w = width - left - right;
    const double plot_h = height - top - bottom;
    const double y_span = chart.y_max > chart.y_min ? chart.y_max - chart.y_min : 1.0;
    const double x_span = chart.x_max > chart.x_min ? static_cast<double>(chart.x_max - chart.x_min) : 1.0;
    const auto px = [&](double x) { return left + plot_w * clamp01((x - static_cast<double>(chart.x_min)) / x_span); };
    const auto py = [&](double v) { return top + plot_h * (1.0 - clamp01((v - chart.y_min) / y_span)); };

    out += "<figure class=\"chart line-chart\">\n";
    if (!chart.title.empty()) {
        out += "<figcaption>";
        append_escaped(out, chart.title);
        out += "</figcaption>\n";
    }
    if (!chart.y_title.empty()) {
        out += "<div class=\"axis-title\" style=\"font-size:12px;color:#546e7a\">";
        append_escaped(out, chart.y_title);
        out += "</div>\n";
    }
    out += fmt::format("<svg width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"", width,
                       height);
    append_escaped(out, chart.title);
    out += "\">";
    for (const auto& tick : chart.y_ticks) {
        const double y = py(tick.value);
        out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#cfd8dc\" "
                           "stroke-width=\"1\"/>",
                           left, y, left + plot_w, y);
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\" fill=\"#546e7a\">",
                           left - 6, y + 4);
        append_escaped(out, tick.label);
        out += "</text>";
    }
    for (const auto& tick : chart.x_ticks) {
        const double x = px(tick.value);
        out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#78909c\" "
                           "stroke-width=\"1\"/>",
                           x, top + plot_h, top + plot_h + 4);
        const char* anchor = x < left + 30 ? "start" : (x > width - 30 ? "end" : "middle");
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"{}\" fill=\"#546e7a\">", x,
                           top + plot_h + 17, anchor);
        append_escaped(out, tick.label);
        out += "</text>";
    }
    out += fmt::format("<path d=\"M{0:.1f} {1:.1f}V{2:.1f}H{3:.1f}\" fill=\"none\" stroke=\"#78909c\" "
                       "stroke-width=\"1\"/>",
                       left, top, top + plot_h, left + plot_w);
    for (const auto& series : chart.series) {
        const std::string colour(tone_fill(series.tone));
        if (series.points.size() == 1) {
            out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>",
                               px(static_cast<double>(series.points[0].x)), py(series.points[0].y), colour);
            continue;
        }
        out += "<polyline fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke=\"";
        out += colour;
        out += series.dashed ? "\" stroke-dasharray=\"6 4\" points=\"" : "\" points=\"";
        for (std::size_t i = 0; i < series.points.size(); ++i) {
            out += fmt::format("{}{:.1f},{:.1f}", i == 0 ? "" : " ", px(static_cast<double>(series.points[i].x)),
                               py(series.points[i].y));
        }
        out += "\"/>";
    }
    out += "</svg>\n<ul class=\"legend\">\n";
    for (const auto& series : chart.series) {
        out += fmt::format("<li style=\"display:inline-block;margin:4px 16px 4px 0\"><svg width=\"22\" height=\"10\" "
                           "aria-hidden=\"true\" style=\"display:inline-block;vertical-align:middle\"><line x1=\"1\" "
                           "y1=\"5\" x2=\"21\" "
                           "y2=\"5\" stroke=\"{}\" stroke-width=\"2.5\"{}/></svg> ",
                           tone_fill(series.tone), series.dashed ? " stroke-dasharray=\"6 4\"" : "");
        append_escaped(out, series.name);
        out += "</li>\n";
    }
    out += "</ul>\n</figure>\n";
}

} // namespace pvr::render
