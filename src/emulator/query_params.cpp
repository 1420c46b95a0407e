#include "emulator/query_params.hpp"

#include "core/strings.hpp"
#include "emulator/pve_answers.hpp"

#include <algorithm>

namespace pvr::emulator {

std::string enumeration_error(const std::string& value, const std::vector<std::string>& values) {
    return "value '" + value + "' does not have a value in the enumeration '" + join(values, ", ") + "'";
}

std::optional<std::string> ParamChecker::text(const std::string& name) const { return m_request.param(name); }

std::optional<long long> ParamChecker::integer(const std::string& name, long long minimum) {
    const auto raw = m_request.param(name);
    if (!raw) {
        return std::nullopt;
    }
    const auto value = parse_int(*raw);
    if (!value) {
        m_errors[name] = "type check ('integer') failed - got '" + *raw + "'";
        return std::nullopt;
    }
    if (*value < minimum) {
        m_errors[name] = "value must have a minimum value of " + std::to_string(minimum);
        return std::nullopt;
    }
    return static_cast<long long>(*value);
}

std::optional<bool> ParamChecker::boolean(const std::string& name) {
    const auto raw = m_request.param(name);
    if (!raw) {
        return std::nullopt;
    }
    if (*raw == "0" || *raw == "1") {
        return *raw == "1";
    }
    m_errors[name] = "type check ('boolean') failed - got '" + *raw + "'";
    return std::nullopt;
}

std::optional<std::string> ParamChecker::one_of(const std::string& name, const std::vector<std::string>& values) {
    const auto raw = m_request.param(name);
    if (!raw) {
        return std::nullopt;
    }
    if (std::find(values.begin(), values.end(), *raw) == values.end()) {
        m_errors[name] = enumeration_error(*raw, values);
        return std::nullopt;
    }
    return raw;
}

std::optional<std::vector<std::string>> ParamChecker::list_of(const std::string& name,
                                                              const std::vector<std::string>& values) {
    const auto raw = m_request.param(name);
    if (!raw) {
        return std::nullopt;
    }
    std::vector<std::string> items = split_list(*raw);
    for (const auto& item : items) {
        if (std::find(values.begin(), values.end(), item) == values.end()) {
            m_errors[name] = enumeration_error(item, values);
            return std::nullopt;
        }
    }
    return items;
}

ApiResponse ParamChecker::error_answer() const { return pve_param_error(m_errors); }

} // namespace pvr::emulator
