// When a failed delivery is tried again, and when redline stops trying: exponential backoff from
// 30 s, doubling per attempt, capped at 1 h, with ±20 % jitter so deliveries that failed together
// do not retry together; never past the delivery's deadline (created_at + retry_for), and a
// failure at or after the deadline (or a permanent one) ends the delivery.
#pragma once

#include <chrono>
#include <random>
#include <string>

#include "alerts/alerts.h"
#include "util/time.h"

namespace redline {

// The nominal delay after `attempts` earlier failed attempts: first × 2^attempts, at most 1 h
// ([alerts] retry_initial sets `first`).
std::chrono::seconds retry_delay(int attempts, std::chrono::seconds first = std::chrono::seconds{30});

// retry_delay with a random factor in [0.8, 1.2], at least 1 s, at most 1 h.
std::chrono::seconds jittered_retry_delay(int attempts, std::mt19937_64& rng,
                                          std::chrono::seconds first = std::chrono::seconds{30});

struct RetryDecision {
  bool give_up = false;
  Timestamp next_attempt;  // when !give_up
  std::string reason;      // when give_up: why, for the log and the outbox row
};

// What to do after a failed attempt of a delivery made at `created_at` with `attempts` earlier
// attempts, that failed at `now` with `outcome`.
RetryDecision decide_retry(const SendOutcome& outcome, int attempts, Timestamp created_at,
                           std::chrono::seconds retry_for, Timestamp now, std::mt19937_64& rng,
                           std::chrono::seconds first = std::chrono::seconds{30});

}  // namespace redline
