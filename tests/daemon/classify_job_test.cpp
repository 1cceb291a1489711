// A classification batch shared by several threads, a chunk at a time (the daemon's worker and
// its loop's idle moments): every revision is classified exactly once, exactly one taker learns
// that the batch is complete, and a classifier that throws fails the batch once, cleanly.
#include "daemon/classify_job.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

namespace redline {
namespace {

std::vector<ClassifiedRevision> revisions(std::size_t n) {
  std::vector<ClassifiedRevision> batch(n);
  for (std::size_t i = 0; i < n; ++i)
    batch[i].revision.revision_id = static_cast<std::int64_t>(i + 1);
  return batch;
}

// This thread and `helpers` others take chunks until none is left; returns how many of them
// were told the batch is complete, and counts the chunks taken into `chunks`.
int take_all_together(ClassifyJob& job, int helpers, std::atomic<int>& chunks) {
  std::atomic<int> lasts{0};
  auto take_all = [&] {
    for (;;) {
      const auto took = job.run_chunk();
      if (took == ClassifyJob::Took::nothing) return;
      chunks.fetch_add(1);
      if (took == ClassifyJob::Took::last) lasts.fetch_add(1);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < helpers; ++t) threads.emplace_back(take_all);
  take_all();
  for (auto& t : threads) t.join();
  return lasts.load();
}

TEST(ClassifyJob, ThreadsTogetherClassifyEachRevisionOnceAndOneOfThemReportsTheEnd) {
  constexpr std::size_t kRevisions = 1000;  // 62 full chunks and a remainder
  std::vector<std::atomic<int>> calls(kRevisions);
  ClassifyJob job(revisions(kRevisions), [&](std::vector<ClassifiedRevision>& batch,
                                             std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      calls[i].fetch_add(1);
      batch[i].event_words = {"seen-" + std::to_string(batch[i].revision.revision_id)};
    }
  });
  std::atomic<int> chunks{0};
  EXPECT_EQ(take_all_together(job, 4, chunks), 1);
  EXPECT_EQ(chunks.load(),
            static_cast<int>((kRevisions + ClassifyJob::kChunk - 1) / ClassifyJob::kChunk));
  EXPECT_FALSE(job.failure);
  for (std::size_t i = 0; i < kRevisions; ++i) {
    ASSERT_EQ(calls[i].load(), 1) << i;
    ASSERT_EQ(job.batch[i].event_words, std::vector<std::string>{"seen-" + std::to_string(i + 1)});
  }
  EXPECT_EQ(job.run_chunk(), ClassifyJob::Took::nothing);
}

TEST(ClassifyJob, ABatchSmallerThanAChunkIsDoneInOneCall) {
  int calls = 0;
  ClassifyJob job(revisions(3),
                  [&](std::vector<ClassifiedRevision>&, std::size_t from, std::size_t to) {
                    ++calls;
                    EXPECT_EQ(from, 0u);
                    EXPECT_EQ(to, 3u);
                  });
  EXPECT_EQ(job.run_chunk(), ClassifyJob::Took::last);
  EXPECT_EQ(job.run_chunk(), ClassifyJob::Took::nothing);
  EXPECT_EQ(calls, 1);
}

// A batch of `chunks` chunks whose classifier counts its calls and throws "watchlist gone" on
// chunk `failing`.
std::unique_ptr<ClassifyJob> failing_at(std::size_t chunks, std::size_t failing,
                                        std::atomic<int>& calls) {
  return std::make_unique<ClassifyJob>(
      revisions(chunks * ClassifyJob::kChunk),
      [&calls, failing](std::vector<ClassifiedRevision>&, std::size_t from, std::size_t) {
        calls.fetch_add(1);
        if (from == failing * ClassifyJob::kChunk) throw std::runtime_error("watchlist gone");
      });
}

TEST(ClassifyJob, AClassifierThatThrowsFailsTheBatchOnceAndTheRestIsNotTaken) {
  std::atomic<int> calls{0};
  auto job_owner = failing_at(10, 3, calls);
  ClassifyJob& job = *job_owner;
  // One thread: chunks 0, 1 and 2 classify, chunk 3 throws and gives up chunks 4 to 9, so it
  // is the one that completes the batch.
  EXPECT_EQ(job.run_chunk(), ClassifyJob::Took::chunk);
  EXPECT_EQ(job.run_chunk(), ClassifyJob::Took::chunk);
  EXPECT_EQ(job.run_chunk(), ClassifyJob::Took::chunk);
  EXPECT_EQ(job.run_chunk(), ClassifyJob::Took::last);
  EXPECT_EQ(job.run_chunk(), ClassifyJob::Took::nothing);
  EXPECT_EQ(calls.load(), 4);
  ASSERT_TRUE(job.failure);
  try {
    std::rethrow_exception(job.failure);
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "watchlist gone");
  }
}

TEST(ClassifyJob, AFailureWhileOtherThreadsClassifyStillEndsTheBatchExactlyOnce) {
  std::atomic<int> calls{0};
  auto job = failing_at(200, 50, calls);
  std::atomic<int> chunks{0};
  EXPECT_EQ(take_all_together(*job, 3, chunks), 1);
  EXPECT_TRUE(job->failure);
  // Everything before the failing chunk was taken (how much after it other threads took before
  // the failure was seen depends on timing; the test above checks the giving up alone).
  EXPECT_GT(calls.load(), 50);
  EXPECT_LE(calls.load(), 200);
}

}  // namespace
}  // namespace redline
