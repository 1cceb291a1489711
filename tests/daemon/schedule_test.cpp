#include "daemon/schedule.h"

#include <gtest/gtest.h>

#include <set>

namespace redline {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(Schedule, SuccessWaitsTheIntervalWithinJitter) {
  std::mt19937_64 rng(1);
  for (int i = 0; i < 200; ++i) {
    const auto w = wait_after_success(minutes{10}, std::nullopt, std::nullopt, rng);
    EXPECT_GE(w, seconds{540});
    EXPECT_LE(w, seconds{660});
  }
}

TEST(Schedule, JitterSpreadsFeedsConfiguredAlike) {
  std::mt19937_64 rng(7);
  std::set<long long> seen;
  for (int i = 0; i < 50; ++i) seen.insert(wait_after_success(minutes{10}, std::nullopt, std::nullopt, rng).count());
  EXPECT_GT(seen.size(), 10u);
}

TEST(Schedule, FeedTtlOnlyMakesPollingLessFrequent) {
  Backoff exact{hours{6}, 0.0};
  std::mt19937_64 rng(1);
  EXPECT_EQ(wait_after_success(minutes{10}, 60, std::nullopt, rng, exact), minutes{60});
  EXPECT_EQ(wait_after_success(minutes{10}, 1, std::nullopt, rng, exact), minutes{10});
  EXPECT_EQ(wait_after_success(minutes{10}, std::nullopt, seconds{30}, rng, exact), minutes{10});
  EXPECT_EQ(wait_after_success(minutes{10}, std::nullopt, minutes{30}, rng, exact), minutes{30});
}

TEST(Schedule, FeedTtlNeverSilencesAFeedPastTheCap) {
  Backoff exact{hours{6}, 0.0};
  std::mt19937_64 rng(1);
  EXPECT_EQ(wait_after_success(minutes{10}, 14400, std::nullopt, rng, exact), hours{6});
}

TEST(Schedule, FailuresBackOffExponentiallyUpToTheCap) {
  Backoff exact{hours{6}, 0.0};
  std::mt19937_64 rng(1);
  EXPECT_EQ(wait_after_failure(minutes{10}, 1, std::nullopt, rng, exact), minutes{20});
  EXPECT_EQ(wait_after_failure(minutes{10}, 2, std::nullopt, rng, exact), minutes{40});
  EXPECT_EQ(wait_after_failure(minutes{10}, 5, std::nullopt, rng, exact), hours{5} + minutes{20});
  EXPECT_EQ(wait_after_failure(minutes{10}, 6, std::nullopt, rng, exact), hours{6});
  EXPECT_EQ(wait_after_failure(minutes{10}, 1000, std::nullopt, rng, exact), hours{6});
}

TEST(Schedule, RetryAfterIsHonouredWhenLongerThanTheBackoff) {
  Backoff exact{hours{6}, 0.0};
  std::mt19937_64 rng(1);
  EXPECT_EQ(wait_after_failure(seconds{60}, 1, hours{1}, rng, exact), hours{1});
  EXPECT_EQ(wait_after_failure(seconds{60}, 1, seconds{5}, rng, exact), seconds{120});
}

TEST(Schedule, OneSecondIntervalsAreAccepted) {
  std::mt19937_64 rng(3);
  const auto w = wait_after_success(seconds{1}, std::nullopt, std::nullopt, rng);
  EXPECT_EQ(w, seconds{1});
}

}  // namespace
}  // namespace redline
