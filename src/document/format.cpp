#include "document/format.hpp"

#include "core/error.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace pvr::document {

namespace {

constexpr std::string_view k_nbsp = "\u00a0";
constexpr std::string_view k_replacement = "\uFFFD";

/// Inserts the thousands separator into a run of digits.
std::string group_digits(std::string_view digits, std::string_view separator) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) {
            out += separator;
        }
        out += digits[i];
    }
    return out;
}

/// One decoded code point: its value (or -1 when the bytes are not valid UTF-8) and its length.
struct CodePoint {
    long value = -1;
    std::size_t length = 1;
};

CodePoint decode(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        return {lead, 1};
    }
    std::size_t length = 0;
    long value = 0;
    long minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1F;
        minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0F;
        minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07;
        minimum = 0x10000;
    } else {
        return {-1, 1};
    }
    if (pos + length > s.size()) {
        return {-1, 1};
    }
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char c = byte(pos + i);
        if ((c & 0xC0) != 0x80) {
            return {-1, 1};
        }
        value = (value << 6) | (c & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return {-1, 1};
    }
    return {value, length};
}

/// Thousands separator: "," (en), no-break space (fr), "." (de, as in DIN 5008 practice).
std::string_view thousands_separator(Lang lang) {
    switch (lang) {
    case Lang::fr:
        return k_nbsp;
    case Lang::de:
        return ".";
    case Lang::en:
        break;
    }
    return ",";
}

bool is_control(long cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }
bool is_space(long cp) { return cp == ' ' || cp == 0x2028 || cp == 0x2029 || cp == 0x85 || is_control(cp); }

} // namespace

const date::time_zone* find_time_zone(const std::string& name) {
    try {
        return date::locate_zone(name.empty() ? std::string("UTC") : name);
    } catch (const std::exception&) {
        throw Error(
            ErrorKind::config,
            fmt::format("Unknown time zone \"{}\": use an IANA name such as \"Europe/Paris\" or \"UTC\".", name));
    }
}

Formatter::Formatter(Translator translator, const date::time_zone* zone)
    : m_tr(translator), m_zone(zone != nullptr ? zone : find_time_zone("UTC")) {}

std::string Formatter::integer(std::int64_t value) const {
    const std::string digits = fmt::format("{}", value < 0 ? -(value + 1) + std::uint64_t{1} : std::uint64_t(value));
    return (value < 0 ? "-" : "") + group_digits(digits, thousands_separator(m_tr.lang()));
}

std::string Formatter::decimal(double value, int decimals) const {
    if (!std::isfinite(value)) {
        return "—";
    }
    std::string text = fmt::format("{:.{}f}", std::fabs(value), decimals < 0 ? 0 : decimals);
    const auto dot = text.find('.');
    const std::string int_part = text.substr(0, dot);
    const std::string frac_part = dot == std::string::npos ? std::string() : text.substr(dot + 1);
    std::string out = group_digits(int_part, thousands_separator(m_tr.lang()));
    if (!frac_part.empty()) {
        out += m_tr.lang() == Lang::en ? '.' : ','; // decimal comma in French and German
        out += frac_part;
    }
    const bool negative = value < 0 && text.find_first_not_of("0.,") != std::string::npos;
    return (negative ? "-" : "") + out;
}

std::string Formatter::percent(double percent, int decimals) const {
    const std::string number = decimal(percent, decimals);
    // French and German put a no-break space before "%" ("75 %"); English does not ("75%").
    return m_tr.lang() == Lang::en ? number + "%" : number + std::string(k_nbsp) + "%";
}

std::string Formatter::fraction_percent(double fraction) const {
    const double value = fraction * 100.0;
    const bool whole = std::fabs(value - std::round(value)) < 1e-9;
    return percent(value, whole ? 0 : 1);
}

std::string Formatter::size(std::int64_t bytes) const {
    static constexpr std::array<Msg, 6> units = {Msg::unit_b,   Msg::unit_kib, Msg::unit_mib,
                                                 Msg::unit_gib, Msg::unit_tib, Msg::unit_pib};
    const std::string sign = bytes < 0 ? "-" : "";
    const double magnitude = std::fabs(static_cast<double>(bytes));
    if (magnitude < 1024.0) {
        return sign + integer(static_cast<std::int64_t>(magnitude)) + std::string(k_nbsp) +
               std::string(m_tr.text(Msg::unit_b));
    }
    double value = magnitude;
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < units.size()) {
        value /= 1024.0;
        ++unit;
    }
    // One decimal below 100 ("3.2 TiB"), none above ("512 GiB"); 1023.96 KiB reads "1,024 KiB".
    const int decimals = std::round(value * 10.0) / 10.0 < 100.0 ? 1 : 0;
    return sign + decimal(value, decimals) + std::string(k_nbsp) + std::string(m_tr.text(units[unit]));
}

