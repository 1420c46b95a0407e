#include "collect/json_stream.hpp"

#include "collect/json_fields.hpp"
#include "core/strings.hpp"

#include <utility>

namespace pvr::collect {
namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::size_t prefix_bytes = 64; // kept for "starts with '...'" (60 characters shown)
constexpr std::size_t max_key_bytes = 4096;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool ends_scalar(char c) { return c == ',' || c == ']' || c == '}' || is_space(c); }

} // namespace

/// "1 MiB", "1500 bytes".
std::string size_text(std::size_t bytes) {
    constexpr std::size_t mib = std::size_t{1024} * 1024;
    return bytes % mib == 0 && bytes > 0 ? std::to_string(bytes / mib) + " MiB" : std::to_string(bytes) + " bytes";
}

namespace {

std::string form_prefix(std::string_view endpoint) {
    return std::string(endpoint) + ": response is not JSON of the form {\"data\": ...}";
}

} // namespace

ListStream::ListStream(std::string endpoint, ListElementHandler& handler, std::size_t max_element_bytes,
                       std::size_t max_depth)
    : m_endpoint(std::move(endpoint)), m_handler(handler), m_max_element(max_element_bytes), m_max_depth(max_depth) {}

void ListStream::reset() {
    m_state = State::start;
    m_bytes = 0;
    m_broken = false;
    m_prefix.clear();
    m_key.clear();
    m_key_escaped = false;
    m_key_in_escape = false;
    m_current_key.clear();
    m_seen_data = false;
    m_scan = Scan{};
    m_index = 0;
    m_total = 0;
    m_replaced = 0;
    m_data_problem.reset();
}

Error ListStream::not_json_error() const {
    const std::string prefix = m_endpoint + ": response is not JSON";
    if (m_bytes == 0) {
        return Error(ErrorKind::invalid_response, prefix + " (empty body)");
    }
    std::string start = m_prefix;
    repair_utf8(start);
    return Error(ErrorKind::invalid_response,
                 prefix + " (starts with '" + trim(std::string_view(start).substr(0, 60)) + "')");
}

void ListStream::remember_prefix(std::string_view chunk) {
    if (m_prefix.size() < prefix_bytes) {
        m_prefix.append(chunk.substr(0, prefix_bytes - m_prefix.size()));
    }
}

void ListStream::open_bracket(std::size_t depth) {
    if (depth > m_max_depth) {
        throw Error(ErrorKind::invalid_response, json_too_deep_message(m_endpoint, m_max_depth));
    }
}

std::size_t ListStream::scan_value(Scan& scan, std::string_view chunk, std::size_t pos, std::size_t base_depth) {
    const std::size_t begin = pos;
    const std::size_t size = chunk.size();
    std::size_t end = npos;
    if (!scan.started) {
        const char first = chunk[pos];
        if (first == ',' || first == ']' || first == '}' || first == ':') {
            fail_not_json();
        }
        scan.started = true;
        if (first == '{' || first == '[') {
            scan.depth = 1;
            open_bracket(base_depth + 1);
        } else if (first == '"') {
            scan.in_string = true;
        } else {
            scan.scalar = true;
        }
        ++pos;
    }
    const char* data = chunk.data();
    while (pos < size) {
        if (scan.in_string) {
            if (scan.escape) {
                scan.escape = false;
                ++pos;
                continue;
            }
            // The hot loop: most bytes of a listing are inside strings.
            while (pos < size && data[pos] != '"' && data[pos] != '\\' &&
                   static_cast<unsigned char>(data[pos]) >= 0x20) {
                ++pos;
            }
            if (pos == size) {
                break;
            }
            if (static_cast<unsigned char>(data[pos]) < 0x20) {
                fail_not_json(); // control characters must be escaped in JSON strings
            }
            if (data[pos] == '\\') {
                scan.escape = true;
                ++pos;
                continue;
            }
            scan.in_string = false;
            ++pos;
            if (scan.depth == 0) { // a string value
                end = pos;
                break;
            }
            continue;
        }
        if (scan.scalar) {
            if (ends_scalar(data[pos])) {
                end = pos;
                break;
            }
            ++pos;
            continue;
        }
        const char c = data[pos];
        if (c == '"') {
            scan.in_string = true;
        } else if (c == '{' || c == '[') {
            ++scan.depth;
            open_bracket(base_depth + scan.depth);
        } else if (c == '}' || c == ']') {
            if (--scan.depth == 0) {
                end = pos + 1;
                break;
            }
        }
        ++pos;
    }
    const std::size_t stop = end == npos ? size : end;
    if (!scan.overflow) {
        const std::size_t piece = stop - begin;
        if (scan.text.size() + piece > m_max_element) {
            scan.overflow = true;
            scan.text = std::string();
        } else {
            scan.text.append(data + begin, piece);
        }
    }
    return end;
}

