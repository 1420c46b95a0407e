#pragma once
// The exception thrown for a schedule string that is not a valid calendar event.

#include "core/error.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace pvr::schedule {

/// what(): `invalid calendar event 'mon..fry 02:00': unknown weekday 'fry'`. Kind: config.
class CalendarEventError : public pvr::Error {
public:
    CalendarEventError(std::string text, std::string reason, std::optional<std::size_t> offset = std::nullopt);

    /// The rejected text, as given.
    [[nodiscard]] const std::string& text() const noexcept { return m_text; }
    /// Why it was rejected, without the `invalid calendar event '...': ` prefix.
    [[nodiscard]] const std::string& reason() const noexcept { return m_reason; }
    /// Byte offset of the offending part in text(), when known.
    [[nodiscard]] std::optional<std::size_t> offset() const noexcept { return m_offset; }

private:
    std::string m_text;
    std::string m_reason;
    std::optional<std::size_t> m_offset;
};

} // namespace pvr::schedule
