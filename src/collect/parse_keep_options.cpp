#include "collect/parse_keep_options.hpp"

#include "collect/property_string.hpp"
#include "core/strings.hpp"

namespace pvr::collect {
namespace {

bool is_keep_option(const std::string& name) {
    return name == "keep-all" || name == "keep-last" || name == "keep-hourly" || name == "keep-daily" ||
           name == "keep-weekly" || name == "keep-monthly" || name == "keep-yearly";
}

void set_option(model::KeepOptions& keep, const std::string& name, std::optional<std::int64_t> number,
                std::optional<bool> flag, const std::string& shown, std::vector<std::string>& problems) {
    if (!is_keep_option(name)) {
        problems.push_back("'" + name + "' is not a retention option");
        return;
    }
    if (name == "keep-all") {
        if (!flag) {
            problems.push_back(name + ": expected a boolean, got " + shown);
            return;
        }
        keep.set(name, *flag ? 1 : 0);
        return;
    }
    if (!number || *number < 0) {
        problems.push_back(name + ": expected a non-negative integer, got " + shown);
        return;
    }
    keep.set(name, *number);
}

} // namespace

model::KeepOptions keep_options_from_string(std::string_view text, std::vector<std::string>& problems) {
    model::KeepOptions keep;
    const PropertyString parsed = parse_property_string(text);
    if (parsed.positional) {
        problems.push_back("'" + *parsed.positional + "' is not a key=value retention option");
    }
    for (const auto& [key, value] : parsed.options) {
        if (key.empty()) {
            problems.push_back("'" + value + "' is not a key=value retention option");
            continue;
        }
        set_option(keep, key, parse_int(value), parse_bool(value), "'" + value + "'", problems);
    }
    return keep;
}

model::KeepOptions keep_options_from_json(const Json& value, std::vector<std::string>& problems) {
    if (value.is_string()) {
        return keep_options_from_string(value.get_ref<const std::string&>(), problems);
    }
    model::KeepOptions keep;
    if (!value.is_object()) {
        problems.push_back("expected an object of keep-* options, got " + describe_value(value));
        return keep;
    }
    for (const auto& [key, item] : value.items()) {
        if (item.is_null()) {
            continue;
        }
        set_option(keep, to_lower(key), to_int(item), to_bool(item), describe_value(item), problems);
    }
    return keep;
}

} // namespace pvr::collect