void ListStream::end_key() {
    if (m_key_escaped) {
        const Json parsed = Json::parse("\"" + m_key + "\"", nullptr, /*allow_exceptions=*/false);
        if (!parsed.is_string()) {
            fail_not_json();
        }
        m_current_key = parsed.get<std::string>();
    } else {
        m_current_key = m_key;
    }
}

void ListStream::end_capture() {
    const bool is_data = m_current_key == "data";
    if (m_scan.overflow) {
        if (is_data) { // too large to show; not a list anyway
            m_data_problem =
                m_endpoint + ": data is not a list (got a value of more than " + size_text(m_max_element) + ")";
        }
        return;
    }
    m_replaced += repair_utf8(m_scan.text);
    const Json parsed = Json::parse(m_scan.text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        fail_not_json();
    }
    if (is_data) {
        m_data_problem = m_endpoint + ": data is not a list (got " + describe_value(parsed) + ")";
    } else if (m_current_key == "total") {
        m_total = to_int(parsed).value_or(0);
    }
}

void ListStream::end_element() {
    const std::size_t index = m_index++;
    if (m_scan.overflow) {
        m_handler.oversized(index, m_max_element);
        return;
    }
    m_replaced += repair_utf8(m_scan.text);
    m_handler.element(index, m_scan.text);
}

void ListStream::feed(std::string_view chunk) {
    remember_prefix(chunk);
    m_bytes += chunk.size();
    if (!m_broken) {
        try {
            scan(chunk);
        } catch (const NotJson&) {
            m_broken = true;
        }
    }
    if (m_broken && m_prefix.size() >= prefix_bytes) {
        throw not_json_error();
    }
}

