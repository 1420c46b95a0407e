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

std::string FieldProblem::message() const {
    std::string text(where);
    if (!field.empty()) {
        text += '.';
        text += field;
    }
    return text + ": " + why;
}

ProblemSink record_into(std::vector<std::string>& out, std::string_view skipped) {
    return [&out, skipped](const FieldProblem& problem) {
        out.push_back(problem.message() + " (" +
                      (problem.need == Need::required ? std::string(skipped) : std::string("ignored")) + ")");
    };
}

StrictAnswer::StrictAnswer()
    : m_sink([this](const FieldProblem& problem) { m_problems.push_back(problem.message()); }) {}

void StrictAnswer::throw_if_any() const {
    if (!m_problems.empty()) {
        throw Error(ErrorKind::invalid_response, m_problems.front());
    }
}

ObjectReader::ObjectReader(const Json& value, std::string where, const ProblemSink& sink, Need need)
    : m_object(value), m_where(std::move(where)), m_sink(&sink) {
    if (!m_object.is_object()) {
        (*m_sink)(FieldProblem{m_where, {}, "expected an object, got " + describe_value(m_object), need});
        m_failed = true;
    }
}

const Json* ObjectReader::find(std::string_view key) const {
    if (m_failed) {
        return nullptr;
    }
    const auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null()) {
        return nullptr;
    }
    return &*it;
}

std::string ObjectReader::where(std::string_view key) const { return m_where + "." + std::string(key); }

void ObjectReader::problem(std::string_view key, std::string why, Need need) {
    if (m_failed) {
        return;
    }
    (*m_sink)(FieldProblem{m_where, key, std::move(why), need});
    m_failed = need == Need::required;
}

std::nullopt_t ObjectReader::wrong_type(std::string_view key, const Json& value, std::string_view what, Need need) {
    problem(key, "expected " + std::string(what) + ", got " + describe_value(value), need);
    return std::nullopt;
}

std::optional<bool> ObjectReader::read_bool(std::string_view key, Need need) {
    const Json* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto value = to_bool(*v)) {
        return value;
    }
    return wrong_type(key, *v, "a boolean", need);
}

std::optional<std::int64_t> ObjectReader::read_int(std::string_view key, Need need) {
    const Json* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (const auto value = to_int(*v)) {
        return value;
    }
    return wrong_type(key, *v, "an integer", need);
}

std::optional<std::string> ObjectReader::read_string(std::string_view key, Need need) {
    const Json* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (v->is_string()) {
        return v->get<std::string>();
    }
    return wrong_type(key, *v, "a string", need);
}

std::optional<std::string> ObjectReader::read_text(std::string_view key, Need need) {
    const Json* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (auto value = to_text(*v)) {
        return value;
    }
    return wrong_type(key, *v, "a string", need);
}

std::optional<ObjectReader> ObjectReader::object(std::string_view key, Need need) {
    const Json* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_object()) {
        return wrong_type(key, *v, "an object", need);
    }
    return ObjectReader(*v, where(key), *m_sink, need);
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

const Json& require_object(const Json& data, std::string_view endpoint) {
    if (!data.is_object()) {
        throw Error(ErrorKind::invalid_response,
                    std::string(endpoint) + ": data: expected an object, got " + describe_value(data));
    }
    return data;
}

} // namespace pvr::collect
