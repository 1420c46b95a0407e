#include "collect/json_fields.hpp"

#include "core/json_text.hpp"
#include "core/strings.hpp"

#include <cmath>
#include <limits>
#include <vector>

namespace pvr::collect {

Envelope parse_envelope(std::string_view body, std::string_view endpoint) {
    if (!json_depth_within(body)) {
        throw Error(ErrorKind::invalid_response, json_too_deep_message(endpoint));
    }
    std::string repaired;
    std::size_t replaced = count_invalid_utf8(body);
    if (replaced > 0) {
        repaired = std::string(body);
        replaced = repair_utf8(repaired);
        body = repaired;
    }
    const std::string prefix = std::string(endpoint) + ": response is not JSON";
    Json parsed = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        const std::string excerpt = trim(body.substr(0, 60));
        throw Error(ErrorKind::invalid_response,
                    prefix + (body.empty() ? std::string(" (empty body)") : " (starts with '" + excerpt + "')"));
    }
    if (!parsed.is_object()) {
        throw Error(ErrorKind::invalid_response,
                    prefix + " of the form {\"data\": ...} (got " + describe_value(parsed) + ")");
    }
    const auto it = parsed.find("data");
    if (it == parsed.end()) {
        throw Error(ErrorKind::invalid_response, prefix + " of the form {\"data\": ...} (no 'data' key)");
    }
    Envelope envelope;
    envelope.data = std::move(*it);
    envelope.replaced_invalid_utf8 = replaced;
    if (const auto total = parsed.find("total"); total != parsed.end()) {
        envelope.total = to_int(*total).value_or(0);
    }
    return envelope;
}

namespace {

/// Compact JSON of `root` like dump(), written with an explicit stack (no recursion) and stopped
/// once `limit` characters are written.
std::string bounded_dump(const Json& root, std::size_t limit) {
    struct Frame {
        const Json* value;
        Json::const_iterator next;
    };
    std::string out;
    std::vector<Frame> stack;
    const auto dump_scalar = [&out](const Json& value) {
        out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
    };
    const auto open = [&](const Json& value) {
        if (value.is_object() || value.is_array()) {
            out += value.is_object() ? '{' : '[';
            stack.push_back(Frame{&value, value.cbegin()});
        } else {
            dump_scalar(value);
        }
    };
    open(root);
    while (!stack.empty() && out.size() <= limit) {
        Frame& frame = stack.back();
        const Json& container = *frame.value;
        if (frame.next == container.cend()) {
            out += container.is_object() ? '}' : ']';
            stack.pop_back();
            continue;
        }
        if (frame.next != container.cbegin()) {
            out += ',';
        }
        if (container.is_object()) {
            dump_scalar(Json(frame.next.key()));
            out += ':';
        }
        const Json& child = *frame.next;
        ++frame.next;
        open(child); // may grow the stack: `frame` is not used after this
    }
    return out;
}

} // namespace

std::string describe_value(const Json& value) {
    constexpr std::size_t max_length = 80;
    std::string text;
    if (value.is_string()) {
        text = "'" + value.get<std::string>() + "'";
    } else {
        text = bounded_dump(value, max_length);
    }
    if (text.size() > max_length) {
        text = text.substr(0, max_length) + "...";
    }
    return text;
}

std::optional<bool> to_bool(const Json& value) {
    if (value.is_boolean()) {
        return value.get<bool>();
    }
    if (value.is_number_integer()) {
        return value.get<std::int64_t>() != 0;
    }
    if (value.is_number_unsigned()) {
        return value.get<std::uint64_t>() != 0;
    }
    if (value.is_number_float()) {
        return value.get<double>() != 0.0;
    }
    if (value.is_string()) {
        return parse_bool(value.get_ref<const std::string&>());
    }
    return std::nullopt;
}

std::optional<std::int64_t> to_int(const Json& value) {
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        return static_cast<std::int64_t>(v);
    }
    if (value.is_number_integer()) {
        return value.get<std::int64_t>();
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        // 2^63 is exactly representable; anything at or above it does not fit.
        if (std::isfinite(d) && std::trunc(d) == d && d >= -9.2233720368547758e18 && d < 9.2233720368547758e18) {
            return static_cast<std::int64_t>(d);
        }
        return std::nullopt;
    }
    if (value.is_string()) {
        return parse_int(value.get_ref<const std::string&>());
    }
    return std::nullopt;
}

std::optional<std::string> to_text(const Json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_number_integer() || value.is_number_unsigned()) {
        return value.dump();
    }
    return std::nullopt;
}

bool as_bool(const Json& value, const std::string& where) {
    if (const auto v = to_bool(value)) {
        return *v;
    }
    throw FieldError(where, "expected a boolean, got " + describe_value(value));
}

std::int64_t as_int(const Json& value, const std::string& where) {
    if (const auto v = to_int(value)) {
        return *v;
    }
    throw FieldError(where, "expected an integer, got " + describe_value(value));
}

std::string as_string(const Json& value, const std::string& where) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    throw FieldError(where, "expected a string, got " + describe_value(value));
}

std::string as_text(const Json& value, const std::string& where) {
    if (auto v = to_text(value)) {
        return std::move(*v);
    }
    throw FieldError(where, "expected a string, got " + describe_value(value));
}

ObjectReader::ObjectReader(const Json& object, std::string where) : m_object(object), m_where(std::move(where)) {
    if (!m_object.is_object()) {
        throw FieldError(m_where, "expected an object, got " + describe_value(m_object));
    }
}

const Json* ObjectReader::find(std::string_view key) const {
    const auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null()) {
        return nullptr;
    }
    return &*it;
}

std::string ObjectReader::where(std::string_view key) const { return m_where + "." + std::string(key); }

std::optional<bool> ObjectReader::boolean(std::string_view key) const {
    const Json* v = find(key);
    return v ? std::optional<bool>(as_bool(*v, where(key))) : std::nullopt;
}

std::optional<std::int64_t> ObjectReader::integer(std::string_view key) const {
    const Json* v = find(key);
    return v ? std::optional<std::int64_t>(as_int(*v, where(key))) : std::nullopt;
}

std::optional<std::string> ObjectReader::string(std::string_view key) const {
    const Json* v = find(key);
    return v ? std::optional<std::string>(as_string(*v, where(key))) : std::nullopt;
}

std::optional<std::string> ObjectReader::text(std::string_view key) const {
    const Json* v = find(key);
    return v ? std::optional<std::string>(as_text(*v, where(key))) : std::nullopt;
}

std::string item_where(std::string_view endpoint, std::size_t index) {
    return std::string(endpoint) + ": data[" + std::to_string(index) + "]";
}

const Json& require_array(const Json& data, std::string_view endpoint) {
    if (!data.is_array()) {
        throw Error(ErrorKind::invalid_response,
                    std::string(endpoint) + ": data is not a list (got " + describe_value(data) + ")");
    }
    return data;
}

} // namespace pvr::collect
