#pragma once
// GET /nodes/{node}/{qemu|lxc}/{vmid}/config: notes and the volumes vzdump copies or skips.

#include "model/guest.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::collect {

struct GuestConfig {
    std::optional<std::string> notes; // `description`, nullopt when absent or empty
    std::vector<model::Volume> volumes;
    std::optional<std::string> name; // qemu `name`, lxc `hostname`
    std::optional<bool> is_template;
};

/// Volume rules (reference 5.4):
///  - qemu: ide0-3 sata0-5 scsi0-30 virtio0-15 efidisk0 tpmstate0; CD-ROMs (media=cdrom) and
///    unusedN are not listed; a disk is included unless backup=0 (reason "backup=0", else
///    "backup=1" or "included by default"); efidisk0 is excluded unless bios=ovmf ("efidisk but no
///    OVMF BIOS"); tpmstate0 is always included ("TPM state is always included").
///  - lxc: rootfs always included ("rootfs"); a volume mount point mpN only with backup=1 (reason
///    "backup=1", "backup=0" or "mount point without backup=1"); bind mounts ("bind mount") and
///    device mounts under /dev ("not a volume") never.
/// Volumes are ordered by bus and index. Unreadable values are described in `warnings`.
[[nodiscard]] GuestConfig parse_guest_config(std::string_view body, model::GuestType type, std::string_view endpoint,
                                             std::vector<std::string>& warnings);

} // namespace pvr::collect
