// A hand-written port of the nom parser in proxmox-time (calendar_event.rs, parse_helpers.rs,
// week_days.rs). Every combinator keeps nom's backtracking behaviour: `opt(...)` rewinds on
// failure, `separated_nonempty_list` stops before a separator whose item fails, and a failing
// first item fails the list. Failures are only recorded to build a useful error message.

#include "schedule/parse.hpp"

#include "schedule/calendar_event_error.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <utility>

namespace pvr::schedule {
namespace {

struct Field {
    const char* name;
    std::uint32_t base;  // start of `*/STEP`
    std::uint32_t limit; // values must be < limit
    // what may follow the field's list (only used to pick the most plausible error message when the
    // same text was tried as several fields, e.g. `61` as year, month, hour and minute)
    std::string_view follow;
    bool may_end;
};

constexpr Field k_year{"year", 0, 2200, "-", false};
constexpr Field k_month{"month", 1, 13, "-", false};
constexpr Field k_day{"day", 1, 32, " \t", true};
constexpr Field k_hour{"hour", 0, 24, ":", false};
constexpr Field k_minute{"minute", 0, 60, ": \t", true};
constexpr Field k_second{"second", 0, 60, " \t", true};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        c = lower(c);
    }
    return out;
}

bool is_keyword(std::string_view s) {
    static constexpr std::array<std::string_view, 10> k_keywords{
        "minutely", "hourly",   "daily",     "weekly",       "monthly",
        "yearly",   "annually", "quarterly", "semiannually", "semi-annually"};
    for (const auto k : k_keywords) {
        if (k == s) {
            return true;
        }
    }
    return false;
}

/// The event a keyword expands to, or nullopt if `s` is not exactly a keyword.
std::optional<CalendarEvent> keyword_event(std::string_view s) {
    CalendarEvent ev;
    const auto zero = ValueList{DateTimeValue::single(0)};
    if (s == "minutely") {
        ev.seconds = zero;
        return ev;
    }
    if (s == "hourly") {
        ev.minutes = zero;
        ev.seconds = zero;
        return ev;
    }
    if (!is_keyword(s)) {
        return std::nullopt;
    }
    ev.hours = zero;
    ev.minutes = zero;
    ev.seconds = zero;
    if (s == "weekly") {
        ev.weekdays = weekday::monday;
        return ev;
    }
    if (s == "daily") {
        return ev;
    }
    ev.days = {DateTimeValue::single(1)};
    if (s == "yearly" || s == "annually") {
        ev.months = {DateTimeValue::single(1)};
    } else if (s == "quarterly") {
        ev.months = {DateTimeValue::single(1), DateTimeValue::single(4), DateTimeValue::single(7),
                     DateTimeValue::single(10)};
    } else if (s == "semiannually" || s == "semi-annually") {
        ev.months = {DateTimeValue::single(1), DateTimeValue::single(7)};
    }
    return ev; // monthly: day 1 of every month
}

template <class T>
struct Parsed {
    T value;
    std::size_t end;
};

struct TimeSpec {
    ValueList hours;
    ValueList minutes;
    ValueList seconds;
};

struct DateSpec {
    ValueList years;
    ValueList months;
    ValueList days;
};

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text), m_end(text.size()) {}

    CalendarEvent run() {
        CalendarEvent ev;
        if (m_text.ends_with("UTC")) {
            ev.utc = true;
            m_end -= 3;
            while (m_end > 0 && m_text[m_end - 1] == ' ') {
                --m_end;
            }
        }
        std::size_t p = 0;
        bool has_days = false;
        bool has_date = false;
        bool has_time = false;
        if (p < m_end && is_alpha(m_text[p])) {
            if (auto kw = keyword_event(m_text.substr(0, m_end))) {
                kw->utc = ev.utc;
                kw->text = std::string(m_text);
                return std::move(*kw);
            }
            auto first = weekday_range(p);
            if (!first) {
                fail(0); // the crate's `?`: a failing weekday list fails the whole event
            }
            ev.weekdays = first->value;
            p = first->end;
            while (at(p, ',')) {
                auto next = weekday_range(p + 1);
                if (!next) {
                    if (p + 1 >= m_end || !is_alpha(m_text[p + 1])) {
                        note(p + 1, "expected a weekday after ','", false);
                    }
                    break;
                }
                ev.weekdays = static_cast<std::uint8_t>(ev.weekdays | next->value);
                p = next->end;
            }
            has_days = true;
            p = skip_blanks(p);
        }
        if (auto date = date_spec(p)) {
            ev.years = std::move(date->value.years);
            ev.months = std::move(date->value.months);
            ev.days = std::move(date->value.days);
            has_date = true;
            p = skip_blanks(date->end);
        }
        if (auto time = time_spec(p)) {
            ev.hours = std::move(time->value.hours);
            ev.minutes = std::move(time->value.minutes);
            ev.seconds = std::move(time->value.seconds);
            has_time = true;
            p = time->end;
        } else {
            ev.hours = {DateTimeValue::single(0)};
            ev.minutes = {DateTimeValue::single(0)};
            ev.seconds = {DateTimeValue::single(0)};
        }
        if (!(has_days || has_date || has_time)) {
            fail(p);
        }
        if (p != m_end) {
            fail(p);
        }
        ev.text = std::string(m_text);
        return ev;
    }

