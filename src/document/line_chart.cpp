#include "document/line_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace pvr::document {
namespace {

constexpr std::int64_t day = 86400;

double max_y(const LineChart& chart) {
    double top = 0;
    for (const auto& series : chart.series) {
        for (const auto& p : series.points) {
            if (std::isfinite(p.y)) {
                top = std::max(top, p.y);
            }
        }
    }
    return top;
}

int decimals_for(double step) {
    if (std::abs(step - std::round(step)) < 1e-9) {
        return 0;
    }
    return std::abs(step * 10 - std::round(step * 10)) < 1e-9 ? 1 : 2;
}

/// Ticks 0, step, ... up to the first multiple of step above `top`; y_max = that multiple.
template <typename Label>
void set_linear_axis(LineChart& chart, double top, bool integer, Label label) {
    const double step = nice_step(top > 0 ? top : 1.0, 4, integer);
    // Headroom: the largest value stays below the top (a line along the frame reads as clipped).
    const double y_max = std::max(step, (std::floor(top / step + 1e-9) + 1.0) * step);
    chart.y_min = 0;
    chart.y_max = y_max;
    chart.y_ticks.clear();
    for (int i = 0; static_cast<double>(i) * step <= y_max + step * 1e-6; ++i) {
        const double value = static_cast<double>(i) * step;
        chart.y_ticks.push_back({value, label(value, step)});
    }
}

} // namespace

double nice_step(double range, int target, bool integer) {
    if (!(range > 0) || target <= 0 || !std::isfinite(range)) {
        return 1.0;
    }
    const double raw = range / target;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (integer && magnitude < 10 && m == 2.5) {
            continue; // 2.5 is no whole number below 10
        }
        if (m * magnitude >= raw * (1 - 1e-9)) {
            step = m * magnitude;
            break;
        }
    }
    return integer ? std::max(1.0, std::round(step)) : step;
}

void set_time_axis(LineChart& chart, const Formatter& fmt) {
    bool any = false;
    for (const auto& series : chart.series) {
        for (const auto& p : series.points) {
            chart.x_min = any ? std::min(chart.x_min, p.x) : p.x;
            chart.x_max = any ? std::max(chart.x_max, p.x) : p.x;
            any = true;
        }
    }
    if (!any) {
        chart.x_min = 0;
    }
    if (chart.x_max <= chart.x_min) {
        chart.x_max = chart.x_min + day;
    }
    const std::int64_t span_days = (chart.x_max - chart.x_min) / day;
    std::int64_t step = 1;
    for (const std::int64_t candidate : {1, 2, 3, 7, 14, 28, 56, 91, 182, 364}) {
        step = candidate;
        if (span_days / candidate <= 6) {
            break;
        }
    }
    chart.x_ticks.clear();
    std::int64_t t = fmt.local_midnight(chart.x_min);
    if (t < chart.x_min) {
        t = fmt.local_midnight(t + day + 2 * 3600); // the next local midnight (DST-proof)
    }
    for (; t <= chart.x_max; t = fmt.local_midnight(t + step * day + 2 * 3600)) {
        chart.x_ticks.push_back({static_cast<double>(t), fmt.day_month(t)});
    }
    if (chart.x_ticks.empty()) { // less than a day between first and last point
        chart.x_ticks.push_back({static_cast<double>(chart.x_min), fmt.day_month(chart.x_min)});
    }
}

void set_percent_axis(LineChart& chart, const Formatter& fmt) {
    chart.y_min = 0;
    chart.y_max = 100;
    chart.y_ticks.clear();
    for (int value = 0; value <= 100; value += 25) {
        chart.y_ticks.push_back({static_cast<double>(value), fmt.percent(value, 0)});
    }
}

void set_count_axis(LineChart& chart, const Formatter& fmt) {
    set_linear_axis(chart, max_y(chart), true,
                    [&](double value, double) { return fmt.integer(static_cast<std::int64_t>(std::llround(value))); });
}

std::string set_bytes_axis(LineChart& chart, const Formatter& fmt, const Translator& tr) {
    static constexpr std::array<Msg, 6> units = {Msg::unit_b,   Msg::unit_kib, Msg::unit_mib,
                                                 Msg::unit_gib, Msg::unit_tib, Msg::unit_pib};
    double top = max_y(chart);
    std::size_t unit = 0;
    double divisor = 1;
    while (top / divisor >= 1024.0 && unit + 1 < units.size()) {
        divisor *= 1024.0;
        ++unit;
    }
    for (auto& series : chart.series) {
        for (auto& p : series.points) {
            p.y /= divisor;
        }
    }
    top /= divisor;
    const std::string name(tr.text(units[unit]));
    set_linear_axis(chart, top, false, [&](double value, double step) {
        return fmt.decimal(value, decimals_for(step)) + "\u00a0" + name;
    });
    return name;
}

} // namespace pvr::document
