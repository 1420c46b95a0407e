#include "app/signals.hpp"

#include "core/error.hpp"

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <pthread.h>
#include <unistd.h>

namespace pvr::app {
namespace {

constexpr std::size_t max_files = 16;
constexpr std::size_t max_path = 4096;

enum SlotState : int { free_slot = 0, writing = 1, active = 2 };

struct Slot {
    std::atomic<int> state{free_slot};
    std::array<char, max_path> path{};
};

std::array<Slot, max_files> g_slots;
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");

void write_stderr(const char* text) {
    const std::size_t size = std::strlen(text);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(STDERR_FILENO, text + done, size - done);
        if (n <= 0) {
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

extern "C" void on_interrupt(int signal_number) {
    for (auto& slot : g_slots) {
        if (slot.state.load() == active) {
            ::unlink(slot.path.data());
        }
    }
    write_stderr(signal_number == SIGINT ? "pve-backup-report: interrupted (SIGINT)\n"
                                         : "pve-backup-report: terminated (SIGTERM)\n");
    ::_exit(signal_number == SIGINT ? exit_code::sigint : exit_code::sigterm);
}

sigset_t interruption_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

} // namespace

void install_signal_handlers() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaddset(&action.sa_mask, SIGINT); // one handler at a time
    sigaddset(&action.sa_mask, SIGTERM);
    action.sa_flags = 0;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

TemporaryFileGuard::TemporaryFileGuard(const std::string& path) {
    if (path.size() >= max_path) {
        return;
    }
    for (std::size_t i = 0; i < g_slots.size(); ++i) {
        int expected = free_slot;
        if (g_slots[i].state.compare_exchange_strong(expected, writing)) {
            std::memcpy(g_slots[i].path.data(), path.c_str(), path.size() + 1);
            g_slots[i].state.store(active);
            m_slot = static_cast<int>(i);
            return;
        }
    }
}

TemporaryFileGuard::~TemporaryFileGuard() {
    if (m_slot >= 0) {
        g_slots[static_cast<std::size_t>(m_slot)].state.store(free_slot);
    }
}

BlockInterruptions::BlockInterruptions() {
    static_assert(sizeof(sigset_t) <= sizeof(m_old), "sigset_t does not fit");
    const sigset_t set = interruption_signals();
    sigset_t old;
    if (::pthread_sigmask(SIG_BLOCK, &set, &old) == 0) {
        std::memcpy(m_old, &old, sizeof(old));
        m_blocked = true;
    }
}

BlockInterruptions::~BlockInterruptions() {
    if (m_blocked) {
        sigset_t old;
        std::memcpy(&old, m_old, sizeof(old));
        ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
    }
}

int registered_temporary_files() {
    int count = 0;
    for (const auto& slot : g_slots) {
        count += slot.state.load() == active ? 1 : 0;
    }
    return count;
}

} // namespace pvr::app
