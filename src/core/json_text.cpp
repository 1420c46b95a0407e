#include "core/json_text.hpp"

#include <fmt/format.h>

namespace pvr {
namespace {

/// One step of UTF-8 decoding at `i`: how many bytes the next sequence (valid or not) spans.
struct Step {
    std::size_t length;
    bool valid;
};

Step next_sequence(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        return {1, true};
    }
    // Unicode table 3-7 (well-formed UTF-8 byte sequences): the expected length and the range of
    // the second byte, which excludes overlong forms, surrogates and code points above U+10FFFF.
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead == 0xE0) {
        length = 3;
        low = 0xA0;
    } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
        length = 3;
    } else if (lead == 0xED) {
        length = 3;
        high = 0x9F;
    } else if (lead == 0xF0) {
        length = 4;
        low = 0x90;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
        length = 4;
    } else if (lead == 0xF4) {
        length = 4;
        high = 0x8F;
    } else {
        return {1, false}; // a continuation byte, C0, C1 or F5..FF
    }
    // The maximal subpart: the lead and every following byte that could still continue it.
    for (std::size_t k = 1; k < length; ++k) {
        if (i + k >= text.size()) {
            return {k, false};
        }
        const unsigned char c = byte(i + k);
        const unsigned char lo = k == 1 ? low : 0x80;
        const unsigned char hi = k == 1 ? high : 0xBF;
        if (c < lo || c > hi) {
            return {k, false};
        }
    }
    return {length, true};
}

} // namespace

bool json_depth_within(std::string_view text, std::size_t limit) {
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        switch (c) {
        case '"':
            in_string = true;
            break;
        case '[':
        case '{':
            if (++depth > limit) {
                return false;
            }
            break;
        case ']':
        case '}':
            if (depth > 0) {
                --depth;
            }
            break;
        default:
            break;
        }
    }
    return true;
}

std::string json_too_deep_message(std::string_view endpoint, std::size_t limit) {
    return fmt::format("{}: JSON nested deeper than {} levels", endpoint, limit);
}

std::size_t count_invalid_utf8(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const Step step = next_sequence(text, i);
        count += step.valid ? 0 : 1;
        i += step.length;
    }
    return count;
}

std::size_t repair_utf8(std::string& text) {
    const std::size_t count = count_invalid_utf8(text);
    if (count == 0) {
        return 0;
    }
    std::string repaired;
    repaired.reserve(text.size() + 2 * count);
    for (std::size_t i = 0; i < text.size();) {
        const Step step = next_sequence(text, i);
        if (step.valid) {
            repaired.append(text, i, step.length);
        } else {
            repaired += "\xEF\xBF\xBD";
        }
        i += step.length;
    }
    text = std::move(repaired);
    return count;
}

std::string invalid_utf8_message(std::string_view endpoint, std::size_t count) {
    return fmt::format("{}: {} invalid UTF-8 {} replaced by U+FFFD", endpoint, count,
                       count == 1 ? "sequence" : "sequences");
}

} // namespace pvr
