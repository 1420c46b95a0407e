// libFuzzer entry point of the fuzz target config (the body is in fuzz/config.hpp).
#include "fuzz/config.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::config(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