private:
    struct Failure {
        std::size_t pos;
        std::string reason;
        bool semantic;  // a value was there but wrong (preferred over "unexpected text")
        bool plausible; // the list it belongs to is followed by what that field allows
    };

    std::string_view m_text;
    std::size_t m_end; // end of the part before a `UTC` suffix
    std::optional<Failure> m_failure;

    [[nodiscard]] bool at(std::size_t pos, char c) const { return pos < m_end && m_text[pos] == c; }
    [[nodiscard]] bool at(std::size_t pos, std::string_view s) const {
        return pos <= m_end && m_text.substr(pos, m_end - pos).starts_with(s);
    }
    [[nodiscard]] std::size_t skip_blanks(std::size_t pos) const {
        while (pos < m_end && (m_text[pos] == ' ' || m_text[pos] == '\t')) {
            ++pos;
        }
        return pos;
    }

    void note(std::size_t pos, std::string reason, bool semantic = true, bool plausible = true) {
        if (!m_failure || pos > m_failure->pos ||
            (pos == m_failure->pos &&
             std::pair(semantic, plausible) > std::pair(m_failure->semantic, m_failure->plausible))) {
            m_failure = Failure{pos, std::move(reason), semantic, plausible};
        }
    }

    /// A wrong value of field `f` at `pos`; `token_end` is just after it.
    void note_value(std::size_t pos, std::size_t token_end, const Field& f, std::string reason) {
        std::size_t e = token_end;
        while (e < m_end && std::string_view("0123456789*,./").find(m_text[e]) != std::string_view::npos) {
            ++e;
        }
        const bool plausible = e >= m_end ? f.may_end : f.follow.find(m_text[e]) != std::string_view::npos;
        note(pos, std::move(reason), true, plausible);
    }

    /// Throws for a parse that stopped at `pos` (nothing parsed, or text left over).
    [[noreturn]] void fail(std::size_t pos) const {
        const std::string text(m_text);
        if (m_failure && (m_failure->pos > pos || (m_failure->semantic && m_failure->pos >= pos))) {
            throw CalendarEventError(text, m_failure->reason, m_failure->pos);
        }
        if (m_end == 0) {
            throw CalendarEventError(text, m_text.empty() ? "event is empty" : "nothing before 'UTC'", 0);
        }
        if (pos == 0) {
            if (m_text.front() == ' ' || m_text.front() == '\t') {
                throw CalendarEventError(text, "leading blank (not allowed before the first part)", 0);
            }
            throw CalendarEventError(text, "expected a weekday, date, time or keyword at the start", 0);
        }
        const std::string_view rest = m_text.substr(pos, m_end - pos);
        if (rest.find_first_not_of(" \t") == std::string_view::npos) {
            throw CalendarEventError(text, fmt::format("trailing blank at offset {}", pos), pos);
        }
        std::string reason = fmt::format("unexpected '{}' at offset {}", rest, pos);
        std::size_t a = 0;
        while (a < rest.size() && (rest[a] == ' ' || rest[a] == '\t')) {
            ++a;
        }
        if (to_lower(rest.substr(a)) == "utc") {
            reason += " (the time zone suffix must be written 'UTC')";
        } else if (a > 0 || rest.find_first_of(" \t") != std::string_view::npos) {
            reason += " (parts must come in the order: weekdays, date, time, UTC)";
        }
        throw CalendarEventError(text, reason, pos);
    }

    // --- weekdays (week_days.rs) ---

    std::optional<Parsed<std::uint8_t>> weekday(std::size_t pos) {
        std::size_t q = pos;
        while (q < m_end && is_alpha(m_text[q])) {
            ++q;
        }
        if (q == pos) {
            return std::nullopt;
        }
        const std::string_view word = m_text.substr(pos, q - pos);
        const std::string name = to_lower(word);
        static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> k_days{{{"mon", "monday"},
                                                                                              {"tue", "tuesday"},
                                                                                              {"wed", "wednesday"},
                                                                                              {"thu", "thursday"},
                                                                                              {"fri", "friday"},
                                                                                              {"sat", "saturday"},
                                                                                              {"sun", "sunday"}}};
        for (std::size_t i = 0; i < k_days.size(); ++i) {
            if (name == k_days[i].first || name == k_days[i].second) {
                return Parsed<std::uint8_t>{static_cast<std::uint8_t>(1U << i), q};
            }
        }
        if (is_keyword(word)) {
            note(pos, fmt::format("keyword '{}' must stand alone (optionally followed by UTC)", word));
        } else if (is_keyword(name)) {
            note(pos, fmt::format("unknown weekday '{}' (keywords are lower case: '{}')", word, name));
        } else {
            note(pos, fmt::format("unknown weekday '{}'", word));
        }
        return std::nullopt;
    }

    std::optional<Parsed<std::uint8_t>> weekday_range(std::size_t pos) {
        auto start = weekday(pos);
        if (!start) {
            return std::nullopt;
        }
        if (at(start->end, "..")) {
            if (auto end = weekday(start->end + 2)) {
                const unsigned a = start->value;
                const unsigned b = end->value;
                unsigned bits = 0;
                if (a > b) { // wraps around the week: start..Sunday and Monday..end
                    for (unsigned d = a; d <= weekday::sunday; d <<= 1U) {
                        bits |= d;
                    }
                    for (unsigned d = weekday::monday; d <= b; d <<= 1U) {
                        bits |= d;
                    }
                } else {
                    for (unsigned d = a; d <= b; d <<= 1U) {
                        bits |= d;
                    }
                }
                return Parsed<std::uint8_t>{static_cast<std::uint8_t>(bits), end->end};
            }
            if (start->end + 2 >= m_end || !is_alpha(m_text[start->end + 2])) {
                note(start->end + 2, "expected a weekday after '..'", false);
            }
        }
        return start;
    }

    // --- numbers and component lists (parse_helpers.rs, calendar_event.rs) ---

    /// parse_time_comp: a digit run that fits in 32 bits and is below the field limit.
    std::optional<Parsed<std::uint32_t>> number(std::size_t pos, const Field& f, const char* what,
                                                const char* after = nullptr) {
        std::size_t q = pos;
        std::uint64_t v = 0;
        bool overflow = false;
        while (q < m_end && is_digit(m_text[q])) {
            v = v * 10 + static_cast<std::uint64_t>(m_text[q] - '0');
            if (v > UINT32_MAX) {
                overflow = true;
                v = UINT32_MAX + std::uint64_t{1};
            }
            ++q;
        }
        if (q == pos) {
            if (after != nullptr) {
                if (at(pos, '*')) {
                    note(pos, "'*' cannot be combined with other values");
                } else {
                    note(pos, fmt::format("expected a number after '{}'", after), false);
                }
            }
            return std::nullopt;
        }
        const std::string_view digits = m_text.substr(pos, q - pos);
        if (overflow) {
            note_value(pos, q, f, fmt::format("{} {} '{}' is too large", f.name, what, digits));
            return std::nullopt;
        }
        if (v >= f.limit) {
            note_value(pos, q, f,
                       fmt::format("{} {} {} is out of range (maximum {})", f.name, what, digits, f.limit - 1));
            return std::nullopt;
        }
        return Parsed<std::uint32_t>{static_cast<std::uint32_t>(v), q};
    }

    /// parse_date_time_comp: N, A..B, N/S, A..B/S.
    std::optional<Parsed<DateTimeValue>> component(std::size_t pos, const Field& f, const char* after) {
        auto value = number(pos, f, "value", after);
        if (!value) {
            return std::nullopt;
        }
        std::size_t p = value->end;
        if (at(p, "..")) {
            if (auto end = number(p + 2, f, "value", "..")) {
                if (value->value > end->value) {
                    note_value(pos, end->end, f,
                               fmt::format("{} range {}..{} is reversed (start greater than end)", f.name, value->value,
                                           end->value));
                    return std::nullopt;
                }
                if (at(end->end, '/')) {
                    auto step = number(end->end + 1, f, "step", "/");
                    if (!step) {
                        return std::nullopt;
                    }
                    return Parsed<DateTimeValue>{DateTimeValue::repeated(value->value, step->value, end->value),
                                                 step->end};
                }
                return Parsed<DateTimeValue>{DateTimeValue::range(value->value, end->value), end->end};
            }
        }
        if (at(p, '/')) {
            auto step = number(p + 1, f, "step", "/");
            if (!step) {
                return std::nullopt;
            }
            return Parsed<DateTimeValue>{DateTimeValue::repeated(value->value, step->value, std::nullopt), step->end};
        }
        return Parsed<DateTimeValue>{DateTimeValue::single(value->value), p};
    }

    /// parse_date_time_comp_list: `*`, `*/S`, or a comma list of components.
    std::optional<Parsed<ValueList>> list(std::size_t pos, const Field& f) {
        if (at(pos, '*')) {
            const std::size_t rest = pos + 1;
            if (at(rest, '/')) {
                auto step = number(rest + 1, f, "step", "/");
                if (!step) {
                    return std::nullopt;
                }
                if (step->value > 0) {
                    return Parsed<ValueList>{{DateTimeValue::repeated(f.base, step->value, std::nullopt)}, step->end};
                }
                note_value(rest + 1, step->end, f, fmt::format("{} step 0 is not allowed after '*'", f.name));
            } else if (at(rest, ',') || at(rest, "..")) {
                note(rest, "'*' cannot be combined with other values");
            }
            return Parsed<ValueList>{{}, rest};
        }
        auto first = component(pos, f, nullptr);
        if (!first) {
            return std::nullopt;
        }
        Parsed<ValueList> out{{first->value}, first->end};
        while (at(out.end, ',')) {
            auto next = component(out.end + 1, f, ",");
            if (!next) {
                break;
            }
            out.value.push_back(next->value);
            out.end = next->end;
        }
        return out;
    }

    std::optional<Parsed<TimeSpec>> time_spec(std::size_t pos) {
        TimeSpec spec;
        std::size_t p = pos;
        // opt(terminated(hour_list, ":")): an invalid hour list is re-read as minutes (the 24:00 quirk)
        if (auto hours = list(p, k_hour); hours && at(hours->end, ':')) {
            spec.hours = std::move(hours->value);
            p = hours->end + 1;
        }
        auto minutes = list(p, k_minute);
        if (!minutes) {
            if (p > pos && !at(p, '*') && (p >= m_end || !is_digit(m_text[p]))) {
                note(p, "expected minutes after ':'", false);
            }
            return std::nullopt;
        }
        spec.minutes = std::move(minutes->value);
        p = minutes->end;
        spec.seconds = {DateTimeValue::single(0)};
        if (at(p, ':')) {
            if (auto seconds = list(p + 1, k_second)) {
                spec.seconds = std::move(seconds->value);
                p = seconds->end;
            }
        }
        return Parsed<TimeSpec>{std::move(spec), p};
    }

    std::optional<Parsed<DateSpec>> date_spec(std::size_t pos) {
        if (auto years = list(pos, k_year); years && at(years->end, '-')) {
            if (auto months = list(years->end + 1, k_month); months && at(months->end, '-')) {
                if (auto days = list(months->end + 1, k_day)) {
                    return Parsed<DateSpec>{{std::move(years->value), std::move(months->value), std::move(days->value)},
                                            days->end};
                }
            } else if (months && (months->end >= m_end || m_text[months->end] == ' ')) {
                note(months->end, "a date needs a day: YEAR-MONTH-DAY or MONTH-DAY", false);
            }
        }
        if (auto months = list(pos, k_month); months && at(months->end, '-')) {
            if (auto days = list(months->end + 1, k_day)) {
                return Parsed<DateSpec>{{{}, std::move(months->value), std::move(days->value)}, days->end};
            }
        }
        return std::nullopt;
    }
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

} // namespace

CalendarEvent parse_calendar_event(std::string_view text) { return Parser(text).run(); }

CalendarEvent parse_pve_calendar_event(std::string_view text) {
    std::size_t a = 0;
    std::size_t b = text.size();
    while (a < b && is_space(text[a])) {
        ++a;
    }
    while (b > a && is_space(text[b - 1])) {
        --b;
    }
    if (a == b) {
        throw CalendarEventError(std::string(text), "event is empty", 0);
    }
    return parse_calendar_event(text.substr(a, b - a));
}

bool is_valid_calendar_event(std::string_view text) noexcept {
    try {
        (void)parse_calendar_event(text);
        return true;
    } catch (...) {
        return false;
    }
}

} // namespace pvr::schedule
