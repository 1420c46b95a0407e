#include "document/format.hpp"

#include "core/error.hpp"
#include "core/time.hpp"

#include <gtest/gtest.h>

using namespace pvr::document;

namespace {

const std::string nbsp = "\u00a0";

Formatter formatter(Lang lang, const std::string& zone = "UTC") {
    return Formatter(Translator(lang), find_time_zone(zone));
}

std::int64_t at(const char* iso) { return pvr::parse_iso8601(iso).value(); }

TEST(Format, PercentEnglishAndFrench) {
    EXPECT_EQ(formatter(Lang::en).percent(74.5), "74.5%");
    EXPECT_EQ(formatter(Lang::fr).percent(74.5), "74,5" + nbsp + "%");
    EXPECT_EQ(formatter(Lang::fr).percent(100.0), "100,0" + nbsp + "%");
    EXPECT_EQ(formatter(Lang::en).fraction_percent(0.8), "80%");
    EXPECT_EQ(formatter(Lang::fr).fraction_percent(0.925), "92,5" + nbsp + "%");
}

TEST(Format, IntegersWithThousandsSeparators) {
    EXPECT_EQ(formatter(Lang::en).integer(0), "0");
    EXPECT_EQ(formatter(Lang::en).integer(999), "999");
    EXPECT_EQ(formatter(Lang::en).integer(10000), "10,000");
    EXPECT_EQ(formatter(Lang::en).integer(-1234567), "-1,234,567");
    EXPECT_EQ(formatter(Lang::fr).integer(10000), "10" + nbsp + "000");
    EXPECT_EQ(formatter(Lang::fr).decimal(12345.678, 2), "12" + nbsp + "345,68");
    EXPECT_EQ(formatter(Lang::en).decimal(-0.04, 1), "0.0");
}

TEST(Format, SizesInIecUnits) {
    const auto en = formatter(Lang::en);
    const auto fr = formatter(Lang::fr);
    EXPECT_EQ(en.size(0), "0" + nbsp + "B");
    EXPECT_EQ(en.size(1023), "1,023" + nbsp + "B");
    EXPECT_EQ(en.size(1536), "1.5" + nbsp + "KiB");
    EXPECT_EQ(en.size(std::int64_t{5} << 20), "5.0" + nbsp + "MiB");
    EXPECT_EQ(en.size(std::int64_t{512} << 30), "512" + nbsp + "GiB");
    const std::int64_t tib = std::int64_t{1} << 40;
    EXPECT_EQ(en.size(tib * 32 / 10), "3.2" + nbsp + "TiB");
    EXPECT_EQ(fr.size(tib * 32 / 10), "3,2" + nbsp + "Tio");
    EXPECT_EQ(en.size(std::int64_t{3} << 50), "3.0" + nbsp + "PiB");
    EXPECT_EQ(en.size(1024 * 1024 - 1), "1,024" + nbsp + "KiB");
}

TEST(Format, DatesInUtc) {
    const auto t = at("2026-11-27T07:00:00Z");
    EXPECT_EQ(formatter(Lang::en).date_time(t), "27 Nov 2026 07:00 UTC");
    EXPECT_EQ(formatter(Lang::fr).date_time(t), "27 nov. 2026 07:00 UTC");
    EXPECT_EQ(formatter(Lang::en).date(t), "27 Nov 2026");
    EXPECT_EQ(formatter(Lang::fr).date_time_short(t), "27 nov. 2026 07:00");
}

TEST(Format, DatesInANonUtcZone) {
    const auto winter = at("2026-11-27T07:00:00Z");
    const auto summer = at("2026-07-01T22:30:00Z");
    EXPECT_EQ(formatter(Lang::en, "Europe/Paris").date_time(winter), "27 Nov 2026 08:00 CET");
    EXPECT_EQ(formatter(Lang::fr, "Europe/Paris").date_time(winter), "27 nov. 2026 08:00 CET");
    EXPECT_EQ(formatter(Lang::fr, "Europe/Paris").date_time(summer), "2 juil. 2026 00:30 CEST");
    EXPECT_EQ(formatter(Lang::en, "America/New_York").date_time(winter), "27 Nov 2026 02:00 EST");
    EXPECT_EQ(formatter(Lang::en, "Europe/Paris").zone_name(), "Europe/Paris");
    const auto february = at("2026-02-03T12:00:00Z");
    EXPECT_EQ(formatter(Lang::fr, "Asia/Tokyo").date(february), "3 févr. 2026");
}

TEST(Format, GermanNumbersAndDates) {
    const auto de = formatter(Lang::de, "Europe/Berlin");
    EXPECT_EQ(de.integer(10000), "10.000");
    EXPECT_EQ(de.integer(-1234567), "-1.234.567");
    EXPECT_EQ(de.decimal(12345.678, 2), "12.345,68");
    EXPECT_EQ(de.percent(74.5), "74,5" + nbsp + "%");
    EXPECT_EQ(de.fraction_percent(0.75), "75" + nbsp + "%");
    EXPECT_EQ(de.size(1024LL * 1024 * 1024 * 1024 * 32 / 10), "3,2" + nbsp + "TiB");
    EXPECT_EQ(de.date_time(at("2026-11-27T07:00:00Z")), "27. Nov. 2026 08:00 CET");
    EXPECT_EQ(de.date(at("2026-03-01T12:00:00Z")), "1. März 2026");
    EXPECT_EQ(de.date_time_short(at("2026-07-01T22:30:00Z")), "2. Juli 2026 00:30");
    const auto now = at("2026-11-27T07:00:00Z");
    EXPECT_EQ(de.relative(now - 3 * 86400, now), "vor 3 Tagen");
    EXPECT_EQ(de.relative(now - 86400 / 24, now), "vor 1 Stunde");
    EXPECT_EQ(de.relative(now + 5 * 86400, now), "in 5 Tagen");
    EXPECT_EQ(de.relative(now - 10, now), "gerade eben");
}

TEST(Format, FrenchFirstOfTheMonth) {
    EXPECT_EQ(formatter(Lang::fr).date(at("2026-12-01T12:00:00Z")), "1er déc. 2026");
    EXPECT_EQ(formatter(Lang::fr).date_time_short(at("2026-12-02T12:00:00Z")), "2 déc. 2026 12:00");
    EXPECT_EQ(formatter(Lang::en).date(at("2026-12-01T12:00:00Z")), "1 Dec 2026");
}

TEST(Format, UnknownTimeZoneIsAConfigError) {
    try {
        (void)find_time_zone("Mars/Olympus_Mons");
        FAIL() << "expected an error";
    } catch (const pvr::Error& e) {
        EXPECT_EQ(e.kind(), pvr::ErrorKind::config);
        EXPECT_NE(std::string(e.what()).find("Mars/Olympus_Mons"), std::string::npos);
    }
}

TEST(Format, RelativeAges) {
    const auto now = at("2026-11-27T07:00:00Z");
    const auto en = formatter(Lang::en);
    const auto fr = formatter(Lang::fr);
    EXPECT_EQ(en.relative(now - 3 * 86400, now), "3 days ago");
    EXPECT_EQ(fr.relative(now - 3 * 86400, now), "il y a 3 jours");
    EXPECT_EQ(en.relative(now - 86400, now), "24 hours ago");
    EXPECT_EQ(en.relative(now - 3600, now), "1 hour ago");
    EXPECT_EQ(fr.relative(now - 60, now), "il y a 1 minute");
    EXPECT_EQ(en.relative(now - 10, now), "just now");
    EXPECT_EQ(fr.relative(now - 10, now), "à l’instant");
    EXPECT_EQ(en.relative(now - 90 * 86400, now), "3 months ago");
    EXPECT_EQ(fr.relative(now - 800 * 86400, now), "il y a 2 ans");
    EXPECT_EQ(en.relative(now + 19 * 3600, now), "in 19 hours");
    EXPECT_EQ(fr.relative(now + 5 * 86400, now), "dans 5 jours");
}

TEST(Excerpt, ShortTextIsKeptWithWhiteSpaceCollapsed) {
    EXPECT_EQ(excerpt("  hello\n\n  world\t ", 80), "hello world");
    EXPECT_EQ(excerpt("", 80), "");
    EXPECT_EQ(excerpt("exactly10!", 10), "exactly10!");
}

TEST(Excerpt, LongTextIsCutWithAnEllipsis) {
    EXPECT_EQ(excerpt("abcdefghijkl", 5), "abcd…");
    EXPECT_EQ(excerpt("abc defghijkl", 5), "abc…"); // no space before the ellipsis
    EXPECT_EQ(excerpt("abc", 1), "…");
    EXPECT_EQ(excerpt("abc", 0), "");
}

TEST(Excerpt, NeverCutsInsideAMultiByteCharacter) {
    // é is 2 bytes, € 3 bytes, 🐘 4 bytes: cutting by bytes would split them.
    EXPECT_EQ(excerpt("ééééé", 3), "éé…");
    EXPECT_EQ(excerpt("€€€€", 4), "€€€€");
    EXPECT_EQ(excerpt("€€€€€", 4), "€€€…");
    EXPECT_EQ(excerpt("a🐘🐘🐘", 3), "a🐘…");
    for (std::size_t n = 0; n < 12; ++n) {
        const auto cut = excerpt("données 🐘 clôture", n);
        EXPECT_EQ(clean_text(cut), cut) << "cut at " << n << " gave invalid UTF-8";
    }
}

TEST(Excerpt, InvalidUtf8BecomesReplacementCharacters) {
    EXPECT_EQ(excerpt("a\xff"
                      "b",
                      10),
              "a\uFFFD"
              "b");
    EXPECT_EQ(excerpt("\xC3", 10), "\uFFFD");           // truncated sequence
    EXPECT_EQ(excerpt("\xC0\xAF", 10), "\uFFFD\uFFFD"); // overlong
    EXPECT_EQ(clean_text("ok\x01\ttab\nline\x7f"), "ok\ttab\nline");
    EXPECT_EQ(clean_text("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD"); // surrogate
}

} // namespace

TEST(Format, DayMonthAndLocalMidnight) {
    const Formatter en(Translator(Lang::en), find_time_zone("Europe/Paris"));
    const Formatter fr(Translator(Lang::fr), find_time_zone("Europe/Paris"));
    // 2026-10-25 12:00 UTC: the day summer time ends in Paris (the day has 25 hours).
    const std::int64_t noon = 1792929600;
    EXPECT_EQ(en.day_month(noon), "25\u00a0Oct");
    EXPECT_EQ(fr.day_month(noon), "25\u00a0oct.");
    EXPECT_EQ(Formatter(Translator(Lang::de), find_time_zone("UTC")).day_month(noon), "25.\u00a0Okt.");
    EXPECT_EQ(fr.day_month(noon + 7 * 86400), "1er\u00a0nov.");
    EXPECT_EQ(en.local_midnight(noon), 1792879200); // 2026-10-24T22:00:00Z = 00:00 CEST
    const std::int64_t next = en.local_midnight(noon + 86400);
    EXPECT_EQ(next, 1792969200); // 2026-10-25T23:00:00Z = 00:00 CET: 25 hours later
    EXPECT_EQ(en.local_midnight(next), next);
}
