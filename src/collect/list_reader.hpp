#pragma once
// The shared reader of API listings (`{"data": [ {...}, ... ]}`) and of lists nested in them
// (the members of a pool): every element is read by an item reader that returns a value, or
// nothing after recording why. An element that cannot be read (not an object, a required field of
// the wrong type) becomes a problem naming the endpoint, the index and the field
// ("GET /nodes: data[2].node: expected a string, got [1] (entry skipped)"); it is never dropped
// silently, and it never loses the rest of the listing. Nothing here throws for a bad element.

#include "collect/json_fields.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// Calls `read_item(ObjectReader& item, std::vector<std::string>& problems)` for each element of
/// `array` (a JSON array found at `where`, "GET /pools/lab: data.members"); it returns
/// std::optional<T> (nullopt: left out, after recording why in `problems` — or silently when the
/// element is of a kind the caller does not want, such as a storage in /cluster/resources).
/// The item reader records its field problems in `problems` as "<where>[i].<field>: <why>
/// (ignored)" for optional fields and "... (<skipped>)" for required ones; an element whose
/// reader failed (no object, a required field unreadable) is left out whatever `read_item` returns.
template <class T, class ReadItem>
[[nodiscard]] std::vector<T> read_elements(const Json& array, const std::string& where, ReadItem&& read_item,
                                           std::vector<std::string>& problems,
                                           std::string_view skipped = "entry skipped") {
    const ProblemSink sink = record_into(problems, skipped);
    std::vector<T> out;
    out.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
        ObjectReader item(array[i], where + "[" + std::to_string(i) + "]", sink);
        if (item.failed()) {
            continue;
        }
        std::optional<T> value = read_item(item, problems);
        if (value && !item.failed()) {
            out.push_back(std::move(*value));
        }
    }
    return out;
}

/// read_elements over the array in `data` of an answer of `endpoint` ("GET /nodes"); elements are
/// named "GET /nodes: data[i]". Throws Error(invalid_response) when `data` is not an array (the
/// listing is unusable).
template <class T, class ReadItem>
[[nodiscard]] std::vector<T> read_list(const Json& data, std::string_view endpoint, ReadItem&& read_item,
                                       std::vector<std::string>& problems) {
    return read_elements<T>(require_array(data, endpoint), std::string(endpoint) + ": data",
                            std::forward<ReadItem>(read_item), problems);
}

} // namespace pvr::collect
