// libFuzzer entry point of the fuzz target pve_cluster (the body is in fuzz/pve_cluster.hpp).
#include "fuzz/pve_cluster.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::pve_cluster(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
