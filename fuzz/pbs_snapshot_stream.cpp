// libFuzzer entry point of the fuzz target pbs_snapshot_stream (the body is in fuzz/pbs_snapshot_stream.hpp).
#include "fuzz/pbs_snapshot_stream.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::pbs_snapshot_stream(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
