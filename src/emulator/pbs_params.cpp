#include "emulator/pbs_params.hpp"

#include "core/strings.hpp"
#include "emulator/pbs_answers.hpp"

#include <algorithm>
#include <cctype>

namespace pvr::emulator {

bool is_safe_id(const std::string& text) noexcept {
    if (text.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool word = std::isalnum(c) != 0 || c == '_';
        if (!word && (i == 0 || (c != '.' && c != '-'))) {
            return false;
        }
    }
    return true;
}

bool is_namespace_name(const std::string& text) {
    if (text.empty()) {
        return true;
    }
    if (text.size() > 256) {
        return false;
    }
    const auto components = split_any(text, "/");
    const auto slashes = static_cast<std::size_t>(std::count(text.begin(), text.end(), '/'));
    if (components.size() > 7 || components.size() != slashes + 1) {
        return false; // too deep, or an empty component ("a//b", "/a", "a/")
    }
    return std::all_of(components.begin(), components.end(), [](const std::string& c) { return is_safe_id(c); });
}

PbsParams::PbsParams(const ApiRequest& request, const std::vector<std::string>& allowed) : m_request(request) {
    for (const auto& [name, value] : request.params) {
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            m_errors[name] = "schema does not allow additional properties.";
        }
    }
}

std::optional<std::string> PbsParams::text(const std::string& name) const { return m_request.param(name); }

std::optional<bool> PbsParams::boolean(const std::string& name) {
    const auto raw = m_request.param(name);
    if (!raw) {
        return std::nullopt;
    }
    const auto value = parse_bool(*raw);
    if (!value) {
        m_errors[name] = "Unable to parse boolean option.";
    }
    return value;
}

std::optional<long long> PbsParams::integer(const std::string& name, long long minimum, long long maximum) {
    const auto raw = m_request.param(name);
    if (!raw) {
        return std::nullopt;
    }
    const auto value = parse_int(*raw);
    if (!value) {
        m_errors[name] = "invalid digit found in string";
        return std::nullopt;
    }
    if (*value < minimum) {
        m_errors[name] =
            "value must have a minimum value of " + std::to_string(minimum) + " (got " + std::to_string(*value) + ")";
        return std::nullopt;
    }
    if (*value > maximum) {
        m_errors[name] =
            "value must have a maximum value of " + std::to_string(maximum) + " (got " + std::to_string(*value) + ")";
        return std::nullopt;
    }
    return static_cast<long long>(*value);
}

std::optional<std::string> PbsParams::one_of(const std::string& name, const std::vector<std::string>& values) {
    auto raw = m_request.param(name);
    if (raw && std::find(values.begin(), values.end(), *raw) == values.end()) {
        m_errors[name] = "value '" + *raw + "' is not defined in the enumeration.";
        return std::nullopt;
    }
    return raw;
}

std::optional<std::string> PbsParams::safe_id(const std::string& name) {
    auto raw = m_request.param(name);
    if (raw && !is_safe_id(*raw)) {
        m_errors[name] = "value does not match the regex pattern";
        return std::nullopt;
    }
    return raw;
}

std::optional<std::string> PbsParams::namespace_name(const std::string& name) {
    auto raw = m_request.param(name);
    if (raw && !is_namespace_name(*raw)) {
        m_errors[name] = "value does not match the regex pattern";
        return std::nullopt;
    }
    return raw;
}

ApiResponse PbsParams::error_answer() const { return pbs_param_error(m_errors); }

} // namespace pvr::emulator
