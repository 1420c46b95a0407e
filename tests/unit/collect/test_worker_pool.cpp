// The bounded worker pool.

#include "collect/worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace pvr::collect;

namespace {

TEST(WorkerPool, RunsEveryItemOnce) {
    for (const std::size_t parallelism : {0U, 1U, 3U, 16U}) {
        std::vector<std::atomic<int>> seen(1000);
        parallel_for_each(seen.size(), parallelism, [&](std::size_t i) { ++seen[i]; });
        for (const auto& count : seen) {
            ASSERT_EQ(count.load(), 1) << parallelism;
        }
    }
    parallel_for_each(0, 4, [](std::size_t) { FAIL(); });
}

TEST(WorkerPool, NeverMoreThanParallelismAtOnce) {
    std::atomic<int> running{0};
    std::atomic<int> highest{0};
    parallel_for_each(200, 3, [&](std::size_t) {
        const int now = ++running;
        int seen = highest.load();
        while (now > seen && !highest.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        --running;
    });
    EXPECT_LE(highest.load(), 3);
    EXPECT_GE(highest.load(), 1);
}

TEST(WorkerPool, FirstExceptionStopsTheHandOutAndIsRethrown) {
    std::atomic<int> done{0};
    EXPECT_THROW(parallel_for_each(10000, 4,
                                   [&](std::size_t i) {
                                       if (i == 5) {
                                           throw std::runtime_error("boom");
                                       }
                                       ++done;
                                       std::this_thread::sleep_for(std::chrono::microseconds(50));
                                   }),
                 std::runtime_error);
    EXPECT_LT(done.load(), 10000);
}

TEST(WorkerPool, RunParallelRunsTasks) {
    std::atomic<int> sum{0};
    std::vector<std::function<void()>> tasks;
    for (int i = 1; i <= 10; ++i) {
        tasks.emplace_back([&sum, i] { sum += i; });
    }
    run_parallel(tasks, 4);
    EXPECT_EQ(sum.load(), 55);
}

} // namespace