void ListStream::scan(std::string_view chunk) {
    const std::size_t size = chunk.size();
    std::size_t i = 0;
    while (i < size) {
        const char c = chunk[i];
        switch (m_state) {
        case State::start:
            if (is_space(c)) {
                ++i;
            } else if (c == '{') {
                open_bracket(1);
                m_state = State::key_or_end;
                ++i;
            } else {
                m_state = State::not_object;
                m_scan = Scan{};
            }
            break;
        case State::not_object: {
            const std::string_view rest = chunk.substr(i);
            if (!m_scan.overflow) {
                if (m_scan.text.size() + rest.size() > m_max_element) {
                    m_scan.overflow = true;
                    m_scan.text = std::string();
                } else {
                    m_scan.text.append(rest);
                }
            }
            i = size;
            break;
        }
        case State::key_or_end:
        case State::key:
            if (is_space(c)) {
                ++i;
            } else if (c == '"') {
                m_key.clear();
                m_key_escaped = false;
                m_key_in_escape = false;
                m_state = State::key_text;
                ++i;
            } else if (c == '}' && m_state == State::key_or_end) {
                m_state = State::done;
                ++i;
            } else {
                fail_not_json();
            }
            break;
        case State::key_text: {
            std::size_t j = i;
            for (; j < size; ++j) {
                if (m_key_in_escape) {
                    m_key_in_escape = false;
                } else if (chunk[j] == '\\') {
                    m_key_in_escape = true;
                    m_key_escaped = true;
                } else if (chunk[j] == '"') {
                    break;
                } else if (static_cast<unsigned char>(chunk[j]) < 0x20) {
                    fail_not_json();
                }
            }
            if (m_key.size() < max_key_bytes) {
                m_key.append(chunk.substr(i, std::min(j - i, max_key_bytes - m_key.size())));
            }
            if (j < size) {
                m_replaced += repair_utf8(m_key);
                end_key();
                m_state = State::colon;
                i = j + 1;
            } else {
                i = size;
            }
            break;
        }
        case State::colon:
            if (is_space(c)) {
                ++i;
            } else if (c == ':') {
                m_state = State::value;
                ++i;
            } else {
                fail_not_json();
            }
            break;
        case State::value:
            if (is_space(c)) {
                ++i;
                break;
            }
            if (m_current_key == "data") {
                if (m_seen_data) {
                    throw Error(ErrorKind::invalid_response, form_prefix(m_endpoint) + " (two 'data' keys)");
                }
                m_seen_data = true;
                if (c == '[') {
                    open_bracket(2);
                    m_state = State::element_or_end;
                    ++i;
                    break;
                }
            }
            m_scan = Scan{};
            m_state = State::capture;
            break;
        case State::capture: {
            const std::size_t end = scan_value(m_scan, chunk, i, 1);
            if (end == npos) {
                i = size;
            } else {
                end_capture();
                m_scan.text.clear();
                m_state = State::after_value;
                i = end;
            }
            break;
        }
        case State::after_value:
            if (is_space(c)) {
                ++i;
            } else if (c == ',') {
                m_state = State::key;
                ++i;
            } else if (c == '}') {
                m_state = State::done;
                ++i;
            } else {
                fail_not_json();
            }
            break;
        case State::element_or_end:
        case State::element:
            if (is_space(c)) {
                ++i;
            } else if (c == ']' && m_state == State::element_or_end) {
                m_state = State::after_value;
                ++i;
            } else {
                m_scan.depth = 0;
                m_scan.in_string = false;
                m_scan.escape = false;
                m_scan.scalar = false;
                m_scan.started = false;
                m_scan.overflow = false;
                m_scan.text.clear(); // keeps its capacity for the next element
                m_state = State::element_text;
            }
            break;
        case State::element_text: {
            const std::size_t end = scan_value(m_scan, chunk, i, 2);
            if (end == npos) {
                i = size;
            } else {
                m_state = State::after_element;
                i = end;
                end_element();
            }
            break;
        }
        case State::after_element:
            if (is_space(c)) {
                ++i;
            } else if (c == ',') {
                m_state = State::element;
                ++i;
            } else if (c == ']') {
                m_state = State::after_value;
                ++i;
            } else {
                fail_not_json();
            }
            break;
        case State::done:
            if (!is_space(c)) {
                fail_not_json();
            }
            ++i;
            break;
        }
    }
}

void ListStream::finish() {
    if (m_broken) {
        throw not_json_error();
    }
    try {
        finish_body();
    } catch (const NotJson&) {
        throw not_json_error();
    }
}

void ListStream::finish_body() {
    if (m_state == State::not_object) {
        if (!json_depth_within(m_scan.text, m_max_depth)) {
            throw Error(ErrorKind::invalid_response, json_too_deep_message(m_endpoint, m_max_depth));
        }
        if (m_scan.overflow) {
            fail_not_json();
        }
        m_replaced += repair_utf8(m_scan.text);
        const Json parsed = Json::parse(m_scan.text, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_discarded()) {
            fail_not_json();
        }
        throw Error(ErrorKind::invalid_response, form_prefix(m_endpoint) + " (got " + describe_value(parsed) + ")");
    }
    if (m_state != State::done) {
        fail_not_json();
    }
    if (!m_seen_data) {
        throw Error(ErrorKind::invalid_response, form_prefix(m_endpoint) + " (no 'data' key)");
    }
    if (m_data_problem) {
        throw Error(ErrorKind::invalid_response, *m_data_problem);
    }
}

} // namespace pvr::collect
