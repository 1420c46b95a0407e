#pragma once
// The shared reader of API listings (`{"data": [ {...}, ... ]}`): every element is read by an
// item reader that returns a value, or nothing after recording why. An element that cannot be
// read (not an object, a field of the wrong type) becomes a problem naming the endpoint, the
// index and the field ("GET /nodes: data[2].node: expected a string, got [1]"); it is never
// dropped silently, and it never loses the rest of the listing.

#include "collect/json_fields.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// Calls `read_item(const ObjectReader& item, std::vector<std::string>& problems)` for each element
/// of the array `data`; it returns std::optional<T> (nullopt: left out, after recording why in
/// `problems` — or silently when the element is of a kind the caller does not want, such as a
/// storage in /cluster/resources). A FieldError thrown while reading a field the element cannot
/// do without is recorded as "<endpoint>: data[i].<field>: <why> (entry skipped)".
/// Throws Error(invalid_response) when `data` is not an array (the listing is unusable).
template <class T, class ReadItem>
[[nodiscard]] std::vector<T> read_list(const Json& data, std::string_view endpoint, ReadItem&& read_item,
                                       std::vector<std::string>& problems) {
    const Json& items = require_array(data, endpoint);
    std::vector<T> out;
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            const ObjectReader item(items[i], item_where(endpoint, i));
            if (std::optional<T> value = read_item(item, problems)) {
                out.push_back(std::move(*value));
            }
        } catch (const FieldError& e) {
            problems.push_back(std::string(e.what()) + " (entry skipped)");
        }
    }
    return out;
}

/// Runs `read` for a field the element can do without: a FieldError becomes a problem
/// "<where>: <why> (ignored)" and the field keeps its default.
template <class Fn>
void optional_field(std::vector<std::string>& problems, Fn&& read) {
    try {
        read();
    } catch (const FieldError& e) {
        problems.push_back(std::string(e.what()) + " (ignored)");
    }
}

} // namespace pvr::collect
