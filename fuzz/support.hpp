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
