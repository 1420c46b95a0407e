// /cluster/resources, /pools and pool members, guest configurations.

#include "collect/parse_guest_config.hpp"
#include "collect/parse_pools.hpp"
#include "collect/parse_resources.hpp"
#include "core/error.hpp"
#include "fake_client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using pvr::collect::testing::fixture;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

TEST(ParseResources, ReferenceExample) {
    std::vector<std::string> warnings;
    const auto guests = parse_resources(fixture("resources.json"), warnings);
    EXPECT_THAT(warnings, IsEmpty());
    ASSERT_EQ(guests.size(), 3U);

    const auto& web = guests[0];
    EXPECT_EQ(web.vmid, 100);
    EXPECT_EQ(web.type, model::GuestType::qemu);
    EXPECT_EQ(web.node, "pve1");
    EXPECT_EQ(web.status, "running");
    EXPECT_EQ(web.name, "web01");
    EXPECT_EQ(web.is_template, false);
    EXPECT_EQ(web.pool, "prod");
    EXPECT_THAT(web.tags, ElementsAre("prod", "web"));
    EXPECT_EQ(web.hastate, "started");
    EXPECT_EQ(web.lock, std::nullopt);
    EXPECT_FALSE(web.config_collected);

    EXPECT_EQ(guests[1].is_template, true);
    EXPECT_EQ(guests[1].pool, std::nullopt);

    const auto& offline = guests[2];
    EXPECT_EQ(offline.vmid, 130);
    EXPECT_EQ(offline.type, model::GuestType::lxc);
    EXPECT_EQ(offline.status, "unknown");
    EXPECT_EQ(offline.name, std::nullopt);
    EXPECT_EQ(offline.is_template, std::nullopt);
}

TEST(ParseResources, MessyVariants) {
    std::vector<std::string> warnings;
    const auto guests = parse_resources(R"({"data":[
        {"id":"qemu/101","vmid":"101","type":"qemu","node":"pve1","status":"running","template":"1",
         "tags":"a,b c;d","lock":"backup","hastate":"","pool":""},
        {"id":"lxc/102","type":"lxc","node":"pve2","tags":"  "},
        {"id":"qemu/103","vmid":103,"type":"qemu","status":"stopped"},
        {"id":"qemu/104","vmid":104,"type":"qemu","node":"pve1","template":"sometimes"},
        {"id":"network/pve1/vmbr0","type":"network","node":"pve1"},
        {"id":"openvz/9","type":"openvz","vmid":9,"node":"pve1"},
        {"id":"mystery/1","type":"mystery"},
        {"type":7},
        {"id":"node/pve2","type":"node","node":"pve2","status":"online"}]})",
                                        warnings);
    ASSERT_EQ(guests.size(), 3U);
    EXPECT_EQ(guests[0].vmid, 101);
    EXPECT_EQ(guests[0].is_template, true);
    EXPECT_THAT(guests[0].tags, ElementsAre("a", "b", "c", "d"));
    EXPECT_EQ(guests[0].lock, "backup");
    EXPECT_EQ(guests[0].hastate, std::nullopt);
    EXPECT_EQ(guests[0].pool, std::nullopt);

    EXPECT_EQ(guests[1].vmid, 102); // from the id
    EXPECT_EQ(guests[1].status, "unknown");
    EXPECT_THAT(guests[1].tags, IsEmpty());

    EXPECT_EQ(guests[2].vmid, 104);
    EXPECT_EQ(guests[2].is_template, std::nullopt);

    EXPECT_THAT(warnings, ElementsAre("GET /cluster/resources: data[2]: qemu entry without a usable 'vmid' or 'node', "
                                      "skipped",
                                      "GET /cluster/resources: data[3].template: expected a boolean, got 'sometimes' "
                                      "(ignored)",
                                      "GET /cluster/resources: data[5].type: 'openvz' is neither qemu nor lxc (VMID 9, "
                                      "left out of the report: its kind is unknown)"));
}

TEST(ParsePools, ListAndMembersInBothShapes) {
    std::vector<std::string> warnings;
    const auto pools = parse_pool_list(fixture("cluster/pools.json"), warnings);
    ASSERT_EQ(pools.size(), 2U);
    EXPECT_EQ(pools[0].id, "prod");
    EXPECT_EQ(pools[0].comment, "Production");
    EXPECT_EQ(pools[0].members, std::nullopt);
    EXPECT_EQ(pools[1].id, "prod/db");
    EXPECT_EQ(pools[1].comment, std::nullopt);

    // PVE >= 8.1: /pools?poolid=prod -> [ {poolid, members} ]
    EXPECT_THAT(parse_pool_members(fixture("cluster/pool_prod.json"), "GET /pools?poolid=prod", "prod", warnings),
                ElementsAre(100));
    // Older: /pools/lab -> {poolid, members}
    EXPECT_THAT(parse_pool_members(
                    R"({"data":{"poolid":"lab","members":[{"id":"lxc/131","vmid":131,"node":"pve2","type":"lxc"},
                        {"id":"qemu/132","node":"pve2","type":"qemu"},
                        {"id":"storage/pve2/local","storage":"local","type":"storage"}]}})",
                    "GET /pools/lab", "lab", warnings),
                ElementsAre(131, 132));
    EXPECT_THAT(parse_pool_members(R"({"data":[{"poolid":"empty"}]})", "GET /pools?poolid=empty", "empty", warnings),
                IsEmpty());
    EXPECT_THAT(warnings, IsEmpty());
}

