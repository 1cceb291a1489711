#include "alerts/backoff.h"

#include <gtest/gtest.h>

#include <set>

namespace redline {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

TEST(Backoff, DoublesFromThirtySecondsUpToOneHour) {
  EXPECT_EQ(retry_delay(0), seconds{30});
  EXPECT_EQ(retry_delay(1), seconds{60});
  EXPECT_EQ(retry_delay(4), seconds{480});
  EXPECT_EQ(retry_delay(7), seconds{3600});
  EXPECT_EQ(retry_delay(1000), seconds{3600});
  EXPECT_EQ(retry_delay(-3), seconds{30});
}

TEST(Backoff, JitterStaysWithinTwentyPercentAndVaries) {
  std::mt19937_64 rng(42);
  std::set<long long> seen;
  for (int i = 0; i < 200; ++i) {
    const auto d = jittered_retry_delay(3, rng);  // nominal 240 s
    EXPECT_GE(d, seconds{192});
    EXPECT_LE(d, seconds{288});
    seen.insert(d.count());
  }
  EXPECT_GT(seen.size(), 20u);
  for (int i = 0; i < 50; ++i) EXPECT_LE(jittered_retry_delay(30, rng), seconds{3600});
}

TEST(Backoff, RetryableFailureIsRetriedBeforeTheDeadline) {
  std::mt19937_64 rng(1);
  const Timestamp created{seconds{1'000'000}};
  const auto d = decide_retry(SendOutcome{false, false, "HTTP 500"}, 0, created, hours{24},
                              created + seconds{1}, rng);
  EXPECT_FALSE(d.give_up);
  EXPECT_GE(d.next_attempt, created + seconds{25});
  EXPECT_LE(d.next_attempt, created + seconds{37});
}

TEST(Backoff, LastRetryIsAtTheDeadlineNotPastIt) {
  std::mt19937_64 rng(1);
  const Timestamp created{seconds{1'000'000}};
  const auto d = decide_retry(SendOutcome{false, false, "HTTP 503"}, 9, created, hours{1},
                              created + seconds{3500}, rng);
  EXPECT_FALSE(d.give_up);
  EXPECT_EQ(d.next_attempt, created + hours{1});
}

TEST(Backoff, GivesUpOnceTheRetryPeriodIsOver) {
  std::mt19937_64 rng(1);
  const Timestamp created{seconds{1'000'000}};
  const auto d = decide_retry(SendOutcome{false, false, "HTTP 503"}, 12, created, hours{1},
                              created + hours{1}, rng);
  EXPECT_TRUE(d.give_up);
  EXPECT_NE(d.reason.find("13 attempts"), std::string::npos) << d.reason;
  EXPECT_NE(d.reason.find("HTTP 503"), std::string::npos);
}

TEST(Backoff, PermanentFailureGivesUpAtOnce) {
  std::mt19937_64 rng(1);
  const Timestamp created{seconds{1'000'000}};
  const auto d = decide_retry(SendOutcome{false, true, "HTTP 404"}, 0, created, hours{24}, created, rng);
  EXPECT_TRUE(d.give_up);
  EXPECT_NE(d.reason.find("permanent"), std::string::npos);
}

}  // namespace
}  // namespace redline
