// libFuzzer entry point of the fuzz target pbs_snapshots (the body is in fuzz/pbs_snapshots.hpp).
#include "fuzz/pbs_snapshots.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::pbs_snapshots(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
