#include "model/keep_options.hpp"

namespace pvr::model {

bool KeepOptions::empty() const noexcept {
    return !keep_all && !keep_last && !keep_hourly && !keep_daily && !keep_weekly && !keep_monthly && !keep_yearly;
}

std::vector<std::pair<std::string, std::int64_t>> KeepOptions::items() const {
    std::vector<std::pair<std::string, std::int64_t>> out;
    if (keep_all) {
        out.emplace_back("keep-all", *keep_all ? 1 : 0);
    }
    const std::pair<const char*, const std::optional<std::int64_t>*> counted[] = {
        {"keep-last", &keep_last},     {"keep-hourly", &keep_hourly},   {"keep-daily", &keep_daily},
        {"keep-weekly", &keep_weekly}, {"keep-monthly", &keep_monthly}, {"keep-yearly", &keep_yearly},
    };
    for (const auto& [name, value] : counted) {
        if (*value) {
            out.emplace_back(name, **value);
        }
    }
    return out;
}

bool KeepOptions::set(const std::string& name, std::int64_t value) {
    if (name == "keep-all") {
        keep_all = value != 0;
    } else if (name == "keep-last") {
        keep_last = value;
    } else if (name == "keep-hourly") {
        keep_hourly = value;
    } else if (name == "keep-daily") {
        keep_daily = value;
    } else if (name == "keep-weekly") {
        keep_weekly = value;
    } else if (name == "keep-monthly") {
        keep_monthly = value;
    } else if (name == "keep-yearly") {
        keep_yearly = value;
    } else {
        return false;
    }
    return true;
}

} // namespace pvr::model
