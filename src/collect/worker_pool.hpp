#pragma once
// A bounded worker pool: runs fn(0..count-1) on at most `parallelism` threads (the calling thread
// is one of them). Work is handed out through one atomic counter; nothing else is shared.
// The first exception thrown by fn stops the hand-out of further items and is rethrown once every
// thread has finished (items already running complete normally).

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pvr::collect {

template <class Fn>
void parallel_for_each(std::size_t count, std::size_t parallelism, Fn&& fn) {
    if (count == 0) {
        return;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex error_mutex;
    std::exception_ptr first_error;

    const auto worker = [&] {
        while (!stop.load(std::memory_order_acquire)) {
            const std::size_t index = next.fetch_add(1, std::memory_order_relaxed);
            if (index >= count) {
                return;
            }
            try {
                fn(index);
            } catch (...) {
                const std::lock_guard lock(error_mutex);
                if (!first_error) {
                    first_error = std::current_exception();
                }
                stop.store(true, std::memory_order_release);
            }
        }
    };

    const std::size_t threads = std::min(std::max<std::size_t>(parallelism, 1), count);
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    try {
        for (std::size_t i = 1; i < threads; ++i) {
            helpers.emplace_back(worker);
        }
    } catch (...) {
        // Could not start a thread: the ones that did start (and this one) do the work.
        if (helpers.empty()) {
            worker();
            if (first_error) {
                std::rethrow_exception(first_error);
            }
            return;
        }
    }
    worker();
    for (auto& helper : helpers) {
        helper.join();
    }
    if (first_error) {
        std::rethrow_exception(first_error);
    }
}

/// Runs every task on at most `parallelism` threads; see parallel_for_each.
inline void run_parallel(const std::vector<std::function<void()>>& tasks, std::size_t parallelism) {
    parallel_for_each(tasks.size(), parallelism, [&](std::size_t i) { tasks[i](); });
}

} // namespace pvr::collect
