// libFuzzer entry point of the fuzz target prune_sim (the body is in fuzz/prune_sim.hpp).
#include "fuzz/prune_sim.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::prune_sim(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
