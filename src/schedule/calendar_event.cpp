#include "schedule/calendar_event.hpp"

namespace pvr::schedule {

bool DateTimeValue::contains(std::uint32_t value) const noexcept {
    switch (kind) {
    case Kind::single:
        return value == start;
    case Kind::range:
        return value >= start && value <= end;
    case Kind::repeated:
        if (value < start) {
            return false;
        }
        if (step == 0) {
            return value == start;
        }
        return (value - start) % step == 0 && (!has_end || value <= end);
    }
    return false;
}

bool list_contains(const ValueList& list, std::uint32_t value) noexcept {
    for (const auto& item : list) {
        if (item.contains(value)) {
            return true;
        }
    }
    return false;
}

std::optional<std::uint32_t> list_find_next(const ValueList& list, std::uint32_t value) noexcept {
    std::optional<std::uint32_t> next;
    const auto offer = [&next](std::uint32_t v) {
        if (!next || v < *next) {
            next = v;
        }
    };
    for (const auto& item : list) {
        switch (item.kind) {
        case DateTimeValue::Kind::single:
            if (item.start > value) {
                offer(item.start);
            }
            break;
        case DateTimeValue::Kind::range:
            if (value < item.start) {
                offer(item.start);
            } else if (value + 1 >= item.start && value + 1 <= item.end) {
                offer(value + 1);
            }
            break;
        case DateTimeValue::Kind::repeated:
            if (value < item.start) {
                offer(item.start);
            } else if (item.step > 0) {
                const std::uint64_t n =
                    item.start + ((std::uint64_t{value} - item.start + item.step) / item.step) * item.step;
                if (n <= UINT32_MAX && (!item.has_end || n <= item.end)) {
                    offer(static_cast<std::uint32_t>(n));
                }
            }
            break;
        }
    }
    return next;
}

std::optional<std::uint32_t> list_find_next_below(const ValueList& list, std::uint32_t value,
                                                  std::uint32_t limit) noexcept {
    const auto next = list_find_next(list, value);
    if (next && *next < limit) {
        return next;
    }
    return std::nullopt;
}

} // namespace pvr::schedule
