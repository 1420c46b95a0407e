// libFuzzer entry point of the fuzz target calendar_event (the body is in fuzz/calendar_event.hpp).
#include "fuzz/calendar_event.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::calendar_event(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
