// libFuzzer entry point of the fuzz target property_string (the body is in fuzz/property_string.hpp).
#include "fuzz/property_string.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::property_string(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
