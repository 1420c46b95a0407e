#include "app/logging.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdio>
#include <string>

namespace pvr::app {
namespace {

std::string device_inode(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        return "";
    }
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

TEST(JournalLine, CarriesThePriorityOfEachLevel) {
    EXPECT_EQ(journal_line("error", "cannot write"), "<3>error cannot write");
    EXPECT_EQ(journal_line("warning", "GET /pools failed"), "<4>warning GET /pools failed");
    EXPECT_EQ(journal_line("info", "report written"), "<6>info report written");
    EXPECT_EQ(journal_line("debug", "x"), "<7>debug x");
    EXPECT_EQ(journal_line("trace", "x"), "<7>trace x");
    EXPECT_EQ(journal_line("critical", "x"), "<2>critical x");
}

TEST(JournalLine, KeepsOneRecordOnOneLine) {
    EXPECT_EQ(journal_line("warning", "first\nsecond"), "<4>warning first second");
}

TEST(JournalStream, MatchesOnlyTheFileBehindTheDescriptor) {
    std::FILE* file = std::tmpfile();
    ASSERT_NE(file, nullptr);
    const int fd = ::fileno(file);
    const std::string mine = device_inode(fd);
    ASSERT_FALSE(mine.empty());
    EXPECT_TRUE(is_journal_stream(mine, fd));
    std::FILE* other = std::tmpfile();
    ASSERT_NE(other, nullptr);
    EXPECT_FALSE(is_journal_stream(device_inode(::fileno(other)), fd)); // inherited from a parent unit
    std::fclose(other);
    EXPECT_FALSE(is_journal_stream("", fd));
    EXPECT_FALSE(is_journal_stream("12", fd));
    EXPECT_FALSE(is_journal_stream("a:b", fd));
    EXPECT_FALSE(is_journal_stream(mine + "x", fd));
    EXPECT_FALSE(is_journal_stream(mine, -1));
    std::fclose(file);
}

} // namespace
} // namespace pvr::app