TEST(ParsePools, BadAnswers) {
    std::vector<std::string> warnings;
    EXPECT_THROW((void)parse_pool_members(R"({"data":[{"poolid":"other","members":[]}]})", "GET /pools?poolid=prod",
                                          "prod", warnings),
                 Error);
    EXPECT_THROW((void)parse_pool_members(R"({"data":"prod"})", "GET /pools/prod", "prod", warnings), Error);
    EXPECT_THROW((void)parse_pool_members(R"({"data":{"members":{}}})", "GET /pools/prod", "prod", warnings), Error);

    const auto pools = parse_pool_list(R"({"data":[{"comment":"no id"},{"poolid":"ok","comment":[1]}]})", warnings);
    ASSERT_EQ(pools.size(), 1U);
    EXPECT_EQ(pools[0].comment, std::nullopt);
    EXPECT_EQ(warnings.size(), 2U);
}

TEST(ParseGuestConfig, QemuReferenceExample) {
    std::vector<std::string> warnings;
    const auto config = parse_guest_config(fixture("qemu_config.json"), model::GuestType::qemu,
                                           "GET /nodes/pve1/qemu/100/config", warnings);
    EXPECT_THAT(warnings, IsEmpty());
    EXPECT_EQ(config.notes, "Owner: web team\nRestore priority: high");
    EXPECT_EQ(config.name, "web01");
    ASSERT_EQ(config.volumes.size(), 3U); // ide2 is a CD-ROM
    EXPECT_EQ(config.volumes[0].key, "scsi0");
    EXPECT_EQ(config.volumes[0].volume, "local-lvm:vm-100-disk-0");
    EXPECT_TRUE(config.volumes[0].included);
    EXPECT_EQ(config.volumes[0].reason, "included by default");
    EXPECT_EQ(config.volumes[1].key, "scsi1");
    EXPECT_FALSE(config.volumes[1].included);
    EXPECT_EQ(config.volumes[1].reason, "backup=0");
    EXPECT_EQ(config.volumes[2].key, "efidisk0");
    EXPECT_TRUE(config.volumes[2].included); // bios=ovmf
}

struct DiskCase {
    const char* key;
    const char* value;
    bool listed;
    bool included;
    const char* reason;
};

TEST(ParseGuestConfig, QemuDiskRules) {
    const DiskCase cases[] = {
        {"scsi1", "local-lvm:vm-1-disk-1,backup=1", true, true, "backup=1"},
        {"sata5", "local-lvm:vm-1-disk-1,backup=no", true, false, "backup=0"},
        {"virtio15", "local-lvm:vm-1-disk-1,backup=off,size=1G", true, false, "backup=0"},
        {"ide3", "/dev/disk/by-id/ata-X", true, true, "included by default"},
        {"scsi30", "file=ceph:vm-1-disk-3,backup=0", true, false, "backup=0"},
        {"efidisk0", "local-lvm:vm-1-disk-2,efitype=4m", true, false, "efidisk but no OVMF BIOS"},
        {"tpmstate0", "local-lvm:vm-1-disk-3,backup=0,version=v2.0", true, true, "TPM state is always included"},
        {"ide2", "local:iso/debian.iso,media=cdrom", false, false, ""},
        {"ide0", "local-lvm:vm-1-cloudinit,media=cdrom", false, false, ""},
        {"unused0", "local-lvm:vm-1-disk-9", false, false, ""},
        {"scsi31", "local-lvm:vm-1-disk-9", false, false, ""},
        {"sata6", "local-lvm:vm-1-disk-9", false, false, ""},
        {"ide4", "local-lvm:vm-1-disk-9", false, false, ""},
        {"scsi01", "local-lvm:vm-1-disk-9", false, false, ""},
        {"scsihw", "virtio-scsi-single", false, false, ""},
        {"vmstate", "local-lvm:vm-1-state-x", false, false, ""},
    };
    for (const auto& c : cases) {
        std::vector<std::string> warnings;
        const std::string body = std::string(R"({"data":{")") + c.key + R"(":")" + c.value + R"("}})";
        const auto config = parse_guest_config(body, model::GuestType::qemu, "GET /c", warnings);
        ASSERT_EQ(config.volumes.size(), c.listed ? 1U : 0U) << c.key;
        if (c.listed) {
            EXPECT_EQ(config.volumes[0].key, c.key);
            EXPECT_EQ(config.volumes[0].included, c.included) << c.key;
            EXPECT_EQ(config.volumes[0].reason, c.reason) << c.key;
        }
    }
}

TEST(ParseGuestConfig, QemuOrderAndOddValues) {
    std::vector<std::string> warnings;
    const auto config = parse_guest_config(
        R"({"data":{"scsi10":"a:1","scsi2":"a:2","ide0":"a:3","virtio0":"a:4","tpmstate0":"a:5","efidisk0":"a:6",
                    "sata1":"a:7,backup=maybe","bios":"OVMF","description":"","template":1,"scsi3":5}})",
        model::GuestType::qemu, "GET /nodes/pve1/qemu/7/config", warnings);
    std::vector<std::string> keys;
    for (const auto& v : config.volumes) {
        keys.push_back(v.key);
    }
    EXPECT_THAT(keys, ElementsAre("ide0", "sata1", "scsi2", "scsi10", "virtio0", "efidisk0", "tpmstate0"));
    EXPECT_TRUE(config.volumes[1].included);
    EXPECT_TRUE(config.volumes[5].included); // OVMF, any case
    EXPECT_EQ(config.notes, std::nullopt);
    EXPECT_EQ(config.is_template, true);
    EXPECT_THAT(warnings,
                ElementsAre("GET /nodes/pve1/qemu/7/config: data.sata1: backup=maybe is not a boolean (ignored)",
                            "GET /nodes/pve1/qemu/7/config: data.scsi3: expected a drive string, got 5 (ignored)"));
}

