#include "app/mount_point.hpp"
#include "core/error.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace {

using pvr::app::ensure_mounted_directory;
using pvr::app::is_mount_point;
using pvr::app::is_mount_point_in;

// /proc/self/mountinfo of a container started with -v "$PWD/my reports:/reports" (shortened).
constexpr std::string_view k_container_mountinfo =
    "611 532 0:52 / / rw,relatime master:266 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A\n"
    "612 611 0:55 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw\n"
    "620 611 8:1 /home/admin/my\\040reports /reports rw,relatime - ext4 /dev/sda1 rw\n"
    "621 611 8:1 /var/lib/docker/containers/x/hosts /etc/hosts rw,relatime - ext4 /dev/sda1 rw\n"
    "622 611 8:1 /srv/tab\\011and\\134back /srv/odd\\040name rw,relatime - ext4 /dev/sda1 rw\n";

TEST(IsMountPointIn, FindsTheMountPointField) {
    EXPECT_EQ(is_mount_point_in(k_container_mountinfo, "/reports"), true);
    EXPECT_EQ(is_mount_point_in(k_container_mountinfo, "/"), true);
    EXPECT_EQ(is_mount_point_in(k_container_mountinfo, "/etc/hosts"), true);
}

TEST(IsMountPointIn, ADirectoryOfTheContainerIsNot) {
    EXPECT_EQ(is_mount_point_in(k_container_mountinfo, "/tmp"), false);
    EXPECT_EQ(is_mount_point_in(k_container_mountinfo, "/reports/sub"), false);
    // The root field (the source inside the host file system) is not the mount point.
    EXPECT_EQ(is_mount_point_in(k_container_mountinfo, "/home/admin/my reports"), false);
}

TEST(IsMountPointIn, DecodesTheKernelsOctalEscapes) {
    EXPECT_EQ(is_mount_point_in(k_container_mountinfo, "/srv/odd name"), true);
    EXPECT_EQ(is_mount_point_in(k_container_mountinfo, "/srv/odd\\040name"), false);
}

TEST(IsMountPointIn, TextWithoutMountLinesTellsNothing) {
    EXPECT_EQ(is_mount_point_in("", "/reports"), std::nullopt);
    EXPECT_EQ(is_mount_point_in("not mountinfo\n\n", "/reports"), std::nullopt);
}

TEST(IsMountPoint, ReadsThisProcesssMounts) {
    EXPECT_TRUE(is_mount_point("/"));
    EXPECT_TRUE(is_mount_point("/proc"));
    EXPECT_TRUE(is_mount_point("/proc/"));
    pvr::test::TempDir dir;
    EXPECT_FALSE(is_mount_point(dir.path()));
}

TEST(EnsureMountedDirectory, RefusesADirectoryOfTheContainerAndTellsHowToMountOne) {
    pvr::test::TempDir dir;
    try {
        ensure_mounted_directory(dir.path());
        FAIL() << "expected an output error";
    } catch (const pvr::Error& e) {
        EXPECT_EQ(e.kind(), pvr::ErrorKind::output);
        const std::string message = e.what();
        EXPECT_NE(message.find("OUTPUT_DIR '" + dir.path() + "' is not a mounted directory"), std::string::npos)
            << message;
        EXPECT_NE(message.find("-v \"$PWD/reports:/reports\""), std::string::npos) << message;
    }
    EXPECT_NO_THROW(ensure_mounted_directory("/proc"));
}

} // namespace
