// libFuzzer entry point of the fuzz target pbs_json (the body is in fuzz/pbs_json.hpp).
#include "fuzz/pbs_json.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::pbs_json(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
