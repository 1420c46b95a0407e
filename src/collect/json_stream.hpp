#pragma once
// A streaming reader of the `{"data": [ {...}, ... ], ...}` envelope of API listings that never
// holds the whole body: fed the body in chunks of any size, it frames each element of `data` and
// hands its JSON text to a handler, one element at a time. Memory: the largest element (bounded
// by max_element_bytes) plus small values of the other top-level keys.
//
// It checks what parse_envelope checks, with the same messages: nesting deeper than
// max_json_depth ("GET /x: JSON nested deeper than 256 levels"), a body that is not JSON or is
// cut ("GET /x: response is not JSON (starts with '...')"), no object or no `data` ("... of the
// form {"data": ...} (no 'data' key)"), `data` that is not a list ("GET /x: data is not a list
// (got 3)"). Each is Error(invalid_response): the listing is unusable. The grammar of element
// texts is left to the element parser (which must report a broken element with not_json_error()).
// Invalid UTF-8 in element texts, keys and values is replaced by U+FFFD and counted.

#include "core/error.hpp"
#include "core/json_text.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// Largest element of a listing that is read; a bigger one becomes a problem (entry skipped).
inline constexpr std::size_t default_max_element_bytes = std::size_t{1024} * 1024;

/// "1 MiB", "1500 bytes" (the element limit in messages).
[[nodiscard]] std::string size_text(std::size_t bytes);

/// Receives the elements of `data`, in order.
class ListElementHandler {
public:
    virtual ~ListElementHandler() = default;
    ListElementHandler() = default;
    ListElementHandler(const ListElementHandler&) = delete;
    ListElementHandler& operator=(const ListElementHandler&) = delete;

    /// The JSON text of data[index] (valid UTF-8, repaired if needed). The handler may modify the
    /// string (e.g. pad it); it is reused for the next element. May throw Error to give up.
    virtual void element(std::size_t index, std::string& text) = 0;
    /// data[index] is larger than the limit: it was skipped unread.
    virtual void oversized(std::size_t index, std::size_t limit) = 0;
};

class ListStream {
public:
    /// `endpoint` is "GET /admin/datastore/store1/snapshots", for messages.
    ListStream(std::string endpoint, ListElementHandler& handler,
               std::size_t max_element_bytes = default_max_element_bytes, std::size_t max_depth = max_json_depth);

    /// Forgets everything read (a new attempt of the same request).
    void reset();
    /// The next piece of the body. Throws Error(invalid_response) as soon as the body is known to
    /// be unusable; after that the stream must be reset().
    void feed(std::string_view chunk);
    /// The end of the body: throws Error(invalid_response) when it is cut, not JSON, has no `data`
    /// or `data` is not a list.
    void finish();

    /// Elements of `data` seen so far (including oversized ones).
    [[nodiscard]] std::size_t elements() const noexcept { return m_index; }
    /// The top-level `total` (absent or not an integer: 0), known after finish().
    [[nodiscard]] std::int64_t total() const noexcept { return m_total; }
    /// Invalid UTF-8 sequences replaced by U+FFFD so far.
    [[nodiscard]] std::size_t replaced_invalid_utf8() const noexcept { return m_replaced; }
    /// Body bytes fed so far.
    [[nodiscard]] std::size_t bytes() const noexcept { return m_bytes; }

    /// The error of a body that is not JSON: "GET /x: response is not JSON (starts with '{"da')".
    [[nodiscard]] Error not_json_error() const;
    /// Thrown by fail_not_json() (also from inside a handler): the body is not JSON. feed() catches
    /// it and throws not_json_error() once the body's first bytes are known, or finish() does.
    struct NotJson {};
    [[noreturn]] static void fail_not_json() { throw NotJson{}; }

private:
    enum class State {
        start,          // before the top-level value
        not_object,     // the top-level value is no object: buffered for the message
        key_or_end,     // after '{'
        key,            // after ','
        key_text,       // inside a key string
        colon,          // after a key
        value,          // after ':'
        capture,        // a value of another key than data (or data that is no list)
        after_value,    // after a top-level value: ',' or '}'
        element_or_end, // after "data": [
        element,        // before an element (after ',')
        element_text,   // inside an element
        after_element,  // after an element: ',' or ']'
        done,           // after the closing '}': only white space may follow
    };

    /// One value being framed (an element or a captured top-level value).
    struct Scan {
        std::size_t depth = 0; // open brackets inside the value
        bool in_string = false;
        bool escape = false;
        bool scalar = false; // a number or literal: ends at a delimiter
        bool started = false;
        bool overflow = false; // larger than the limit: no longer buffered
        std::string text;
    };

    /// Advances `scan` over `chunk` from `pos`; returns the position after the value's last byte,
    /// or npos when the value continues in the next chunk. Appends to scan.text up to the limit.
    std::size_t scan_value(Scan& scan, std::string_view chunk, std::size_t pos, std::size_t base_depth);
    void open_bracket(std::size_t depth);
    void end_key();
    void end_capture();
    void end_element();
    void scan(std::string_view chunk);
    void finish_body();
    void remember_prefix(std::string_view chunk);

    std::string m_endpoint;
    ListElementHandler& m_handler;
    std::size_t m_max_element;
    std::size_t m_max_depth;

    State m_state = State::start;
    std::size_t m_bytes = 0;
    bool m_broken = false; // not JSON: waiting for the first bytes of the message
    std::string m_prefix;  // the body's first bytes, for "starts with '...'"
    std::string m_key;
    bool m_key_escaped = false;
    bool m_key_in_escape = false;
    std::string m_current_key; // the key whose value comes next
    bool m_seen_data = false;
    Scan m_scan;
    std::size_t m_index = 0;
    std::int64_t m_total = 0;
    std::size_t m_replaced = 0;
    std::optional<std::string> m_data_problem; // "data is not a list (got 3)": thrown by finish()
};

} // namespace pvr::collect
