#pragma once
// Internal to build_document: LineChart axes — "nice" y ticks in the axis's unit, date ticks at
// local midnights — formatted for the report's language and time zone.

#include "document/document.hpp"
#include "document/format.hpp"

#include <cstdint>
#include <vector>

namespace pvr::document {

/// A "nice" tick step (1, 2, 2.5 or 5 times a power of ten) giving about `target` steps over
/// `range`; at least 1 when `integer`.
[[nodiscard]] double nice_step(double range, int target, bool integer);

/// Sets x_min/x_max from the series and the date ticks ("27 Nov"), at most about 7.
void set_time_axis(LineChart& chart, const Formatter& fmt);
/// y from 0 to 100, ticks every 25 ("50 %").
void set_percent_axis(LineChart& chart, const Formatter& fmt);
/// y from 0 to a nice maximum above every point (at least 1), integer ticks.
void set_count_axis(LineChart& chart, const Formatter& fmt);
/// Series given in bytes: converts every point to the IEC unit that suits the largest one and
/// returns that unit's name ("TiB"); y from 0 to a nice maximum, ticks "1.5 TiB".
[[nodiscard]] std::string set_bytes_axis(LineChart& chart, const Formatter& fmt, const Translator& tr);

} // namespace pvr::document
