#pragma once
// A VM or container: /cluster/resources plus its configuration (notes, volumes).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pvr::model {

enum class GuestType { qemu, lxc };
[[nodiscard]] const char* to_string(GuestType type) noexcept;

/// One disk (qemu) or mount point (lxc) and whether vzdump copies it (reference 5.4).
struct Volume {
    std::string key;    // "scsi1", "mp0", "rootfs"
    std::string volume; // "local-lvm:vm-100-disk-1" or a host path
    bool included = true;
    std::string reason; // "backup=0", "mount point without backup=1", "bind mount", ...
};

struct Guest {
    std::int64_t vmid = 0;
    GuestType type = GuestType::qemu;
    std::string node;
    std::string status; // "running", "stopped", "unknown", ...
    std::optional<std::string> name;
    std::optional<bool> is_template; // absent when the node has no fresh data
    std::optional<std::string> pool;
    std::vector<std::string> tags;
    std::optional<std::string> lock;
    std::optional<std::string> hastate;

    bool config_collected = false; // false: notes and volumes are unknown
    std::optional<std::string> notes;
    std::vector<Volume> volumes;

    /// "vm/101" or "ct/101", as used in anomaly subjects.
    [[nodiscard]] std::string subject() const;
};

} // namespace pvr::model
