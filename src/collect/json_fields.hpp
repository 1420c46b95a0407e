#pragma once
// The JSON firewall of the collectors: nlohmann::json is used only inside src/collect.
// Proxmox VE is Perl: a boolean may arrive as 0/1, a JSON bool or the text "1"/"yes"/"on"...,
// an integer as a number or a numeric string. Everything here reads values that leniently and
// reports a value of the wrong type with the endpoint and the field path:
//   "GET /cluster/backup: data[3].vmid: expected a VMID list, got 'abc'".

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

/// A value that is present but cannot be interpreted. what() is "<where>: <why>".
class FieldError : public Error {
public:
    FieldError(const std::string& where, std::string why)
        : Error(ErrorKind::invalid_response, where + ": " + why), m_why(std::move(why)) {}
    /// "expected a boolean, got 'maybe'"
    [[nodiscard]] const std::string& why() const noexcept { return m_why; }

private:
    std::string m_why;
};

// Throwing conversions: `where` is the endpoint and field path, "GET /storage: data[2].port".
[[nodiscard]] bool as_bool(const Json& value, const std::string& where);
[[nodiscard]] std::int64_t as_int(const Json& value, const std::string& where);
/// A JSON string only.
[[nodiscard]] std::string as_string(const Json& value, const std::string& where);
/// A JSON string or an integer (see to_text).
[[nodiscard]] std::string as_text(const Json& value, const std::string& where);

/// Reads the fields of one JSON object. Absent and null fields are nullopt; present fields of
/// the wrong type throw FieldError naming the field path.
class ObjectReader {
public:
    /// `where` names the object: "GET /storage: data[2]". Throws FieldError if it is no object.
    ObjectReader(const Json& object, std::string where);

    [[nodiscard]] const Json* find(std::string_view key) const; // nullptr when absent or null
    [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }
    [[nodiscard]] std::string where(std::string_view key) const; // "GET /storage: data[2].port"
    [[nodiscard]] const std::string& where() const noexcept { return m_where; }
    [[nodiscard]] const Json& json() const noexcept { return m_object; }

    [[nodiscard]] std::optional<bool> boolean(std::string_view key) const;
    [[nodiscard]] std::optional<std::int64_t> integer(std::string_view key) const;
    [[nodiscard]] std::optional<std::string> string(std::string_view key) const;
    [[nodiscard]] std::optional<std::string> text(std::string_view key) const;

private:
    const Json& m_object;
    std::string m_where;
};

/// "GET /storage: data[2]".
[[nodiscard]] std::string item_where(std::string_view endpoint, std::size_t index);

/// The array in `data`; throws Error(invalid_response, "<endpoint>: data is not a list, got ...").
[[nodiscard]] const Json& require_array(const Json& data, std::string_view endpoint);

} // namespace pvr::collect
