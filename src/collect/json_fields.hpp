#pragma once
// The JSON firewall of the collectors: nlohmann::json is used only inside src/collect.
// Proxmox VE is Perl: a boolean may arrive as 0/1, a JSON bool or the text "1"/"yes"/"on"...,
// an integer as a number or a numeric string. Everything here reads values that leniently and
// records a value of the wrong type, without throwing, with the endpoint and the field path:
//   "GET /cluster/backup: data[3].vmid: expected a VMID list, got 'abc'".

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

using Json = nlohmann::json;

/// A `{"data": ..., "total": n}` answer.
struct Envelope {
    Json data;
    std::int64_t total = 0; // absent = 0 (PVE only writes a non-zero total)
    /// Invalid UTF-8 sequences of the body replaced by U+FFFD before parsing (see repair_utf8).
    std::size_t replaced_invalid_utf8 = 0;
};

/// Parses the envelope. `endpoint` is "GET /cluster/backup". Throws
/// Error(invalid_response, "GET /cluster/backup: response is not JSON (...)") when the body is not
/// JSON, is not an object or has no `data`, and Error(invalid_response, "GET /cluster/backup: JSON
/// nested deeper than 256 levels") before parsing a body nested deeper than max_json_depth.
/// Invalid UTF-8 is replaced by U+FFFD (counted in replaced_invalid_utf8), never fatal.
[[nodiscard]] Envelope parse_envelope(std::string_view body, std::string_view endpoint);

/// How a value is shown in a message: strings in single quotes, anything else as compact JSON,
/// cut after 80 characters. Never recursive, and stops writing once 80 characters are reached, so
/// the size and depth of the value do not matter.
[[nodiscard]] std::string describe_value(const Json& value);

// Lenient conversions; nullopt when the value cannot be read as such.
/// JSON bool, any number (0 = false), or text 1/0/true/false/yes/no/on/off.
[[nodiscard]] std::optional<bool> to_bool(const Json& value);
/// An integral JSON number or a decimal integer string.
[[nodiscard]] std::optional<std::int64_t> to_int(const Json& value);
/// A JSON string, or an integer written as decimal text (Perl may numify a name like "123").
[[nodiscard]] std::optional<std::string> to_text(const Json& value);

/// Whether an element can do without a field. A present value of the wrong type in an `optional`
/// field is ignored (the field keeps its default); in a `required` field the element is skipped.
enum class Need { optional, required };

/// A value that is present but cannot be read, as recorded by an ObjectReader.
struct FieldProblem {
    std::string_view where; ///< the object: "GET /storage: data[2]"
    std::string_view field; ///< "port"; empty when the object itself is the problem
    std::string why;        ///< "expected an integer, got 'eight'"
    Need need = Need::optional;

    /// "GET /storage: data[2].port: expected an integer, got 'eight'"
    [[nodiscard]] std::string message() const;
};

/// Receives the problems of a reader.
using ProblemSink = std::function<void(const FieldProblem&)>;

/// A sink appending "<message> (ignored)" for optional fields and "<message> (<skipped>)" for
/// required ones to `out` ("... (entry skipped)"). `out` and `skipped` (a literal) must outlive it.
[[nodiscard]] ProblemSink record_into(std::vector<std::string>& out, std::string_view skipped = "entry skipped");

/// For an answer that is one object and has nowhere to report a bad field (GET /version): its
/// problems are gathered in sink(), and any of them makes the whole answer unusable.
class StrictAnswer {
public:
    StrictAnswer();
    StrictAnswer(const StrictAnswer&) = delete;
    StrictAnswer& operator=(const StrictAnswer&) = delete;

    [[nodiscard]] const ProblemSink& sink() const noexcept { return m_sink; }
    /// Throws Error(invalid_response, "GET /version: data.release: expected a string, got [1]")
    /// for the first problem recorded, if any (giving up on the answer).
    void throw_if_any() const;

private:
    std::vector<std::string> m_problems;
    ProblemSink m_sink;
};

