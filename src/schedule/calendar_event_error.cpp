#include "schedule/calendar_event_error.hpp"

#include <fmt/format.h>

#include <utility>

namespace pvr::schedule {

CalendarEventError::CalendarEventError(std::string text, std::string reason, std::optional<std::size_t> offset)
    : pvr::Error(ErrorKind::config, fmt::format("invalid calendar event '{}': {}", text, reason)),
      m_text(std::move(text)), m_reason(std::move(reason)), m_offset(offset) {}

} // namespace pvr::schedule
