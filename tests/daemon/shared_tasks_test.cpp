// Work that the service's worker and its loop's thread take from one queue (feed documents to
// parse): each task runs exactly once, oldest first, whoever takes it.
#include "daemon/shared_tasks.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace redline {
namespace {

TEST(SharedTasks, RunsTheOldestTaskAndSaysWhenThereIsNone) {
  SharedTasks tasks;
  EXPECT_FALSE(tasks.run_one());
  std::vector<int> ran;
  tasks.push([&] { ran.push_back(1); });
  tasks.push([&] { ran.push_back(2); });
  EXPECT_FALSE(tasks.empty());
  EXPECT_TRUE(tasks.run_one());
  EXPECT_EQ(ran, std::vector<int>{1});
  EXPECT_TRUE(tasks.run_one());
  EXPECT_EQ(ran, (std::vector<int>{1, 2}));
  EXPECT_TRUE(tasks.empty());
  EXPECT_FALSE(tasks.run_one());
}

TEST(SharedTasks, ThreadsTakingTogetherRunEachTaskOnce) {
  constexpr int kTasks = 5000;
  SharedTasks tasks;
  std::vector<std::atomic<int>> runs(kTasks);
  for (int i = 0; i < kTasks; ++i) tasks.push([&runs, i] { runs[static_cast<std::size_t>(i)]++; });
  std::atomic<int> taken{0};
  auto take_all = [&] {
    while (tasks.run_one()) taken.fetch_add(1);
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) threads.emplace_back(take_all);
  take_all();
  for (auto& t : threads) t.join();
  EXPECT_EQ(taken.load(), kTasks);
  for (int i = 0; i < kTasks; ++i) EXPECT_EQ(runs[static_cast<std::size_t>(i)].load(), 1) << i;
}

TEST(SharedTasks, ATaskThatThrowsReachesItsTakerAndTheRestStillRun) {
  SharedTasks tasks;
  int ran = 0;
  tasks.push([] { throw std::runtime_error("bad document"); });
  tasks.push([&] { ++ran; });
  EXPECT_THROW(tasks.run_one(), std::runtime_error);
  EXPECT_TRUE(tasks.run_one());
  EXPECT_EQ(ran, 1);
}

}  // namespace
}  // namespace redline