/// Reads the fields of one JSON object without throwing. Absent and null fields are nullopt; a
/// present field of the wrong type is recorded in the sink, naming the field path
/// ("GET /storage: data[2].port: expected an integer, got 'eight'"), and read as nullopt.
/// A problem with a `required_*` field (or a required problem()) marks the reader failed: its
/// element is to be skipped, and from then on every field reads as nullopt and nothing more is
/// recorded (one problem per skipped element). A value that is not an object is recorded as
/// "<where>: expected an object, got ..." and leaves the reader failed.
class ObjectReader {
public:
    /// `where` names the object: "GET /storage: data[2]". The sink must outlive the reader.
    ObjectReader(const Json& value, std::string where, const ProblemSink& sink, Need need = Need::required);
    ObjectReader(const Json& value, std::string where, ProblemSink&& sink, Need need = Need::required) = delete;

    /// True after a required problem (or when the value is no object): the element is skipped.
    [[nodiscard]] bool failed() const noexcept { return m_failed; }

    [[nodiscard]] const Json* find(std::string_view key) const; // nullptr when absent, null or failed
    [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }
    [[nodiscard]] std::string where(std::string_view key) const; // "GET /storage: data[2].port"
    [[nodiscard]] const std::string& where() const noexcept { return m_where; }
    [[nodiscard]] const Json& json() const noexcept { return m_object; }

    [[nodiscard]] std::optional<bool> boolean(std::string_view key) { return read_bool(key, Need::optional); }
    [[nodiscard]] std::optional<std::int64_t> integer(std::string_view key) { return read_int(key, Need::optional); }
    /// A JSON string only.
    [[nodiscard]] std::optional<std::string> string(std::string_view key) { return read_string(key, Need::optional); }
    /// A JSON string or an integer (see to_text).
    [[nodiscard]] std::optional<std::string> text(std::string_view key) { return read_text(key, Need::optional); }

    [[nodiscard]] std::optional<bool> required_boolean(std::string_view key) { return read_bool(key, Need::required); }
    [[nodiscard]] std::optional<std::int64_t> required_integer(std::string_view key) {
        return read_int(key, Need::required);
    }
    [[nodiscard]] std::optional<std::string> required_string(std::string_view key) {
        return read_string(key, Need::required);
    }
    [[nodiscard]] std::optional<std::string> required_text(std::string_view key) {
        return read_text(key, Need::required);
    }

    /// A reader of the object in field `key` sharing this reader's sink; nullopt when absent or
    /// null, or when it is no object (recorded as "<where>.<key>: expected an object, got ...").
    [[nodiscard]] std::optional<ObjectReader> object(std::string_view key, Need need = Need::optional);

    /// Records a problem with the value of `key` found by the caller ("start time ... is before
    /// 2000-01-01"); a required one fails the reader. Nothing is recorded once the reader failed.
    void problem(std::string_view key, std::string why, Need need);

    // The readers above with the need chosen by the caller (read_time).
    [[nodiscard]] std::optional<bool> read_bool(std::string_view key, Need need);
    [[nodiscard]] std::optional<std::int64_t> read_int(std::string_view key, Need need);
    [[nodiscard]] std::optional<std::string> read_string(std::string_view key, Need need);
    [[nodiscard]] std::optional<std::string> read_text(std::string_view key, Need need);

private:
    /// Records "expected <what>, got <value>" for `key` and returns nullopt.
    std::nullopt_t wrong_type(std::string_view key, const Json& value, std::string_view what, Need need);

    const Json& m_object;
    std::string m_where;
    const ProblemSink* m_sink;
    bool m_failed = false;
};

/// "GET /storage: data[2]".
[[nodiscard]] std::string item_where(std::string_view endpoint, std::size_t index);

/// The array in `data`; throws Error(invalid_response, "<endpoint>: data is not a list, got ...").
[[nodiscard]] const Json& require_array(const Json& data, std::string_view endpoint);

/// The object in `data` of an answer that is one object; throws Error(invalid_response,
/// "<endpoint>: data: expected an object, got ...") otherwise (the answer is unusable).
[[nodiscard]] const Json& require_object(const Json& data, std::string_view endpoint);

} // namespace pvr::collect