namespace {

struct LocalParts {
    int year = 0;
    unsigned month = 1;
    unsigned day = 1;
    long hours = 0;
    long minutes = 0;
    std::string abbrev;
};

LocalParts local_parts(const date::time_zone* zone, EpochSeconds t) {
    using namespace std::chrono;
    const auto zoned = date::make_zoned(zone, date::sys_seconds{seconds{t}});
    const auto local = zoned.get_local_time();
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const auto since_midnight = duration_cast<minutes>(local - day);
    LocalParts parts;
    parts.year = static_cast<int>(ymd.year());
    parts.month = static_cast<unsigned>(ymd.month());
    parts.day = static_cast<unsigned>(ymd.day());
    parts.hours = since_midnight.count() / 60;
    parts.minutes = since_midnight.count() % 60;
    parts.abbrev = zoned.get_info().abbrev;
    return parts;
}

Msg month_msg(unsigned month) {
    const auto first = static_cast<std::size_t>(Msg::month_jan);
    return static_cast<Msg>(first + (month >= 1 && month <= 12 ? month - 1 : 0));
}

/// "27 Nov 2026" (en), "27 nov. 2026" and "1er déc. 2026" (fr), "27. Nov. 2026" (de).
std::string day_month_year(const Translator& tr, const LocalParts& p) {
    const auto month = tr.text(month_msg(p.month));
    switch (tr.lang()) {
    case Lang::fr:
        return p.day == 1 ? fmt::format("1er {} {}", month, p.year) : fmt::format("{} {} {}", p.day, month, p.year);
    case Lang::de:
        return fmt::format("{}. {} {}", p.day, month, p.year);
    case Lang::en:
        break;
    }
    return fmt::format("{} {} {}", p.day, month, p.year);
}

} // namespace

std::string Formatter::date(EpochSeconds t) const { return day_month_year(m_tr, local_parts(m_zone, t)); }

std::string Formatter::day_month(EpochSeconds t) const {
    const auto p = local_parts(m_zone, t);
    const auto month = m_tr.text(month_msg(p.month));
    switch (m_tr.lang()) {
    case Lang::fr:
        return p.day == 1 ? fmt::format("1er\u00a0{}", month) : fmt::format("{}\u00a0{}", p.day, month);
    case Lang::de:
        return fmt::format("{}.\u00a0{}", p.day, month);
    case Lang::en:
        break;
    }
    return fmt::format("{}\u00a0{}", p.day, month);
}

EpochSeconds Formatter::local_midnight(EpochSeconds t) const {
    using namespace std::chrono;
    const auto zoned = date::make_zoned(m_zone, date::sys_seconds{seconds{t}});
    const auto day = date::floor<date::days>(zoned.get_local_time());
    // A midnight that does not exist (DST gap) or exists twice: the earliest instant of that day.
    const auto info = m_zone->get_info(day);
    const auto sys = info.result == date::local_info::unique        ? m_zone->to_sys(day)
                     : info.result == date::local_info::nonexistent ? info.first.end
                                                                    : m_zone->to_sys(day, date::choose::earliest);
    return static_cast<EpochSeconds>(sys.time_since_epoch().count());
}

std::string Formatter::date_time_short(EpochSeconds t) const {
    const auto p = local_parts(m_zone, t);
    return fmt::format("{} {:02}:{:02}", day_month_year(m_tr, p), p.hours, p.minutes);
}

std::string Formatter::date_time(EpochSeconds t) const {
    const auto p = local_parts(m_zone, t);
    return fmt::format("{} {:02}:{:02} {}", day_month_year(m_tr, p), p.hours, p.minutes, p.abbrev);
}

std::string Formatter::relative(EpochSeconds t, EpochSeconds now) const {
    const bool future = t > now;
    const std::int64_t diff = future ? t - now : now - t;
    constexpr std::int64_t minute = 60;
    constexpr std::int64_t hour = 60 * minute;
    constexpr std::int64_t day = 24 * hour;
    Msg msg = Msg::relative_now;
    std::int64_t count = 0;
    if (diff < minute) {
        return std::string(m_tr.text(Msg::relative_now));
    }
    if (diff < hour) {
        count = diff / minute;
        msg = future ? Msg::in_minutes : Msg::minutes_ago;
    } else if (diff < 2 * day) {
        count = diff / hour;
        msg = future ? Msg::in_hours : Msg::hours_ago;
    } else if (diff < 60 * day) {
        count = diff / day;
        msg = future ? Msg::in_days : Msg::days_ago;
    } else if (diff < 730 * day) {
        count = diff / (30 * day);
        msg = future ? Msg::in_months : Msg::months_ago;
    } else {
        count = diff / (365 * day);
        msg = future ? Msg::in_years : Msg::years_ago;
    }
    return m_tr.format_n(msg, count, integer(count));
}

std::string Formatter::zone_name() const { return m_zone->name(); }

std::string clean_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto cp = decode(text, pos);
        if (cp.value < 0) {
            out += k_replacement;
        } else if (!is_control(cp.value) || cp.value == '\t' || cp.value == '\n') {
            out.append(text.substr(pos, cp.length));
        }
        pos += cp.length;
    }
    return out;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
    // Normalize into code points: white-space runs become one space, invalid bytes U+FFFD.
    std::vector<std::string_view> points;
    points.reserve(std::min<std::size_t>(text.size(), max_chars + 2));
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto cp = decode(text, pos);
        if (cp.value >= 0 && is_space(cp.value)) {
            pending_space = !points.empty();
        } else {
            if (pending_space) {
                points.push_back(" ");
                pending_space = false;
            }
            points.push_back(cp.value < 0 ? k_replacement : text.substr(pos, cp.length));
            if (points.size() > max_chars) { // enough to know the text is cut
                break;
            }
        }
        pos += cp.length;
    }
    std::size_t keep = points.size();
    const bool cut = points.size() > max_chars;
    if (cut) {
        keep = max_chars == 0 ? 0 : max_chars - 1;
        while (keep > 0 && points[keep - 1] == " ") {
            --keep;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < keep; ++i) {
        out.append(points[i]);
    }
    if (cut && max_chars > 0) {
        out += "…";
    }
    return out;
}

} // namespace pvr::document
