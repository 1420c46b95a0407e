#include "model/guest.hpp"

namespace pvr::model {

const char* to_string(GuestType type) noexcept { return type == GuestType::qemu ? "qemu" : "lxc"; }

std::string Guest::subject() const { return (type == GuestType::qemu ? "vm/" : "ct/") + std::to_string(vmid); }

} // namespace pvr::model
