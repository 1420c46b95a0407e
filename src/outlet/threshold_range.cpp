#include "outlet/threshold_range.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace pvr::outlet {
namespace {

/// A whole-string finite decimal number ("10", "-1.5"); nullopt otherwise.
std::optional<double> parse_number(std::string_view text) {
    if (text.empty() || text.size() > 32) {
        return std::nullopt;
    }
    const std::string copy(text);
    char* end = nullptr;
    errno = 0;
    const double value = std::strtod(copy.c_str(), &end);
    if (errno != 0 || end != copy.c_str() + copy.size() || !std::isfinite(value) ||
        copy.find_first_not_of("0123456789.+-") != std::string::npos) {
        return std::nullopt;
    }
    return value;
}

} // namespace

bool ThresholdRange::alerts(double value) const noexcept {
    const bool within = (!low || value >= *low) && (!high || value <= *high);
    return inside ? within : !within;
}

std::optional<ThresholdRange> parse_threshold_range(std::string_view text, std::string& problem) {
    ThresholdRange range;
    range.text = std::string(text);
    std::string_view rest = text;
    if (!rest.empty() && rest.front() == '@') {
        range.inside = true;
        rest.remove_prefix(1);
    }
    const auto colon = rest.find(':');
    const std::string_view start = colon == std::string_view::npos ? std::string_view("0") : rest.substr(0, colon);
    const std::string_view end = colon == std::string_view::npos ? rest : rest.substr(colon + 1);
    if (rest.empty() || (colon != std::string_view::npos && start.empty())) {
        problem = "'" + std::string(text) + "' is not a threshold range (N, N:, ~:N, N:M or @N:M)";
        return std::nullopt;
    }
    if (start == "~") {
        range.low = std::nullopt;
    } else if (auto low = parse_number(start)) {
        range.low = *low;
    } else {
        problem = "'" + std::string(text) + "' is not a threshold range (N, N:, ~:N, N:M or @N:M)";
        return std::nullopt;
    }
    if (end.empty() && colon != std::string_view::npos) {
        range.high = std::nullopt;
    } else if (auto high = parse_number(end)) {
        range.high = *high;
    } else {
        problem = "'" + std::string(text) + "' is not a threshold range (N, N:, ~:N, N:M or @N:M)";
        return std::nullopt;
    }
    if (range.low && range.high && *range.low > *range.high) {
        problem = "'" + std::string(text) + "': the start of the range is greater than its end";
        return std::nullopt;
    }
    return range;
}

} // namespace pvr::outlet
