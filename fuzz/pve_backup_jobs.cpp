// libFuzzer entry point of the fuzz target pve_backup_jobs (the body is in fuzz/pve_backup_jobs.hpp).
#include "fuzz/pve_backup_jobs.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pvr::fuzz::pve_backup_jobs(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
