// libFuzzer entry point of the fuzz target upid (the body is in fuzz/upid.hpp).
#include "fuzz/upid.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::upid(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
