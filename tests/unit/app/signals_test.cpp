// SIGINT/SIGTERM remove the registered temporary files and exit 130/143 (in a forked child).

#include "app/signals.hpp"
#include "core/error.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using pvr::app::TemporaryFileGuard;

/// Runs `child` in a forked process; returns its exit status (-1 if it did not exit normally).
template <class Fn>
int exit_status_of(Fn&& child) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        child();
        ::_exit(0); // not interrupted
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(Signals, SigtermRemovesTheTemporaryFileAndExits143) {
    pvr::test::TempDir dir;
    const std::string tmp = dir.path() + "/.report.pdf.tmp-abc";
    const std::string kept = dir.path() + "/report.pdf";
    std::ofstream(tmp) << "half a report";
    std::ofstream(kept) << "a finished report";
    const int status = exit_status_of([&] {
        pvr::app::install_signal_handlers();
        const TemporaryFileGuard guard(tmp);
        ::raise(SIGTERM);
    });
    EXPECT_EQ(status, pvr::exit_code::sigterm);
    EXPECT_FALSE(std::filesystem::exists(tmp));
    EXPECT_TRUE(std::filesystem::exists(kept));
}

TEST(Signals, SigintExits130) {
    pvr::test::TempDir dir;
    const std::string tmp = dir.path() + "/.report.html.tmp-xyz";
    std::ofstream(tmp) << "x";
    const int status = exit_status_of([&] {
        pvr::app::install_signal_handlers();
        const TemporaryFileGuard guard(tmp);
        ::raise(SIGINT);
    });
    EXPECT_EQ(status, pvr::exit_code::sigint);
    EXPECT_FALSE(std::filesystem::exists(tmp));
}

TEST(Signals, AFileNoLongerRegisteredIsKept) {
    pvr::test::TempDir dir;
    const std::string done = dir.path() + "/finished";
    std::ofstream(done) << "x";
    const int status = exit_status_of([&] {
        pvr::app::install_signal_handlers();
        { const TemporaryFileGuard guard(done); }
        ::raise(SIGTERM);
    });
    EXPECT_EQ(status, pvr::exit_code::sigterm);
    EXPECT_TRUE(std::filesystem::exists(done));
}

TEST(Signals, BlockedSignalsArriveAfterTheRegistration) {
    pvr::test::TempDir dir;
    const std::string tmp = dir.path() + "/.blocked.tmp";
    const int status = exit_status_of([&] {
        pvr::app::install_signal_handlers();
        std::optional<TemporaryFileGuard> guard;
        {
            const pvr::app::BlockInterruptions blocked;
            ::raise(SIGTERM); // pending until the block ends
            std::ofstream(tmp) << "x";
            guard.emplace(tmp);
        }
        ::_exit(0); // not reached: SIGTERM is delivered when the block ends
    });
    EXPECT_EQ(status, pvr::exit_code::sigterm);
    EXPECT_FALSE(std::filesystem::exists(tmp));
}

TEST(Signals, GuardsRegisterAndUnregister) {
    const int before = pvr::app::registered_temporary_files();
    {
        const TemporaryFileGuard a("/tmp/a");
        const TemporaryFileGuard b("/tmp/b");
        EXPECT_EQ(pvr::app::registered_temporary_files(), before + 2);
    }
    EXPECT_EQ(pvr::app::registered_temporary_files(), before);
}

} // namespace
