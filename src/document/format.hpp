#pragma once
// Numbers, sizes, dates and relative ages formatted for the report's language and time zone.

#include "core/time.hpp"
#include "document/translations.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace date {
class time_zone;
} // namespace date

namespace pvr::document {

/// The time zone by IANA name ("Europe/Paris", "UTC"); throws pvr::Error (config) if unknown.
[[nodiscard]] const date::time_zone* find_time_zone(const std::string& name);

class Formatter {
public:
    /// `zone` comes from find_time_zone() (zones of the tz database live for the whole program).
    Formatter(Translator translator, const date::time_zone* zone);

    /// "10,000" / "10 000" / "10.000" (no-break space as the French thousands separator).
    [[nodiscard]] std::string integer(std::int64_t value) const;
    /// "74.5" / "74,5" (fr, de); `decimals` digits after the separator.
    [[nodiscard]] std::string decimal(double value, int decimals) const;
    /// From a percentage (74.5 → "74.5%" / "74,5 %", with a no-break space in fr and de).
    [[nodiscard]] std::string percent(double percent, int decimals = 1) const;
    /// From a fraction (0.8 → "80%" / "80 %"), no decimals unless needed.
    [[nodiscard]] std::string fraction_percent(double fraction) const;
    /// IEC binary units: "512 B", "1.5 KiB", "3.2 TiB" / "3,2 TiB".
    [[nodiscard]] std::string size(std::int64_t bytes) const;

    /// "27 Nov 2026 07:00 UTC" / "27 nov. 2026 07:00 CET" / "27. Nov. 2026 07:00 CET", in the
    /// formatter's time zone (French: "1er déc. 2026" on the first of a month).
    [[nodiscard]] std::string date_time(EpochSeconds t) const;
    /// Same without the zone abbreviation (tables whose caption names the zone).
    [[nodiscard]] std::string date_time_short(EpochSeconds t) const;
    /// "27 Nov 2026" / "27 nov. 2026" / "27. Nov. 2026".
    [[nodiscard]] std::string date(EpochSeconds t) const;
    /// "27 Nov" / "27 nov." ("1er déc.") / "27. Nov." (chart axes).
    [[nodiscard]] std::string day_month(EpochSeconds t) const;
    /// The start (00:00) of the local day that holds `t`, in the formatter's time zone.
    [[nodiscard]] EpochSeconds local_midnight(EpochSeconds t) const;
    /// "3 days ago" / "il y a 3 jours"; "in 2 hours" / "dans 2 heures" for a time after `now`.
    [[nodiscard]] std::string relative(EpochSeconds t, EpochSeconds now) const;
    /// The zone's IANA name ("Europe/Paris").
    [[nodiscard]] std::string zone_name() const;

private:
    Translator m_tr;
    const date::time_zone* m_zone;
};

/// A one-line excerpt of free text of at most `max_chars` characters (Unicode code points):
/// runs of white space and control characters become one space; when cut, the text ends with "…"
/// (counted in `max_chars`). Never cuts inside a multi-byte character; invalid UTF-8 bytes become
/// U+FFFD.
[[nodiscard]] std::string excerpt(std::string_view text, std::size_t max_chars);

/// `text` with invalid UTF-8 sequences replaced by U+FFFD and control characters other than
/// tab and newline removed; renderers (Pango) need valid UTF-8.
[[nodiscard]] std::string clean_text(std::string_view text);

} // namespace pvr::document
