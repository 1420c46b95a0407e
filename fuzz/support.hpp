#pragma once
// Shared by the libFuzzer targets (fuzz/<target>.cpp) and their regression test
// (tests/unit/fuzz/fuzz_regression_test.cpp): each target's body is a function
// `void pvr::fuzz::<target>(std::string_view input)` in fuzz/<target>.hpp.
//
// Contract of an entry function: a pvr::Error is an expected rejection of bad input and is caught
// there; anything else escaping (a std::exception from a library, a failed check below) is a bug
// and ends the fuzzer with a crash, and the regression test with a failure.

#include "core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::fuzz {

/// Thrown when an invariant of the code under test does not hold.
class CheckFailed : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

inline void check(bool condition, const std::string& what) {
    if (!condition) {
        throw CheckFailed("fuzz check failed: " + what);
    }
}

/// The first byte of the input chooses among several readers; the rest is their input.
struct Selected {
    std::uint8_t selector = 0;
    std::string_view rest;
};

[[nodiscard]] inline Selected select(std::string_view input) {
    if (input.empty()) {
        return {};
    }
    return {static_cast<std::uint8_t>(input.front()), input.substr(1)};
}

/// The deepest nesting of '[' and '{' (counted everywhere, strings included: an over-estimate).
[[nodiscard]] inline std::size_t bracket_depth(std::string_view text) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    for (const char c : text) {
        if (c == '[' || c == '{') {
            deepest = ++depth > deepest ? depth : deepest;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

/// JSON deeper than this is not fed to the readers. Real Proxmox answers nest fewer than ten
/// levels. Deep nesting is bounded while parsing (issue #8, item 3: the recursive describing of a
/// value in collect/json_fields.cpp and http/error_body.cpp); this keeps the fuzzers on the
/// readers' own logic.
inline constexpr std::size_t max_json_depth = 200;

[[nodiscard]] inline bool too_deep(std::string_view json) { return bracket_depth(json) > max_json_depth; }

/// Runs `body`; a pvr::Error (the expected rejection) is swallowed, anything else propagates.
/// A rejection of kind `internal` is a bug too.
template <typename Body>
void expect_value_or_error(Body&& body) {
    try {
        body();
    } catch (const Error& e) {
        check(e.kind() != ErrorKind::internal, std::string("internal error: ") + e.what());
    }
}

} // namespace pvr::fuzz
