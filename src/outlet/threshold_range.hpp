#pragma once
// A Monitoring Plugins threshold range (https://www.monitoring-plugins.org/doc/guidelines.html,
// "Threshold and ranges"): "10" (alert when < 0 or > 10), "10:" (< 10), "~:10" (> 10),
// "10:20" (outside 10..20), "@10:20" (inside 10..20, inclusive).

#include <optional>
#include <string>
#include <string_view>

namespace pvr::outlet {

struct ThresholdRange {
    std::optional<double> low = 0.0; // nullopt: negative infinity ("~")
    std::optional<double> high;      // nullopt: positive infinity
    bool inside = false;             // '@': alert when the value is inside the range
    std::string text;                // the range as given, for the performance data

    /// True when `value` raises the alert.
    [[nodiscard]] bool alerts(double value) const noexcept;
};

/// Parses a range; nullopt with `problem` set (a sentence without the option's name) otherwise.
[[nodiscard]] std::optional<ThresholdRange> parse_threshold_range(std::string_view text, std::string& problem);

} // namespace pvr::outlet
