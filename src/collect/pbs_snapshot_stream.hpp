#pragma once
// GET /admin/datastore/{store}/snapshots?ns=<ns> read as it arrives: the body is framed element
// by element (json_stream.hpp) and each element is read with simdjson On-Demand into a
// model::PbsSnapshot, keeping only what the report uses. Memory grows with the snapshots kept,
// not with the answer (a listing of a million snapshots is several hundred MB of JSON).
//
// Same results and messages as parse_pbs_snapshots (pbs_parse.hpp): an element that cannot be
// read is a problem naming the endpoint, the index and the field ("GET /admin/datastore/s/snapshots:
// data[3].backup-time: expected an integer, got 'x' (entry skipped)"); a body that is not JSON,
// is cut or has no `data` list makes the listing unusable (Error(invalid_response)). An element
// larger than max_element_bytes is skipped with a problem. Invalid UTF-8 is replaced by U+FFFD
// and counted, never fatal.

#include "collect/json_stream.hpp"
#include "collect/time_window.hpp"
#include "http/client.hpp"
#include "model/pbs.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

/// The reader of one listing; also the http::BodySink of its streamed GET.
class SnapshotListReader final : public http::BodySink {
public:
    /// `endpoint` is "GET /admin/datastore/store1/snapshots"; `ns` the namespace asked for ("" = root):
    /// an element naming another namespace is left out and counted in other_namespace().
    SnapshotListReader(std::string endpoint, std::string ns, const TimeWindow& window = {},
                       std::size_t max_element_bytes = default_max_element_bytes);
    ~SnapshotListReader() override;
    SnapshotListReader(const SnapshotListReader&) = delete;
    SnapshotListReader& operator=(const SnapshotListReader&) = delete;

    /// Forgets everything read (before each attempt of the request).
    void restart() override;
    /// The next piece of the body; false once the listing is known to be unusable (see finish()).
    [[nodiscard]] bool write(std::string_view chunk) override;
    /// The end of the body: throws Error(invalid_response) when the listing is unusable (the
    /// error write() met, or a body that is cut, not JSON, without a `data` list).
    void finish();

    /// The snapshots read, sorted by snapshot_less; call once, after finish().
    [[nodiscard]] std::vector<model::PbsSnapshot> take_snapshots();
    /// Problems of single elements, in order ("... (entry skipped)", "... (ignored)").
    [[nodiscard]] const std::vector<std::string>& problems() const noexcept;
    /// Elements left out because they name another namespace.
    [[nodiscard]] std::size_t other_namespace() const noexcept;
    /// Invalid UTF-8 sequences replaced by U+FFFD.
    [[nodiscard]] std::size_t replaced_invalid_utf8() const noexcept;
    /// Body bytes read.
    [[nodiscard]] std::size_t bytes() const noexcept;

private:
    class Elements;
    std::unique_ptr<Elements> m_elements;
    ListStream m_stream;
    std::optional<Error> m_error;
};

/// The whole-body form of SnapshotListReader, with the signature of parse_pbs_snapshots: the body
/// is fed in pieces of `chunk` bytes (0 = at once). Throws Error(invalid_response) when unusable.
[[nodiscard]] std::vector<model::PbsSnapshot> read_pbs_snapshots(std::string_view body, std::string_view endpoint,
                                                                 std::string_view ns,
                                                                 std::vector<std::string>& warnings,
                                                                 std::size_t* other_namespace = nullptr,
                                                                 const TimeWindow& window = {}, std::size_t chunk = 0);

} // namespace pvr::collect
