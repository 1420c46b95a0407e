#include "core/time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace pvr {

std::string iso8601_utc(EpochSeconds t) {
    using namespace std::chrono;
    // Calendar arithmetic overflows far beyond these years: clamp (an absurd time stays visibly absurd).
    constexpr EpochSeconds first = -62135596800; // 0001-01-01T00:00:00Z
    constexpr EpochSeconds last = 253402300799;  // 9999-12-31T23:59:59Z
    const sys_seconds tp{seconds{std::clamp(t, first, last)}};
    const auto day = floor<days>(tp);
    const year_month_day ymd{day};
    const hh_mm_ss hms{tp - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count());
}

std::optional<EpochSeconds> parse_iso8601(std::string_view s) {
    using namespace std::chrono;
    int y = 0;
    unsigned mo = 0;
    unsigned d = 0;
    int h = 0;
    int mi = 0;
    int se = 0;
    int consumed = 0;
    const std::string str(s);
    if (std::sscanf(str.c_str(), "%4d-%2u-%2u%*1[T ]%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &consumed) != 6) {
        return std::nullopt;
    }
    const year_month_day ymd{year{y}, month{mo}, day{d}};
    if (!ymd.ok() || h > 23 || mi > 59 || se > 60 || h < 0 || mi < 0 || se < 0) {
        return std::nullopt;
    }
    std::string_view rest = s.substr(static_cast<std::size_t>(consumed));
    if (!rest.empty() && rest.front() == '.') { // fractional seconds are ignored
        rest.remove_prefix(1);
        while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') {
            rest.remove_prefix(1);
        }
    }
    long offset = 0;
    if (rest == "Z" || rest == "z") {
        offset = 0;
    } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
        int oh = 0;
        int om = 0;
        if (std::sscanf(std::string(rest.substr(1)).c_str(), "%2d:%2d", &oh, &om) != 2) {
            return std::nullopt;
        }
        offset = (oh * 3600L + om * 60L) * (rest[0] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    const auto t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{se};
    return static_cast<EpochSeconds>(t.time_since_epoch().count()) - offset;
}

Clock system_clock() {
    return [] {
        return static_cast<EpochSeconds>(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count());
    };
}

} // namespace pvr