TEST(ParseGuestConfig, LxcReferenceExample) {
    std::vector<std::string> warnings;
    const auto config = parse_guest_config(fixture("lxc_config.json"), model::GuestType::lxc,
                                           "GET /nodes/pve1/lxc/101/config", warnings);
    EXPECT_THAT(warnings, IsEmpty());
    EXPECT_EQ(config.notes, "PostgreSQL 16");
    EXPECT_EQ(config.name, "db01");
    ASSERT_EQ(config.volumes.size(), 3U);
    EXPECT_EQ(config.volumes[0].key, "rootfs");
    EXPECT_TRUE(config.volumes[0].included);
    EXPECT_EQ(config.volumes[0].reason, "rootfs");
    EXPECT_EQ(config.volumes[1].key, "mp0");
    EXPECT_FALSE(config.volumes[1].included);
    EXPECT_EQ(config.volumes[1].reason, "mount point without backup=1");
    EXPECT_EQ(config.volumes[2].key, "mp1");
    EXPECT_EQ(config.volumes[2].volume, "/mnt/bulk");
    EXPECT_FALSE(config.volumes[2].included);
    EXPECT_EQ(config.volumes[2].reason, "bind mount");
}

TEST(ParseGuestConfig, LxcMountPointRules) {
    const DiskCase cases[] = {
        {"mp0", "local-zfs:subvol-1-disk-1,mp=/data,backup=1", true, true, "backup=1"},
        {"mp1", "local-zfs:subvol-1-disk-1,mp=/data,backup=yes", true, true, "backup=1"},
        {"mp2", "local-zfs:subvol-1-disk-1,mp=/data,backup=true", true, true, "backup=1"},
        {"mp3", "local-zfs:subvol-1-disk-1,mp=/data,backup=on", true, true, "backup=1"},
        {"mp4", "local-zfs:subvol-1-disk-1,mp=/data,backup=0", true, false, "backup=0"},
        {"mp5", "local-zfs:subvol-1-disk-1,mp=/data", true, false, "mount point without backup=1"},
        {"mp6", "volume=local-zfs:subvol-1-disk-1,mp=/data,backup=1", true, true, "backup=1"},
        {"mp7", "/srv/share,mp=/share,backup=1", true, false, "bind mount"},
        {"mp8", "/dev/sdb1,mp=/mnt/disk", true, false, "not a volume"},
        {"rootfs", "local-zfs:subvol-1-disk-0,size=8G,backup=0", true, true, "rootfs"},
        {"unused0", "local-zfs:subvol-1-disk-9", false, false, ""},
        {"dev0", "/dev/ttyUSB0", false, false, ""},
        {"mpx", "local:1", false, false, ""},
    };
    for (const auto& c : cases) {
        std::vector<std::string> warnings;
        const std::string body = std::string(R"({"data":{")") + c.key + R"(":")" + c.value + R"("}})";
        const auto config = parse_guest_config(body, model::GuestType::lxc, "GET /c", warnings);
        ASSERT_EQ(config.volumes.size(), c.listed ? 1U : 0U) << c.key;
        if (c.listed) {
            EXPECT_EQ(config.volumes[0].included, c.included) << c.key;
            EXPECT_EQ(config.volumes[0].reason, c.reason) << c.key;
        }
    }
}

TEST(ParseGuestConfig, NotAnObject) {
    std::vector<std::string> warnings;
    EXPECT_THROW((void)parse_guest_config(R"({"data":[]})", model::GuestType::qemu, "GET /c", warnings), Error);
    EXPECT_THROW((void)parse_guest_config("", model::GuestType::lxc, "GET /c", warnings), Error);
}

} // namespace
