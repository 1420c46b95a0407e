#include "config/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace pvr::config {
namespace {

TEST(EnvFrom, BuildsAMap) {
    std::string a = "PVE_URL=https://pve1";
    std::string b = "EMPTY=";
    std::string c = "WITH_EQUALS=a=b=c";
    std::string d = "NOEQUALS";
    std::string e = "PVE_URL=second";
    char* envp[] = {a.data(), b.data(), c.data(), d.data(), e.data(), nullptr};
    const EnvMap env = env_from(envp);
    EXPECT_EQ(env.size(), 3U);
    EXPECT_EQ(env.at("PVE_URL"), "https://pve1");
    EXPECT_EQ(env.at("EMPTY"), "");
    EXPECT_EQ(env.at("WITH_EQUALS"), "a=b=c");
}

TEST(EnvFrom, NullIsEmpty) { EXPECT_TRUE(env_from(nullptr).empty()); }

TEST(DefaultFileReader, ReadsAndRejects) {
    const auto dir = std::filesystem::temp_directory_path() / ("pvr_env_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "f.txt";
    {
        std::ofstream out(path, std::ios::binary);
        out << "line1\nline2\n";
    }
    const FileReader read = default_file_reader();
    EXPECT_EQ(read(path), "line1\nline2\n");
    EXPECT_EQ(read(dir / "missing"), std::nullopt);
    EXPECT_EQ(read(dir), std::nullopt); // a directory
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace pvr::config
