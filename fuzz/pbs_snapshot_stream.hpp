#pragma once
// Fuzz target pbs_snapshot_stream: the streamed reader of GET /admin/datastore/{store}/snapshots,
// fed the body in pieces of pseudo-random sizes. The first byte chooses the namespace (bit 0:
// root or "prod"), the time window (bit 1: none, or the collectors' window around a run time) and
// seeds the piece sizes (the other bits); the rest is the HTTP body. Checks: the pieces never
// change the outcome (the same snapshots, problems and error as the body read at once), and the
// outcome is the DOM parser's (parse_pbs_snapshots) whenever both accept the listing.

#include "collect/pbs_parse.hpp"
#include "collect/pbs_snapshot_stream.hpp"
#include "collect/time_window.hpp"
#include "fuzz/support.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

namespace detail {

struct StreamOutcome {
    std::vector<model::PbsSnapshot> snapshots;
    std::vector<std::string> problems;
    std::size_t foreign = 0;
    std::optional<std::string> error;
};

inline bool same_snapshot(const model::PbsSnapshot& a, const model::PbsSnapshot& b) {
    return a.backup_type == b.backup_type && a.backup_id == b.backup_id && a.time == b.time &&
           a.finished == b.finished && a.is_protected == b.is_protected && a.size == b.size &&
           a.verification == b.verification && a.verified_at == b.verified_at && a.encrypted == b.encrypted &&
           a.comment == b.comment && a.owner == b.owner;
}

inline void check_same(const StreamOutcome& a, const StreamOutcome& b, const std::string& what) {
    check(a.error == b.error, what + ": different errors");
    check(a.problems == b.problems, what + ": different problems");
    check(a.foreign == b.foreign, what + ": different other-namespace counts");
    check(a.snapshots.size() == b.snapshots.size(), what + ": different snapshot counts");
    for (std::size_t i = 0; i < a.snapshots.size(); ++i) {
        check(same_snapshot(a.snapshots[i], b.snapshots[i]), what + ": different snapshots");
    }
}

} // namespace detail

inline void pbs_snapshot_stream(std::string_view input) {
    const Selected in = select(input);
    const std::string ns = in.selector % 2 == 0 ? "" : "prod";
    const auto window = (in.selector / 2) % 2 == 0 ? collect::TimeWindow{} : collect::TimeWindow::around(1795000000);
    constexpr std::string_view endpoint = "GET /admin/datastore/store1/snapshots";
    // A small element limit, so that oversized elements are reached too.
    constexpr std::size_t max_element = 4096;

    const auto read = [&](bool pieces) {
        detail::StreamOutcome out;
        collect::SnapshotListReader reader{std::string(endpoint), ns, window, max_element};
        reader.restart();
        std::uint32_t state = in.selector * 2654435761U + 1U;
        std::size_t at = 0;
        while (at < in.rest.size()) {
            std::size_t size = in.rest.size() - at;
            if (pieces) {
                state = state * 1103515245U + 12345U;
                size = std::min<std::size_t>(size, 1 + (state >> 16) % 64);
            }
            if (!reader.write(in.rest.substr(at, size))) {
                break;
            }
            at += size;
        }
        try {
            reader.finish();
            out.snapshots = reader.take_snapshots();
        } catch (const Error& e) {
            out.error = e.what();
        }
        out.problems = reader.problems();
        out.foreign = reader.other_namespace();
        return out;
    };
    const detail::StreamOutcome whole = read(false);
    const detail::StreamOutcome pieces = read(true);
    detail::check_same(pieces, whole, "pieces against whole body");

    check(std::is_sorted(whole.snapshots.begin(), whole.snapshots.end(), collect::snapshot_less),
          "snapshots not sorted");
    for (const auto& snapshot : whole.snapshots) {
        check(!snapshot.backup_type.empty() && !snapshot.backup_id.empty(), "snapshot without type or id");
        check(!snapshot.size || *snapshot.size >= 0, "negative snapshot size");
        check(snapshot.time >= window.earliest && snapshot.time <= window.latest, "snapshot outside the window");
    }

    // The DOM parser on the same body (elements within the limit: the DOM parser has none).
    if (!whole.error && in.rest.size() <= max_element) {
        detail::StreamOutcome dom;
        try {
            dom.snapshots = collect::parse_pbs_snapshots(in.rest, endpoint, ns, dom.problems, &dom.foreign, window);
        } catch (const Error& e) {
            dom.error = e.what();
        }
        if (!dom.error) {
            detail::check_same(whole, dom, "streamed against DOM parser");
        }
    }
}

} // namespace pvr::fuzz
